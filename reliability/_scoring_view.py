"""The fitted classifier as plain numpy arrays: everything scoring needs, without scikit-learn.

Importing scikit-learn (and SciPy with it) takes 1.2-2 s, most of a cold start, yet scoring one
article only standardises a row, takes two dot products and calibrates a logit. A
:class:`ScoringView` holds the numbers for that, read from a fitted
:class:`~reliability._classifier.StyleStackedClassifier`:

- the style model: its scaler's ``mean_`` and ``scale_``, its logistic regression's ``coef_`` and
  ``intercept_`` (absent when the model has no style profile);
- the main model: the same four arrays over the explained inputs (named features + style score).

The arithmetic is scikit-learn's own, step for step and on arrays of the same shapes
(``StandardScaler.transform``: ``(x - mean_) / scale_``; ``LogisticRegression.decision_function``:
``x @ coef_.T + intercept_``), so the figures are bit-for-bit those of the estimator.

:func:`view_of_state` reads the same numbers from a model file's pickled state, where
``_model._safe_load`` has put a :class:`Pickled` stand-in for each scikit-learn object, so a
model loads for scoring without importing scikit-learn (see ``_model.load_model``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["STYLE_SCORE", "Pickled", "ScoringView", "view_of_classifier", "view_of_state"]

#: The name of the stacked style input among the explained inputs.
STYLE_SCORE = "style_score"


@dataclass(frozen=True, eq=False, slots=True)
class _Linear:
    """``StandardScaler`` then ``LogisticRegression``, as their fitted arrays."""

    mean: np.ndarray  # (n,)
    scale: np.ndarray  # (n,)
    coef: np.ndarray  # (1, n), as LogisticRegression.coef_
    intercept: np.ndarray  # (1,), as LogisticRegression.intercept_

    def standardise(self, X: np.ndarray) -> np.ndarray:
        return (X - self.mean) / self.scale

    def equals(self, other: _Linear) -> bool:
        return all(np.array_equal(a, b) for a, b in ((self.mean, other.mean), (self.scale, other.scale),
                                                      (self.coef, other.coef), (self.intercept, other.intercept)))


@dataclass(frozen=True, eq=False, slots=True)
class ScoringView:
    """A fitted style-stacked classifier reduced to the arrays that score with it."""

    n_core: int  # leading input columns that are named features; the rest is the style profile
    main: _Linear  # over the explained inputs: the named features, then the style score if any
    style: _Linear | None  # over the style profile; None for a model without one

    @property
    def n_inputs(self) -> int:
        """Columns of the input row: the named features, then the style profile."""
        return self.n_core + (0 if self.style is None else self.style.mean.shape[0])

    @property
    def consistent(self) -> bool:
        """Whether the main model reads exactly the named features and the style score."""
        return self.main.mean.shape[0] == self.n_core + (0 if self.style is None else 1)

    @property
    def has_style(self) -> bool:
        return self.style is not None

    @property
    def typical_values(self) -> np.ndarray:
        """Training means of the explained inputs."""
        return self.main.mean

    def design(self, X: np.ndarray) -> np.ndarray:
        """The explained inputs of the rows of ``X``: the named features, then the style score."""
        X = np.atleast_2d(np.asarray(X, dtype=float))
        core = X[:, : self.n_core]
        if self.style is None:
            return core
        scores = self.style.standardise(X[:, self.n_core :]) @ self.style.coef.T + self.style.intercept
        return np.hstack([core, scores])

    def decompose(self, x: np.ndarray) -> tuple[float, float, np.ndarray, np.ndarray]:
        """Logit, base value, per-input contributions and the explained input values of one row."""
        values = self.design(x)[0]
        z = self.main.standardise(values.reshape(1, -1))[0]
        contributions = self.main.coef[0] * z
        base = float(self.main.intercept[0])
        return base + float(contributions.sum()), base, contributions, values

    def equals(self, other: ScoringView) -> bool:
        """Whether both views hold the same numbers (and so give the same scores)."""
        if self.n_core != other.n_core or not self.main.equals(other.main):
            return False
        if self.style is None or other.style is None:
            return self.style is other.style
        return self.style.equals(other.style)


def _linear(scaler: Any, regression: Any) -> _Linear:
    """The arrays of a fitted scaler and binary logistic regression (estimators or their states)."""
    get = scaler.get if isinstance(scaler, dict) else lambda name: getattr(scaler, name, None)
    fetch = regression.get if isinstance(regression, dict) else lambda name: getattr(regression, name, None)
    if get("with_mean") is False or get("with_std") is False:
        raise ValueError("the scaler does not both centre and scale")
    mean, scale = get("mean_"), get("scale_")
    coef, intercept = fetch("coef_"), fetch("intercept_")
    arrays = [mean, scale, coef, intercept]
    if not all(isinstance(a, np.ndarray) and a.dtype.kind == "f" for a in arrays):
        raise ValueError("the scaler or logistic regression is not fitted")
    n = mean.shape[0]  # type: ignore[union-attr]
    if mean.shape != (n,) or scale.shape != (n,) or coef.shape != (1, n) or intercept.shape != (1,):  # type: ignore[union-attr]
        raise ValueError("the scaler and logistic regression do not fit together (or are not binary)")
    return _Linear(mean=mean, scale=scale, coef=coef, intercept=intercept)  # type: ignore[arg-type]


def view_of_classifier(clf: Any) -> ScoringView:
    """The view of a fitted :class:`~reliability._classifier.StyleStackedClassifier`."""
    style = None
    if clf.has_style_:
        style_scaler, style_regression = (step for _, step in clf.style_.steps)
        style = _linear(style_scaler, style_regression)
    return ScoringView(n_core=int(clf.n_core), main=_linear(clf.scaler_, clf.classifier_), style=style)


class Pickled:
    """Stand-in for an allow-listed class in a model file read without importing scikit-learn.

    Unpickling creates the instance bare and hands it the estimator's ``__dict__`` (what
    scikit-learn pickles); the stand-in only keeps that dict, so no estimator code runs.
    """

    qualname = "?"  # "module.Name" of the class this stands for; set on each subclass

    def __setstate__(self, state: object) -> None:
        self.state = state if isinstance(state, dict) else {}


def _is(value: object, qualname: str) -> bool:
    return isinstance(value, Pickled) and value.qualname == qualname


def view_of_state(pipeline: object) -> ScoringView | None:
    """The view of a pickled ``Pipeline([features, StyleStackedClassifier])`` read as stand-ins.

    ``None`` when the pipeline is built otherwise (scoring then loads it with scikit-learn and
    reads the view from the real estimators); ``ValueError`` when it is that pipeline but not fitted.
    """
    if not _is(pipeline, "sklearn.pipeline.Pipeline"):
        return None
    steps = pipeline.state.get("steps")  # type: ignore[attr-defined]
    if not isinstance(steps, list) or len(steps) != 2 or not all(isinstance(s, tuple) and len(s) == 2 for s in steps):
        return None
    clf = steps[1][1]
    if not _is(steps[0][1], "reliability._features.ArticleFeatures") and not _is(
        steps[0][1], "reliability._transformer.ArticleFeatures"
    ):
        return None
    if not _is(clf, "reliability._classifier.StyleStackedClassifier"):
        return None
    state = clf.state
    style = None
    if state.get("has_style_"):
        style_pipeline = state.get("style_")
        style_steps = style_pipeline.state.get("steps") if _is(style_pipeline, "sklearn.pipeline.Pipeline") else None
        if not isinstance(style_steps, list) or len(style_steps) != 2:
            return None
        scaler, regression = (step for _, step in style_steps)
        if not (_is(scaler, "sklearn.preprocessing._data.StandardScaler")
                and _is(regression, "sklearn.linear_model._logistic.LogisticRegression")):
            return None
        style = _linear(scaler.state, regression.state)
    scaler, regression = state.get("scaler_"), state.get("classifier_")
    if not (_is(scaler, "sklearn.preprocessing._data.StandardScaler")
            and _is(regression, "sklearn.linear_model._logistic.LogisticRegression")):
        return None
    n_core = state.get("n_core")
    if not isinstance(n_core, int) or isinstance(n_core, bool) or n_core < 0:
        raise ValueError("the classifier's n_core is not a count of columns")
    return ScoringView(n_core=n_core, main=_linear(scaler.state, regression.state), style=style)  # type: ignore[union-attr]
