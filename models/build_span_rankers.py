"""Rebuild ``models/cue_ends.json``, ``content_ends.json`` and ``source_ends.json``, the learned span rankers.

    python models/build_span_rankers.py            # how the shipped files were built

All three are logistic regressions, trained on PolNeAR train, over candidate end points,
applied as rankers (the best-scoring candidate wins; ``reliability._span_model``):

1. **Cue ends.** The attribution rules run (without either ranker) on every article of PolNeAR
   train. For each cue that starts where a gold cue starts, every end point the cue may grow to
   (``cue_end_candidates``) is a row, labelled 1 where the gold cue ends.
2. **Content ends.** The rules run again, now with the cue ranker. For each paraphrased content
   the ranker would re-end (``reliability._attributions.end_frame``) that starts within two tokens
   of a gold content, every candidate end point (``candidate_ends``) is a row, labelled 1 where
   the gold content ends (edge punctuation trimmed).
3. **Source ends.** The same for a source that follows its cue ("according to a poll released
   last week"; ``reliability._attributions.source_frame``), with the content ranker's features.

Examples whose gold end is not among the candidates are skipped. Weights smaller than
``--prune`` are dropped. Writes the weights as JSON and a card per ranker with the share of dev
spans it ends exactly, against the rules. Only train and dev are read: the held-out test split
never is.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import reliability._attributions as attributions  # noqa: E402
from reliability._attribution_eval import annotations_sha256, load_gold  # noqa: E402
from reliability._segmentation import segment  # noqa: E402
from reliability._span_model import (  # noqa: E402
    CONTENT_TEMPLATES,
    CUE_TEMPLATES,
    Ranker,
    candidate_ends,
    comma_counts,
    cue_end_candidates,
    cue_end_values,
    end_values,
    feature_names,
)

_EDGE = " \t\n,;:.!?-—–\"'“”‘’"
LICENSE = ("PolNeAR states no license; article texts are copyright their publishers; research use. "
           "Only derived weights ship, no text.")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _gold(article, role: str) -> dict[int, int]:
    """Gold single-piece spans of ``role`` as {trimmed start: trimmed end}."""
    bounds = {}
    for relation in article.relations:
        fragments = getattr(relation, role)
        if fragments and len(fragments) == 1:
            start, end = _trimmed(article.text, *fragments[0])
            bounds[start] = end
    return bounds


def _cue_examples(articles):
    """Per cue: (options, index of the gold option or None, has a gold cue starting there)."""
    for article in articles:
        seg = segment(article.text)
        gold = _gold(article, "cue")
        sentence_starts = [s.start for s in seg.sentences]
        found = attributions.find_attributions(seg)
        barriers = attributions._barriers(found)
        tokens = seg.tokens
        for item in found:
            frame = attributions.cue_frame(seg, item, sentence_starts, barriers)
            if frame is None:
                continue
            head, stop, content_first = frame
            gold_end = gold.get(_trimmed(article.text, *item.cue)[0])
            options = cue_end_candidates(tokens, head, stop, content_first)
            target = next((k for k, j in enumerate(options) if tokens[j].end == gold_end), None)
            rows = [cue_end_values(tokens, head, j, stop, content_first) for j in options]
            yield rows, target, gold_end is not None, 0


def _end_examples(articles, role: str, frame_of):
    """Candidate ends of each statement's ``role`` span ("content" or "source"), ``frame_of``
    giving the span's frame as ``attributions.end_frame`` / ``source_frame`` do."""
    for article in articles:
        seg = segment(article.text)
        gold = _gold(article, role)
        sentence_starts = [s.start for s in seg.sentences]
        found = attributions.find_attributions(seg)
        barriers = attributions._barriers(found)
        tokens = seg.tokens
        for item in found:
            frame = frame_of(seg, item, sentence_starts, barriers)
            if frame is None:
                continue
            first, stop, last, cue = frame
            gold_end = None
            for k in range(max(0, first - 2), min(len(tokens), first + 3)):
                if tokens[k].start in gold:
                    gold_end = gold[tokens[k].start]
                    break
            options = candidate_ends(tokens, first, stop, last)
            target = next((k for k, j in enumerate(options) if tokens[j].end == gold_end), None)
            rows = [end_values(tokens, first, j, stop, last, cue, commas)
                    for j, commas in zip(options, comma_counts(tokens, first, options), strict=True)]
            yield rows, target, gold_end is not None, options.index(last) if last in options else None


def _content_examples(articles):
    return _end_examples(articles, "content", attributions.end_frame)


def _source_examples(articles):
    return _end_examples(articles, "source", attributions.source_frame)


def _fit(examples, templates: tuple[str, ...], c: float, prune: float) -> Ranker:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features, labels = [], []
    for rows, target, _, _ in examples:
        if target is None:
            continue
        for k, row in enumerate(rows):
            features.append(dict.fromkeys(feature_names(templates, row), 1))
            labels.append(int(k == target))
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(vectorizer.fit_transform(features), labels)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= prune}
    return Ranker(weights, templates)


def _exact(ranker: Ranker, examples) -> tuple[int, float, float]:
    """Over the examples with a gold span there: how many, and the share the rules / the ranker end exactly."""
    matched = rules = learned = 0
    for rows, target, has_gold, rule in examples:
        if not has_gold:
            continue
        matched += 1
        rules += target is not None and target == rule
        scores = [ranker.score(row) for row in rows]
        learned += target is not None and scores.index(max(scores)) == target
    return matched, round(rules / max(matched, 1), 4), round(learned / max(matched, 1), 4)


def _write(name: str, ranker: Ranker, card: dict) -> None:
    (REPO / "models" / f"{name}.json").write_text(
        json.dumps({"weights": dict(sorted(ranker.weights.items()))}, ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    (REPO / "models" / f"{name}.card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "polnear"))
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--prune", type=float, default=0.02, help="drop weights smaller than this in size")
    args = parser.parse_args()

    train = load_gold(Path(args.data) / "train")
    dev = load_gold(Path(args.data) / "dev")
    common = {
        "training_data": "PolNeAR v1.0.0 train split (Newell et al., LREC 2018), one annotator file per article",
        "training_data_license": LICENSE,
        "training_annotations_sha256": annotations_sha256(train),
        "rebuild": "python models/build_span_rankers.py" + (f" --C {args.C}" if args.C != 1.0 else ""),
    }

    # The rankers are trained on what the rules give without them (the content ranker after the
    # cue ranker, as find_attributions applies them).
    attributions.cue_end_model = lambda: None
    attributions.content_end_model = lambda: None
    attributions.source_end_model = lambda: None
    cue_ranker = _build(
        "cue_ends", _cue_examples, CUE_TEMPLATES, train, dev, args, common, unit="cues",
        task="how far does an attribution cue reach to the right? ('said | in an interview', 'accused Holt of')",
        model=f"sklearn LogisticRegression(C={args.C}, lbfgs) over the cue word, the words and shapes at each "
              "candidate end and the length of the extension; the best-scoring end wins",
    )
    attributions.cue_end_model = lambda: cue_ranker
    content_ranker = _build(
        "content_ends", _content_examples, CONTENT_TEMPLATES, train, dev, args, common, unit="contents",
        task="where does a paraphrased (unquoted) attribution content end? (ranks candidate end points)",
        model=f"sklearn LogisticRegression(C={args.C}, lbfgs) over the words, shapes and length around each "
              "end point, the cue word and the rules' own end; the best-scoring end point wins",
    )
    attributions.content_end_model = lambda: content_ranker
    _build(
        "source_ends", _source_examples, CONTENT_TEMPLATES, train, dev, args, common, unit="sources",
        task="where does an attribution source that follows its cue end? "
             "('according to | a poll released last week', 'said | X, a fellow at ...')",
        model=f"sklearn LogisticRegression(C={args.C}, lbfgs) with the features of content_ends; "
              "the best-scoring end point wins",
    )


def _build(name, examples, templates, train, dev, args, common, *, unit: str, task: str, model: str) -> Ranker:
    """Fit one ranker on train, measure it on dev, write its weights and card, and say so."""
    ranker = _fit(examples(train), templates, args.C, args.prune)
    matched, rules, learned = _exact(ranker, examples(dev))
    _write(name, ranker, {
        "name": name,
        "task": task,
        "model": model,
        **common,
        "features": len(ranker.weights),
        f"dev_{unit}_with_gold_start": matched,
        "dev_exact_end_rules": rules,
        "dev_exact_end_ranker": learned,
    })
    print(f"{name}: {len(ranker.weights)} weights; dev exact end on {matched} {unit}: rules {rules}, ranker {learned}")
    return ranker

if __name__ == "__main__":
    main()
