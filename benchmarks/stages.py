"""CPU time of each scoring stage, without a profiler; prints a Markdown table.

    python benchmarks/stages.py                # 300 PolNeAR articles, best of 2 rounds
    python benchmarks/stages.py --by-length    # also: CPU ms per KB of each stage at 10 KB and at 1 MB

cProfile's per-call overhead inflates stages made of many small calls (tokens, spans) and hides
the garbage collector, so the shares here come from timing each stage function as
``Scorer.score`` runs it (``time.process_time``; the best of ``--rounds`` passes over the same
articles). ``score() total`` is one whole ``Scorer.score`` call, the stages are called one by
one. The glue between them is timed too, as ``Scorer._report`` runs it: the input record
(``Article``), the report record (``ReliabilityReport``, the
feature dict, the model info), freeing the article's objects once it is scored, and the cyclic
garbage collector's passes during ``score()`` (``gc.callbacks``). The rows then add up to the
total, give or take the noise.

Run it from the repository root with the source tree importable (``PYTHONPATH=.``).
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from _lengths import joined  # benchmarks/ is on sys.path when a benchmark runs as a script

from reliability import Article, Scorer
from reliability._attributions import find_attributions
from reliability._chains import build_chains, enclosing
from reliability._claim_scores import score_claims
from reliability._claims import build_claims, find_hedges
from reliability._explain import explain
from reliability._features import article_row
from reliability._pipeline import analyze
from reliability._records import ReliabilityReport
from reliability._scorer import _collector_paused
from reliability._segmentation import segment
from reliability._sources import resolve_sources

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear"

# (stage, module) in the order Scorer.score runs them
STAGES = [
    ("input checks + language", "_validation.py, _language.py"),
    ("segmentation", "_segmentation.py"),
    ("attributions", "_attributions.py, _cue_model.py, _outlets.py"),
    ("sources", "_sources.py, _outlets.py"),
    ("chains", "_chains.py"),
    ("claims + hedges", "_claims.py"),
    ("features + style profile", "_features.py, _style.py"),
    ("model", "_model.py, _scoring_view.py"),
    ("per-claim scores", "_claim_scores.py"),
    ("explanations", "_explain.py"),
    ("input record", "_scorer.py, _records.py"),
    ("report record", "_scorer.py, _records.py"),
    ("freeing the article's objects", ""),
    ("garbage collector, in score()", ""),
]


class _CollectorClock:
    """CPU seconds the cyclic garbage collector spends while ``running`` (through ``gc.callbacks``)."""

    def __init__(self) -> None:
        self.running = False
        self.seconds = 0.0
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if not self.running:
            return
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds += time.process_time() - self._started


_COLLECTOR = _CollectorClock()


def stage_times(scorer: Scorer, text: str) -> dict[str, float]:
    """CPU seconds of each stage of scoring ``text``, and of one whole ``Scorer.score``."""
    times: dict[str, float] = {}
    last = time.process_time()

    def lap(name: str) -> None:
        nonlocal last
        now = time.process_time()
        times[name] = times.get(name, 0.0) + now - last
        last = now

    model = scorer.model
    lap("setup")
    article = Article(text=text)
    lap("input record")
    scorer._check(article)
    lap("input checks + language")
    with _collector_paused():  # as Scorer.score runs the stages
        seg = segment(text)
        lap("segmentation")
        found = find_attributions(seg)
        lap("attributions")
        resolution = resolve_sources(text, found, segmentation=seg)
        lap("sources")
        enclosed = enclosing(found)
        _, chain_of = build_chains(found, resolution, enclosed=enclosed)
        lap("chains")
        build_claims(seg, found, resolution.source_of, chain_of, "chain0",
                     find_hedges(seg.tokens, text, segmentation=seg), enclosed=enclosed)
        lap("claims + hedges")
        del seg, found, resolution, enclosed, chain_of
        analysis = analyze(article)
        lap("setup")
        row, evidence = article_row(analysis)
        lap("features + style profile")
        logit, base, contributions, values = model.decompose(row)
        score = model.probability(logit)
        lap("model")
        evidence = evidence + [[] for _ in range(len(values) - len(evidence))]
        claims = score_claims(analysis.claims, analysis.chains, analysis.sources)
        lap("per-claim scores")
        explanations = explain(analysis, model.feature_names, values, contributions, evidence,
                               typical=model.typical_values)
        lap("explanations")
        report = ReliabilityReport(
            score=score, label=model.label(score), logit=logit, base_value=base, claims=claims,
            sources=analysis.sources, chains=analysis.chains, explanations=explanations,
            features={name: float(v) for name, v in zip(model.feature_names, values, strict=True)},
            model=model.info(), language="en", warnings=[],
        )
        lap("report record")
        del analysis, row, evidence, claims, explanations, report
        lap("freeing the article's objects")
    _COLLECTOR.running, collected = True, _COLLECTOR.seconds
    scorer.score(text)
    _COLLECTOR.running = False
    lap("score() total")
    times["garbage collector, in score()"] = _COLLECTOR.seconds - collected
    return times


def best_of(scorer: Scorer, texts: list[str], rounds: int) -> dict[str, float]:
    """Per stage, the least total CPU over ``rounds`` passes over ``texts``."""
    stage_times(scorer, texts[0])  # warm-up: lexicons, model, caches
    best: dict[str, float] = {}
    for _ in range(rounds):
        total: dict[str, float] = {}
        for text in texts:
            for name, seconds in stage_times(scorer, text).items():
                total[name] = total.get(name, 0.0) + seconds
        best = {k: min(v, best.get(k, v)) for k, v in total.items()}
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the PolNeAR folder")
    parser.add_argument("--limit", type=int, default=300, help="articles to time (default 300)")
    parser.add_argument("--rounds", type=int, default=2, help="passes, keeping the best (default 2)")
    parser.add_argument("--by-length", action="store_true", help="also time a 10 KB and a 1 MB article")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.data.glob("*/text/*.txt"))]
    if not texts:
        raise SystemExit(f"no PolNeAR texts under {args.data}; pass --data")
    scorer = Scorer()
    sample = texts[: args.limit]
    best = best_of(scorer, sample, args.rounds)
    whole = best["score() total"]
    print(f"{len(sample)} PolNeAR articles, CPU per article, best of {args.rounds} rounds\n")
    print("| stage | modules | ms per article | share of score() |\n|---|---|---:|---:|")
    for name, modules in STAGES:
        print(f"| {name} | {modules} | {1000 * best[name] / len(sample):.2f} | {best[name] / whole:.0%} |")
    rows = sum(best[name] for name, _ in STAGES)
    print(f"| sum of the rows above | | {1000 * rows / len(sample):.2f} | {rows / whole:.0%} |")
    print(f"| score() total | | {1000 * whole / len(sample):.2f} | 100% |")
    if args.by_length:
        per_kb = {}
        for size, repeats in ((10 << 10, 10), (1 << 20, 1)):
            text = joined(texts, size)
            result = best_of(scorer, [text] * repeats, args.rounds)
            kb = len(text.encode()) / 1024 * repeats
            per_kb[size] = {k: 1000 * v / kb for k, v in result.items()}
        small, large = per_kb[10 << 10], per_kb[1 << 20]
        print("\nCPU ms per KB at 10 KB and at 1 MB\n")
        print("| stage | 10 KB | 1 MB | ratio |\n|---|---:|---:|---:|")
        for name, _ in [*STAGES, ("score() total", "")]:
            ratio = f"{large[name] / small[name]:.2f}×" if small[name] else "–"
            print(f"| {name} | {small[name]:.3f} | {large[name]:.3f} | {ratio} |")


if __name__ == "__main__":
    main()
