"""Evaluating a training recipe, or a trained model, on labelled articles.

Three splitting schemes, each beside the TF-IDF + logistic regression baseline on the very
same folds:

* ``grouped`` (the default and the one to believe): folds keep each outlet on one side;
* ``random``: stratified random folds, for contrast — when it scores far above ``grouped`` the
  model is recognising outlets, not judging articles, and a warning says so;
* ``lodo:<dataset>``: leave one dataset out, when the records come from several datasets.

Within each training fold the calibration is fitted on inner out-of-fold logits, so the Brier
score and the expected calibration error are measured on articles the calibration never saw.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from ._records import LabelledArticle

__all__ = ["EvaluationReport", "SchemeResult", "Scores", "cross_validate", "evaluate"]

logger = logging.getLogger("reliability")

#: Random-split ROC-AUC this far above the grouped one suggests the model learns outlets.
OUTLET_WARNING_GAP = 0.05


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Scores(_Record):
    """Figures of one model on one set of held-out predictions."""

    roc_auc: float = Field(description="Area under the ROC curve of the logits.")
    pr_auc: float = Field(description="Average precision for the reliable class.")
    f1: float = Field(description="F1 of the reliable class at probability 0.5.")
    brier: float = Field(description="Brier score of the probabilities (lower is better).")
    ece: float = Field(description="Expected calibration error, 10 equal-width bins (lower is better).")
    n: int = Field(description="Number of articles scored.")
    n_reliable: int = Field(description="How many of them are labelled reliable.")


class SchemeResult(_Record):
    """One splitting scheme: the model and the baseline on the same folds."""

    scheme: str = Field(description='"grouped", "random", or "lodo:<held-out dataset>".')
    n_folds: int = Field(description="Number of folds.")
    model: Scores = Field(description="This library's model.")
    baseline: Scores | None = Field(default=None, description="TF-IDF + logistic regression on the same folds.")


class EvaluationReport(_Record):
    """Everything an evaluation measured."""

    results: list[SchemeResult] = Field(description="One entry per scheme.")
    fixed_model: Scores | None = Field(
        default=None, description="The given trained model applied as is (meaningful on data it never saw)."
    )
    warnings: list[str] = Field(default_factory=list, description="What a careful reader should know.")
    datasets: dict[str, int] = Field(default_factory=dict, description="Articles per dataset.")
    n_groups: int = Field(description="Distinct groups (outlets).")
    data_sha256: str = Field(description="Hash of the evaluated records.")
    settings: dict[str, Any] = Field(default_factory=dict, description="Recipe and split settings.")

    def table(self) -> str:
        """A plain-text table of the figures."""
        head = f"{'scheme':<26}{'model AUC':>10}{'base AUC':>10}{'PR-AUC':>8}{'F1':>7}{'Brier':>7}{'ECE':>7}{'n':>7}"
        lines = [head, "-" * len(head)]
        for r in self.results:
            base = f"{r.baseline.roc_auc:>10.3f}" if r.baseline else f"{'–':>10}"
            m = r.model
            lines.append(
                f"{r.scheme:<26}{m.roc_auc:>10.3f}{base}{m.pr_auc:>8.3f}{m.f1:>7.3f}{m.brier:>7.3f}{m.ece:>7.3f}{m.n:>7}"
            )
        if self.fixed_model is not None:
            m = self.fixed_model
            lines.append(
                f"{'given model, as is':<26}{m.roc_auc:>10.3f}{'–':>10}{m.pr_auc:>8.3f}{m.f1:>7.3f}"
                f"{m.brier:>7.3f}{m.ece:>7.3f}{m.n:>7}"
            )
        return "\n".join(lines + [f"warning: {w}" for w in self.warnings]) + "\n"


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Mean |observed rate − mean probability| over equal-width probability bins, weighted by size."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() * abs(y[mask].mean() - p[mask].mean())
    return float(total / len(y))


def scores(y: np.ndarray, logits: np.ndarray, p: np.ndarray) -> Scores:
    from sklearn.metrics import average_precision_score, brier_score_loss, f1_score, roc_auc_score

    single = len(set(y.tolist())) < 2
    return Scores(
        roc_auc=float("nan") if single else float(roc_auc_score(y, logits)),
        pr_auc=float("nan") if single else float(average_precision_score(y, logits)),
        f1=float(f1_score(y, (p >= 0.5).astype(int), zero_division=0.0)),
        brier=float(brier_score_loss(y, p)),
        ece=expected_calibration_error(y, p),
        n=len(y),
        n_reliable=int(y.sum()),
    )


def _fold(
    X: np.ndarray, y: np.ndarray, group_array: np.ndarray, train: np.ndarray, test: np.ndarray,
    C: float, style_C: float, phrasing_C: float, calibration: str, seed: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Held-out logits and calibrated probabilities of one fold; the calibration is fitted on
    inner out-of-fold logits of the training part only."""
    from ._model import calibrate, fit_calibration
    from ._training import grouped_folds, make_classifier

    model = make_classifier(C=C, style_C=style_C, phrasing_C=phrasing_C, seed=seed)
    model.fit(X[train], y[train], list(group_array[train]))
    logits = model.decision_function(X[test])
    inner_logits = np.zeros(len(train))
    try:
        inner = grouped_folds(y[train], list(group_array[train]), n_splits=3, seed=seed)
    except ValueError:
        inner = []
    for inner_train, inner_test in inner:
        if len(np.unique(y[train][inner_train])) < 2:
            inner_logits[inner_test] = model.decision_function(X[train][inner_test])  # tiny data: fall back
            continue
        sub = make_classifier(C=C, style_C=style_C, phrasing_C=phrasing_C, seed=seed).set_params(n_splits=3)
        sub.fit(X[train][inner_train], y[train][inner_train], list(group_array[train][inner_train]))
        inner_logits[inner_test] = sub.decision_function(X[train][inner_test])
    if not inner:
        inner_logits = model.decision_function(X[train])
    return logits, calibrate(fit_calibration(inner_logits, y[train], calibration), logits)


def cross_validate(
    X: np.ndarray,
    y: np.ndarray,
    groups: Sequence[str],
    folds: list[tuple[np.ndarray, np.ndarray]],
    *,
    scheme: str,
    C: float,
    style_C: float,
    phrasing_C: float,
    calibration: str,
    seed: int,
    texts: Sequence[str] | None = None,
    curves: dict[str, Any] | None = None,
    n_jobs: int | None = None,
) -> tuple[SchemeResult, np.ndarray]:
    """Held-out figures of the recipe on ``folds`` (and of the baseline when ``texts`` is given).

    Returns the result and the out-of-fold logits. When ``curves`` is a dict, the held-out
    labels and probabilities are stored in it for plotting.
    """
    from joblib import Parallel, delayed
    from sklearn.base import clone

    from ._training import make_baseline

    logits = np.zeros(len(y))
    probabilities = np.zeros(len(y))
    group_array = np.asarray(groups)
    # Folds are independent: run them in parallel (n_jobs=None keeps one process).
    done = Parallel(n_jobs=n_jobs)(
        delayed(_fold)(X, y, group_array, train, test, C, style_C, phrasing_C, calibration, seed)
        for train, test in folds
    )
    for (_, test), (fold_logits, fold_p) in zip(folds, done, strict=True):
        logits[test] = fold_logits
        probabilities[test] = fold_p
    baseline = None
    if texts is not None:
        base_logits = np.zeros(len(y))
        base_p = np.zeros(len(y))
        for train, test in folds:
            pipe = clone(make_baseline(seed)).fit([texts[i] for i in train], y[train])
            test_texts = [texts[i] for i in test]
            base_logits[test] = pipe.decision_function(test_texts)
            base_p[test] = pipe.predict_proba(test_texts)[:, 1]
        tested = np.concatenate([test for _, test in folds])
        baseline = scores(y[tested], base_logits[tested], base_p[tested])
        if curves is not None:
            curves[f"{scheme}/baseline"] = (y[tested], base_logits[tested], base_p[tested])
    held = np.zeros(len(y), dtype=bool)  # the rows some fold held out (all, except leave-one-dataset-out)
    for _, test in folds:
        held[test] = True
    if curves is not None:
        curves[f"{scheme}/model"] = (y[held], logits[held], probabilities[held])
    result = SchemeResult(
        scheme=scheme, n_folds=len(folds), model=scores(y[held], logits[held], probabilities[held]), baseline=baseline
    )
    return result, logits


def evaluate(
    records: Sequence[LabelledArticle],
    *,
    model: Any = None,
    n_splits: int = 5,
    seed: int = 0,
    baseline: bool = True,
    random_split: bool = True,
    leave_one_dataset_out: bool = True,
    n_jobs: int | None = None,
    features: Any = None,
    curves: dict[str, Any] | None = None,
) -> EvaluationReport:
    """Evaluate the training recipe (of ``model``, if given) on ``records``.

    Outlet-grouped cross-validation always; stratified random folds beside it unless
    ``random_split=False``; leave-one-dataset-out when the records name two or more datasets.
    With a trained ``model`` (a :class:`~reliability.ReliabilityModel` or a path), its recipe
    (C, style_C, phrasing_C, calibration) is cross-validated, and the model itself is also applied as is.
    """
    from sklearn.model_selection import StratifiedKFold

    from ._model import ReliabilityModel, calibrate, load_model
    from ._training import check_records, data_hash, featurize, group_of, grouped_folds

    y = check_records(records)
    if model is not None and not isinstance(model, ReliabilityModel):
        model = load_model(model)
    card = model.card if model is not None else {}
    settings = {
        "C": float(card.get("C", 0.3)),
        "style_C": float(card.get("style_C", 0.01)),
        "phrasing_C": float(card.get("phrasing_C", 3.0)),
        "calibration": model.calibration["method"] if model is not None else "sigmoid",
        "n_splits": n_splits,
        "seed": seed,
    }
    recipe: dict[str, Any] = {k: settings[k] for k in ("C", "style_C", "phrasing_C", "calibration")}
    groups = [group_of(r) for r in records]
    X = features if features is not None else featurize(records, n_jobs=n_jobs)
    texts = [f"{r.title or ''}\n{r.text}" for r in records] if baseline else None
    results = []
    grouped, _ = cross_validate(
        X, y, groups, grouped_folds(y, groups, n_splits=n_splits, seed=seed),
        scheme="grouped", seed=seed, texts=texts, curves=curves, n_jobs=n_jobs, **recipe,
    )
    results.append(grouped)
    warnings = []
    if random_split:
        splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
        folds = list(splitter.split(np.zeros(len(y)), y))
        random, _ = cross_validate(
            X, y, groups, folds, scheme="random", seed=seed, texts=texts, curves=curves, n_jobs=n_jobs, **recipe
        )
        results.append(random)
        gap = random.model.roc_auc - grouped.model.roc_auc
        if gap > OUTLET_WARNING_GAP:
            warnings.append(
                f"random-split ROC-AUC is {gap:.3f} above the outlet-grouped one: the model partly recognises "
                "outlets; trust the grouped figure"
            )
        base_gap = (random.baseline.roc_auc - grouped.baseline.roc_auc) if random.baseline and grouped.baseline else 0
        if base_gap > OUTLET_WARNING_GAP:
            warnings.append("the TF-IDF baseline also scores much higher on random folds: its figure relies on outlets")
    names = [r.dataset or "unnamed" for r in records]
    datasets = {n: names.count(n) for n in dict.fromkeys(names)}
    if leave_one_dataset_out and len(datasets) >= 2:
        for held in datasets:
            test = np.array([i for i, n in enumerate(names) if n == held])
            train = np.array([i for i, n in enumerate(names) if n != held])
            if len(set(y[test].tolist())) < 2 or len(set(y[train].tolist())) < 2:
                warnings.append(f"leave-one-dataset-out skipped {held}: it holds only one label")
                continue
            result, _ = cross_validate(
                X, y, groups, [(train, test)], scheme=f"lodo:{held}", seed=seed, texts=texts, curves=curves, **recipe
            )
            results.append(result)
            if result.baseline and result.model.roc_auc <= result.baseline.roc_auc:
                warnings.append(f"on held-out {held} the model does not beat the TF-IDF baseline")
    fixed = None
    if model is not None:
        logits = model.pipeline.named_steps["classifier"].decision_function(X)
        fixed = scores(y, logits, calibrate(model.calibration, logits))
    for warning in warnings:
        logger.warning(warning)
    return EvaluationReport(
        results=results,
        fixed_model=fixed,
        warnings=warnings,
        datasets=datasets,
        n_groups=len(set(groups)),
        data_sha256=data_hash(records),
        settings=settings,
    )
