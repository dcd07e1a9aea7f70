from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.utils.estimator_checks import check_get_params_invariance, check_set_params

from reliability import Article, ArticleFeatures
from reliability._features import FEATURE_NAMES, FEATURES, INPUT_NAMES

DOCS = Path(__file__).resolve().parent.parent / "docs" / "features.md"


def test_names_are_stable_snake_case_and_unique():
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    for name in FEATURE_NAMES:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", name), name
    assert list(ArticleFeatures().get_feature_names_out()) == list(INPUT_NAMES)
    assert INPUT_NAMES[: len(FEATURE_NAMES)] == FEATURE_NAMES
    assert all(n.startswith(("fw_", "punct_", "style_")) for n in INPUT_NAMES[len(FEATURE_NAMES) :])


def test_every_feature_is_defined_in_the_docs():
    docs = DOCS.read_text(encoding="utf-8")
    for feature in FEATURES:
        assert f"`{feature.name}`" in docs, f"{feature.name} is not defined in docs/features.md"


def test_transform_accepts_articles_dicts_and_strings():
    text = 'The mayor said that the bridge would open. "It is safe," she said.'
    rows = ArticleFeatures().fit_transform([Article(text=text), {"text": text}, text])
    assert rows.shape == (3, len(INPUT_NAMES))
    assert np.allclose(rows[0], rows[1]) and np.allclose(rows[0], rows[2])


def test_a_bare_string_is_refused():
    with pytest.raises(TypeError, match="single string"):
        ArticleFeatures().fit_transform("The mayor said that the bridge would open.")


def test_parallel_equals_sequential(example_article):
    title, body = example_article
    items = [{"text": body, "title": title}] * 70
    assert np.array_equal(ArticleFeatures(n_jobs=2).transform(items), ArticleFeatures().transform(items))


def test_sklearn_conventions():
    est = ArticleFeatures(n_jobs=2)
    check_get_params_invariance("ArticleFeatures", est)
    check_set_params("ArticleFeatures", est)
    assert clone(est).get_params() == {"n_jobs": 2}
    assert est.__sklearn_tags__().input_tags.string


def test_features_on_real_articles_are_finite(shared):
    from reliability import datasets

    records = datasets.load_recovery(shared / "data")[:40]
    X = ArticleFeatures().transform(records)
    assert np.isfinite(X).all()
    assert (X[:, FEATURE_NAMES.index("words_log")] > 0).all()
