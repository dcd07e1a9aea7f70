"""How scoring cost grows on hostile text: per-character CPU cost at 8× and 64× the size.

A linear pipeline keeps the ratio near 1 (below 1 while fixed per-call costs still dominate);
a quadratic stage shows ~8 at 8× and ~64 at 64×. Run from the repository root:

    python benchmarks/hostile_inputs.py            # 2,000 / 16,000 / 128,000 characters
    python benchmarks/hostile_inputs.py --base 1000 --no-64x

The families are the ones tests/test_robustness.py checks at 8× (runs of quotes, capitals,
"said", spaces, parentheses, full stops, nested quotes, thousands of distinct names, ...).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_robustness import ADVERSARIAL, _cost, _text

from reliability import Scorer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=2_000, help="smallest text, in characters")
    parser.add_argument("--no-64x", action="store_true", help="skip the 64× size (slow for a quadratic stage)")
    args = parser.parse_args()
    scorer = Scorer()
    scorer.score("Warm up: the minister said so.")
    sizes = [args.base, 8 * args.base] + ([] if args.no_64x else [64 * args.base])
    header = f"{'family':22} " + " ".join(f"{n:>10,}ch" for n in sizes) + "   ratio 8×"
    print(header + ("  ratio 64×" if len(sizes) > 2 else ""))
    for name in ADVERSARIAL:
        costs = [_cost(scorer, _text(name, n), 3 if n <= 16_000 else 1) for n in sizes]
        cells = " ".join(f"{c * n * 1e3:10.1f}ms" for c, n in zip(costs, sizes, strict=True))
        ratios = "  ".join(f"{c / costs[0]:9.2f}" for c in costs[1:])
        print(f"{name:22} {cells}  {ratios}", flush=True)


if __name__ == "__main__":
    main()
