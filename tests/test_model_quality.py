"""CI quality gate for the shipped model's recipe: outlet-grouped figures on ReCOVery must not
drop below the floors pinned by `python models/evaluate_default.py --pin`."""

from __future__ import annotations

import sys
from pathlib import Path

import quality_gate

from reliability import datasets, evaluate, load_model

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "models"))


def test_recovery_grouped_figures_meet_the_floors(shared):
    from evaluate_default import recovery_figures

    records = datasets.load_recovery(shared / "data")
    report = evaluate(records, model=load_model(), random_split=False, leave_one_dataset_out=False, n_jobs=2)
    quality_gate.check("model_recovery", recovery_figures(report), report.data_sha256)
