"""Measure the explanations on the public corpora: faithfulness, and what per-claim scores say.

1. Faithfulness: for every article, |base_value + Σ contributions − the model's own logit|
   (scikit-learn's ``decision_function`` on the pipeline, computed independently). The issue
   asks for exactly zero; floating point leaves ~1e-15.
2. Per-claim scores have no claim-level labels to check against, so they are checked against
   the article labels the corpora do have: if weak sourcing really marks weak articles, the
   mean (or the weakest) claim score of an article should rank reliable articles above
   unreliable ones. Reported as ROC-AUC per corpus, beside two simple baselines: the share of
   the article's claims that name a source, and the directness weights alone (no origin, relay,
   state-media or hedge factors).

Usage (from the repository root, with ../shared beside it)::

    python benchmarks/claim_scores.py [--limit 400] [--datasets polnear fakenewsamt horne2017 recovery] [--fit]

``--fit`` also fits the claim weights on the article labels (outlet-grouped cross-validation)
and compares them with the hand-set weights on the same articles.

The rules are hand-set, not fitted to these labels, so no split is needed; the AUCs are not
the article model's (see docs/model-card.md for that).
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reliability import Article, LabelledArticle, Scorer, datasets
from reliability._claim_scores import ClaimWeights, claim_weights, score_claims
from reliability._pipeline import analyze


def _auc(scores: list[float], labels: list[int]) -> float:
    """ROC-AUC by the rank-sum formula, ties counted half."""
    pairs = sorted(zip(scores, labels, strict=True))
    ranks = [0.0] * len(pairs)
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        for k in range(i, j):
            ranks[k] = (i + j + 1) / 2
        i = j
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    rank_sum = sum(r for r, (_, y) in zip(ranks, pairs, strict=True) if y == 1)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def _directness_only(w: ClaimWeights) -> ClaimWeights:
    return ClaimWeights(base=w.base, directness=w.directness, origin={}, per_relay=0.0, state_media_relay=0.0,
                        per_hedge=0.0, max_hedges=0)


def measure(records: list[LabelledArticle], scorer: Scorer) -> dict[str, float]:
    weights = claim_weights()
    plain = _directness_only(weights)
    model = scorer.model
    mean_full, min_full, mean_plain, attributed_share, labels = [], [], [], [], []
    worst_gap = 0.0
    for record in records:
        report = scorer.score(record.text, title=record.title, url=record.url)
        logit = float(model.pipeline.decision_function([Article(text=record.text, title=record.title,
                                                                url=record.url)])[0])
        worst_gap = max(worst_gap, abs(report.base_value + sum(e.contribution for e in report.explanations) - logit))
        if not report.claims:
            continue
        analysis = analyze(Article(text=record.text, title=record.title, url=record.url))
        scores = [c.score for c in report.claims if c.score is not None]
        plain_scores = [c.score for c in score_claims(analysis.claims, analysis.chains, analysis.sources,
                                                       weights=plain) if c.score is not None]
        mean_full.append(statistics.fmean(scores))
        min_full.append(min(scores))
        mean_plain.append(statistics.fmean(plain_scores))
        attributed_share.append(sum(c.attribution is not None for c in report.claims) / len(report.claims))
        labels.append(record.label)
    return {
        "articles": float(len(records)),
        "with_claims": float(len(labels)),
        "max_abs_faithfulness_gap": worst_gap,
        "auc_mean_claim_score": _auc(mean_full, labels),
        "auc_min_claim_score": _auc(min_full, labels),
        "auc_directness_only": _auc(mean_plain, labels),
        "auc_share_attributed": _auc(attributed_share, labels),
    }


_DIRECTNESS = ["direct_quote", "indirect", "secondhand", "vague", "unattributed"]
_KINDS = ["anonymous", "official", "expert", "organization", "wire_agency", "news_outlet", "state_media", "blog",
          "social_media"]
_FACTORS = [f"directness_{d}" for d in _DIRECTNESS] + [f"origin_{k}" for k in _KINDS] + [
    "per_relay", "state_media_relay", "per_hedge"]


def _factor_counts(claim, chains, sources) -> list[float]:  # type: ignore[no-untyped-def]
    """The factors of one claim as numbers, in the order of _FACTORS (as _claim_scores reads them)."""
    row = [0.0] * len(_FACTORS)
    row[_DIRECTNESS.index(claim.attribution.directness if claim.attribution else "unattributed")] = 1.0
    chain = chains.get(claim.chain_id or "")
    if chain is not None:
        origin = sources.get(chain.hops[0])
        if origin is not None and origin.kind in _KINDS:
            row[len(_DIRECTNESS) + _KINDS.index(origin.kind)] = 1.0
        row[-3] = float(chain.depth)
        row[-2] = float(any(sources[h].state_affiliated for h in chain.hops[1:] if h in sources))
    cue = claim.attribution.cue if claim.attribution else None
    row[-1] = float(min(2, len([h for h in claim.hedges if cue is None or h.end <= cue.start or h.start >= cue.end])))
    return row


def fit_comparison(records: list[LabelledArticle], seed: int) -> None:
    """Would fitting the weights on article labels beat the hand-set ones? Outlet-grouped 5-fold CV.

    An article's logit is taken as the mean of its claims' logits, so a logistic regression on
    the per-article mean of the claim factors learns claim weights from article labels.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    from reliability._training import group_of, grouped_folds

    rows, hand, labels, groups, names = [], [], [], [], []
    for record in records:
        a = analyze(Article(text=record.text, title=record.title, url=record.url))
        if not a.claims:
            continue
        chains, sources = {c.id: c for c in a.chains}, {s.id: s for s in a.sources}
        counts = [_factor_counts(c, chains, sources) for c in a.claims]
        rows.append([statistics.fmean(col) for col in zip(*counts, strict=True)])
        hand.append(statistics.fmean(c.score for c in score_claims(a.claims, a.chains, a.sources)))  # type: ignore[misc]
        labels.append(record.label)
        groups.append(group_of(record))
        names.append(record.dataset or "")
    import numpy as np

    X, y = np.array(rows), np.array(labels)
    oof = np.zeros(len(y))
    for train, test in grouped_folds(y, groups, n_splits=5, seed=seed):
        model = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X[train], y[train])
        oof[test] = model.decision_function(X[test])
    print(f"\nfitted vs hand-set claim weights, {len(y)} articles, outlet-grouped 5-fold CV (ROC-AUC)")
    print(f"{'all':<12} fitted {roc_auc_score(y, oof):.3f}   hand-set {roc_auc_score(y, hand):.3f}")
    for name in sorted(set(names)):
        idx = [k for k, n in enumerate(names) if n == name]
        if len(set(y[idx].tolist())) == 2:
            print(f"{name:<12} fitted {roc_auc_score(y[idx], oof[idx]):.3f}   hand-set "
                  f"{roc_auc_score(y[idx], np.array(hand)[idx]):.3f}")
    weights = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X, y).coef_[0]
    print("weights fitted on all:", ", ".join(f"{n} {w:+.2f}" for n, w in zip(_FACTORS, weights, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", nargs="+", default=["polnear", "fakenewsamt", "horne2017", "recovery"])
    parser.add_argument("--limit", type=int, default=400, help="articles per corpus (a seeded sample)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fit", action="store_true", help="also compare with weights fitted on the labels")
    args = parser.parse_args(argv)
    scorer = Scorer()
    columns = ["auc_mean_claim_score", "auc_min_claim_score", "auc_directness_only", "auc_share_attributed"]
    print(f"{'corpus':<12} {'n':>5} {'max |gap|':>10} " + " ".join(f"{c.removeprefix('auc_'):>18}" for c in columns))
    pooled: list[LabelledArticle] = []
    for name in args.datasets:
        records = datasets.load(name)
        if len(records) > args.limit:
            records = random.Random(args.seed).sample(records, args.limit)
        pooled += records
        started = time.perf_counter()
        figures = measure(records, scorer)
        row = " ".join(f"{figures[c]:>18.3f}" for c in columns)
        print(f"{name:<12} {int(figures['with_claims']):>5} {figures['max_abs_faithfulness_gap']:>10.1e} {row}"
              f"   ({time.perf_counter() - started:.0f} s)")
        assert math.isfinite(figures["max_abs_faithfulness_gap"])
    if args.fit:
        fit_comparison(pooled, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
