from __future__ import annotations

import json
import math

import numpy as np
import pytest

from reliability import ModelError, ModelNotFoundError, ModelVersionError, Scorer, load_model
from reliability._features import INPUT_NAMES
from reliability._model import card_path


def test_default_model_card():
    model = load_model()
    card = model.card
    assert card["feature_names"] == list(INPUT_NAMES)
    assert card["metrics"]["grouped_cv_roc_auc"] > 0.5
    assert "baseline_tfidf_grouped_cv_roc_auc" in card["metrics"]
    assert all("license" in d for d in card["training_data"])
    assert len(card["data_sha256"]) == 64


def test_decomposition_is_exact():
    model = load_model()
    rng = np.random.default_rng(0)
    for _ in range(20):
        x = np.abs(rng.normal(size=len(INPUT_NAMES)))
        logit, base, contributions, values = model.decompose(x)
        assert len(contributions) == len(values) == len(model.feature_names)
        assert math.isclose(base + contributions.sum(), logit, abs_tol=1e-9)
        assert math.isclose(logit, model.pipeline[1:].decision_function(x.reshape(1, -1))[0], abs_tol=1e-9)


def test_missing_model(tmp_path):
    with pytest.raises(ModelNotFoundError):
        load_model(tmp_path / "none.joblib")


def test_tampered_model_is_refused(model_copy):
    with model_copy.open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelError, match="sha256"):
        load_model(model_copy)


def test_version_mismatch(model_copy):
    card = json.loads(card_path(model_copy).read_text())
    card["sklearn_version"] = "0.1"
    card_path(model_copy).write_text(json.dumps(card))
    with pytest.raises(ModelVersionError):
        load_model(model_copy)


def test_feature_mismatch(model_copy):
    card = json.loads(card_path(model_copy).read_text())
    card["feature_names"] = card["feature_names"][:-1]
    card_path(model_copy).write_text(json.dumps(card))
    with pytest.raises(ModelVersionError):
        load_model(model_copy)


def test_scorer_labels_follow_the_thresholds():
    model = load_model()
    low, high = model.thresholds
    assert model.label(low - 0.01) == "low" and model.label(high) == "high"
    assert model.label((low + high) / 2) == "mixed"
    assert Scorer(model).model is model


def test_decomposition_is_exact_with_the_phrasing_profile(example_article):
    from reliability._features import article_row, input_matrix
    from reliability._pipeline import analyze
    from reliability._records import Article

    model = load_model()
    title, body = example_article
    row, _ = article_row(analyze(Article(text=body, title=title)))
    assert row.phrasing  # the phrasing profile of a real text is not empty
    logit, base, contributions, _ = model.decompose(row)
    assert model.feature_names[-2:] == ["style_score", "phrasing_score"]
    assert math.isclose(base + contributions.sum(), logit, abs_tol=1e-9)
    assert math.isclose(logit, model.pipeline[1:].decision_function(input_matrix([row]))[0], abs_tol=1e-9)
