"""The fitted classifier as plain numpy arrays: everything scoring needs, without scikit-learn.

Importing scikit-learn (and SciPy with it) takes 1.2-2 s, most of a cold start, yet scoring one
article only standardises a row, takes two dot products and calibrates a logit. A
:class:`ScoringView` holds the numbers for that, read from a fitted
:class:`~reliability._classifier.StyleStackedClassifier`:

- the style model: its scaler's ``mean_`` and ``scale_``, its logistic regression's ``coef_`` and
  ``intercept_`` (absent when the model has no style profile);
- the phrasing model: the kept hashed columns, their idf and its logistic regression's
  ``coef_`` and ``intercept_`` (absent when the model has no phrasing profile);
- the main model: the same four arrays over the explained inputs (named features + style score
  + phrasing score).

The arithmetic is scikit-learn's own, step for step and on arrays of the same shapes
(``StandardScaler.transform``: ``(x - mean_) / scale_``; ``LogisticRegression.decision_function``:
``x @ coef_.T + intercept_``), so the figures are bit-for-bit those of the estimator, except the
phrasing score: it is summed over one article's non-zero columns in numpy rather than by a
sparse product, which may differ in the last bits (≤ 1e-15 relative).

:func:`view_of_state` reads the same numbers from a model file's pickled state, where
``_model._safe_load`` has put a :class:`Pickled` stand-in for each scikit-learn object, so a
model loads for scoring without importing scikit-learn (see ``_model.load_model``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ._style import PHRASING_COLUMNS

__all__ = ["PHRASING_SCORE", "STYLE_SCORE", "Pickled", "ScoringView", "view_of_classifier", "view_of_state"]

#: The name of the stacked style input among the explained inputs.
STYLE_SCORE = "style_score"
#: The name of the stacked phrasing input among the explained inputs.
PHRASING_SCORE = "phrasing_score"


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
class _Phrasing:
    """``PhrasingModel``, as its fitted arrays: TF-IDF over the kept columns, then a logistic regression."""

    columns: np.ndarray  # (k,) sorted hashed columns kept at training, each in [0, PHRASING_COLUMNS)
    idf: np.ndarray  # (k,)
    coef: np.ndarray | None  # (1, k); None when training left no column (the score is then 0)
    intercept: np.ndarray | None  # (1,)
    # Hashed column -> its index in ``columns`` (-1: not kept), built on first use. One gather in
    # this dense table (PHRASING_COLUMNS int32, 1 MB) finds where an article's ≈ 2,700 sequences
    # sit; a binary search for each cost more than the rest of the phrasing score. Left out of
    # pickles (a worker rebuilds it), so the view sent to workers does not grow by it.
    _index: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    def __getstate__(self) -> tuple[Any, ...]:
        return self.columns, self.idf, self.coef, self.intercept

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(("columns", "idf", "coef", "intercept"), state, strict=True):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_index", None)

    def _positions(self, hashed: np.ndarray) -> np.ndarray:
        """The index in ``columns`` of each hashed column (-1 where it was not kept)."""
        if self._index is None:
            table = np.full(PHRASING_COLUMNS, -1, dtype=np.int32)
            table[self.columns] = np.arange(len(self.columns), dtype=np.int32)
            object.__setattr__(self, "_index", table)
        return self._index[hashed]  # type: ignore[index]

    def score(self, counts: dict[int, int]) -> float:
        """The phrasing log-odds of one article's hashed counts (see ``PhrasingModel.weigh``)."""
        hashed = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=float, count=len(counts))
        inside = (hashed >= 0) & (hashed < PHRASING_COLUMNS)  # any other column was never kept
        return self._weigh(self._positions(hashed[inside]), tf[inside])

    def score_columns(self, columns: np.ndarray) -> float:
        """The same as :meth:`score`, from the hashed column of every sequence
        (``_style.phrasing_columns``, each in [0, PHRASING_COLUMNS)) rather than from their counts.

        Counting in numpy spares scoring a Python dict of ≈ 2,000 counts per article. The kept
        columns are taken in order of first appearance, the order of the counts' dict, so the
        sums below add the same numbers in the same order: bit-for-bit the same score. Both
        the first appearances and the counts are found by scattering into arrays over the kept
        columns, without sorting (``np.unique`` sorts, and cost twice as much).
        """
        position = self._positions(columns)
        position = position[position >= 0]
        n, order = len(position), np.arange(len(position))
        first = np.full(len(self.columns), n, dtype=np.intp)  # kept column -> where it first appears
        np.minimum.at(first, position, order)
        distinct = position[first[position] == order]  # each kept column once, by first appearance
        counts = np.bincount(position, minlength=len(self.columns))[distinct]
        return self._weigh(distinct, counts.astype(float))

    def _weigh(self, position: np.ndarray, tf: np.ndarray) -> float:
        """The score of counts ``tf`` at indices ``position`` of ``columns`` (-1: not kept)."""
        if self.coef is None or self.intercept is None:
            return 0.0
        kept = position >= 0
        position = position[kept]
        weights = (1.0 + np.log(tf[kept])) * self.idf[position]
        norm = float(np.sqrt(weights @ weights))
        if norm == 0.0:
            return float(self.intercept[0])
        return float((weights / norm) @ self.coef[0, position] + self.intercept[0])

    def equals(self, other: _Phrasing) -> bool:
        pairs = ((self.columns, other.columns), (self.idf, other.idf))
        if not all(np.array_equal(a, b) for a, b in pairs):
            return False
        if self.coef is None or other.coef is None:
            return self.coef is other.coef
        return np.array_equal(self.coef, other.coef) and np.array_equal(self.intercept, other.intercept)  # type: ignore[arg-type]


@dataclass(frozen=True, eq=False, slots=True)
class ScoringView:
    """A fitted style-stacked classifier reduced to the arrays that score with it."""

    n_core: int  # leading input columns that are named features; the rest is the style profile
    main: _Linear  # over the explained inputs: the named features, then the style and phrasing scores if any
    style: _Linear | None  # over the style profile; None for a model without one
    phrasing: _Phrasing | None = None  # over the hashed phrasing profile; None for a model without one

    @property
    def n_inputs(self) -> int:
        """Columns of the input row: the named features, then the style profile."""
        return self.n_core + (0 if self.style is None else self.style.mean.shape[0])

    @property
    def consistent(self) -> bool:
        """Whether the main model reads exactly the named features and the stacked scores."""
        stacked = (self.style is not None) + (self.phrasing is not None)
        return self.main.mean.shape[0] == self.n_core + stacked

    @property
    def has_style(self) -> bool:
        return self.style is not None

    @property
    def stacked_names(self) -> list[str]:
        """Names of the stacked scores among the explained inputs, in order."""
        names = [STYLE_SCORE] if self.style is not None else []
        return names + ([PHRASING_SCORE] if self.phrasing is not None else [])

    @property
    def typical_values(self) -> np.ndarray:
        """Training means of the explained inputs."""
        return self.main.mean

    def design(self, X: np.ndarray, phrasing: list[dict[int, int]] | None = None) -> np.ndarray:
        """The explained inputs of the rows of ``X`` (the ``INPUT_NAMES`` columns) and of their
        hashed phrasing counts (none: the empty profile): named features, then the stacked scores."""
        X = np.atleast_2d(np.asarray(X, dtype=float))
        scores = None
        if self.phrasing is not None:
            counts = phrasing if phrasing is not None else [{} for _ in range(X.shape[0])]
            scores = [self.phrasing.score(c) for c in counts]
        return self._design(X, scores)

    def _design(self, X: np.ndarray, phrasing_scores: list[float] | None) -> np.ndarray:
        columns = [X[:, : self.n_core]]
        if self.style is not None:
            columns.append(self.style.standardise(X[:, self.n_core :]) @ self.style.coef.T + self.style.intercept)
        if phrasing_scores is not None:
            columns.append(np.array([[score] for score in phrasing_scores]))
        return np.hstack(columns)

    def decompose(self, x: Any) -> tuple[float, float, np.ndarray, np.ndarray]:
        """Logit, base value, per-input contributions and the explained input values of one row:
        an ``InputRow`` (``values`` and ``phrasing_columns``) or a plain row of ``INPUT_NAMES`` values."""
        if hasattr(x, "phrasing_columns"):  # an InputRow: its phrasing profile is counted in numpy
            scores = None if self.phrasing is None else [self.phrasing.score_columns(x.phrasing_columns)]
            values = self._design(np.atleast_2d(np.asarray(x.values, dtype=float)), scores)[0]
        elif hasattr(x, "phrasing"):  # a row that carries its counts as a dict
            values = self.design(x.values, [x.phrasing])[0]
        else:
            values = self.design(x)[0]
        z = self.main.standardise(values.reshape(1, -1))[0]
        contributions = self.main.coef[0] * z
        base = float(self.main.intercept[0])
        return base + float(contributions.sum()), base, contributions, values

    def equals(self, other: ScoringView) -> bool:
        """Whether both views hold the same numbers (and so give the same scores)."""
        if self.n_core != other.n_core or not self.main.equals(other.main):
            return False
        if (self.phrasing is None) != (other.phrasing is None):
            return False
        if self.phrasing is not None and not self.phrasing.equals(other.phrasing):  # type: ignore[arg-type]
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


def _phrasing(model: Any) -> _Phrasing:
    """The arrays of a fitted ``PhrasingModel`` (the estimator or its state)."""
    get = model.get if isinstance(model, dict) else lambda name: getattr(model, name, None)
    columns, idf, regression = get("columns_"), get("idf_"), get("classifier_")
    if not (isinstance(columns, np.ndarray) and columns.dtype.kind in "iu" and columns.ndim == 1
            and isinstance(idf, np.ndarray) and idf.dtype.kind == "f" and idf.shape == columns.shape):
        raise ValueError("the phrasing model is not fitted")
    if np.any(np.diff(columns) <= 0):
        raise ValueError("the phrasing model's columns are not sorted")
    if len(columns) and (columns[0] < 0 or columns[-1] >= PHRASING_COLUMNS):
        raise ValueError(f"the phrasing model's columns are not all in [0, {PHRASING_COLUMNS})")
    if regression is None:
        return _Phrasing(columns=columns.astype(np.int64), idf=idf, coef=None, intercept=None)
    if isinstance(regression, Pickled):
        regression = regression.state
    fetch = regression.get if isinstance(regression, dict) else lambda name: getattr(regression, name, None)
    coef, intercept = fetch("coef_"), fetch("intercept_")
    if not (isinstance(coef, np.ndarray) and coef.shape == (1, len(columns)) and isinstance(intercept, np.ndarray)
            and intercept.shape == (1,)):
        raise ValueError("the phrasing model's columns and logistic regression do not fit together")
    return _Phrasing(columns=columns.astype(np.int64), idf=idf, coef=coef, intercept=intercept)


def view_of_classifier(clf: Any) -> ScoringView:
    """The view of a fitted :class:`~reliability._classifier.StyleStackedClassifier`."""
    style = None
    if clf.has_style_:
        style_scaler, style_regression = (step for _, step in clf.style_.steps)
        style = _linear(style_scaler, style_regression)
    phrasing = _phrasing(clf.phrasing_) if getattr(clf, "has_phrasing_", False) else None
    return ScoringView(n_core=int(clf.n_core), main=_linear(clf.scaler_, clf.classifier_), style=style,
                       phrasing=phrasing)


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
    phrasing = None
    if state.get("has_phrasing_"):
        phrasing_model = state.get("phrasing_")
        if not _is(phrasing_model, "reliability._classifier.PhrasingModel"):
            return None
        regression = phrasing_model.state.get("classifier_")  # type: ignore[union-attr]
        if regression is not None and not _is(regression, "sklearn.linear_model._logistic.LogisticRegression"):
            return None
        phrasing = _phrasing(phrasing_model.state)  # type: ignore[union-attr]
    scaler, regression = state.get("scaler_"), state.get("classifier_")
    if not (_is(scaler, "sklearn.preprocessing._data.StandardScaler")
            and _is(regression, "sklearn.linear_model._logistic.LogisticRegression")):
        return None
    n_core = state.get("n_core")
    if not isinstance(n_core, int) or isinstance(n_core, bool) or n_core < 0:
        raise ValueError("the classifier's n_core is not a count of columns")
    return ScoringView(n_core=n_core, main=_linear(scaler.state, regression.state), style=style,  # type: ignore[union-attr]
                       phrasing=phrasing)
