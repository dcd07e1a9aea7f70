"""Scoring many articles: in input order, in parallel, in memory that does not grow with their number.

:func:`score_many` is what :meth:`Scorer.score_many` runs. It cuts the input into chunks of
``batch_size`` articles and hands each chunk to a worker process, keeping
the results in input order with at most two chunks per worker in flight, so a million articles
cost the memory of a few chunks. Workers are joblib's loky processes on one machine, or the
workers of a Dask cluster (``dask.distributed`` futures) given a scheduler address or client.

:func:`score_file` is ``reliability batch``: JSONL or CSV in, JSONL reports out, failures to an
errors file, resumable.

Workers receive the loaded model's scoring view (a few kilobytes of arrays: with each chunk on
one machine, once per worker on Dask), not a path, so a cluster's workers need the package
installed but neither the model file nor an import of scikit-learn.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import ValidationError

from ._exceptions import DataError, ReliabilityError
from ._records import Article, ReliabilityReport

if TYPE_CHECKING:
    from ._model import ReliabilityModel

__all__ = ["DEFAULT_BATCH_SIZE", "BatchSummary", "ErrorPolicy", "score_chunk", "score_file", "score_many"]

logger = logging.getLogger("reliability")

#: Articles per task sent to a worker: large enough that inter-process overhead is a few percent
#: of the scoring time on news-length articles, small enough to keep every core busy to the end.
DEFAULT_BATCH_SIZE = 32

ErrorPolicy = Literal["raise", "return"]
ArticleInput = Article | str
T = TypeVar("T")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _score_one(model: ReliabilityModel, options: dict[str, Any], item: object) -> ReliabilityReport:
    from ._scorer import Scorer

    scorer = Scorer(model, **options)
    if isinstance(item, Article):
        return scorer.score_article(item)
    if isinstance(item, str):
        return scorer.score(item)
    raise TypeError(f"score_many takes Article records or str, not {type(item).__name__}")


def score_chunk(
    model: ReliabilityModel,
    options: dict[str, Any],
    items: list[T],
    render: Callable[[ReliabilityReport], object] | None = None,
) -> list[object]:
    """Score ``items`` in a worker; each result is a report (or ``render(report)``) or the exception.

    Exceptions are returned, not raised, so one bad article never loses the rest of its chunk;
    the caller decides whether to raise them.
    """
    results: list[object] = []
    for item in items:
        try:
            report = _score_one(model, options, item)
            results.append(report if render is None else render(report))
        except Exception as exc:  # returned to the caller in order, never swallowed
            results.append(exc)
    return results


@contextlib.contextmanager
def _dask_client(scheduler: object) -> Iterator[Any]:
    """A ``dask.distributed`` client: the one given, or one connected to the address for the block."""
    if not isinstance(scheduler, str):
        yield scheduler  # a Client the caller owns and closes
        return
    try:
        from dask.distributed import Client
    except ImportError:
        raise ReliabilityError(
            "a Dask scheduler needs Dask: pip install 'reliability[dask]' (here and on the cluster's workers)"
        ) from None
    try:
        client = Client(scheduler, timeout="30s")
    except OSError as exc:
        raise ReliabilityError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        yield client


def _parallel_results(
    model: ReliabilityModel,
    options: dict[str, Any],
    chunks: Iterator[list[T]],
    n_jobs: int | None,
    scheduler: object,
    render: Callable[[ReliabilityReport], object] | None,
) -> Iterator[list[object]]:
    """Each chunk's results, in input order, with at most two chunks per worker in flight.

    joblib's ``Parallel(return_as="generator")`` keeps pulling input while a slow consumer
    lags (measured: 477 finished, unconsumed tasks after 10 consumed), so the window of
    futures here is what keeps memory bounded.
    """
    if scheduler is None and n_jobs in (1, None):
        # In-process: no worker start-up, no pickling; the common case for a library call.
        for chunk in chunks:
            yield score_chunk(model, options, chunk, render)
        return
    # Workers get the model's scoring view, not its scikit-learn pipeline: numpy arrays (≈ 1.3 MB
    # with the default model, nearly all the phrasing model's) that unpickle without importing
    # scikit-learn, so a worker starts seconds sooner.
    model = model.for_scoring()
    with contextlib.ExitStack() as stack:
        if scheduler is not None:
            client = stack.enter_context(_dask_client(scheduler))
            workers = max(1, sum(client.nthreads().values()))
            shipped: Any = client.scatter(model, broadcast=True)  # sent once, not with every chunk
            submit: Callable[..., Any] = client.submit
            extra: dict[str, Any] = {"pure": False}
        else:
            from joblib import cpu_count
            from joblib.executor import get_memmapping_executor

            workers = cpu_count() if n_jobs is None or n_jobs < 0 else n_jobs
            # joblib's own reusable loky executor (the one its Parallel uses, so the two share
            # workers rather than clash): processes stay alive between calls.
            submit, shipped, extra = get_memmapping_executor(workers).submit, model, {}
        window: deque[tuple[Any, int]] = deque()

        def submit_next() -> bool:
            chunk = next(chunks, None)
            if chunk is None:
                return False
            window.append((submit(score_chunk, shipped, options, chunk, render, **extra), len(chunk)))
            return True

        try:
            while len(window) < 2 * workers and submit_next():
                pass
            while window:
                future, size = window.popleft()
                try:
                    results = future.result()
                except Exception as exc:  # a worker died: every article of its chunk failed
                    logger.error("a worker failed on a chunk of %d articles: %s", size, exc)
                    results = [exc] * size
                submit_next()  # keep the workers busy while the consumer handles these results
                yield results
        finally:
            for future, _ in window:  # Ctrl-C, or the consumer stopped early
                future.cancel()


def score_many(
    model: ReliabilityModel,
    articles: Iterable[ArticleInput],
    *,
    options: dict[str, Any],
    n_jobs: int | None = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    errors: ErrorPolicy = "raise",
    scheduler: object = None,
    render: Callable[[ReliabilityReport], object] | None = None,
) -> Iterator[object]:
    """Reports for ``articles`` in input order; see :meth:`reliability.Scorer.score_many`."""
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
    if n_jobs is not None and (not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1):
        raise ValueError(f"n_jobs must be a positive integer or -1 (one per core), not {n_jobs!r}")
    if isinstance(articles, str | Article):
        raise TypeError("score_many takes an iterable of articles; for one article use score() or score_article()")
    # Checked above at the call; the generator below runs as the caller iterates.
    return _flatten(_parallel_results(model, options, _chunks(articles, batch_size), n_jobs, scheduler, render),
                    errors)


def _flatten(chunk_results: Iterator[list[object]], errors: ErrorPolicy) -> Iterator[object]:
    for results in chunk_results:
        for result in results:
            if isinstance(result, Exception) and errors == "raise":
                raise result
            yield result


def describe_error(exc: BaseException) -> str:
    """A one-line reason for a failed article: the message, and the type for non-library errors."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, ReliabilityError | TypeError):
        return message or type(exc).__name__
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


# --------------------------------------------------------------------------------------------
# Whole files: `reliability batch`
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What one run of :func:`score_file` did."""

    scored: int  # reports written by this run
    failed: int  # records written to the errors file
    skipped: int  # records whose id the output already held (a resumed run)
    seconds: float
    output: Path
    errors: Path


@dataclass(frozen=True, slots=True)
class _Pending:
    """A record in flight, in input order: scored (``reason`` None) or failed before scoring."""

    id: str | None
    line: int
    reason: str | None = None


def errors_path_for(output: Path) -> Path:
    """Where failures go by default: ``out.jsonl`` → ``out.errors.jsonl``."""
    return output.with_name(output.name.removesuffix(output.suffix) + ".errors.jsonl")


def _record_id(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _article_from(fields: dict[str, Any]) -> Article | str:
    """The record as an Article, or the reason it cannot be one."""
    text = fields.get("text")
    if not isinstance(text, str):
        return "no 'text' field" if text is None else f"'text' must be a string, not {type(text).__name__}"
    optional: dict[str, Any] = {}
    for key in ("title", "url", "published"):
        value = fields.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            return f"{key!r} must be a string, not {type(value).__name__}"
        optional[key] = value
    try:
        return Article(text=text, **optional)
    except ValidationError as exc:  # a date that is not ISO 8601, say
        first = exc.errors()[0]
        return f"{'.'.join(map(str, first['loc'][:1]))!r}: {first['msg']}"


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    with path.open(encoding="utf-8-sig", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, f"invalid JSON ({exc.msg} at column {exc.colno})"
                continue
            except UnicodeEncodeError:
                yield number, "not UTF-8 text"
                continue
            yield number, value if isinstance(value, dict) else f"expected a JSON object, found {type(value).__name__}"


def _read_csv(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    # The field size limit is raised so that a 1 MB article fits in one cell.
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader, [])]
        missing = [name for name in ("id", "text") if name not in header]
        if missing:
            raise DataError(f"{path}, line 1: the header lacks {', '.join(map(repr, missing))}; "
                            "a batch CSV needs 'id' and 'text' columns")
        start = reader.line_num + 1
        try:
            for cells in reader:
                if cells:
                    if len(cells) != len(header):
                        yield start, f"expected {len(header)} fields as in the header, found {len(cells)}"
                    else:
                        yield start, dict(zip(header, cells, strict=True))
                start = reader.line_num + 1
        except csv.Error as exc:  # unbalanced quotes: the rest of the file cannot be trusted
            raise DataError(f"{path}, line {reader.line_num}: malformed CSV ({exc})") from exc


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _read_jsonl(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise DataError(f"{path}: unknown file type {suffix or '(none)'!r}; use .jsonl or .csv")


def _count_records(path: Path) -> int:
    """Records in ``path``, for the progress bar's ETA (a fast pass; CSV is parsed)."""
    if path.suffix.lower() == ".csv":
        return sum(1 for _ in _read_csv(path))
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _done_ids(output: Path) -> set[str]:
    """Ids already in ``output``; first cuts off a last line torn by a crash (no newline)."""
    done: set[str] = set()
    if not output.exists():
        return done
    with output.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size:
            handle.seek(size - 1)
            if handle.read(1) != b"\n":
                # Find the end of the last whole line, reading backwards in blocks.
                end = size
                keep = 0
                while end > 0:
                    begin = max(0, end - 65536)
                    handle.seek(begin)
                    block = handle.read(end - begin)
                    cut = block.rfind(b"\n")
                    if cut >= 0:
                        keep = begin + cut + 1
                        break
                    end = begin
                logger.warning("%s: removed a torn last line (%d bytes) left by an interrupted run",
                               output, size - keep)
                handle.truncate(keep)
    decoder = json.JSONDecoder()
    with output.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                # Lines start with {"id": <id>, so the id is read without parsing the report.
                value = decoder.raw_decode(line, len(_ID_PREFIX))[0] if line.startswith(_ID_PREFIX) \
                    else json.loads(line).get("id")
            except (json.JSONDecodeError, AttributeError):
                raise DataError(f"{output}, line {number}: not a report line written by `reliability batch`; "
                                "give a new output file") from None
            record_id = _record_id(value)
            if record_id is not None:
                done.add(record_id)
    return done


_ID_PREFIX = '{"id": '


def _report_json(report: ReliabilityReport) -> str:
    # Runs in the worker: the parent receives a string, cheaper to pass between processes.
    return report.model_dump_json()


def score_file(
    input: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    errors_path: str | os.PathLike[str] | None = None,
    model: str | os.PathLike[str] | ReliabilityModel | None = None,
    trusted: bool = False,
    n_jobs: int | None = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    scheduler: str | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> BatchSummary:
    """Score every record of a JSONL or CSV file into a JSONL file of reports, resumably.

    Each input record has ``id`` and ``text`` and optionally ``title``, ``url`` and
    ``published``. Each output line is ``{"id": ..., "report": {...}}`` in input order. A record
    that cannot be scored (bad JSON, no text, a duplicate id, an error while scoring) goes to
    ``errors_path`` (default ``<output stem>.errors.jsonl``) as ``{"id", "line", "reason"}``
    and the run goes on. Ids already in ``output`` are skipped, so re-running after a crash or
    Ctrl-C resumes; the errors file is rewritten by each run, since failed records are retried.

    Lines are written whole, with one unbuffered write each, so an interrupted run leaves at most
    a torn last line after a hard crash; the next run cuts it off before resuming.

    ``scheduler`` is the address of a Dask scheduler (``tcp://host:8786``): chunks of
    ``batch_size`` records then run on the cluster's workers (needs ``reliability[dask]``).
    ``progress(done, total)`` is called as records finish. ``model`` and ``trusted`` are as for
    :class:`~reliability.Scorer`.
    """
    from ._scorer import Scorer

    source, target = Path(input), Path(output)
    failures = Path(errors_path) if errors_path is not None else errors_path_for(target)
    if not source.is_file():
        raise DataError(f"{source} not found: give a .jsonl or .csv file of records with 'id' and 'text'")
    if len({source.resolve(), target.resolve(), failures.resolve()}) < 3:
        raise DataError("the input, output and errors files must be three different files")
    records = _records(source)
    total = _count_records(source) if progress is not None else None
    scorer = Scorer(Path(model) if isinstance(model, os.PathLike) else model, trusted=trusted)
    loaded = scorer.model  # load (and check) once, in this process, before any worker starts
    started = time.perf_counter()
    done = _done_ids(target)
    pending: deque[_Pending] = deque()
    seen: set[str] = set()
    counts = {"scored": 0, "failed": 0, "skipped": 0}

    def articles() -> Iterator[Article]:
        # Runs as joblib pulls work; every record is queued in `pending` in input order.
        for line, fields in records:
            if isinstance(fields, str):
                pending.append(_Pending(None, line, fields))
                continue
            record_id = _record_id(fields.get("id"))
            if record_id is None:
                pending.append(_Pending(None, line, "no 'id' field (a non-empty string or integer)"))
                continue
            if record_id in done:
                counts["skipped"] += 1
                continue
            if record_id in seen:
                pending.append(_Pending(record_id, line, f"duplicate id {record_id!r}: ids must be unique"))
                continue
            seen.add(record_id)
            article = _article_from(fields)
            if isinstance(article, str):
                pending.append(_Pending(record_id, line, article))
                continue
            pending.append(_Pending(record_id, line))
            yield article

    with contextlib.ExitStack() as stack:
        out = stack.enter_context(target.open("ab", buffering=0))
        err = stack.enter_context(failures.open("wb", buffering=0))

        def fail(item: _Pending, reason: str) -> None:
            err.write(_line_error(item, reason))
            counts["failed"] += 1

        def report_progress() -> None:
            if progress is not None:
                progress(counts["scored"] + counts["failed"] + counts["skipped"], total)

        options = {"max_chars": scorer.max_chars, "non_english": scorer.non_english}
        results = score_many(loaded, articles(), options=options, n_jobs=n_jobs,
                             batch_size=batch_size, errors="return", scheduler=scheduler, render=_report_json)
        for result in results:
            item = pending.popleft()
            while item.reason is not None:
                fail(item, item.reason)
                item = pending.popleft()
            assert item.id is not None
            if isinstance(result, Exception):
                fail(item, describe_error(result))
            else:
                out.write(_ID_PREFIX.encode() + json.dumps(item.id, ensure_ascii=False).encode("utf-8")
                          + b', "report": ' + str(result).encode("utf-8") + b"}\n")
                counts["scored"] += 1
            report_progress()
        while pending:  # failures after the last scored record
            item = pending.popleft()
            fail(item, item.reason or "not scored")
        report_progress()
    summary = BatchSummary(seconds=time.perf_counter() - started, output=target, errors=failures, **counts)
    logger.info("batch %s: %d scored, %d failed, %d skipped in %.1f s", source, summary.scored, summary.failed,
                summary.skipped, summary.seconds)
    return summary


def _line_error(item: _Pending, reason: str) -> bytes:
    return (json.dumps({"id": item.id, "line": item.line, "reason": reason}, ensure_ascii=False) + "\n").encode()
