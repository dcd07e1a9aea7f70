"""Speed and memory of `reliability` on real articles; prints a Markdown table.

    python benchmarks/run.py                 # all PolNeAR articles in ../shared/data (≈ 3 min on 2 cores)
    python benchmarks/run.py --limit 200     # a quicker look

Measures, on the PolNeAR articles (the texts of every compartment in ``../shared/data/polnear``):

- one core: ``Scorer.score_article`` with full reports, one article at a time — articles/s,
  words/s, p50 and p99 latency (the fastest of ``--rounds`` passes; CPU: the least of them), and
  the peak RSS of that process (a child process of its own);
- all cores: ``reliability batch`` (``score_file``) with ``--jobs 1`` and ``--jobs <cores>`` on
  warm workers, and the speed-up; worker start-up is reported apart. On a shared machine the
  wall-clock speed-up says more about the neighbours than about us, so the CPU seconds of all
  processes are also summed (with psutil, which comes with ``reliability[dask]``): ``cores ×
  CPU(--jobs 1) / CPU(--jobs cores)`` is the speed-up the same work would get on idle cores;
- cold start: a fresh interpreter's ``import reliability`` + model load + first score (median of 3);
- cost against length: articles of 1 KB to 1 MB built by joining whole PolNeAR paragraphs, as
  CPU milliseconds per KB, and the ratio of the cost per KB at 1 MB to that at 10 KB;
- the project's TF-IDF + logistic regression baseline (``reliability._training.make_baseline``) fitted
  on the same articles and called one article at a time, and our throughput as a ratio of its.

Run it from the repository root with the source tree importable (``PYTHONPATH=.``) or with the
package installed. Timings depend on what else the machine runs; the load average is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear"
_WORDS = re.compile(r"\S+")


def _texts(data: Path, limit: int | None) -> list[tuple[str, str]]:
    """(file name, text) of the PolNeAR articles, in a fixed order."""
    paths = sorted(data.glob("*/text/*.txt"))
    if not paths:
        sys.exit(f"no PolNeAR texts under {data}; pass --data")
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths[:limit]]


def _words(text: str) -> int:
    return sum(1 for _ in _WORDS.finditer(text))


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


# --------------------------------------------------------------------------------------------
# Child processes: each measurement that needs a clean process runs in one
# --------------------------------------------------------------------------------------------


def _child_single(data: Path, limit: int | None, rounds: int) -> dict[str, float]:
    """One core, one article at a time, full reports; peak RSS of this process.

    ``rounds`` passes over the articles: the wall-clock figures (rate, latencies) are those of
    the fastest pass and the CPU figure is the least CPU of any pass, because on a shared
    machine one pass can lose 10% or more to the neighbours.
    """
    import resource

    from reliability import Article, Scorer

    texts = _texts(data, limit)
    articles = [Article(text=t) for _, t in texts]
    scorer = Scorer()
    for article in articles[:10]:  # warm-up: lexicons, registry index, model
        scorer.score_article(article)
    elapsed = cpu = float("inf")
    latencies: list[float] = []
    for _ in range(rounds):
        times = []
        started, cpu_started = time.perf_counter(), time.process_time()
        for article in articles:
            t0 = time.perf_counter()
            scorer.score_article(article)
            times.append(time.perf_counter() - t0)
        wall, spent = time.perf_counter() - started, time.process_time() - cpu_started
        cpu = min(cpu, spent)
        if wall < elapsed:
            elapsed, latencies = wall, times
    words = sum(_words(t) for _, t in texts)
    return {
        "articles": len(articles),
        "mean_kb": sum(len(t.encode()) for _, t in texts) / len(texts) / 1024,
        "articles_per_s": len(articles) / elapsed,
        "words_per_s": words / elapsed,
        # CPU time is what an idle core would take; wall time also counts other processes' turns.
        "articles_per_cpu_s": len(articles) / cpu,
        "p50_ms": 1000 * _percentile(latencies, 50),
        "p99_ms": 1000 * _percentile(latencies, 99),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _child_cold() -> dict[str, float]:
    t0 = time.perf_counter()
    from reliability import Scorer

    scorer = Scorer()
    scorer.model  # noqa: B018 - loads the model
    t1 = time.perf_counter()
    scorer.score("The health minister said on Tuesday that the new clinic would open in March, according to Reuters.")
    t2 = time.perf_counter()
    return {"import_and_load_s": t1 - t0, "first_score_s": t2 - t1, "cold_start_s": t2 - t0}


def _run_child(*args: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env,
                         check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------
# Measurements in this process
# --------------------------------------------------------------------------------------------


def _batch(texts: list[tuple[str, str]], cores: int, rounds: int) -> dict[str, float]:
    """`reliability batch` on one core and on ``cores`` warm workers, best of ``rounds`` each."""
    from reliability import Scorer
    from reliability._batch import score_file

    words = sum(_words(t) for _, t in texts)
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "in.jsonl")
        with source.open("w", encoding="utf-8") as handle:
            for name, text in texts:
                handle.write(json.dumps({"id": name, "text": text}) + "\n")
        for _, text in texts[:10]:  # warm this process too: lexicons, registry index, model
            Scorer().score(text)
        t0 = time.perf_counter()
        list(Scorer().score_many([t for _, t in texts[: 2 * cores]], n_jobs=cores, batch_size=1))
        result["worker_startup_s"] = time.perf_counter() - t0
        # Interleaved rounds, the best of each: a neighbour's burst then hurts both settings alike.
        for round_ in range(rounds):
            for jobs in (1, cores):
                output = Path(tmp, f"out{jobs}-{round_}.jsonl")
                cpu0 = _cpu_with_workers()
                summary = score_file(source, output, n_jobs=jobs)
                assert summary.scored == len(texts), summary
                cpu = _cpu_with_workers() - cpu0
                if round_ == 0 or len(texts) / summary.seconds > result[f"batch_{jobs}_articles_per_s"]:
                    result[f"batch_{jobs}_cpu_s"] = cpu
                    result[f"batch_{jobs}_articles_per_s"] = len(texts) / summary.seconds
                    result[f"batch_{jobs}_words_per_s"] = words / summary.seconds
        one, many = Path(tmp, "out1-0.jsonl").read_bytes(), Path(tmp, f"out{cores}-0.jsonl").read_bytes()
        assert one == many, "the parallel batch wrote other reports than the one-process batch"
    result["speedup"] = result[f"batch_{cores}_articles_per_s"] / result["batch_1_articles_per_s"]
    # CPU spent in all processes with N workers against one: the speed-up idle cores would allow.
    result["speedup_bound"] = cores * result["batch_1_cpu_s"] / result[f"batch_{cores}_cpu_s"]
    return result


def _cpu_with_workers() -> float:
    """CPU seconds of this process and its live worker processes (psutil comes with dask)."""
    try:
        import psutil
    except ImportError:
        return float("nan")
    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):
            total += sum(child.cpu_times()[:2])
    return total


def _by_length(texts: list[tuple[str, str]], rounds: int) -> list[tuple[int, float, int]]:
    """(size in bytes, CPU ms per KB, repetitions) for articles of 1 KB to 1 MB of real paragraphs."""
    from _lengths import joined  # benchmarks/ is on sys.path when a benchmark runs as a script

    from reliability import Scorer

    scorer = Scorer()
    rows = []
    for size, reps in ((1 << 10, 40), (10 << 10, 10), (100 << 10, 3), (1 << 20, 1)):
        text = joined([t for _, t in texts], size)
        scorer.score(text)  # warm-up at this size
        # CPU time, the best of `rounds`: the ratio must not depend on other processes' load, and
        # on a busy machine even CPU time swells (shared caches), the more the longer a run.
        per_article = float("inf")
        for _ in range(rounds):
            t0 = time.process_time()
            for _ in range(reps):
                scorer.score(text)
            per_article = min(per_article, (time.process_time() - t0) / reps)
        rows.append((len(text.encode()), 1000 * per_article / (len(text.encode()) / 1024), reps))
    return rows


def _baseline(texts: list[tuple[str, str]]) -> dict[str, float]:
    """The project's TF-IDF + LR baseline, fitted on these articles, predicting one at a time."""
    from reliability._training import make_baseline as baseline_pipeline

    docs = [t for _, t in texts]
    labels = [0 if name.startswith(("breitbart", "west-journal")) else 1 for name, _ in texts]
    model = baseline_pipeline(0).fit(docs, labels)
    for doc in docs[:10]:
        model.predict_proba([doc])
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in docs:
        model.predict_proba([doc])
    return {"baseline_articles_per_s": len(docs) / (time.perf_counter() - t0),
            "baseline_articles_per_cpu_s": len(docs) / (time.process_time() - c0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the PolNeAR folder")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="cores for the batch run (default: all)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="repeat the one-core, batch and length measurements, keeping the best (default: 3)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind = args.child[0]
        figures = _child_cold() if kind == "cold" else _child_single(args.data, args.limit, args.rounds)
        print(json.dumps(figures))
        return

    sys.path.insert(0, str(REPO))
    texts = _texts(args.data, args.limit)
    load = os.getloadavg()
    single = _run_child("single", "--data", str(args.data), "--rounds", str(args.rounds),
                        *(["--limit", str(args.limit)] if args.limit else []))
    colds = [_run_child("cold") for _ in range(3)]
    cold = {k: statistics.median(c[k] for c in colds) for k in colds[0]}
    batch = _batch(texts, args.jobs, args.rounds)
    lengths = _by_length(texts, args.rounds)
    base = _baseline(texts)
    ratio = single["articles_per_s"] / base["baseline_articles_per_s"]
    cpu_ratio = single["articles_per_cpu_s"] / base["baseline_articles_per_cpu_s"]
    per_kb = {size: ms for size, ms, _ in lengths}
    sizes = sorted(per_kb)
    growth = per_kb[sizes[-1]] / per_kb[sizes[1]]

    rows = [
        ("articles (PolNeAR, mean KB)", f"{single['articles']} ({single['mean_kb']:.1f} KB)", ""),
        ("one core: articles/s (score_article, full report)", f"{single['articles_per_s']:.1f}", "≥ 300"),
        ("one core: articles per CPU-second (what an idle core gives)", f"{single['articles_per_cpu_s']:.1f}", ""),
        ("one core: words/s", f"{single['words_per_s']:,.0f}", ""),
        ("latency p50 / p99 (ms)", f"{single['p50_ms']:.1f} / {single['p99_ms']:.1f}", ""),
        ("peak RSS, one-core run (MB)", f"{single['peak_rss_mb']:.0f}", "≤ 300"),
        ("cold start: import + model load + first score (s)", f"{cold['cold_start_s']:.2f} "
         f"({cold['import_and_load_s']:.2f} + {cold['first_score_s']:.2f})", "≤ 1.5"),
        ("batch --jobs 1: articles/s", f"{batch['batch_1_articles_per_s']:.1f}", ""),
        (f"batch --jobs {args.jobs}: articles/s", f"{batch[f'batch_{args.jobs}_articles_per_s']:.1f}", ""),
        (f"batch speed-up on {args.jobs} cores", f"{batch['speedup']:.2f}×", "≥ 1.8×"),
        (f"CPU, all processes: --jobs 1 / --jobs {args.jobs} (s)",
         f"{batch['batch_1_cpu_s']:.1f} / {batch[f'batch_{args.jobs}_cpu_s']:.1f}", ""),
        (f"speed-up {args.jobs} idle cores would give (from CPU spent)", f"{batch['speedup_bound']:.2f}×", "≥ 1.8×"),
        (f"worker start-up, {args.jobs} processes (s)", f"{batch['worker_startup_s']:.1f}", ""),
        ("TF-IDF + LR baseline, one at a time: articles/s", f"{base['baseline_articles_per_s']:.1f}", ""),
        ("throughput / baseline (wall)", f"{ratio:.2f}×", "≥ 0.5×"),
        ("throughput / baseline (CPU)", f"{cpu_ratio:.2f}×", "≥ 0.5×"),
        *[(f"cost at {size / 1024:,.0f} KB (CPU ms per KB)", f"{ms:.2f}", "") for size, ms, _ in lengths],
        ("cost per KB at 1 MB / at 10 KB", f"{growth:.2f}×", "≤ 1.5×"),
    ]
    print(f"Load average before the run: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores; "
          f"Python {sys.version.split()[0]}\n")
    print("| measure | value | target |\n|---|---:|---:|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    if args.json:
        args.json.write_text(json.dumps({"single": single, "cold": cold, "batch": batch, "baseline": base,
                                         "by_length": lengths, "ratio": ratio, "cpu_ratio": cpu_ratio,
                                         "growth": growth}, indent=2))


if __name__ == "__main__":
    main()
