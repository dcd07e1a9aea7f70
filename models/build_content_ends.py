"""Rebuild ``models/content_ends.json``, the learned content end-point ranker, from PolNeAR train.

    python models/build_content_ends.py            # how the shipped file was built

Runs the attribution rules (without the ranker) on every article of PolNeAR train. For each
paraphrased content the ranker would re-end (see ``reliability._attributions.end_frame``) whose
start lies within two tokens of a gold content's start, every candidate end point
(``reliability._span_model.candidate_ends``) becomes a row labelled 1 when the gold content ends
there (edge punctuation trimmed), else 0; contents whose gold end is not a candidate are skipped.
A logistic regression over those rows gives the weights; at run time the highest-scoring end
point wins. Weights smaller than ``--prune`` are dropped. Writes the weights as JSON and a card
beside them (``content_ends.card.json``) with the share of dev contents whose end it places
exactly. Only train and dev are read: the held-out test split never is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import reliability._attributions as attributions  # noqa: E402
from reliability._attribution_eval import load_gold  # noqa: E402
from reliability._segmentation import segment  # noqa: E402
from reliability._span_model import ContentEnds, candidate_ends, end_features  # noqa: E402

_EDGE = " \t\n,;:.!?-—–\"'“”‘’"


def _gold_bounds(article) -> dict[int, int]:
    """Gold single-piece contents as {trimmed start: trimmed end}."""
    bounds = {}
    for relation in article.relations:
        if len(relation.content) != 1:
            continue
        start, end = relation.content[0]
        while start < end and article.text[start] in _EDGE:
            start += 1
        while end > start and article.text[end - 1] in _EDGE:
            end -= 1
        bounds[start] = end
    return bounds


def _examples(articles):
    """Per eligible content: (tokens, first, stop, rule_last, cue, gold last index or None)."""
    for article in articles:
        seg = segment(article.text)
        gold = _gold_bounds(article)
        sentence_starts = [s.start for s in seg.sentences]
        found = attributions.find_attributions(seg)
        barriers = sorted({f.cue[0] for f in found if f.cue} | {f.source[0] for f in found if f.source})
        for item in found:
            frame = attributions.end_frame(seg, item, sentence_starts, barriers)
            if frame is None:
                continue
            first, stop, last, cue = frame
            tokens = seg.tokens
            gold_end = None
            for k in range(max(0, first - 2), min(len(tokens), first + 3)):
                if tokens[k].start in gold:
                    gold_end = gold[tokens[k].start]
                    break
            target = None
            if gold_end is not None:
                for j in candidate_ends(tokens, first, stop, last):
                    if tokens[j].end == gold_end:
                        target = j
            yield tokens, first, stop, last, cue, target, gold_end is not None


def _rows(examples):
    features, labels = [], []
    for tokens, first, stop, last, cue, target, _ in examples:
        if target is None:
            continue
        commas, previous = 0, first
        for j in candidate_ends(tokens, first, stop, last):
            commas += sum(1 for t in tokens[previous : j + 1] if t.text == ",")
            previous = j + 1
            features.append(dict.fromkeys(end_features(tokens, first, j, stop, last, cue, commas), 1))
            labels.append(int(j == target))
    return features, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "polnear"))
    parser.add_argument("--C", type=float, default=0.3)
    parser.add_argument("--prune", type=float, default=0.02, help="drop weights smaller than this in size")
    args = parser.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    attributions.content_end_model = lambda: None  # the rules' own ends are the training input
    train = load_gold(Path(args.data) / "train")
    dev = load_gold(Path(args.data) / "dev")
    x_train, y_train = _rows(_examples(train))
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=args.C, max_iter=3000)
    model.fit(vectorizer.fit_transform(x_train), y_train)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= args.prune}

    # Exact end points on dev contents that match a gold start: the rules' ends against the ranker's.
    ranker = ContentEnds(weights)
    matched = rules_exact = ranker_exact = 0
    for tokens, first, stop, last, cue, target, has_gold in _examples(dev):
        if not has_gold:
            continue
        matched += 1
        rules_exact += target == last
        ranker_exact += target is not None and ranker.best_end(tokens, first, stop, last, cue) == target

    out = REPO / "models" / "content_ends.json"
    out.write_text(json.dumps({"weights": dict(sorted(weights.items()))}, ensure_ascii=False,
                              separators=(",", ":")) + "\n", encoding="utf-8")
    digest = hashlib.sha256()
    for article in train:
        digest.update(article.annotation.name.encode())
        digest.update(article.annotation.read_bytes())
    card = {
        "name": "content_ends",
        "task": "where does a paraphrased (unquoted) attribution content end? (ranks candidate end points)",
        "model": f"sklearn LogisticRegression(C={args.C}, lbfgs) over the words, shapes and length around "
                 "each end point, the cue word and the rules' own end; the best-scoring end point wins",
        "training_data": "PolNeAR v1.0.0 train split (Newell et al., LREC 2018), one annotator file per article",
        "training_data_license": "PolNeAR states no license; article texts are copyright their publishers; "
                                 "research use. Only derived weights ship, no text.",
        "training_annotations_sha256": digest.hexdigest(),
        "training_rows": len(y_train),
        "training_contents": sum(y_train),
        "features": len(weights),
        "dev_contents_with_gold_start": matched,
        "dev_exact_end_rules": round(rules_exact / matched, 4) if matched else None,
        "dev_exact_end_ranker": round(ranker_exact / matched, 4) if matched else None,
        "rebuild": "python models/build_content_ends.py" + (f" --C {args.C}" if args.C != 0.3 else ""),
    }
    (REPO / "models" / "content_ends.card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(weights)} weights from {len(y_train)} rows; dev exact end on {matched} contents: "
          f"rules {rules_exact / max(matched, 1):.3f}, ranker {ranker_exact / max(matched, 1):.3f}")


if __name__ == "__main__":
    main()
