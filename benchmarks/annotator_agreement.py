"""How far two PolNeAR annotators agree, under the metric of ``reliability evaluate-attributions``.

    python benchmarks/annotator_agreement.py [SPLIT_DIR ...]

Some PolNeAR articles were annotated by more than one annotator (the ``_<annotator>.ann``
suffix), for agreement studies. For each such article of the given splits (default: PolNeAR
train and dev; the held-out test split is never read), the first annotator's file is the gold
(the one ``evaluate-attributions`` uses) and the second's is scored against it exactly as the
extractor's output is: micro-averaged P/R/F1 per role, exact and overlap, relation F1. The
extractor is scored on the same articles beside it. Human agreement is the ceiling the
issue's targets should be read against; on train the extractor's figure is optimistic (its
learned parts were trained there).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reliability._attribution_eval import Counts, _extract, read_ann, score  # noqa: E402

SHOWN = ("cue_overlap", "source_overlap", "content_overlap", "relation", "all_exact")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    polnear = REPO.parent / "shared" / "data" / "polnear"
    parser.add_argument("splits", nargs="*", type=Path, default=[polnear / "train", polnear / "dev"])
    args = parser.parse_args()
    human: dict[str, Counts] = {}
    machine: dict[str, Counts] = {}
    articles = 0
    for split in args.splits:
        files: dict[str, list[Path]] = {}
        for ann in sorted((split / "attributions").glob("*.ann")):
            files.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
        for name, anns in sorted(files.items()):
            text_file = split / "text" / f"{name}.txt"
            if len(anns) < 2 or not text_file.exists():
                continue
            articles += 1
            text = text_file.read_text(encoding="utf-8")
            gold = read_ann(anns[0])
            for totals, predicted in ((human, read_ann(anns[1])), (machine, _extract(text))):
                for key, counts in score(text, predicted, gold).items():
                    totals[key] = totals.get(key, Counts()) + counts
    if not articles:
        sys.exit("no article with two annotator files in " + ", ".join(map(str, args.splits)))
    print(f"{articles} articles with two annotators; the first annotator is the gold")
    print(f"{'measure':17s} {'second annotator (P / R / F1)':>30s} {'extractor (P / R / F1)':>26s}")
    for key in SHOWN:
        h, m = human[key], machine[key]
        print(f"{key:17s} {h.precision:10.3f} {h.recall:6.3f} {h.f1:6.3f}      "
              f"{m.precision:8.3f} {m.recall:6.3f} {m.f1:6.3f}")


if __name__ == "__main__":
    main()
