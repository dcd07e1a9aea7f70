"""Speed of attribution extraction on one core: articles per second.

    python benchmarks/bench_attributions.py [DIR] [--repeat 3] [--best]

DIR holds ``*.txt`` articles or a PolNeAR-style ``text/`` folder (default: PolNeAR dev in
``../shared/data/polnear/dev``). Times ``reliability.extract_attributions`` after one warm-up
pass (the lexicons and the cue model load once per process), the same without source
resolution (what the issue's "extraction" speed counts: segmentation and the rules, which give
every span and directness), and the stages inside it: segmentation, attribution rules (with the
cue model and the outlet look-up they call) and source resolution. Runs in this one process, so on one core.
``--best`` reports the fastest pass instead of the median: on a shared machine the other
processes only ever slow a pass down, so the fastest of many (``--repeat 15 --best``) is the
steadier figure for a before/after comparison.

``--against OTHER/reliability`` compares two source trees in this one process instead, as
``benchmarks/paired.py`` does for ``Scorer.score``: the other tree is loaded under another name,
the two take turns on blocks of 25 articles (the best of ``--repeat`` passes per block, the
garbage collector off), so both see the same load; it checks that both find the same statements
(``--outputs-differ`` lets a change that finds other statements, such as a new operating point,
be timed too: the count of statements of each tree is printed instead).

    PYTHONPATH=. python benchmarks/bench_attributions.py --against /tmp/base/reliability --repeat 3

``--parts`` splits the attribution rules' CPU time (``find_attributions`` on segmented
articles) into the steps it calls: the cue model, the outlet registry look-up per sentence (with
the share of look-ups that find nothing), the sentence rules, the repairs, the learned span
rankers, the statement filter and the rest of the function's own work. Each step is timed by a
wrapper around it (``time.process_time`` on entry and exit, a few hundred calls per pass), so
the parts add up to slightly more than the unwrapped total printed beside them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default=str(REPO.parent / "shared" / "data" / "polnear" / "dev"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--best", action="store_true", help="the fastest pass, not the median")
    parser.add_argument("--against", type=Path, help="another tree's package folder (…/reliability): paired run")
    parser.add_argument("--outputs-differ", action="store_true",
                        help="with --against: time the trees even when they find different statements")
    parser.add_argument("--parts", action="store_true", help="split the attribution rules' time into their steps")
    args = parser.parse_args()
    if args.parts:
        return _parts(Path(args.directory), args.repeat)
    if args.against is not None:
        return _paired(Path(args.directory), args.against, args.repeat, outputs_differ=args.outputs_differ)

    from reliability import extract_attributions
    from reliability._attributions import find_attributions
    from reliability._segmentation import segment
    from reliability._sources import resolve_sources

    root = Path(args.directory)
    files = sorted((root / "text").glob("*.txt")) or sorted(root.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt articles in {root}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    chars = sum(len(t) for t in texts)
    for text in texts:  # warm-up: lexicons, outlet registry, cue model
        extract_attributions(text)

    def rate(run) -> float:
        runs = []
        for _ in range(args.repeat):
            began = time.process_time()
            for text in texts:
                run(text)
            runs.append(time.process_time() - began)
        return len(texts) / (min(runs) if args.best else statistics.median(runs))

    segs = [segment(t) for t in texts]
    founds = [find_attributions(s) for s in segs]
    print(f"{len(texts)} articles, {chars / len(texts):.0f} characters on average; "
          f"{'fastest' if args.best else 'median'} of {args.repeat} passes, CPU time of this one process")
    print(f"extract_attributions   {rate(extract_attributions):8.0f} articles/s")
    print(f"  without sources      {rate(lambda t: find_attributions(segment(t))):8.0f} articles/s"
          "   (segmentation and rules: spans, cues, directness; no source ids)")
    print(f"  segmentation         {rate(segment):8.0f} articles/s")
    queued = iter(segs * (args.repeat + 1))
    print(f"  attribution rules    {rate(lambda _: find_attributions(next(queued))):8.0f} articles/s")
    triples = iter(list(zip(texts, founds, segs, strict=True)) * (args.repeat + 1))

    def resolve(_: str) -> object:
        text, found, seg = next(triples)
        return resolve_sources(text, found, segmentation=seg)  # as the pipeline calls it

    print(f"  source resolution    {rate(resolve):8.0f} articles/s")


def _parts(root: Path, rounds: int) -> None:
    """CPU ms per article of each step of ``find_attributions`` (see the module docstring)."""
    import gc

    from reliability import _attributions, _cue_model, _statement_model
    from reliability._segmentation import segment

    files = sorted((root / "text").glob("*.txt")) or sorted(root.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt articles in {root}")
    segs = [segment(f.read_text(encoding="utf-8")) for f in files]
    for seg in segs:  # warm-up: models, lexicons, each article's index of words
        _attributions.find_attributions(seg)

    spent: dict[str, float] = {}
    outlet_calls = [0, 0]  # look-ups, and those that found no outlet

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - began
        return wrapper

    def find_outlets(tokens: list[Any]) -> list[Any]:
        mentions = original_find_outlets(tokens)
        outlet_calls[0] += 1
        outlet_calls[1] += not mentions
        return mentions

    # (owner, attribute, the step it counts for), patched for the timed passes only.
    patches = [
        (_cue_model.CueTagger, "probabilities", "cue model (_cue_model)"),
        (_attributions, "find_outlets", "outlet look-up per sentence (_outlets.find_outlets)"),
        (_attributions._SentenceRules, "__init__", "sentence rules: setting up a sentence"),
        (_attributions._SentenceRules, "run", "sentence rules: run (_cue, _according_to, ...)"),
        (_attributions, "repair_readings", "repairs (_attribution_repairs.repair_readings)"),
        (_attributions, "_learned_cue_ends", "learned cue ends (_span_model)"),
        (_attributions, "_learned_content_ends", "learned content ends (_span_model)"),
        (_attributions, "_learned_source_ends", "learned source ends (_span_model)"),
        (_statement_model.StatementFilter, "keep", "statement filter (_statement_model)"),
        (_attributions, "vague_adverbs_left", "repairs: vague adverbs (_attribution_repairs)"),
    ]
    original_find_outlets = _attributions.find_outlets
    saved = [(owner, attribute, getattr(owner, attribute)) for owner, attribute, _ in patches]
    best_total = float("inf")
    best_parts: dict[str, float] = {}
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            began = time.process_time()
            for seg in segs:
                _attributions.find_attributions(seg)
            best_total = min(best_total, time.process_time() - began)
        for _ in range(rounds):
            for owner, attribute, name in patches:
                inner = find_outlets if attribute == "find_outlets" else getattr(owner, attribute)
                setattr(owner, attribute, timed(name, inner))
            spent.clear()
            outlet_calls[:] = [0, 0]
            began = time.process_time()
            for seg in segs:
                _attributions.find_attributions(seg)
            whole = time.process_time() - began
            for owner, attribute, original in saved:
                setattr(owner, attribute, original)
            parts = {**spent, "the rest of find_attributions": whole - sum(spent.values())}
            if not best_parts or whole < sum(best_parts.values()):
                best_parts = parts
    finally:
        for owner, attribute, original in saved:
            setattr(owner, attribute, original)
        gc.enable()
    n = len(segs)
    wrapped = sum(best_parts.values())
    print(f"{n} articles, find_attributions on segmented articles, CPU ms per article, best of {rounds} passes, "
          "garbage collector off")
    print(f"{'step':58s} {'ms':>6s} {'share':>6s}")
    for name, seconds in sorted(best_parts.items(), key=lambda item: -item[1]):
        print(f"{name:58s} {1000 * seconds / n:6.3f} {100 * seconds / wrapped:5.1f}%")
    print(f"{'sum of the steps (wrapped)':58s} {1000 * wrapped / n:6.3f}")
    print(f"{'find_attributions, unwrapped':58s} {1000 * best_total / n:6.3f}")
    print(f"outlet look-ups: {outlet_calls[0] / n:.1f} per article, {outlet_calls[1] / max(outlet_calls[0], 1):.0%} "
          "of them find no outlet")


def _paired(root: Path, other_folder: Path, rounds: int, *, outputs_differ: bool = False) -> None:
    """CPU ms per article of this tree and ``other_folder``'s, in alternation (see the module docstring)."""
    import gc
    import importlib

    from paired import _blocks, _load  # benchmarks/ is on sys.path when a benchmark runs as a script

    files = sorted((root / "text").glob("*.txt")) or sorted(root.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt articles in {root}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    other = _load("reliability_other", other_folder.resolve())
    import reliability as this

    if Path(this.__file__).resolve().parent == other_folder.resolve():
        sys.exit("both trees are the same package: run from the other tree with PYTHONPATH=.")
    trees = {"other": other, "this": this}
    stages = {k: (importlib.import_module(f"{m.__name__}._segmentation"),
                  importlib.import_module(f"{m.__name__}._attributions")) for k, m in trees.items()}
    segs = {k: [stages[k][0].segment(t) for t in texts] for k in trees}
    found = {k: [stages[k][1].find_attributions(s) for s in segs[k]] for k in trees}
    if outputs_differ:
        print("statements found: " + ", ".join(f"{k} {sum(map(len, found[k]))}" for k in trees))
    elif [repr(f) for f in found["this"]] != [repr(f) for f in found["other"]]:
        sys.exit("the two trees find different statements (--outputs-differ times them anyway)")
    gc.collect()
    gc.disable()
    rules = _blocks({k: stages[k][1].find_attributions for k in trees}, segs, rounds)
    whole = _blocks({k: m.extract_attributions for k, m in trees.items()}, {k: texts for k in trees}, rounds)
    print(f"{len(texts)} articles, CPU ms per article, blocks of 25 in alternation, best of {rounds} per block; "
          f"other: {other_folder}")
    for name, figures in (("attribution rules", rules), ("extract_attributions", whole)):
        change = 100 * (figures["this"] / figures["other"] - 1)
        print(f"{name:22s} other {figures['other']:.3f}  this {figures['this']:.3f}  ({change:+.1f}%)")


if __name__ == "__main__":
    main()
