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

    python benchmarks/claim_scores.py [--limit 400] [--datasets polnear fakenewsamt horne2017 recovery]

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", nargs="+", default=["polnear", "fakenewsamt", "horne2017", "recovery"])
    parser.add_argument("--limit", type=int, default=400, help="articles per corpus (a seeded sample)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    scorer = Scorer()
    columns = ["auc_mean_claim_score", "auc_min_claim_score", "auc_directness_only", "auc_share_attributed"]
    print(f"{'corpus':<12} {'n':>5} {'max |gap|':>10} " + " ".join(f"{c.removeprefix('auc_'):>18}" for c in columns))
    for name in args.datasets:
        records = datasets.load(name)
        if len(records) > args.limit:
            records = random.Random(args.seed).sample(records, args.limit)
        started = time.perf_counter()
        figures = measure(records, scorer)
        row = " ".join(f"{figures[c]:>18.3f}" for c in columns)
        print(f"{name:<12} {int(figures['with_claims']):>5} {figures['max_abs_faithfulness_gap']:>10.1e} {row}"
              f"   ({time.perf_counter() - started:.0f} s)")
        assert math.isfinite(figures["max_abs_faithfulness_gap"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
