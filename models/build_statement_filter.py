"""Rebuild ``models/statement_filter.json``, the learned keep-or-drop check on each statement.

    python models/build_statement_filter.py      # how the shipped file was built (about 3 minutes)

1. PolNeAR train is split into two halves (alternate articles). For each half, a cue model is
   trained on the *other* half exactly as ``models/build_cue_tagger.py`` trains the shipped one,
   so the cue probabilities the filter learns from are as uncertain as on unseen text (the
   shipped cue model has seen all of train and is too sure there).
2. The attribution rules run on the half with that cue model, at the looser operating point the
   filter is for (``--cue-threshold``, ``--fallback``, ``--fallback-bare``), span rankers on, no
   filter. Each statement is a row (``reliability._statement_model.statement_features``),
   labelled 1 when its cue matches a gold cue (character Jaccard >= 0.5, the evaluation's
   overlap mode).
3. A logistic regression (``--C``) is fitted to all rows; weights smaller than ``--prune`` are
   dropped. The decision threshold is ``--threshold``, or else the one of 0.2-0.5 that
   maximises, on PolNeAR dev with the shipped cue model, the sum of the overlap F1 of the three
   roles, relation F1 and all-roles exact F1 (``reliability evaluate-attributions``).

Writes the weights as JSON and a card beside them (``statement_filter.card.json``). Only train
and dev are read: the held-out test split never is.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "models"))

import build_cue_tagger  # noqa: E402

import reliability._attributions as attributions  # noqa: E402
from reliability._attribution_eval import _jaccard, annotations_sha256, evaluate_attributions, load_gold  # noqa: E402
from reliability._cue_model import CueTagger  # noqa: E402
from reliability._segmentation import segment  # noqa: E402
from reliability._statement_model import StatementFilter, cue_probability, statement_features  # noqa: E402

GATED = ("cue_f1_overlap", "source_f1_overlap", "content_f1_overlap", "relation_f1", "all_f1_exact")


def _cue_model(articles, args) -> CueTagger:
    """A cue model trained on ``articles`` the way build_cue_tagger.py trains the shipped one."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: Counter[str] = Counter()
    for article in articles:
        chars = build_cue_tagger._cue_chars(article)
        counts.update(t.lower for t in segment(article.text).tokens if t.start in chars)
    candidates = {w for w, n in counts.items()
                  if n >= 2 and w[:1].isalpha() and w not in build_cue_tagger.FUNCTION_WORDS}
    x, y = build_cue_tagger._rows(articles, candidates)
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=0.5, max_iter=3000).fit(vectorizer.fit_transform(x), y)
    weights = {str(n): round(float(w), 4)
               for n, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True) if abs(w) >= 0.05}
    return CueTagger(weights, round(float(model.intercept_[0]), 4), args.cue_threshold, frozenset(candidates))


class _Recorder:
    """Stands in for the filter while training: keeps every statement and records its features."""

    def __init__(self, args) -> None:
        self.cue_threshold = args.cue_threshold
        self.fallback = args.fallback
        self.fallback_bare = args.fallback_bare
        self.seen: list = []

    def keep(self, seg, found, cue_probs):
        self.seen = [(item, statement_features(seg, item, cue_probs), cue_probability(seg, item, cue_probs))
                     for item in found]
        return list(found)


def _rows(train, args):
    halves = [train[0::2], train[1::2]]
    recorder = _Recorder(args)
    attributions.statement_filter = lambda: recorder
    features, labels = [], []
    for k, half in enumerate(halves):
        tagger = _cue_model(halves[1 - k], args)
        attributions.cue_tagger = lambda tagger=tagger: tagger
        for article in half:
            attributions.find_attributions(segment(article.text))
            gold = [r.cue for r in article.relations if r.cue]
            for item, names, p in recorder.seen:
                if args.train_on == "unsure" and (p is None or p >= args.sure):
                    continue  # kept unjudged at run time
                features.append(dict.fromkeys(names, 1))
                labels.append(int(item.cue is not None and any(_jaccard((item.cue,), g) >= 0.5 for g in gold)))
        print(f"half {k + 1}: {len(labels)} statements so far", file=sys.stderr)
    return features, labels


def _dev_figures(dev: Path, keeper: StatementFilter | None) -> dict[str, float]:
    attributions.statement_filter = lambda: keeper
    figures = evaluate_attributions(dev).figures()
    return {k: figures[k] for k in GATED}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "polnear"))
    parser.add_argument("--cue-threshold", type=float, default=0.35)
    parser.add_argument("--fallback", type=float, default=0.4)
    parser.add_argument("--fallback-bare", type=float, default=0.65)
    parser.add_argument("--sure", type=float, default=0.5,
                        help="keep, unjudged, a statement whose cue the cue model gives at least this")
    parser.add_argument("--train-on", choices=("unsure", "all"), default="all",
                        help="train on the statements the filter judges (below --sure), or on all")
    parser.add_argument("--C", type=float, default=0.1)
    parser.add_argument("--prune", type=float, default=0.05, help="drop weights smaller than this in size")
    parser.add_argument("--threshold", type=float, default=None,
                        help="decision threshold (default: the best of 0.2-0.5 on PolNeAR dev)")
    args = parser.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    train = load_gold(Path(args.data) / "train")
    dev = Path(args.data) / "dev"
    shipped_cue_model = attributions.cue_tagger
    features, labels = _rows(train, args)
    attributions.cue_tagger = shipped_cue_model
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=args.C, max_iter=5000).fit(vectorizer.fit_transform(features), labels)
    weights = {str(n): round(float(w), 4)
               for n, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True) if abs(w) >= args.prune}
    bias = round(float(model.intercept_[0]), 4)

    def keeper(threshold: float) -> StatementFilter:
        return StatementFilter(weights, bias, threshold, args.cue_threshold, args.fallback, args.fallback_bare,
                               args.sure)

    without = _dev_figures(dev, None)
    sweep = {t: _dev_figures(dev, keeper(t)) for t in ((args.threshold,) if args.threshold is not None
                                                        else (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5))}
    threshold = max(sweep, key=lambda t: (sum(sweep[t].values()), -t))
    out = REPO / "models" / "statement_filter.json"
    out.write_text(json.dumps({
        "bias": bias, "threshold": threshold, "cue_threshold": args.cue_threshold, "fallback": args.fallback,
        "fallback_bare": args.fallback_bare, "sure": args.sure, "weights": dict(sorted(weights.items())),
    }, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    card = {
        "name": "statement_filter",
        "task": "is this statement read by the attribution rules a real one (does its cue match a gold cue)?",
        "model": f"sklearn LogisticRegression(C={args.C}, lbfgs) over the cue's words and probability, the "
                 "source's shape and place, the content's length and place, the directness",
        "training_data": "PolNeAR v1.0.0 train split (Newell et al., LREC 2018), one annotator file per article; "
                         "cue probabilities from cue models trained on the other half of train (two folds)",
        "training_data_license": "PolNeAR states no license; article texts are copyright their publishers; "
                                 "research use. Only derived weights ship, no text.",
        "training_annotations_sha256": annotations_sha256(train),
        "training_rows": len(labels),
        "training_positive_share": round(sum(labels) / len(labels), 4),
        "features": len(weights),
        "operating_point": {"cue_threshold": args.cue_threshold, "fallback": args.fallback,
                            "fallback_bare": args.fallback_bare, "sure": args.sure},
        "trained_on": "statements whose cue probability is below sure" if args.train_on == "unsure"
                      else "all statements",
        "threshold": threshold,
        "threshold_chosen_on": "PolNeAR dev: sum of cue/source/content overlap F1, relation F1, all-roles exact F1",
        "dev_without_filter": without,
        "dev_with_filter_by_threshold": {str(t): v for t, v in sweep.items()},
        "rebuild": "python models/build_statement_filter.py" + "".join(
            f" {flag} {value}" for flag, value, default in (
                ("--threshold", args.threshold, None), ("--cue-threshold", args.cue_threshold, 0.35),
                ("--fallback", args.fallback, 0.4), ("--fallback-bare", args.fallback_bare, 0.65),
                ("--sure", args.sure, 0.5), ("--C", args.C, 0.1),
                ("--train-on", args.train_on, "all"), ("--prune", args.prune, 0.05))
            if value != default),
    }
    (REPO / "models" / "statement_filter.card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(weights)} weights, threshold {threshold}; dev {sweep[threshold]} "
          f"(rules at their own thresholds, no filter: {without})")


if __name__ == "__main__":
    main()
