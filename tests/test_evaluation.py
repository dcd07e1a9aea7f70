from __future__ import annotations

import json

import pytest

from reliability import EvaluationReport, LabelledArticle, evaluate
from reliability.cli import main

GOOD = [
    'Minister Ana Vidal said on Tuesday that the budget was approved. "We kept every promise," Vidal told reporters.',
    "According to the statistics office, prices rose 2 percent in May, the agency said in a statement.",
    'Dr. Omar Haddad, an epidemiologist, said the vaccine cut deaths by half. "The data are clear," he said.',
]
BAD = [
    "SHOCKING! There are reports that the budget hides a secret tax!!! Sources say you will pay more.",
    "Is your money safe? They don't want you to know this. Share before it is deleted!",
    "You won't believe what insiders say about the vaccine. It is known to cause harm, reportedly.",
]


def _records() -> list[LabelledArticle]:
    records = []
    for i in range(72):
        good = i % 2
        text = (GOOD if good else BAD)[i % 3] + f" Item {i}."
        records.append(LabelledArticle(id=str(i), text=text, label=good, group=f"outlet{i % 12}",
                                       dataset="first" if i < 36 else "second"))
    return records


@pytest.fixture(scope="module")
def evaluated():
    curves: dict = {}
    return evaluate(_records(), n_splits=3, curves=curves), curves


def test_schemes_and_baseline(evaluated):
    report, curves = evaluated
    schemes = [r.scheme for r in report.results]
    assert schemes == ["grouped", "random", "lodo:first", "lodo:second"]
    for result in report.results:
        assert result.baseline is not None
        assert 0.0 <= result.model.roc_auc <= 1.0 and 0.0 <= result.model.ece <= 1.0
        assert result.model.n == (72 if result.scheme in ("grouped", "random") else 36)
    assert report.results[0].model.roc_auc > 0.9
    assert set(curves) >= {"grouped/model", "grouped/baseline", "random/model"}
    assert report.datasets == {"first": 36, "second": 36} and report.n_groups == 12
    assert EvaluationReport.model_validate_json(report.model_dump_json()) == report
    assert "grouped" in report.table()


def test_html_report(evaluated, tmp_path):
    pytest.importorskip("matplotlib", reason="the report needs the optional extra reliability[report]")
    from reliability import train
    from reliability._evaluation_report import write_report

    report, curves = evaluated
    model = train(_records(), baseline=False, n_splits=3)
    path = write_report(report, curves, tmp_path, model=model)
    page = path.read_text(encoding="utf-8")
    assert page.count("<svg") == 5
    for external in ("<script", "<link", 'src="http', "url(http"):  # self-contained: nothing to fetch
        assert external not in page
    assert json.loads((tmp_path / "report.json").read_text())["n_groups"] == 12


def test_cli_evaluate(tmp_path, capsys):
    data = tmp_path / "data.jsonl"
    data.write_text("\n".join(r.model_dump_json() for r in _records()) + "\n", encoding="utf-8")
    assert main(["evaluate", "-", str(data), "--folds", "3", "--no-random", "--no-baseline"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("scheme") and "grouped" in out


def test_cli_evaluate_reports_a_bad_line(tmp_path, capsys):
    data = tmp_path / "data.jsonl"
    data.write_text('{"text": "ok", "label": 1}\n{"text": "broken"\n', encoding="utf-8")
    assert main(["evaluate", "-", str(data)]) == 1
    assert "line 2" in capsys.readouterr().err
