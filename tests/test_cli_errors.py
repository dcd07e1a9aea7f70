"""Every user error on the command line is one line on stderr with a documented exit code, never
a traceback; invalid UTF-8 is located by byte offset or replaced on request."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reliability import ReliabilityReport
from reliability._model import card_path, default_model_path
from reliability.cli import EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR, main

GOOD = "The minister said that taxes would fall. “We kept our word,” she added."


def _files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": GOOD.encode(),
        "bad_utf8": "The minister said that taxes would fall.\nLine two \xff.".encode("latin-1"),
        "bom_bad": b"\xef\xbb\xbfab\xff",
        "html": b"<!DOCTYPE html><html><body><p>The minister said so.</p></body></html>",
        "empty": b"",
        "spaces": b" \n\t ",
        "surrogate_escape": b"The minister said \xed\xa0\x80 that.",  # an encoded lone surrogate
        "nul": b"The minister\x00 said that taxes would fall.",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_bytes(data)
    paths["not_a_model"] = tmp_path / "model.joblib"
    paths["not_a_model"].write_bytes(b"not a pickle")
    # A real card beside a file that is no model: the sha256 check, then unpickling, must fail.
    (tmp_path / "model.card.json").write_bytes(card_path(default_model_path()).read_bytes())
    return paths


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "{bad_utf8}"], "not valid UTF-8 (byte offset 50) on line 2: byte 0xff"),
        (["extract", "{bad_utf8}"], "--errors replace"),
        (["score", "{bom_bad}"], "byte offset 5"),
        (["score", "{surrogate_escape}"], "not valid UTF-8 (byte offset 18)"),
        (["score", "{html}"], "score_html"),
        (["extract", "{html}"], "looks like HTML"),
        (["score", "{empty}"], "empty"),
        (["score", "{spaces}"], "empty"),
        (["score", "{tmp}"], "is a directory"),
        (["score", "{good}", "--title", "\udcff\udcfe"], "title holds a lone surrogate"),  # undecodable argv bytes
        (["score", "{good}", "--url", "https://\udcff.com/"], "url holds a lone surrogate"),
        (["score", "{good}", "--model", "{not_a_model}"], "sha256"),
        (["score", "{good}", "--model", "{not_a_model}", "--trust-model"], "cannot load the model"),
        (["score", "{good}", "--model", "{tmp}"], "no model file"),
        (["train", "{good}", "-o", "{tmp}/m.joblib"], "unknown file type"),
        (["train", "{tmp}/none.jsonl", "-o", "{tmp}/m.joblib"], "none.jsonl not found"),
    ],
)
def test_user_errors_exit_1_with_one_line(argv, message, tmp_path, capsys):
    paths = _files(tmp_path)
    argv = [a.format(tmp=tmp_path, **paths) for a in argv]
    assert main(argv) == EXIT_USER_ERROR
    captured = capsys.readouterr()
    assert message in captured.err, captured.err
    assert captured.err.startswith("reliability: error: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err and captured.out == ""


def test_errors_replace_decodes_with_u_fffd(tmp_path, capsys):
    paths = _files(tmp_path)
    assert main(["score", str(paths["bad_utf8"]), "--json", "--errors", "replace"]) == EXIT_OK
    report = ReliabilityReport.model_validate_json(capsys.readouterr().out)
    assert report.claims
    assert main(["extract", str(paths["bad_utf8"]), "--errors", "replace"]) == EXIT_OK
    json.loads(capsys.readouterr().out)


def test_nul_bytes_are_scored(tmp_path, capsys):
    assert main(["score", str(_files(tmp_path)["nul"]), "--json"]) == EXIT_OK
    ReliabilityReport.model_validate_json(capsys.readouterr().out)


def test_usage_errors_exit_2(capsys):
    for argv in ([], ["score"], ["score", "x", "--errors", "ignore"], ["nonsense"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == EXIT_USAGE
    assert "Traceback" not in capsys.readouterr().err


def test_unwritable_output_is_a_user_error(tmp_path, capsys):
    rows = [json.dumps({"text": GOOD if i % 2 else "SHOCKING!!! Sources say so!", "label": i % 2,
                        "group": f"g{i % 6}"}) for i in range(24)]
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["train", str(data), "-o", str(blocker / "m.joblib")]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith(f"reliability: error: cannot access {blocker}") and err.count("\n") == 1


def test_stdin_bytes_are_decoded_by_the_library(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"ok \xff\xfe")))
    assert main(["score", "-"]) == EXIT_USER_ERROR
    assert "stdin is not valid UTF-8 (byte offset 3)" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"ok \xff\xfe said the mayor.")))
    assert main(["score", "-", "--errors", "replace", "--json"]) == EXIT_OK
    assert "\ufffd" in ReliabilityReport.model_validate_json(capsys.readouterr().out).claims[0].text.text


def test_a_reader_that_closes_the_pipe_early_is_no_error(tmp_path):
    article = tmp_path / "long.txt"
    article.write_text((GOOD + "\n") * 300, encoding="utf-8")  # hundreds of kB of JSON: more than a pipe holds
    reader = subprocess.Popen([sys.executable, "-m", "reliability", "extract", str(article)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None
    reader.stdout.read(10)
    reader.stdout.close()  # `reliability extract long.txt | head -c 10`
    assert reader.wait(timeout=60) == EXIT_OK
    assert b"Traceback" not in reader.stderr.read()
