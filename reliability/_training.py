"""Training a model on labelled articles, with outlet-grouped cross-validation.

Labels in public corpora are mostly per outlet, so every fold keeps each outlet (``group``, else
the URL's registered domain, else the record id) on one side. The calibration is fitted on
out-of-fold logits, so it never sees the articles it is judged on, and the TF-IDF + logistic
regression baseline is scored on the very same folds.
"""

from __future__ import annotations

import hashlib
import logging
import platform
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np

from ._exceptions import DataError
from ._records import LabelledArticle

__all__ = ["train"]

logger = logging.getLogger("reliability")

DEFAULT_THRESHOLDS = (0.4, 0.6)


def group_of(record: LabelledArticle) -> str:
    """The unit that must not straddle folds: outlet, else URL domain, else the record itself."""
    if record.group:
        return record.group
    if record.url:
        from ._outlets import registered_domain

        domain = registered_domain(record.url)
        if domain:
            return domain
    return f"{record.dataset or ''}:{record.id}"


def data_hash(records: Sequence[LabelledArticle]) -> str:
    """sha256 over ids, labels and texts, in order: identifies the training data exactly."""
    digest = hashlib.sha256()
    for r in records:
        digest.update(f"{r.dataset}\x1f{r.id}\x1f{r.label}\x1f".encode())
        digest.update(r.text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def grouped_folds(
    y: np.ndarray, groups: Sequence[str], *, n_splits: int = 5, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds that keep each group on one side."""
    from sklearn.model_selection import StratifiedGroupKFold

    n_groups = len(set(groups))
    if n_groups < 2:
        raise DataError("grouped cross-validation needs at least two groups (outlets)")
    splitter = StratifiedGroupKFold(n_splits=min(n_splits, n_groups), shuffle=True, random_state=seed)
    return [(tr, te) for tr, te in splitter.split(np.zeros(len(y)), y, groups)]


def _classifier(C: float, seed: int):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    return Pipeline([
        ("scale", StandardScaler()),
        ("classifier", LogisticRegression(C=C, class_weight="balanced", max_iter=2000, random_state=seed)),
    ])


def _baseline(seed: int):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True, min_df=2, max_features=50_000, ngram_range=(1, 2))),
        ("classifier", LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, random_state=seed)),
    ])


def _platt(logits: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000).fit(logits.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Mean |accuracy − confidence| over equal-width probability bins, weighted by bin size."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() * abs(y[mask].mean() - p[mask].mean())
    return float(total / len(y))


def featurize(records: Sequence[LabelledArticle], *, n_jobs: int | None = None) -> np.ndarray:
    from ._features import ArticleFeatures

    return ArticleFeatures(n_jobs=n_jobs).fit_transform(records)


def train(
    records: Sequence[LabelledArticle],
    *,
    name: str = "custom",
    C: float = 0.3,
    n_splits: int = 5,
    seed: int = 0,
    n_jobs: int | None = None,
    training_data: list[dict[str, Any]] | None = None,
    baseline: bool = True,
    features: np.ndarray | None = None,
):  # type: ignore[no-untyped-def]
    """Train a calibrated model on labelled articles; evaluate it with outlet-grouped folds.

    Returns a :class:`~reliability.ReliabilityModel` whose card carries the grouped-CV figures
    of the model and of the TF-IDF + logistic regression baseline on the same folds.
    """
    import sklearn
    from sklearn.base import clone
    from sklearn.metrics import brier_score_loss, roc_auc_score
    from sklearn.pipeline import Pipeline

    from . import __version__
    from ._features import FEATURE_NAMES, ArticleFeatures
    from ._model import ReliabilityModel

    if len(records) < 10:
        raise DataError(f"need at least 10 labelled articles to train, got {len(records)}")
    y = np.array([r.label for r in records])
    if len(set(y.tolist())) < 2:
        raise DataError("the training data holds only one label; both reliable and unreliable are needed")
    groups = [group_of(r) for r in records]
    X = features if features is not None else featurize(records, n_jobs=n_jobs)
    folds = grouped_folds(y, groups, n_splits=n_splits, seed=seed)

    oof = np.zeros(len(y))
    for tr, te in folds:
        model = clone(_classifier(C, seed)).fit(X[tr], y[tr])
        oof[te] = model.decision_function(X[te])
    calibration = _platt(oof, y)
    a, b = calibration
    oof_p = 1.0 / (1.0 + np.exp(-(a * oof + b)))
    metrics: dict[str, float] = {
        "grouped_cv_roc_auc": float(roc_auc_score(y, oof)),
        "grouped_cv_brier": float(brier_score_loss(y, oof_p)),
        "grouped_cv_ece": expected_calibration_error(y, oof_p),
        "n_articles": float(len(y)),
        "n_groups": float(len(set(groups))),
        "n_folds": float(len(folds)),
    }
    if baseline:
        texts = [f"{r.title or ''}\n{r.text}" for r in records]
        base_oof = np.zeros(len(y))
        for tr, te in folds:
            model = clone(_baseline(seed)).fit([texts[i] for i in tr], y[tr])
            base_oof[te] = model.decision_function([texts[i] for i in te])
        metrics["baseline_tfidf_grouped_cv_roc_auc"] = float(roc_auc_score(y, base_oof))
    logger.info("grouped CV: %s", metrics)

    final = _classifier(C, seed).fit(X, y)
    pipeline = Pipeline([
        ("features", ArticleFeatures()),
        ("scale", final.named_steps["scale"]),
        ("classifier", final.named_steps["classifier"]),
    ])
    card = {
        "name": name,
        "library_version": __version__,
        "sklearn_version": sklearn.__version__,
        "python_version": platform.python_version(),
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "feature_names": list(FEATURE_NAMES),
        "training_data": training_data or [{"name": "custom", "n_articles": len(records)}],
        "data_sha256": data_hash(records),
        "seed": seed,
        "C": C,
        "cv": f"StratifiedGroupKFold(n_splits={len(folds)}, shuffle=True, random_state={seed}), grouped by outlet",
        "metrics": metrics,
    }
    return ReliabilityModel(pipeline=pipeline, calibration=calibration, thresholds=DEFAULT_THRESHOLDS, card=card)
