from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reliability import ReliabilityReport
from reliability.cli import build_parser, main

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _commands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return list(action.choices)


def test_every_command_is_documented():
    docs = DOCS.read_text(encoding="utf-8")
    for command in _commands():
        assert f"## `reliability {command}" in docs, f"`reliability {command}` is not documented in docs/cli.md"


def test_score_text_and_json(capsys, example_article, tmp_path):
    from conftest import EXAMPLE

    assert main(["score", str(EXAMPLE), "--first-line-title"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"Reliability: 0\.\d\d \((low|mixed|high)\)", out)
    assert "→" in out
    assert main(["score", str(EXAMPLE), "--json", "--first-line-title"]) == 0
    report = ReliabilityReport.model_validate_json(capsys.readouterr().out)
    assert report.score < 0.5


def test_score_from_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("The minister said that taxes would fall."))
    assert main(["score", "-", "--json", "--title", "Taxes", "--url", "https://www.bbc.co.uk/news/1"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sources"][0]["id"] == "article" and report["sources"][0]["domain"] == "bbc.co.uk"


def test_extract(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text('"We will win," said coach Dana Kim.', encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["directness"] == "direct_quote" and found[0]["source"]["text"] == "coach Dana Kim"


def test_schema(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "ReliabilityReport"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "/no/such/file.txt"], "no such file"),
        (["score", "EMPTY"], "empty"),
        (["score", "BINARY"], "not valid UTF-8 (byte offset 2)"),
        (["score", "GOOD", "--model", "/no/model.joblib"], "no model file"),
    ],
)
def test_user_errors_are_one_line_and_exit_1(argv, message, tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"ab\xff\xfe")
    (tmp_path / "good.txt").write_text("The minister said that taxes would fall.", encoding="utf-8")
    files = {"EMPTY": "empty.txt", "BINARY": "binary.txt", "GOOD": "good.txt"}
    argv = [str(tmp_path / files[a]) if a in files else a for a in argv]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_train_command(tmp_path, capsys):
    rows = []
    for i in range(40):
        good = i % 2
        text = ('Minister Ana Vidal said that the budget passed. "We kept our word," she said.' if good else
                "SHOCKING!!! There are reports that you will pay a secret tax. Sources say it is true!")
        rows.append(json.dumps({"text": text, "label": good, "group": f"g{i % 8}"}))
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["train", str(data), "-o", str(tmp_path / "m.joblib")]) == 0
    assert "grouped-CV ROC-AUC" in capsys.readouterr().out
    assert (tmp_path / "m.card.json").exists()
