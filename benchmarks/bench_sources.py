"""CPU time of the source and chain stages alone (``resolve_sources`` + ``build_chains``).

Attributions are extracted once up front, so only stages 3-4 are timed; the best of several
rounds over the same articles (PolNeAR texts and Horne 2017 articles from ``../shared``).
Run from the repository root:

    python benchmarks/bench_sources.py [--shared ../shared] [--articles 900] [--rounds 5]
    python benchmarks/bench_sources.py --by-length   # also: CPU ms per KB at 10 KB and at 1 MB

``--by-length`` builds one 10 KB and one 1 MB article from whole PolNeAR paragraphs, as
``benchmarks/stages.py`` builds them, and times the two stages on each: a linear stage keeps
the ratio of their per-KB costs near 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _lengths import joined  # benchmarks/ is on sys.path when a benchmark runs as a script

from reliability._attributions import Found, find_attributions
from reliability._chains import build_chains
from reliability._segmentation import Segmentation, segment
from reliability._sources import resolve_sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parent.parent.parent / "shared"))
    parser.add_argument("--articles", type=int, default=900)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--by-length", action="store_true", help="also time a 10 KB and a 1 MB article")
    args = parser.parse_args()
    data = Path(args.shared) / "data"
    files = sorted((data / "polnear").glob("*/text/*.txt"))[: args.articles * 2 // 3]
    files += sorted((data / "horne2017-fakenewsdata1").rglob("*.txt"))[: args.articles - len(files)]
    if not files:
        sys.exit(f"no corpus texts under {data}")
    prepared = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        seg = segment(text)
        prepared.append((text, seg, find_attributions(seg)))
    best = float("inf")
    for _ in range(args.rounds):
        start = time.process_time()
        for text, seg, found in prepared:
            build_chains(found, resolve_sources(text, found, segmentation=seg))
        best = min(best, time.process_time() - start)
    statements = sum(len(found) for _, _, found in prepared)
    print(f"{len(prepared)} articles, {statements} statements: sources + chains {best:.3f} s CPU "
          f"(best of {args.rounds}), {best / len(prepared) * 1e3:.2f} ms per article")
    if args.by_length:
        texts = [path.read_text(encoding="utf-8") for path in sorted((data / "polnear").glob("*/text/*.txt"))]
        per_kb = {}
        for size, repeats in ((10 << 10, 10), (1 << 20, 1)):
            text = joined(texts, size)
            seg = segment(text)
            found = find_attributions(seg)
            cost = min(_cpu(text, seg, found, repeats) for _ in range(max(2, args.rounds // 2)))
            per_kb[size] = 1e3 * cost / (len(text.encode()) / 1024)
        print(f"CPU ms per KB: {per_kb[10 << 10]:.3f} at 10 KB, {per_kb[1 << 20]:.3f} at 1 MB, "
              f"ratio {per_kb[1 << 20] / per_kb[10 << 10]:.2f}x")


def _cpu(text: str, seg: Segmentation, found: list[Found], repeats: int) -> float:
    """CPU seconds of resolving the sources and chains of ``text``, averaged over ``repeats`` runs."""
    start = time.process_time()
    for _ in range(repeats):
        build_chains(found, resolve_sources(text, found, segmentation=seg))
    return (time.process_time() - start) / repeats


if __name__ == "__main__":
    main()
