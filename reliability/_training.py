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


def make_classifier(  # type: ignore[no-untyped-def]
    *, C: float = 0.3, style_C: float = 0.01, phrasing_C: float = 3.0, seed: int = 0
):
    from ._classifier import StyleStackedClassifier
    from ._features import FEATURE_DIRECTIONS, FEATURE_NAMES
    from ._style import style_names

    return StyleStackedClassifier(
        n_core=len(FEATURE_NAMES), n_style=len(style_names()), C=C, style_C=style_C, phrasing_C=phrasing_C,
        signs=tuple(FEATURE_DIRECTIONS.get(name, 0) for name in FEATURE_NAMES), random_state=seed,
    )


def make_baseline(seed: int = 0):  # type: ignore[no-untyped-def]
    """TF-IDF (words and bigrams) + logistic regression: the simple baseline every figure is compared to."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True, min_df=2, max_features=50_000, ngram_range=(1, 2))),
        ("classifier", LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, random_state=seed)),
    ])


def featurize(records: Sequence[LabelledArticle], *, n_jobs: int | None = None) -> Any:
    """The model's sparse input matrix for ``records`` (the expensive step: every article is analysed)."""
    from ._features import ArticleFeatures

    return ArticleFeatures(n_jobs=n_jobs).fit_transform(records)


def check_records(records: Sequence[LabelledArticle]) -> np.ndarray:
    if len(records) < 10:
        raise DataError(f"need at least 10 labelled articles to train, got {len(records)}")
    y = np.array([r.label for r in records])
    if len(set(y.tolist())) < 2:
        raise DataError("the training data holds only one label; both reliable and unreliable are needed")
    return y


def train(
    records: Sequence[LabelledArticle],
    *,
    name: str = "custom",
    C: float = 0.3,
    style_C: float = 0.01,
    phrasing_C: float = 3.0,
    calibration: str = "sigmoid",
    n_splits: int = 5,
    seed: int = 0,
    n_jobs: int | None = None,
    baseline: bool = True,
    training_data: list[dict[str, Any]] | None = None,
    features: Any = None,
):  # type: ignore[no-untyped-def]
    """Train a calibrated model on labelled articles and evaluate it with outlet-grouped folds.

    The calibration (``"sigmoid"`` or ``"isotonic"``) is fitted on out-of-fold logits, so it
    never sees a logit of an article the model was fitted on. The card of the returned
    :class:`~reliability.ReliabilityModel` carries the grouped-CV figures of the model and of
    the TF-IDF + logistic regression baseline on the same folds (``baseline=False`` skips it).
    Deterministic given ``seed``.
    """
    import sklearn
    from sklearn.pipeline import Pipeline

    from . import __version__
    from ._evaluation import cross_validate
    from ._features import INPUT_NAMES, ArticleFeatures
    from ._model import ReliabilityModel, fit_calibration
    from ._style import PHRASING_COLUMNS, PHRASING_NGRAMS

    y = check_records(records)
    groups = [group_of(r) for r in records]
    X = features if features is not None else featurize(records, n_jobs=n_jobs)
    folds = grouped_folds(y, groups, n_splits=n_splits, seed=seed)
    texts = [f"{r.title or ''}\n{r.text}" for r in records] if baseline else None
    result, oof_logits = cross_validate(
        X, y, groups, folds, scheme="grouped", C=C, style_C=style_C, phrasing_C=phrasing_C, calibration=calibration,
        seed=seed, texts=texts, n_jobs=n_jobs,
    )
    metrics: dict[str, float] = {
        "grouped_cv_roc_auc": result.model.roc_auc,
        "grouped_cv_pr_auc": result.model.pr_auc,
        "grouped_cv_f1": result.model.f1,
        "grouped_cv_brier": result.model.brier,
        "grouped_cv_ece": result.model.ece,
        "n_articles": float(len(y)),
        "n_groups": float(len(set(groups))),
        "n_folds": float(len(folds)),
    }
    if result.baseline is not None:
        metrics["baseline_tfidf_grouped_cv_roc_auc"] = result.baseline.roc_auc
        metrics["baseline_tfidf_grouped_cv_pr_auc"] = result.baseline.pr_auc
    logger.info("grouped CV: %s", metrics)

    classifier = make_classifier(C=C, style_C=style_C, phrasing_C=phrasing_C, seed=seed).fit(X, y, groups)
    pipeline = Pipeline([("features", ArticleFeatures()), ("classifier", classifier)])
    card = {
        "name": name,
        "library_version": __version__,
        "sklearn_version": sklearn.__version__,
        "python_version": platform.python_version(),
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "feature_names": list(INPUT_NAMES),
        "training_data": training_data or [{"name": "custom", "n_articles": len(records)}],
        "data_sha256": data_hash(records),
        "seed": seed,
        "C": C,
        "style_C": style_C,
        "phrasing_C": phrasing_C,
        "phrasing_columns": PHRASING_COLUMNS,
        "phrasing_ngrams": list(PHRASING_NGRAMS),
        "sign_constrained": classifier.signs is not None,
        "cv": f"StratifiedGroupKFold(n_splits={len(folds)}, shuffle=True, random_state={seed}), grouped by outlet",
        "metrics": metrics,
    }
    return ReliabilityModel(
        pipeline=pipeline,
        calibration=fit_calibration(oof_logits, y, calibration),
        thresholds=DEFAULT_THRESHOLDS,
        card=card,
    )
