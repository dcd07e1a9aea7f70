"""The classifier: logistic regression over the named features plus two stacked profile scores.

The writing-style profile (``_style.py``: function-word and punctuation rates) goes through its
own regularised logistic regression; its log-odds become one more input, ``style_score``, of
the main logistic regression over the named sourcing, chain, hedging and headline features. The
phrasing profile (hashed counts of masked token sequences) goes through a TF-IDF weighting and
another logistic regression, whose log-odds become ``phrasing_score``. On the training data both
scores are cross-fitted (each article scored by a profile model that never saw its outlet), as
scikit-learn's ``TargetEncoder`` does, so the main model does not over-trust them.

The model stays linear in its explained inputs, so every score decomposes exactly:
``logit = intercept + Σ coef_k · z_k`` with ``z`` the standardised inputs. Given ``signs``, each
named feature's weight is kept on the side its plain reading says (quoting named sources cannot
lower a score) and the stacked scores' weights are kept non-negative.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import minimize
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from ._scoring_view import PHRASING_SCORE, STYLE_SCORE

__all__ = ["PHRASING_SCORE", "STYLE_SCORE", "PhrasingModel", "StyleStackedClassifier"]


class PhrasingModel(ClassifierMixin, BaseEstimator):
    """TF-IDF weighting and logistic regression over the hashed phrasing profile.

    Only columns seen in at least ``min_df`` training articles (fewer on under 100 articles) are
    kept: a sequence seen in one or two articles identifies those articles, not a way of
    writing. Weighting as ``TfidfTransformer(sublinear_tf=True)``: ``1 + log(count)`` times the
    smoothed idf, rows scaled to unit length.
    """

    def __init__(self, *, C: float = 1.0, min_df: int = 5, random_state: int = 0) -> None:
        self.C = C
        self.min_df = min_df
        self.random_state = random_state

    def fit(self, X: sparse.csr_matrix, y: np.ndarray) -> PhrasingModel:
        X = sparse.csr_matrix(X)
        document_frequency = np.bincount(X.indices, minlength=X.shape[1])
        # On a handful of articles every sequence is rare; the threshold shrinks with the data.
        min_df = min(self.min_df, max(1, X.shape[0] // 20))
        self.columns_ = np.flatnonzero(document_frequency >= min_df)
        self.idf_ = np.log((1.0 + X.shape[0]) / (1.0 + document_frequency[self.columns_])) + 1.0
        self.classes_ = np.unique(y)
        self.classifier_: LogisticRegression | None = None
        if len(self.columns_):  # texts without a single token leave nothing to learn from: score 0
            self.classifier_ = LogisticRegression(
                C=self.C, class_weight="balanced", max_iter=2000, random_state=self.random_state
            ).fit(self.weigh(X), y)
        return self

    def weigh(self, X: sparse.csr_matrix) -> sparse.csr_matrix:
        """The TF-IDF weighted, unit-length rows over the kept columns."""
        X = sparse.csr_matrix(X)[:, self.columns_].astype(float)
        X.data = 1.0 + np.log(X.data)
        X = X.multiply(self.idf_[None, :]).tocsr()
        norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(X.multiply(1.0 / norms[:, None]))

    def decision_function(self, X: sparse.csr_matrix) -> np.ndarray:
        if self.classifier_ is None:
            return np.zeros(X.shape[0])
        return self.classifier_.decision_function(self.weigh(X))


def sign_constrained_logistic_regression(
    Z: np.ndarray, y: np.ndarray, *, C: float, signs: Sequence[int], random_state: int = 0
) -> LogisticRegression:
    """``LogisticRegression(C, class_weight="balanced")`` with each weight kept on one side of 0.

    ``signs[k]`` is +1 (weight ≥ 0), -1 (weight ≤ 0) or 0 (free). scikit-learn's solvers take no
    bounds, so its objective — ``Σ balanced_weight_i · log(1 + exp(-s_i·(z_i·w + b))) + ‖w‖² / 2C`` —
    is minimised with L-BFGS-B, and the solution is stored in a ``LogisticRegression`` so that
    scoring, explanations and the saved model read it as they read any other.
    """
    y = np.asarray(y)
    classes = np.unique(y)
    s = np.where(y == classes[-1], 1.0, -1.0)
    index = np.searchsorted(classes, y)
    weight = (len(y) / (len(classes) * np.bincount(index)))[index]  # class_weight="balanced"
    n_features = Z.shape[1]

    def loss_and_gradient(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:n_features], theta[n_features]
        margin = s * (Z @ w + b)
        loss = float(np.sum(weight * np.logaddexp(0.0, -margin)) + 0.5 * (w @ w) / C)
        slope = -weight * s * np.exp(-np.logaddexp(0.0, margin))  # d loss / d logit
        return loss, np.concatenate([Z.T @ slope + w / C, [slope.sum()]])

    bounds = [(0.0, None) if k > 0 else (None, 0.0) if k < 0 else (None, None) for k in signs] + [(None, None)]
    result = minimize(
        loss_and_gradient, np.zeros(n_features + 1), jac=True, method="L-BFGS-B", bounds=bounds,
        options={"maxiter": 10_000, "gtol": 1e-8},
    )
    solution = result.x
    model = LogisticRegression(C=C, class_weight="balanced", random_state=random_state)
    model.classes_ = classes
    model.coef_ = solution[None, :n_features]
    model.intercept_ = solution[n_features:]
    model.n_features_in_ = n_features
    model.n_iter_ = np.array([result.nit])
    return model


class StyleStackedClassifier(ClassifierMixin, BaseEstimator):
    """Logistic regression over the named features and the stacked profile scores.

    Columns of ``X`` (dense, or a scipy sparse matrix): ``n_core`` named features, then
    ``n_style`` columns of the style profile, then the hashed phrasing profile (if any).

    Parameters
    ----------
    n_core:
        Number of leading columns that are named features.
    n_style:
        Number of style-profile columns after them; ``None`` means every remaining column (and
        no phrasing profile).
    C, style_C, phrasing_C:
        Inverse regularisation of the main, the style and the phrasing logistic regression.
    phrasing_min_df:
        Phrasing columns seen in fewer training articles are dropped.
    signs:
        Optional, one per named feature: +1 or -1 keeps that feature's weight on that side of
        0, 0 leaves it free; the stacked scores' weights are then kept ≥ 0. ``None``: unconstrained.
    n_splits:
        Folds for cross-fitting the profile scores on training data (grouped when ``groups``
        is passed to :meth:`fit`).
    random_state:
        Seed for the folds and solvers.
    """

    def __init__(
        self,
        *,
        n_core: int,
        n_style: int | None = None,
        C: float = 0.3,
        style_C: float = 0.01,
        phrasing_C: float = 3.0,
        phrasing_min_df: int = 5,
        signs: tuple[int, ...] | None = None,
        n_splits: int = 5,
        random_state: int = 0,
    ) -> None:
        self.n_core = n_core
        self.n_style = n_style
        self.C = C
        self.style_C = style_C
        self.phrasing_C = phrasing_C
        self.phrasing_min_df = phrasing_min_df
        self.signs = signs
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

    def _phrasing_model(self) -> PhrasingModel:
        return PhrasingModel(C=self.phrasing_C, min_df=self.phrasing_min_df, random_state=self.random_state)

    def _blocks(self, X: object) -> tuple[np.ndarray, np.ndarray, sparse.csr_matrix | None]:
        """``X`` split into the named features, the style profile and the phrasing profile."""
        matrix: Any = sparse.csr_matrix(X) if sparse.issparse(X) else np.atleast_2d(np.asarray(X, dtype=float))
        n_style = matrix.shape[1] - self.n_core if self.n_style is None else self.n_style
        end = self.n_core + n_style
        dense = matrix[:, :end].toarray() if sparse.issparse(matrix) else matrix[:, :end]
        phrasing = sparse.csr_matrix(matrix[:, end:]) if matrix.shape[1] > end else None
        return dense[:, : self.n_core], dense[:, self.n_core :], phrasing

    def fit(self, X: object, y: np.ndarray, groups: Sequence[str] | None = None) -> StyleStackedClassifier:
        y = np.asarray(y)
        core, style, phrasing = self._blocks(X)
        columns = [core]
        self.has_style_ = style.shape[1] > 0
        self.has_phrasing_ = phrasing is not None
        if self.has_style_:
            self.style_ = self._style_model().fit(style, y)
            columns.append(self._cross_fit(self._style_model, style, y, groups)[:, None])
        if phrasing is not None:
            self.phrasing_ = self._phrasing_model().fit(phrasing, y)
            columns.append(self._cross_fit(self._phrasing_model, phrasing, y, groups)[:, None])
        design = np.hstack(columns)
        self.scaler_ = StandardScaler().fit(design)
        if self.signs is None:
            self.classifier_ = LogisticRegression(
                C=self.C, class_weight="balanced", max_iter=2000, random_state=self.random_state
            ).fit(self.scaler_.transform(design), y)
        else:
            if len(self.signs) != self.n_core:
                raise ValueError(f"signs has {len(self.signs)} entries for {self.n_core} named features")
            self.classifier_ = sign_constrained_logistic_regression(
                self.scaler_.transform(design), y, C=self.C, random_state=self.random_state,
                signs=tuple(self.signs) + (1,) * (design.shape[1] - self.n_core),
            )
        self.classes_ = self.classifier_.classes_
        self.n_features_in_ = core.shape[1] + style.shape[1] + (phrasing.shape[1] if phrasing is not None else 0)
        return self

    @property
    def stacked_names(self) -> list[str]:
        """Names of the stacked scores, in the order they follow the named features."""
        return ([STYLE_SCORE] if getattr(self, "has_style_", False) else []) + (
            [PHRASING_SCORE] if getattr(self, "has_phrasing_", False) else []
        )

    def _cross_fit(
        self, make: Callable[[], Any], block: Any, y: np.ndarray, groups: Sequence[str] | None
    ) -> np.ndarray:
        scores = np.zeros(len(y))
        n_groups = len(set(groups)) if groups is not None else len(y)
        n_splits = max(2, min(self.n_splits, n_groups, int(np.bincount(y).min())))
        if groups is not None:
            folds = StratifiedGroupKFold(n_splits, shuffle=True, random_state=self.random_state).split(
                np.zeros(len(y)), y, groups
            )
        else:
            folds = StratifiedKFold(n_splits, shuffle=True, random_state=self.random_state).split(np.zeros(len(y)), y)
        for train, test in folds:
            if len(np.unique(y[train])) < 2:
                continue  # a fold whose training part holds one label has no profile model: neutral 0
            scores[test] = make().fit(block[train], y[train]).decision_function(block[test])
        return scores

    def design(self, X: object) -> np.ndarray:
        """The explained inputs: the named features, then the stacked scores."""
        core, style, phrasing = self._blocks(X)
        columns = [core]
        if getattr(self, "has_style_", False):
            columns.append(self.style_.decision_function(style)[:, None])
        if getattr(self, "has_phrasing_", False):
            if phrasing is None:  # a row without its phrasing profile: the empty profile
                phrasing = sparse.csr_matrix((core.shape[0], self.n_features_in_ - core.shape[1] - style.shape[1]))
            columns.append(self.phrasing_.decision_function(phrasing)[:, None])
        return np.hstack(columns)

    def decision_function(self, X: object) -> np.ndarray:
        return self.classifier_.decision_function(self.scaler_.transform(self.design(X)))

    def predict_proba(self, X: object) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1 - p, p])

    def predict(self, X: object) -> np.ndarray:
        return self.classes_[(self.decision_function(X) > 0).astype(int)]

    def decompose(self, x: object) -> tuple[float, float, np.ndarray, np.ndarray]:
        """Logit, base value, per-input contributions and the explained input values of one row."""
        values = self.design(x)[0]
        z = self.scaler_.transform(values.reshape(1, -1))[0]
        contributions = self.classifier_.coef_[0] * z
        base = float(self.classifier_.intercept_[0])
        return base + float(contributions.sum()), base, contributions, values
