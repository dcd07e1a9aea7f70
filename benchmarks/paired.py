"""CPU time of two source trees scoring the same articles in one process, in alternation.

    PYTHONPATH=. python benchmarks/paired.py /path/to/main/reliability           # 300 PolNeAR articles
    PYTHONPATH=. python benchmarks/paired.py /path/to/main/reliability --limit 928 --rounds 5

On a shared machine, two benchmark runs minutes apart differ by more than a speed change does:
CPU time itself swells by 10-30% when the neighbours are busy (shared caches and cores). This
script loads the other tree's package under another name (``reliability_other``; the package
imports its own modules relatively, so the two stay apart) beside the importable one, and scores
the articles in blocks of 25, the two trees taking turns (which goes first alternates), so both
see the same load. Each block's CPU time is kept for the faster of ``--rounds`` passes; the sums
are CPU ms per article, and stages are timed the same way (segmentation, then the model's input
row and ``decompose``, both on analyses made beforehand).

The cyclic garbage collector is off throughout: ``Scorer`` pauses it while it scores an article,
and between articles its passes would walk both trees' lexicons and models, charging one tree
for the other's objects. Every report is also compared as JSON: the script exits 1 if any differs.

A benchmark helper, not a test: it needs the shared corpora and takes a few minutes.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear"
BLOCK = 25


def _load(name: str, folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    if spec is None or spec.loader is None:
        raise SystemExit(f"no package at {folder}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _blocks(calls: dict[str, Callable[[Any], object]], items: dict[str, list[Any]], rounds: int) -> dict[str, float]:
    """CPU ms per item of each call, block by block in alternation, the best of ``rounds`` per block."""
    names = list(calls)
    n = len(next(iter(items.values())))
    totals = dict.fromkeys(names, 0.0)
    for b, start in enumerate(range(0, n, BLOCK)):
        best = dict.fromkeys(names, float("inf"))
        for r in range(rounds):
            for name in names if (b + r) % 2 == 0 else reversed(names):
                call, block = calls[name], items[name][start : start + BLOCK]
                t0 = time.process_time()
                for item in block:
                    call(item)
                best[name] = min(best[name], time.process_time() - t0)
        for name in names:
            totals[name] += best[name]
    return {name: 1000 * total / n for name, total in totals.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("other", type=Path, help="the other tree's package folder (…/reliability)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the PolNeAR folder")
    parser.add_argument("--limit", type=int, default=300, help="articles (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="passes per block, keeping the best (default 3)")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.data.glob("*/text/*.txt"))][: args.limit]
    if not texts:
        raise SystemExit(f"no PolNeAR texts under {args.data}; pass --data")
    other = _load("reliability_other", args.other.resolve())
    import reliability as this

    if Path(this.__file__).resolve().parent == args.other.resolve():
        raise SystemExit("both trees are the same package: run from the other tree with PYTHONPATH=.")
    trees = {"other": other, "this": this}
    modules = {k: tuple(importlib.import_module(f"{m.__name__}.{part}") for part in ("_pipeline", "_features",
                                                                                    "_segmentation"))
               for k, m in trees.items()}
    scorers = {k: m.Scorer() for k, m in trees.items()}
    differ = sum(scorers["other"].score(t).model_dump_json() != scorers["this"].score(t).model_dump_json()
                 for t in texts)

    gc.collect()
    gc.disable()
    analyses = {k: [modules[k][0].analyze(trees[k].Article(text=t)) for t in texts] for k in trees}
    models = {k: scorers[k].model for k in trees}
    rows: dict[str, Callable[[Any], object]] = {
        k: (lambda a, k=k: models[k].decompose(modules[k][1].article_row(a)[0])) for k in trees
    }
    figures = {
        "Scorer.score": _blocks({k: s.score for k, s in scorers.items()}, {k: texts for k in trees}, args.rounds),
        "segmentation": _blocks({k: modules[k][2].segment for k in trees}, {k: texts for k in trees}, args.rounds),
        "features + model (input row, decompose)": _blocks(rows, analyses, args.rounds),
    }
    print(f"{len(texts)} PolNeAR articles, CPU ms per article, blocks of {BLOCK} in alternation, best of "
          f"{args.rounds} per block; other: {args.other}\n")
    print("| measure | other | this | this / other |\n|---|---:|---:|---:|")
    for name, f in figures.items():
        print(f"| {name} | {f['other']:.2f} | {f['this']:.2f} | {f['this'] / f['other']:.3f} |")
    print(f"\nreports identical: {len(texts) - differ} of {len(texts)}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
