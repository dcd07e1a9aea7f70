"""Scorer.score_many and `reliability batch`: order, equality with one-at-a-time scoring, bounded
input consumption, per-record failures, resuming, torn lines, interruption, and a Dask cluster."""

from __future__ import annotations

import csv
import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reliability import Article, EmptyTextError, InputTooLargeError, ReliabilityReport, Scorer
from reliability._batch import BatchSummary, score_file
from reliability.cli import main

# Sentences written for these tests, combined into articles of different shapes.
_SENTENCES = [
    "The health minister said that the new clinic would open in March.",
    '"We have the money and the staff," said Dr. Amara Osei, who runs the regional hospital.',
    "According to Reuters, the ministry has not published the contract.",
    "There are reports that the builder was paid twice for the same work.",
    "Reportedly, three inspectors resigned last year.",
    "The clinic will serve about 40,000 people in the valley.",
    "Is it true that the hospital will close?",
    "Local residents may have to travel two hours for treatment, a council spokesman added.",
    "Quoted from the Valley Times, the mayor confirmed the plan on Tuesday.",
    "Officials declined to comment.",
]


def _articles(n: int) -> list[str]:
    """``n`` distinct articles of one to six paragraphs."""
    out = []
    for i in range(n):
        picked = [_SENTENCES[(i * 7 + k * 3) % len(_SENTENCES)] for k in range(1 + i % 6)]
        out.append("\n\n".join(picked) + f"\n\nThe vote is set for day {i + 1} of the session.")
    return out


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer()


def _same(a: ReliabilityReport, b: ReliabilityReport) -> bool:
    return a.model_dump() == b.model_dump()


def test_score_many_equals_one_at_a_time_in_order(scorer):
    texts = _articles(25)
    one_by_one = [scorer.score(t) for t in texts]
    many = list(scorer.score_many(texts, batch_size=4))
    assert len(many) == len(texts) and all(_same(a, b) for a, b in zip(one_by_one, many, strict=True))


def test_score_many_in_parallel_equals_sequential(scorer):
    articles = [Article(text=t, title=f"Headline {i}") for i, t in enumerate(_articles(30))]
    sequential = list(scorer.score_many(articles))
    parallel = list(scorer.score_many(articles, n_jobs=2, batch_size=4))
    assert all(_same(a, b) for a, b in zip(sequential, parallel, strict=True))


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_score_many_pulls_the_input_lazily(scorer, n_jobs):
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for text in itertools.cycle(_articles(7)):
            pulled += 1
            yield text

    # An endless input would hang or exhaust memory if score_many read ahead without bound.
    reports = scorer.score_many(endless(), n_jobs=n_jobs, batch_size=3)
    first = list(itertools.islice(reports, 10))
    reports.close()
    assert len(first) == 10
    assert pulled <= 10 + 3 * (2 * n_jobs + 2)


def test_score_many_errors_raise_in_order_or_are_returned(scorer):
    texts = ["The minister said that taxes would fall.", "   ", "Officials declined to comment on the plan."]
    reports = scorer.score_many(texts)
    assert isinstance(next(reports), ReliabilityReport)
    with pytest.raises(EmptyTextError):
        next(reports)
    returned = list(Scorer(max_chars=50).score_many([*texts, "x" * 60], errors="return"))
    assert [type(r).__name__ for r in returned] == [
        "ReliabilityReport", "EmptyTextError", "ReliabilityReport", "InputTooLargeError"]
    assert isinstance(returned[3], InputTooLargeError)


@pytest.mark.parametrize("bad", [{"batch_size": 0}, {"errors": "ignore"}])
def test_score_many_rejects_bad_options_at_the_call(scorer, bad):
    with pytest.raises(ValueError):
        scorer.score_many(["The minister said that taxes would fall."], **bad)


def test_score_many_refuses_a_bare_string(scorer):
    with pytest.raises(TypeError, match="iterable of articles"):
        scorer.score_many("The minister said that taxes would fall.")


# --------------------------------------------------------------------------------------------
# reliability batch
# --------------------------------------------------------------------------------------------


def _write_jsonl(path: Path, records: list[dict | str]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write((record if isinstance(record, str) else json.dumps(record)) + "\n")
    return path


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_batch_writes_reports_in_order_and_failures_with_reasons(tmp_path, scorer):
    texts = _articles(6)
    records: list[dict | str] = [{"id": f"a{i}", "text": t, "title": "A headline"} for i, t in enumerate(texts)]
    records[2:2] = [
        {"id": "empty", "text": "  "},
        "{not json",
        {"id": "n", "text": 5},
        {"text": "No id on this record, which says the minister spoke."},
        {"id": "a0", "text": "A second record with a used id."},
        {"id": "bad-date", "text": "The minister said that taxes would fall.", "published": "yesterday-ish"},
    ]
    source = _write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out)]) == 0
    written = _read(out)
    assert [w["id"] for w in written] == [f"a{i}" for i in range(6)]
    for line, text in zip(written, texts, strict=True):
        report = ReliabilityReport.model_validate(line["report"])
        assert _same(report, scorer.score(text, title="A headline"))
    errors = _read(tmp_path / "out.errors.jsonl")
    assert [(e["id"], e["line"]) for e in errors] == [
        ("empty", 3), (None, 4), ("n", 5), (None, 6), ("a0", 7), ("bad-date", 8)]
    reasons = [e["reason"] for e in errors]
    assert "empty" in reasons[0] and "invalid JSON" in reasons[1] and "'text' must be a string" in reasons[2]
    assert "no 'id'" in reasons[3] and "duplicate id" in reasons[4] and "date" in reasons[5]


def test_batch_resumes_and_cuts_a_torn_last_line(tmp_path):
    source = _write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(_articles(8))])
    out = tmp_path / "out.jsonl"
    first = score_file(source, out)
    assert (first.scored, first.failed, first.skipped) == (8, 0, 0)
    lines = out.read_bytes().splitlines(keepends=True)
    # A hard crash after three whole lines and half of the fourth.
    out.write_bytes(b"".join(lines[:3]) + lines[3][: len(lines[3]) // 2])
    second = score_file(source, out)
    assert (second.scored, second.failed, second.skipped) == (5, 0, 3)
    assert out.read_bytes() == b"".join(lines)


def test_batch_stops_cleanly_on_ctrl_c_and_resumes(tmp_path):
    source = _write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": t} for i, t in enumerate(_articles(12))])
    out = tmp_path / "out.jsonl"

    def interrupt_after_five(done: int, total: int | None) -> None:
        assert total == 12
        if done == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        score_file(source, out, batch_size=2, progress=interrupt_after_five)
    assert [r["id"] for r in _read(out)] == [f"r{i}" for i in range(5)]
    summary = score_file(source, out)
    assert isinstance(summary, BatchSummary) and (summary.scored, summary.skipped) == (7, 5)
    assert [r["id"] for r in _read(out)] == [f"r{i}" for i in range(12)]


def test_batch_reads_csv_and_runs_in_parallel(tmp_path, capsys):
    source = tmp_path / "in.csv"
    texts = _articles(10)
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "url", "text"])
        for i, text in enumerate(texts):
            writer.writerow([f"c{i}", "", "https://example.com/a" if i % 2 else "", text])
    sequential, parallel = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["batch", str(source), "-o", str(sequential)]) == 0
    assert "10 scored, 0 failed" in capsys.readouterr().err
    assert main(["batch", str(source), "-o", str(parallel), "--jobs", "2", "--batch-size", "3", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert sequential.read_bytes() == parallel.read_bytes()
    assert len(_read(parallel)) == 10


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [("id,body\n1,text\n", ".csv", "needs 'id' and 'text'"), ("{}", ".txt", "unknown file type")],
)
def test_batch_bad_files_are_one_line_errors(tmp_path, capsys, content, suffix, message):
    source = tmp_path / f"in{suffix}"
    source.write_text(content, encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl")]) == 1
    assert message in capsys.readouterr().err


def test_batch_refuses_to_overwrite_its_input(tmp_path, capsys):
    source = _write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "The minister said that taxes would fall."}])
    assert main(["batch", str(source), "-o", str(source)]) == 1
    assert "three different files" in capsys.readouterr().err


def test_batch_refuses_an_output_it_did_not_write(tmp_path, capsys):
    source = _write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "The minister said that taxes would fall."}])
    out = tmp_path / "out.jsonl"
    out.write_text("id,text\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(out)]) == 1
    assert "not a report line" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# Dask: the same batch on a LocalCluster with two worker processes
# --------------------------------------------------------------------------------------------


def _dask_or_skip() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI installs reliability[dask]; dask.distributed must be importable here")
        pytest.skip("dask.distributed is not installed (pip install 'reliability[dask]')")


def test_batch_on_a_dask_cluster_equals_one_process(tmp_path, polnear_dev):
    _dask_or_skip()
    from dask.distributed import LocalCluster

    # A few hundred real articles, cut to their first 1,000 characters to keep the test short.
    texts = [p.read_text(encoding="utf-8")[:1000] for p in sorted((polnear_dev / "text").glob("*.txt"))]
    records = [{"id": f"{i}-{k}", "text": t} for k in range(3) for i, t in enumerate(texts)]
    assert len(records) >= 200
    source = _write_jsonl(tmp_path / "in.jsonl", records)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    score_file(source, local)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = score_file(source, remote, scheduler=cluster.scheduler_address, batch_size=16)
        assert len(cluster.scheduler.workers) == 2
    assert (summary.scored, summary.failed) == (len(records), 0)
    assert local.read_bytes() == remote.read_bytes()


def test_progress_bar_shows_rate_and_eta(capsys):
    from reliability.cli import _ProgressBar

    bar = _ProgressBar()
    bar(0, 10)
    bar(10, 10)
    err = capsys.readouterr().err
    assert "10/10 100%" in err and "articles/s" in err and "ETA 0:00:00" in err and err.endswith("\n")
