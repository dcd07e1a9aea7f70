"""The command line: a thin shell over the library.

Every command calls one library function. A user error prints one line to stderr and exits
with status 1; there is never a traceback for a user error.

Exit codes: 0 success, 1 user error (bad input, missing file, bad model), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ._exceptions import ReliabilityError

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReliabilityError(f"no such file: {path}") from None
    except UnicodeDecodeError as exc:
        raise ReliabilityError(f"{path} is not valid UTF-8 (byte offset {exc.start})") from None
    except OSError as exc:
        raise ReliabilityError(f"cannot read {path}: {exc.strerror}") from None


def _split_title(text: str, first_line_title: bool, title: str | None) -> tuple[str, str | None]:
    if not first_line_title:
        return text, title
    first, _, rest = text.lstrip("\n").partition("\n")
    return rest, title or first.strip() or None


def _cmd_score(args: argparse.Namespace) -> int:
    from ._report import render_text
    from ._scorer import Scorer

    text, title = _split_title(_read(args.file), args.first_line_title, args.title)
    report = Scorer(args.model).score(text, title=title, url=args.url)
    if args.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(render_text(report))
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    from ._pipeline import extract_attributions

    attributions = extract_attributions(_read(args.file))
    sys.stdout.write(json.dumps([a.model_dump() for a in attributions], indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from ._records import ReliabilityReport

    sys.stdout.write(json.dumps(ReliabilityReport.model_json_schema(), indent=2) + "\n")
    return EXIT_OK


def _cmd_train(args: argparse.Namespace) -> int:
    from . import datasets
    from ._training import train

    records = []
    for path in args.data:
        records.extend(datasets.load_file(path))
    model = train(records, name=Path(args.output).stem, seed=args.seed, n_jobs=args.jobs)
    model.save(args.output)
    metrics = model.card["metrics"]
    sys.stdout.write(
        f"wrote {args.output}: grouped-CV ROC-AUC {metrics['grouped_cv_roc_auc']:.3f} "
        f"(TF-IDF baseline {metrics.get('baseline_tfidf_grouped_cv_roc_auc', float('nan')):.3f})\n"
    )
    return EXIT_OK


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
        summary = score_file(args.input, args.output, errors_path=args.errors, model=args.model, n_jobs=args.jobs,
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
    score.add_argument("--json", action="store_true", help="print the full report as JSON")
    score.add_argument("--title", help="the article's headline")
    score.add_argument("--url", help="where the article was published")
    score.add_argument("--first-line-title", action="store_true", help="take the file's first line as the headline")
    score.add_argument("--model", help="model file (default: the bundled model)")
    score.set_defaults(run=_cmd_score)

    extract = commands.add_parser("extract", help="print the attributions found in an article as JSON")
    extract.add_argument("file", help="article text file, or - for stdin")
    extract.set_defaults(run=_cmd_extract)

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
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    batch.set_defaults(run=_cmd_batch)

    train = commands.add_parser("train", help="train a model on labelled JSONL or CSV files")
    train.add_argument("data", nargs="+", help="labelled files: text, label, optional title, url, group, id")
    train.add_argument("-o", "--output", required=True, help="where to write the model (.joblib)")
    train.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    train.add_argument("--jobs", type=int, default=None, help="articles analysed in parallel")
    train.set_defaults(run=_cmd_train)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ReliabilityError as exc:
        print(f"reliability: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("reliability: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
