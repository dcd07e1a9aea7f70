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
    (HERE.parent / "docs" / "model-card.md").write_text(model_card_markdown(model.card), encoding="utf-8")
    print(f"wrote {path} and docs/model-card.md")
    print(json.dumps(model.card["metrics"], indent=2))


def model_card_markdown(card: dict) -> str:
    """docs/model-card.md, written from the card so the two never disagree."""
    m = card["metrics"]
    lengths = "{} to {}".format(*card.get("phrasing_ngrams", ("?", "?")))
    signed = (
        "\nEach named feature's weight is constrained to the side its plain reading says\n"
        "(`FEATURE_DIRECTIONS` in `reliability/_features.py`; free for length and sentence length), and\n"
        "the stacked scores' weights to be non-negative, so no explanation says that, for example,\n"
        "quoting a named source lowered the score."
        if card.get("sign_constrained") else ""
    )
    baseline = m.get("baseline_tfidf_grouped_cv_roc_auc", float("nan"))
    rows = "\n".join(
        f"| {d['name']} | {d['n_articles']} | {d['n_reliable']} | {d['license']} | {d['options'] or ''} |"
        for d in card["training_data"]
    )
    return f"""# Model card: `default`

Written by `models/build_default.py` from `models/default.card.json`; do not edit by hand.

## What it is

A standardised logistic regression over the named features of `docs/features.md` plus two
stacked scores: `style_score`, the cross-fitted log-odds of a logistic regression over the
writing-style profile — 145 function-word rates, 27 punctuation rates, 4 character statistics —
(`style_C` = {card.get('style_C')}), and `phrasing_score`, the same over the phrasing profile —
sequences of {lengths} tokens of the text with content words masked by their
shape, hashed into {card.get('phrasing_columns')} columns, TF-IDF weighted
(`phrasing_C` = {card.get('phrasing_C')}).{signed} {card['calibration']['method'].capitalize()} calibration
fitted on out-of-fold logits. {len(card['feature_names'])} readable input columns. Library
{card['library_version']}, scikit-learn {card['sklearn_version']}, Python {card['python_version']},
seed {card['seed']}, C = {card['C']}. Labels: `low` below {card['thresholds'][0]}, `high` from
{card['thresholds'][1]}, `mixed` between. Model files are pickles: load only files you trust
(the loader checks the sha256 on the card).

## Training data

| corpus | articles | reliable | license as stated | options |
|---|---|---|---|---|
{rows}

sha256 of the training data (ids, labels, texts): `{card['data_sha256']}`.
Labels are per outlet in ReCOVery, PolNeAR (MBFC factuality of the publisher) and Horne 2017's
random set; per article in FakeNewsAMT/Celebrity and Horne's BuzzFeed set. The corpora are not
redistributed; see their `SOURCE.md` files. ReCOVery is CC BY-NC-SA 4.0: this model is for
non-commercial research use.

## Evaluation

{card['cv']}, {int(m['n_articles'])} articles in {int(m['n_groups'])} groups. Horne 2017 articles
are their own groups (no outlet is recorded) and FakeNewsAMT fake/legit pairs share a group.

| metric | value |
|---|---|
| grouped-CV ROC-AUC, this model | {m['grouped_cv_roc_auc']:.3f} |
| grouped-CV ROC-AUC, TF-IDF + logistic regression on the same folds | {baseline:.3f} |
| grouped-CV PR-AUC (reliable class) | {m['grouped_cv_pr_auc']:.3f} |
| grouped-CV F1 at P = 0.5 | {m['grouped_cv_f1']:.3f} |
| grouped-CV Brier score (nested calibration) | {m['grouped_cv_brier']:.3f} |
| grouped-CV expected calibration error (10 bins, nested calibration) | {m['grouped_cv_ece']:.3f} |

Per-corpus figures (ReCOVery grouped by publisher, random folds, leave-one-dataset-out) are in
`docs/model-evaluation.md`, written by `python models/evaluate_default.py --full`.

## Intended use and limits

Intended: ranking and triaging English news articles by how they source their claims, with the
explanations read by a person. Not intended: deciding alone whether an article is true, judging
non-English text, or judging outlets. The model reads no topic vocabulary: its profiles keep
function words, punctuation and word shapes only, so that it carries over to unseen outlets and
topics; where the TF-IDF baseline still scores higher (see `docs/model-evaluation.md`), it is by
recognising topics and outlets. See `docs/limitations.md`.
"""


if __name__ == "__main__":
    main()
