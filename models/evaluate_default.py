"""Evaluate the bundled model's recipe on the shared corpora, and pin the CI quality gate.

    python models/evaluate_default.py [--data ../shared/data] [--jobs 2] [--pin] [--full]

Prints the outlet-grouped evaluation on ReCOVery (the model, the TF-IDF baseline on the same
folds, calibration), and with ``--full`` also the training mix with random folds and
leave-one-dataset-out. ``--pin`` writes the ReCOVery figures as floors of the quality gate
``tests/quality/model_recovery.json`` (floors only ever rise; see tests/quality_gate.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reliability import datasets, evaluate, load_model

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_default import TRAINING_SETS  # noqa: E402


def recovery_figures(report) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The gated figures: the model's grouped ROC-AUC, its margin over TF-IDF, 1 − ECE."""
    grouped = report.results[0]
    assert grouped.scheme == "grouped" and grouped.baseline is not None
    return {
        "recovery_grouped_roc_auc": grouped.model.roc_auc,
        "recovery_margin_over_tfidf": grouped.model.roc_auc - grouped.baseline.roc_auc,
        "recovery_one_minus_ece": 1.0 - grouped.model.ece,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=None, help="corpora root (default: $RELIABILITY_DATA or ../shared/data)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pin", action="store_true", help="pin the ReCOVery figures as quality-gate floors")
    parser.add_argument("--full", action="store_true", help="also evaluate the training mix (slow)")
    args = parser.parse_args()
    model = load_model()

    recovery = datasets.load_recovery(args.data)
    report = evaluate(recovery, model=model, random_split=True, leave_one_dataset_out=False, n_jobs=args.jobs)
    print("ReCOVery, outlet-grouped (publisher):")
    print(report.table())
    if args.pin:
        sys.path.insert(0, str(HERE.parent / "tests"))
        import quality_gate

        figures = recovery_figures(report)
        path = quality_gate.pin("model_recovery", figures, report.data_sha256,
                                command="python models/evaluate_default.py --pin", slack=0.005)
        print(f"pinned {path}: {figures}")
    if args.full:
        records = []
        for name, kwargs, _ in TRAINING_SETS:
            loaded = datasets.load(name, args.data, **kwargs)
            records += [r.model_copy(update={"group": f"{name}/{r.group or r.id}"}) for r in loaded]
        full = evaluate(records, model=model, n_jobs=args.jobs)
        print("Training mix, grouped / random / leave-one-dataset-out:")
        print(full.table())
        page = HERE.parent / "docs" / "model-evaluation.md"
        page.write_text(
            "# Evaluation of the bundled model's recipe\n\n"
            "Written by `python models/evaluate_default.py --full`; do not edit by hand. Columns: ROC-AUC of\n"
            "this model and of TF-IDF + logistic regression on the same folds, then this model's PR-AUC, F1,\n"
            "Brier score and expected calibration error (nested calibration; see docs/retraining.md).\n\n"
            "## ReCOVery, folds grouped by publisher\n\n```\n" + report.table() + "```\n\n"
            "## The training mix\n\n`grouped`: folds grouped by outlet (Horne 2017 articles are their own group, "
            "FakeNewsAMT pairs share one); `random`: stratified random folds; `lodo:X`: trained on the other "
            "corpora, tested on X.\n\n```\n" + full.table() + "```\n",
            encoding="utf-8",
        )
        print(f"wrote {page}")


if __name__ == "__main__":
    main()
