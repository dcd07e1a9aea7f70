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
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

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
    args = parser.parse_args()
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
