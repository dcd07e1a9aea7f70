"""Rebuild the bundled default model from the shared corpora.

    python models/build_default.py [--data ../shared/data] [--jobs 2]

Trains on the corpora listed in TRAINING_SETS with outlet-grouped cross-validation, writes
models/default.joblib and its card models/default.card.json, and prints the card's metrics.
The corpora are not part of the repository (see docs/model-card.md for where they come from).
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from reliability import datasets
from reliability._training import train

HERE = Path(__file__).resolve().parent

# name, loader keyword arguments, license as stated by the corpus
TRAINING_SETS: list[tuple[str, dict[str, object], str]] = [
    ("recovery", {}, "CC BY-NC-SA 4.0 (non-commercial)"),
    ("fakenewsamt", {}, "no license stated; research use"),
    ("horne2017", {}, "BSD-style notice; cite Horne & Adali 2017"),
    ("polnear", {"include_wire": False}, "no license stated; research use; labels from MBFC via Baly et al."),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=None, help="corpora root (default: $RELIABILITY_DATA or ../shared/data)")
    parser.add_argument("--jobs", type=int, default=2, help="articles analysed in parallel")
    parser.add_argument("--output", default=str(HERE / "default.joblib"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    records = []
    described = []
    for name, kwargs, license_ in TRAINING_SETS:
        loaded = datasets.load(name, args.data, **kwargs)
        # Prefix groups with the corpus so two corpora never share an outlet name by accident.
        loaded = [r.model_copy(update={"group": f"{name}/{r.group or r.id}"}) for r in loaded]
        records.extend(loaded)
        described.append({
            "name": name,
            "n_articles": len(loaded),
            "n_reliable": sum(r.label for r in loaded),
            "license": license_,
            "options": kwargs,
        })
    model = train(records, name="default", n_jobs=args.jobs, training_data=described)
    path = model.save(args.output)
    print(f"wrote {path}")
    print(json.dumps(model.card["metrics"], indent=2))


if __name__ == "__main__":
    main()
