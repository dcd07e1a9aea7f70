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


# --- Review (session 8): bad and hostile input through the command line ---


class _Stdin:
    """A stdin whose bytes the CLI reads through ``.buffer``, as from a pipe."""

    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("The minister said so.".encode("utf-16"), "is UTF-16 (it starts with the byte-order mark FF FE)"),
        # No mark: ASCII with NULs between is valid UTF-8, but no prose is a quarter NUL bytes.
        ("The minister said so.".encode("utf-16-be"), "a quarter or more NUL bytes"),
        (b"\xfe\xff\x00T\x00h\x00e", "is UTF-16 (it starts with the byte-order mark FE FF)"),
        ("The minister said so.".encode("utf-32"), "is UTF-32"),
        ("Le ministre a déclaré «non».".encode("latin-1"), "not valid UTF-8 (byte offset 15) on line 1: byte 0xe9"),
        (b"The minister said \xed\xa0\x80 so.", "not valid UTF-8"),  # a surrogate encoded: not UTF-8
        (b"", "empty"),
        (b" \n\t\r\n ", "empty"),
    ],
    ids=["utf-16", "utf-16-be", "utf-16 big-endian mark", "utf-32", "latin-1", "encoded surrogate", "empty",
         "whitespace"],
)
@pytest.mark.parametrize("command", ["score", "extract"])
def test_bad_bytes_are_one_line_errors(command, data, message, tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    assert main([command, str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_utf16_file_is_refused_even_with_errors_replace(tmp_path, capsys):
    # Replacing its bytes would score a text of NULs and U+FFFD: refused, with the conversion to run.
    path = tmp_path / "article.txt"
    path.write_bytes("The minister said so.".encode("utf-16"))
    assert main(["extract", "--errors", "replace", str(path)]) == 1
    assert "iconv -f UTF-16 -t UTF-8" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        "The minister\x00 said\x00 that taxes would fall.",
        "?!.,;:" * 200,
        '"' + "(" * 3000 + "[" * 3000 + "“‘" * 2000 + "The minister said so.",
        "â€œWe will win,â€ said Sean Oâ€™Brien. â€¢ The ministerâ€²s aide said â€˜noâ€™.",
        "The minister said that taxes would fall and " * 2_000,  # one long line
        "\u202eThe minister said\u202c that 税金 would fall 😀.\r\n",
    ],
    ids=["nul", "punctuation", "nested brackets", "mojibake", "long line", "bidi cjk emoji crlf"],
)
@pytest.mark.parametrize("command", [["score", "--json"], ["extract"]])
def test_hostile_text_gives_valid_json(command, text, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", _Stdin(text.encode("utf-8")))
    assert main([*command, "-"]) == 0
    out = capsys.readouterr().out
    parsed = json.loads(out)
    spans = []
    if command[0] == "score":
        report = ReliabilityReport.model_validate(parsed)
        spans = [m for s in report.sources for m in s.mentions] + [c.text for c in report.claims]
        spans += [e for x in report.explanations for e in x.evidence]
    else:
        spans = [a[k] for a in parsed for k in ("source", "cue", "content") if a[k] is not None]
    for span in spans:
        start, end, cut = (span.start, span.end, span.text) if not isinstance(span, dict) else (
            span["start"], span["end"], span["text"])
        assert text[start:end] == cut


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("DIRECTORY", "no model file at"),
        ("TEXT", "has no card"),  # a text file given as a model: its card is missing
    ],
)
def test_a_model_that_is_not_a_model_is_one_line(model, message, tmp_path, capsys):
    article = tmp_path / "good.txt"
    article.write_text("The minister said that taxes would fall.", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    path = {"DIRECTORY": str(tmp_path), "TEXT": str(tmp_path / "notes.txt")}[model]
    assert main(["score", "--model", path, str(article)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_directory_as_the_article(tmp_path, capsys):
    assert main(["score", str(tmp_path)]) == 1
    assert "is a directory" in capsys.readouterr().err
