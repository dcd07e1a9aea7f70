"""Rebuild ``models/cue_tagger.json``, the learned cue detector, from PolNeAR train.

    python models/build_cue_tagger.py --threshold 0.5   # how the shipped file was built
    python models/build_cue_tagger.py --prune-only      # then: drop candidates it never calls cues

Trains a logistic regression on every candidate word of PolNeAR train (a word annotated as part
of a cue at least ``--min-count`` times there, function words excluded), labelled 1 when it lies
inside a gold cue. The decision threshold is ``--threshold`` (0.5 for the shipped file, chosen on
PolNeAR dev with ``reliability evaluate-attributions``) or else the one that maximises candidate
F1 on dev. Weights smaller than ``--prune`` are dropped. Writes the weights as JSON and a card
beside them (``cue_tagger.card.json``). Only train and dev are read: the held-out test split
never is.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reliability._attribution_eval import annotations_sha256, load_gold  # noqa: E402
from reliability._cue_model import CueTagger, in_quote_flags, token_features  # noqa: E402
from reliability._resources import lexicons  # noqa: E402
from reliability._segmentation import segment  # noqa: E402

FUNCTION_WORDS = frozenset(
    """a an the to in on at of for by with from about as into over after before than that this these those
    and or but if so not no is are was were be been being has have had do does did will would could should
    can may might must it its he she they we i you his her their our my your him them us me who which what
    when where why how there here also just very more most much some any all out up down off""".split()
)


def _cue_chars(article) -> set[int]:
    chars: set[int] = set()
    for relation in article.relations:
        for start, end in relation.cue or ():
            chars.update(range(start, end))
    return chars


def _rows(articles, candidates):
    features, labels = [], []
    for article in articles:
        seg = segment(article.text)
        flags = in_quote_flags(seg)
        chars = _cue_chars(article)
        for i, token in enumerate(seg.tokens):
            if token.lower in candidates:
                features.append(dict.fromkeys(token_features(seg.tokens, i, flags), 1))
                labels.append(int(token.start in chars))
    return features, labels


def _kept_candidates(tagger: CueTagger, train, min_max_probability: float) -> set[str]:
    """The candidates worth scoring: cue verbs of the lexicon, and words the model gives at least
    ``min_max_probability`` somewhere in train.

    A word the model never rates that high on train (where it is, if anything, too sure) can
    never pass the threshold, so scoring it is wasted: dropping those saves a third of the
    look-ups. Words of the cue-verb lexicon stay, as the rules also read a low probability (a veto).
    """
    highest: dict[str, float] = {}
    for article in train:
        seg = segment(article.text)
        flags = in_quote_flags(seg)
        for i, token in enumerate(seg.tokens):
            if token.lower in tagger.candidates:
                p = tagger.probability(seg.tokens, i, flags)
                highest[token.lower] = max(highest.get(token.lower, 0.0), p)
    cue_verbs = lexicons().cue_verbs
    return {w for w in tagger.candidates if w in cue_verbs or highest.get(w, 0.0) >= min_max_probability}


def _prune_only(args) -> None:
    """``--prune-only``: drop never-cue candidates from the shipped file, weights unchanged."""
    path = REPO / "models" / "cue_tagger.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    tagger = CueTagger({k: float(v) for k, v in raw["weights"].items()}, float(raw["bias"]),
                       float(raw["threshold"]), frozenset(raw["candidates"]))
    before = len(raw["candidates"])
    raw["candidates"] = sorted(_kept_candidates(tagger, load_gold(Path(args.data) / "train"), args.min_max_probability))
    path.write_text(json.dumps(raw, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    card_path = REPO / "models" / "cue_tagger.card.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["candidates_trained"] = card.get("candidates_trained", before)
    card["candidates"] = len(raw["candidates"])
    card["rebuild"] = card["rebuild"].split(" && ")[0] + " && python models/build_cue_tagger.py --prune-only"
    card["candidates_kept"] = (f"in the cue-verb lexicon, or probability >= {args.min_max_probability} "
                               "somewhere in train (python models/build_cue_tagger.py --prune-only)")
    card_path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(f"kept {len(raw['candidates'])} of {before} candidates in {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "polnear"))
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--C", type=float, default=0.5)
    parser.add_argument("--threshold", type=float, default=None,
                        help="decision threshold (default: the one maximising candidate-token F1 on dev)")
    parser.add_argument("--prune", type=float, default=0.05, help="drop weights smaller than this in size")
    parser.add_argument("--min-max-probability", type=float, default=0.4,
                        help="drop candidates (outside the cue-verb lexicon) whose probability stays below this "
                             "everywhere in train: scoring them could never make them cues")
    parser.add_argument("--prune-only", action="store_true",
                        help="only drop never-cue candidates from the shipped models/cue_tagger.json (no training)")
    args = parser.parse_args()
    if args.prune_only:
        _prune_only(args)
        return

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    train = load_gold(Path(args.data) / "train")
    dev = load_gold(Path(args.data) / "dev")
    counts: Counter[str] = Counter()
    for article in train:
        seg = segment(article.text)
        chars = _cue_chars(article)
        counts.update(t.lower for t in seg.tokens if t.start in chars)
    # Function words inside multi-word cues ("according to", "said in a statement") are left to
    # the rules: as candidates they would each start a statement of their own.
    candidates = {w for w, n in counts.items() if n >= args.min_count and w[:1].isalpha() and w not in FUNCTION_WORDS}

    x_train, y_train = _rows(train, candidates)
    x_dev, y_dev = _rows(dev, candidates)
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=args.C, max_iter=3000)
    model.fit(vectorizer.fit_transform(x_train), y_train)
    probabilities = model.predict_proba(vectorizer.transform(x_dev))[:, 1]

    best = (0.0, 0.5)
    for step in range(10, 90, 2):
        threshold = step / 100
        tp = sum(1 for p, y in zip(probabilities, y_dev, strict=True) if p >= threshold and y)
        fp = sum(1 for p, y in zip(probabilities, y_dev, strict=True) if p >= threshold and not y)
        fn = sum(1 for p, y in zip(probabilities, y_dev, strict=True) if p < threshold and y)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        best = max(best, (f1, threshold))

    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= args.prune}
    threshold = args.threshold if args.threshold is not None else best[1]
    shipped = CueTagger(weights, round(float(model.intercept_[0]), 4), threshold, frozenset(candidates))
    trained = len(candidates)
    candidates = _kept_candidates(shipped, train, args.min_max_probability)
    out = REPO / "models" / "cue_tagger.json"
    out.write_text(json.dumps({
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": threshold,
        "candidates": sorted(candidates),
        "weights": dict(sorted(weights.items())),
    }, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    card = {
        "name": "cue_tagger",
        "task": "is this candidate word part of an attribution cue?",
        "model": f"sklearn LogisticRegression(C={args.C}, lbfgs) over word and neighbour features",
        "training_data": "PolNeAR v1.0.0 train split (Newell et al., LREC 2018), one annotator file per article",
        "training_data_license": "PolNeAR states no license; article texts are copyright their publishers; "
                                 "research use. Only derived weights ship, no text.",
        "training_annotations_sha256": annotations_sha256(train),
        "threshold": threshold,
        "threshold_chosen_on": "PolNeAR dev: end-to-end attribution F1 (reliability evaluate-attributions)"
                               if args.threshold is not None else "PolNeAR dev, maximising candidate-token F1",
        "dev_token_f1_best": round(best[0], 4),
        "dev_token_f1_best_threshold": best[1],
        "candidates_trained": trained,
        "candidates": len(candidates),
        "candidates_kept": f"in the cue-verb lexicon, or probability >= {args.min_max_probability} somewhere in train",
        "training_rows": len(y_train),
        "features": len(weights),
        "rebuild": "python models/build_cue_tagger.py" + (f" --threshold {args.threshold}" if args.threshold else ""),
    }
    (REPO / "models" / "cue_tagger.card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(weights)} weights, {len(candidates)} candidates, "
          f"dev token F1 {best[0]:.3f} at threshold {best[1]}")


if __name__ == "__main__":
    main()
