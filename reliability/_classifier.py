"""The classifier: logistic regression over the named features plus one stacked style score.

The writing-style profile (``_style.py``: function-word and punctuation rates) goes through its
own regularised logistic regression; its log-odds become one more input, ``style_score``, of
the main logistic regression over the named sourcing, chain, hedging and headline features. On the training
data the style score is cross-fitted (each article scored by a style model that never saw its
outlet), as scikit-learn's ``TargetEncoder`` does, so the main model does not over-trust it.

The model stays linear in its explained inputs, so every score decomposes exactly:
``logit = intercept + Σ coef_k · z_k`` with ``z`` the standardised inputs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from ._scoring_view import STYLE_SCORE

__all__ = ["STYLE_SCORE", "StyleStackedClassifier"]


class StyleStackedClassifier(ClassifierMixin, BaseEstimator):
    """Logistic regression over ``X[:, :n_core]`` and a stacked score of ``X[:, n_core:]``.

    Parameters
    ----------
    n_core:
        Number of leading columns that are named features; the rest is the style profile
        (none: a plain standardised logistic regression).
    C, style_C:
        Inverse regularisation of the main and of the style logistic regression.
    n_splits:
        Folds for cross-fitting the style score on training data (grouped when ``groups`` is
        passed to :meth:`fit`).
    random_state:
        Seed for the folds and solvers.
    """

    def __init__(
        self, *, n_core: int, C: float = 0.3, style_C: float = 0.01, n_splits: int = 5, random_state: int = 0
    ) -> None:
        self.n_core = n_core
        self.C = C
        self.style_C = style_C
        self.n_splits = n_splits
        self.random_state = random_state

    def _style_model(self) -> Pipeline:
        # liblinear: several times faster than lbfgs on this many dense columns, deterministic given the seed.
        return make_pipeline(
            StandardScaler(),
            LogisticRegression(
                C=self.style_C, class_weight="balanced", solver="liblinear", max_iter=2000,
                random_state=self.random_state,
            ),
        )

    def fit(self, X: np.ndarray, y: np.ndarray, groups: Sequence[str] | None = None) -> StyleStackedClassifier:
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        core, style = X[:, : self.n_core], X[:, self.n_core :]
        self.has_style_ = style.shape[1] > 0
        if self.has_style_:
            self.style_ = self._style_model().fit(style, y)
            design = np.hstack([core, self._cross_fit(style, y, groups)[:, None]])
        else:
            design = core
        self.scaler_ = StandardScaler().fit(design)
        self.classifier_ = LogisticRegression(
            C=self.C, class_weight="balanced", max_iter=2000, random_state=self.random_state
        ).fit(self.scaler_.transform(design), y)
        self.classes_ = self.classifier_.classes_
        self.n_features_in_ = X.shape[1]
        return self

    def _cross_fit(self, style: np.ndarray, y: np.ndarray, groups: Sequence[str] | None) -> np.ndarray:
        scores = np.zeros(len(y))
        n_groups = len(set(groups)) if groups is not None else len(y)
        n_splits = max(2, min(self.n_splits, n_groups, int(np.bincount(y).min())))
        if groups is not None:
            folds = StratifiedGroupKFold(n_splits, shuffle=True, random_state=self.random_state).split(style, y, groups)
        else:
            folds = StratifiedKFold(n_splits, shuffle=True, random_state=self.random_state).split(style, y)
        for train, test in folds:
            if len(np.unique(y[train])) < 2:
                continue  # a fold whose training part holds one label has no style model: neutral 0
            scores[test] = clone(self._style_model()).fit(style[train], y[train]).decision_function(style[test])
        return scores

    def design(self, X: np.ndarray) -> np.ndarray:
        """The explained inputs: the named features, then the style score."""
        X = np.atleast_2d(np.asarray(X, dtype=float))
        core = X[:, : self.n_core]
        if not self.has_style_:
            return core
        return np.hstack([core, self.style_.decision_function(X[:, self.n_core :])[:, None]])

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        return self.classifier_.decision_function(self.scaler_.transform(self.design(X)))

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1 - p, p])

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.classes_[(self.decision_function(X) > 0).astype(int)]

    def decompose(self, x: np.ndarray) -> tuple[float, float, np.ndarray, np.ndarray]:
        """Logit, base value, per-input contributions and the explained input values of one row."""
        values = self.design(x)[0]
        z = self.scaler_.transform(values.reshape(1, -1))[0]
        contributions = self.classifier_.coef_[0] * z
        base = float(self.classifier_.intercept_[0])
        return base + float(contributions.sum()), base, contributions, values
