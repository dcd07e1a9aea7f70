"""CPU time of the source and chain stages alone (``resolve_sources`` + ``build_chains``).

Attributions are extracted once up front, so only stages 3-4 are timed; the best of several
rounds over the same articles (PolNeAR texts and Horne 2017 articles from ``../shared``).
Run from the repository root:

    python benchmarks/bench_sources.py [--shared ../shared] [--articles 900] [--rounds 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reliability._attributions import find_attributions
from reliability._chains import build_chains
from reliability._segmentation import segment
from reliability._sources import resolve_sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parent.parent.parent / "shared"))
    parser.add_argument("--articles", type=int, default=900)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    data = Path(args.shared) / "data"
    files = sorted((data / "polnear").glob("*/text/*.txt"))[: args.articles * 2 // 3]
    files += sorted((data / "horne2017-fakenewsdata1").rglob("*.txt"))[: args.articles - len(files)]
    if not files:
        sys.exit(f"no corpus texts under {data}")
    prepared = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        prepared.append((text, find_attributions(segment(text))))
    best = float("inf")
    for _ in range(args.rounds):
        start = time.process_time()
        for text, found in prepared:
            build_chains(found, resolve_sources(text, found))
        best = min(best, time.process_time() - start)
    statements = sum(len(found) for _, found in prepared)
    print(f"{len(prepared)} articles, {statements} statements: sources + chains {best:.3f} s CPU "
          f"(best of {args.rounds}), {best / len(prepared) * 1e3:.2f} ms per article")


if __name__ == "__main__":
    main()
