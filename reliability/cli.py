"""The command line: a thin shell over the library.

Every command calls one library function. A user error prints one line to stderr and exits
with status 1; there is never a traceback for a user error.

Exit codes: 0 success, 1 user error (bad input, missing or unreadable file, invalid UTF-8,
bad model, a file that cannot be written), 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._exceptions import InputError, InputTooLargeError, ReliabilityError
from ._validation import DEFAULT_MAX_CHARS

if TYPE_CHECKING:
    from ._records import LabelledArticle
    from ._report import Format

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

# Read at most this many bytes: UTF-8 needs at most 4 per character, so anything longer is over
# the library's default character limit anyway, and a huge file never fills memory.
_MAX_BYTES = 4 * DEFAULT_MAX_CHARS
_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
              (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _read(path: str, errors: str = "strict") -> str:
    """The UTF-8 text of ``path`` (``-`` for stdin); invalid bytes stop with their byte offset."""
    name = "stdin" if path == "-" else path
    try:
        if path == "-":
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:  # stdin replaced by a text stream (embedding, tests): already decoded
                return str(sys.stdin.read())
            data = stream.read(_MAX_BYTES + 1)
        else:
            with Path(path).open("rb") as handle:
                data = handle.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        raise ReliabilityError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ReliabilityError(f"{path} is a directory, not a text file") from None
    except OSError as exc:
        raise ReliabilityError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > _MAX_BYTES:
        raise InputTooLargeError(f"{name} is over {_MAX_BYTES:,} bytes; split it into articles")
    # A UTF-16 or UTF-32 byte-order mark (Windows' "Unicode" text files): English text is then half
    # NUL bytes or more, so even --errors replace would score garbage. UTF-32 LE's mark (FF FE 00 00)
    # is tried before UTF-16 LE's, its prefix.
    for mark, encoding in _WIDE_BOMS:
        if data.startswith(mark):
            raise InputError(f"{name} is {encoding} (it starts with the byte-order mark {mark.hex(' ').upper()}), "
                             f"not UTF-8; convert it, e.g. iconv -f {encoding} -t UTF-8")
    head = data[:4096]
    if head.count(0) * 4 >= len(head) > 0:
        # UTF-16 or UTF-32 with no mark: ASCII text with NULs between its letters is valid UTF-8,
        # and would be scored as a text of NULs. No prose is a quarter NUL bytes.
        raise InputError(f"{name} is a quarter or more NUL bytes: UTF-16 or UTF-32 with no byte-order mark, "
                         "or not text; convert it to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8")
    skip = len(_BOM) if data.startswith(_BOM) else 0  # a byte-order mark is not part of the article
    try:
        return data[skip:].decode("utf-8", errors=errors)
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        line = data.count(b"\n", 0, offset) + 1
        raise InputError(
            f"{name} is not valid UTF-8 (byte offset {offset}) on line {line}: byte 0x{data[offset]:02x}; "
            "convert it to UTF-8, or pass --errors replace to replace invalid bytes with U+FFFD"
        ) from None


def _split_title(text: str, first_line_title: bool, title: str | None) -> tuple[str, str | None]:
    if not first_line_title:
        return text, title
    first, _, rest = text.lstrip("\n").partition("\n")
    return rest, title or first.strip() or None


_SUFFIX_FORMAT: dict[str, Format] = {
    ".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
}


def _cmd_score(args: argparse.Namespace) -> int:
    from ._html import parse_html
    from ._ratings import load_ratings
    from ._report import render_report
    from ._scorer import Scorer

    ratings = load_ratings(args.ratings) if args.ratings else None
    scorer = Scorer(args.model, trusted=args.trust_model, ratings=ratings)
    if args.html:
        page = _read(args.file, args.errors)
        report = scorer.score_html(page, url=args.url, title=args.title)
        document = parse_html(page, url=args.url)  # the text the report's spans point into
        text, title = document.text, args.title or document.title
    else:
        text, title = _split_title(_read(args.file, args.errors), args.first_line_title, args.title)
        report = scorer.score(text, title=title, url=args.url)
    fmt: Format = args.format or ("json" if args.json else None) or (
        _SUFFIX_FORMAT.get(Path(args.output).suffix.lower(), "text") if args.output else "text"
    )
    # Colour only for a person at a terminal, never in a file or a pipe; NO_COLOR turns it off.
    color = fmt == "text" and not args.output and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    rendered = render_report(report, fmt, text=text, title=title, color=color)
    if args.output:
        try:
            Path(args.output).write_text(rendered, encoding="utf-8")
        except OSError as exc:
            raise ReliabilityError(f"cannot write {args.output}: {exc.strerror}") from None
    else:
        sys.stdout.write(rendered)
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    from ._pipeline import extract_attributions

    attributions = extract_attributions(_read(args.file, args.errors))
    sys.stdout.write(json.dumps([a.model_dump() for a in attributions], indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _cmd_evaluate_attributions(args: argparse.Namespace) -> int:
    from ._attribution_eval import evaluate_attributions

    result = evaluate_attributions(args.directory, limit=args.limit)
    if args.json:
        sys.stdout.write(json.dumps(result.figures(), indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(result.render())
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from ._records import ReliabilityReport

    sys.stdout.write(json.dumps(ReliabilityReport.model_json_schema(), indent=2) + "\n")
    return EXIT_OK


def _load_records(paths: Sequence[str]) -> list[LabelledArticle]:
    from . import datasets

    records: list[LabelledArticle] = []
    for path in paths:
        if path.startswith("corpus:"):  # a shared corpus by name: corpus:recovery
            name = path.removeprefix("corpus:")
            records.extend(r.model_copy(update={"group": f"{name}/{r.group or r.id}"}) for r in datasets.load(name))
        else:
            records.extend(datasets.load_file(path))
    return records


def _cmd_train(args: argparse.Namespace) -> int:
    from ._training import train

    records = _load_records(args.data)
    model = train(
        records, name=Path(args.output).stem, seed=args.seed, n_jobs=args.jobs, calibration=args.calibration,
        C=args.C, style_C=args.style_C, phrasing_C=args.phrasing_C,
    )
    model.save(args.output)
    metrics = model.card["metrics"]
    sys.stdout.write(
        f"wrote {args.output}: grouped-CV ROC-AUC {metrics['grouped_cv_roc_auc']:.3f} "
        f"(TF-IDF baseline {metrics.get('baseline_tfidf_grouped_cv_roc_auc', float('nan')):.3f})\n"
    )
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from ._evaluation import evaluate

    records = _load_records(args.data)
    curves: dict[str, object] | None = {} if args.report else None
    model = None if args.model == "-" else args.model
    if model is not None:
        from ._model import load_model

        model = load_model(model)
    report = evaluate(
        records, model=model, seed=args.seed, n_splits=args.folds, baseline=not args.no_baseline,
        random_split=not args.no_random, n_jobs=args.jobs, curves=curves,
    )
    sys.stdout.write(report.table())
    if args.report:
        from ._evaluation_report import write_report

        path = write_report(report, curves or {}, args.report, model=model)
        sys.stdout.write(f"wrote {path}\n")
    return EXIT_OK


_DATA_HELP = (
    "labelled JSONL/CSV files (text, label, optional title, url, group, id), "
    "or corpus:NAME for a shared corpus (reliability.datasets.NAMES)"
)


def _errors_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--errors", choices=("strict", "replace"), default="strict",
                        help="invalid UTF-8: stop with its byte offset (strict, default) or replace it with U+FFFD")




class _ProgressBar:
    """A one-line progress bar with rate and ETA on stderr, redrawn at most five times a second."""

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self._start = self._clock()
        self._drawn = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        now = self._clock()
        if now - self._drawn < 0.2 and done != total:
            return
        self._drawn = now
        elapsed = max(now - self._start, 1e-9)
        rate = done / elapsed
        line = f"{done:,}" + (f"/{total:,} {100 * done / max(total, 1):3.0f}%" if total else "")
        line += f"  {rate:,.1f} articles/s"
        if total and rate > 0:
            left = int((total - done) / rate)
            line += f"  ETA {left // 3600:d}:{left // 60 % 60:02d}:{left % 60:02d}"
        sys.stderr.write("\r" + line.ljust(60))
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _cmd_batch(args: argparse.Namespace) -> int:
    from ._batch import score_file

    show = not args.quiet and sys.stderr.isatty()
    try:
        summary = score_file(args.input, args.output, errors_path=args.errors, model=args.model,
                             trusted=args.trust_model, n_jobs=args.jobs,
                             batch_size=args.batch_size, scheduler=args.scheduler,
                             progress=_ProgressBar() if show else None)
    except KeyboardInterrupt:
        print(f"reliability: interrupted; re-run the same command to resume into {args.output}", file=sys.stderr)
        raise
    if not args.quiet:
        print(f"{summary.scored:,} scored, {summary.failed:,} failed, {summary.skipped:,} already done "
              f"in {summary.seconds:.1f} s → {summary.output}"
              + (f" (failures: {summary.errors})" if summary.failed else ""), file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from ._version import __version__

    parser = argparse.ArgumentParser(prog="reliability", description="How far a news article can be trusted, and why.")
    parser.add_argument("--version", action="version", version=f"reliability {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    score = commands.add_parser("score", help="score an article and explain the score")
    score.add_argument("file", help="article text file, or - for stdin")
    score.add_argument(
        "--format", choices=["text", "json", "markdown", "html"],
        help="text (default; coloured on a terminal), json, markdown, or html (one self-contained page); "
        "with -o the default follows the file's suffix",
    )
    score.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    score.add_argument("--json", action="store_true", help="the same as --format json")
    score.add_argument("--title", help="the article's headline")
    score.add_argument("--url", help="where the article was published")
    score.add_argument("--first-line-title", action="store_true", help="take the file's first line as the headline")
    score.add_argument("--model", help="model file (default: the bundled model)")
    score.add_argument("--html", action="store_true", help="the file is a web page: score its text, links as citations")
    score.add_argument("--ratings", help="outlet ratings CSV (domain,score or domain,pc1) for the outlet_prior feature")
    score.add_argument("--trust-model", action="store_true",
                       help="load a model file that fails the safety checks (it can run code: only files you trust)")
    _errors_option(score)
    score.set_defaults(run=_cmd_score)

    extract = commands.add_parser("extract", help="print the attributions found in an article as JSON")
    extract.add_argument("file", help="article text file, or - for stdin")
    _errors_option(extract)
    extract.set_defaults(run=_cmd_extract)

    evaluate_attr = commands.add_parser(
        "evaluate-attributions", help="score attribution extraction against gold PolNeAR-style annotations"
    )
    evaluate_attr.add_argument("directory", help="a directory with text/*.txt and attributions/*.ann (brat)")
    evaluate_attr.add_argument("--limit", type=int, default=None, help="evaluate only the first N articles")
    evaluate_attr.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate_attr.set_defaults(run=_cmd_evaluate_attributions)

    schema = commands.add_parser("schema", help="print the JSON Schema of the report")
    schema.set_defaults(run=_cmd_schema)

    batch = commands.add_parser("batch", help="score a JSONL or CSV file of articles into JSONL reports, resumably")
    batch.add_argument("input", help="records with id, text and optional title, url, published (.jsonl or .csv)")
    batch.add_argument("-o", "--output", required=True, help="JSONL file of reports; an existing one is resumed")
    batch.add_argument("--errors", help="where failed records go (default: OUTPUT with .errors.jsonl)")
    batch.add_argument("--jobs", type=int, default=1, help="worker processes (-1: one per core; default 1)")
    batch.add_argument("--batch-size", type=int, default=32, help="articles per task sent to a worker (default 32)")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on the Dask cluster at ADDRESS (tcp://host:8786); needs reliability[dask]")
    batch.add_argument("--model", help="model file (default: the bundled model)")
    batch.add_argument("--trust-model", action="store_true",
                       help="load a model file that fails the safety checks (it can run code: only files you trust)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    batch.set_defaults(run=_cmd_batch)

    train = commands.add_parser("train", help="train a model on labelled JSONL or CSV files")
    train.add_argument("data", nargs="+", help=_DATA_HELP)
    train.add_argument("-o", "--output", required=True, help="where to write the model (.joblib)")
    train.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    train.add_argument("--jobs", type=int, default=None, help="articles analysed in parallel")
    train.add_argument("--calibration", choices=("sigmoid", "isotonic"), default="sigmoid",
                       help="how logits become probabilities (default sigmoid)")
    train.add_argument("--C", type=float, default=0.3, help="inverse regularisation of the main model (default 0.3)")
    train.add_argument("--style-C", type=float, default=0.01, dest="style_C",
                       help="inverse regularisation of the writing-style model (default 0.01)")
    train.add_argument("--phrasing-C", type=float, default=3.0, dest="phrasing_C",
                       help="inverse regularisation of the phrasing model (default 3.0)")
    train.set_defaults(run=_cmd_train)

    evaluate = commands.add_parser("evaluate", help="evaluate a model's recipe on labelled data, beside a baseline")
    evaluate.add_argument("model", help="model file whose recipe to evaluate (and apply as is), or - for the defaults")
    evaluate.add_argument("data", nargs="+", help=_DATA_HELP)
    evaluate.add_argument("--report", metavar="DIR", help="write index.html with plots and report.json to DIR")
    evaluate.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    evaluate.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    evaluate.add_argument("--jobs", type=int, default=None, help="articles analysed in parallel")
    evaluate.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baseline")
    evaluate.add_argument("--no-random", action="store_true", help="skip the random-split contrast")
    evaluate.set_defaults(run=_cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ReliabilityError as exc:
        print(f"reliability: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("reliability: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`reliability score x --json | head`): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # an output file or model that cannot be written or read: no traceback
        where = f" {exc.filename}" if exc.filename else ""
        print(f"reliability: error: cannot access{where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USER_ERROR


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
