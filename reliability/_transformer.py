"""Stage 6 for scikit-learn: :class:`ArticleFeatures`, the feature vector as a transformer over articles.

Apart from ``_features`` so that scoring, which needs the features but not scikit-learn,
never imports scikit-learn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from ._features import INPUT_NAMES, PHRASING_PREFIX, _row, input_matrix
from ._ratings import OutletRatings
from ._style import PHRASING_COLUMNS

__all__ = ["ArticleFeatures"]


class ArticleFeatures(TransformerMixin, BaseEstimator):
    """scikit-learn transformer: articles in, the feature matrix out.

    Returns a sparse matrix. Columns: the named features of ``FEATURE_NAMES``
    (``docs/features.md``), then the style profile (``fw_<word>``, ``punct_<mark>``,
    ``style_<stat>``), then the ``PHRASING_COLUMNS`` hashed counts of the phrasing profile.

    Accepts a sequence of :class:`~reliability.Article`, ``LabelledArticle``, dicts with a
    ``text`` key, or strings. A bare string is refused (it is one article, not a sequence).

    Parameters
    ----------
    n_jobs:
        Articles analysed in parallel with joblib (``None`` means one).
    ratings:
        Outlet ratings from :func:`~reliability.load_ratings` for ``outlet_prior``; ``None``
        leaves it at its neutral value (the bundled model is trained that way).
    """

    def __init__(self, *, n_jobs: int | None = None, ratings: OutletRatings | None = None) -> None:
        self.n_jobs = n_jobs
        self.ratings = ratings

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags

    def fit(self, X: Sequence[Any], y: object = None) -> ArticleFeatures:
        _check_sequence(X)
        self.n_features_out_ = len(INPUT_NAMES) + PHRASING_COLUMNS
        return self

    def transform(self, X: Sequence[Any]) -> Any:
        _check_sequence(X)
        if self.n_jobs in (None, 1) or len(X) < 64:
            rows = [_row(item, self.ratings) for item in X]
        else:
            from joblib import Parallel, delayed

            rows = Parallel(n_jobs=self.n_jobs, batch_size=32)(delayed(_row)(item, self.ratings) for item in X)
        return input_matrix(rows)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """``INPUT_NAMES``, then ``phrasing_00000`` … for the hashed columns."""
        hashed = [f"{PHRASING_PREFIX}{k:05x}" for k in range(PHRASING_COLUMNS)]
        return np.asarray(list(INPUT_NAMES) + hashed, dtype=object)


def _check_sequence(X: object) -> None:
    if isinstance(X, (str, bytes)):
        raise TypeError("ArticleFeatures expects a sequence of articles, not a single string; wrap it in a list")
