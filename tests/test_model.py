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
    # The view sums the phrasing score in numpy, the estimator by a sparse product: equal to the last bits.
    clf = model.pipeline.named_steps["classifier"]
    assert math.isclose(values_of(model, row)[-1], clf.design(input_matrix([row]))[0, -1], rel_tol=1e-12)


def values_of(model, row):
    return model.decompose(row)[3]


def test_scoring_never_imports_scikit_learn():
    """Cold start: scoring reads the model's fitted arrays; scikit-learn takes seconds to import."""
    import subprocess
    import sys

    code = (
        "import sys; from reliability import Scorer; "
        "r = Scorer().score('The minister said on Tuesday that taxes would fall, according to Reuters.'); "
        "assert 0 <= r.score <= 1; print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_scoring_view_is_bit_for_bit_the_estimator():
    """The view read from the file without scikit-learn holds the classifier's very numbers."""
    from reliability._scoring_view import view_of_classifier

    model = load_model()
    clf = model.pipeline.named_steps["classifier"]
    assert model.scoring_view.equals(view_of_classifier(clf))
    rng = np.random.default_rng(1)
    for _ in range(20):
        x = np.abs(rng.normal(size=len(INPUT_NAMES)))
        ours, theirs = model.decompose(x), clf.decompose(x)
        assert ours[:2] == theirs[:2]
        assert np.array_equal(ours[2], theirs[2]) and np.array_equal(ours[3], theirs[3])
        # the style score: sklearn's own decision_function, not a re-implementation of it
        assert ours[3][clf.n_core] == clf.style_.decision_function(x[None, clf.n_core :])[0]


def test_a_copy_for_workers_scores_the_same_and_holds_no_pipeline():
    import pickle

    model = load_model()
    copy = pickle.loads(pickle.dumps(model.for_scoring()))
    text = "The minister said on Tuesday that taxes would fall, according to Reuters."
    assert Scorer(copy).score(text) == Scorer(model).score(text)
    with pytest.raises(ModelError, match="only what scoring needs"):
        copy.pipeline  # noqa: B018


def test_a_model_file_replaced_after_loading_is_noticed(model_copy):
    model = load_model(model_copy)
    with model_copy.open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelError, match="sha256"):
        model.pipeline  # noqa: B018


def test_a_saved_model_is_read_for_scoring_without_unpickling_its_pipeline(tmp_path):
    """What save() writes (ArticleFeatures now pickled from reliability._transformer) takes the fast path."""
    model = load_model()
    path = model.save(tmp_path / "copy.joblib")
    loaded = load_model(path)
    assert loaded._pipeline is None  # the scoring view only, until .pipeline is read
    text = "The minister said on Tuesday that taxes would fall, according to Reuters."
    assert Scorer(loaded).score(text) == Scorer(model).score(text)
    assert loaded.scoring_view.equals(model.scoring_view)
    assert loaded.pipeline is not None and loaded.scoring_view.equals(model.scoring_view)


@pytest.mark.parametrize("what", ["style", "main", "phrasing"])
def test_arrays_that_do_not_fit_the_inputs_are_refused(model_copy, what):
    """A genuine-looking file whose fitted arrays are the wrong size fails at load, not mid-score."""
    import joblib

    from reliability._model import _sha256

    payload = joblib.load(model_copy)
    clf = payload["pipeline"].named_steps["classifier"]
    scaler = clf.style_.steps[0][1] if what == "style" else clf.scaler_
    if what == "phrasing":
        clf.phrasing_.classifier_.coef_ = clf.phrasing_.classifier_.coef_[:, :-1]
    else:
        scaler.mean_, scaler.scale_ = scaler.mean_[:-1], scaler.scale_[:-1]
    if what == "main":
        clf.classifier_.coef_ = clf.classifier_.coef_[:, :-1]
    elif what == "style":
        clf.style_.steps[1][1].coef_ = clf.style_.steps[1][1].coef_[:, :-1]
    joblib.dump(payload, model_copy, compress=3)
    card = json.loads(card_path(model_copy).read_text())
    card["artifact_sha256"] = _sha256(model_copy)
    card_path(model_copy).write_text(json.dumps(card))
    with pytest.raises(ModelError, match="do not fit"):
        load_model(model_copy)


def test_the_view_scores_real_articles_as_the_estimator_does(polnear_dev):
    """The numpy phrasing score (no scikit-learn) against the sparse estimator, on real texts."""
    from reliability._features import article_row, input_matrix
    from reliability._pipeline import analyze
    from reliability._records import Article

    model = load_model()
    clf = model.pipeline.named_steps["classifier"]
    files = sorted((polnear_dev / "text").glob("*.txt"))[:40]
    rows = [article_row(analyze(Article(text=f.read_text(encoding="utf-8"))))[0] for f in files]
    theirs = clf.decision_function(input_matrix(rows))
    ours = np.array([model.decompose(row)[0] for row in rows])
    assert np.allclose(ours, theirs, rtol=0, atol=1e-12)


def test_the_phrasing_score_from_columns_is_the_score_from_counts(polnear_dev):
    """Scoring counts the phrasing columns in numpy; training reads them as a dict of counts. The
    two must give the same score to the last bit (the same numbers summed in the same order)."""
    from reliability._features import article_row
    from reliability._pipeline import analyze
    from reliability._records import Article

    phrasing = load_model().scoring_view.phrasing
    files = sorted((polnear_dev / "text").glob("*.txt"))[:40]
    rows = [article_row(analyze(Article(text=f.read_text(encoding="utf-8"))))[0] for f in files]
    rows.append(article_row(analyze(Article(text="Yes.")))[0])
    for row in rows:
        assert phrasing.score_columns(row.phrasing_columns) == phrasing.score(row.phrasing)
    assert phrasing.score_columns(np.array([], dtype=np.int64)) == phrasing.score({})
    # A row that carries its counts as a dict decomposes to the same figures.
    from types import SimpleNamespace

    view = load_model().scoring_view
    as_dict = SimpleNamespace(values=rows[0].values, phrasing=rows[0].phrasing)
    assert all(np.array_equal(a, b) for a, b in zip(view.decompose(as_dict), view.decompose(rows[0]), strict=True))
    # The column table it builds on first use is left out of pickles (workers get the view).
    import pickle

    assert len(pickle.dumps(phrasing)) < len(pickle.dumps(phrasing.columns)) + 2 * 8 * len(phrasing.columns) + 10_000
    copy = pickle.loads(pickle.dumps(phrasing))
    assert copy.score_columns(rows[0].phrasing_columns) == phrasing.score_columns(rows[0].phrasing_columns)


def test_phrasing_model_on_tiny_or_empty_data():
    from scipy import sparse

    from reliability._classifier import PhrasingModel

    y = np.array([0, 1, 0, 1])
    # Four articles: every sequence is rare, so the document-frequency threshold shrinks to 1.
    X = sparse.csr_matrix(np.array([[1, 0, 2], [0, 1, 0], [1, 0, 0], [0, 3, 0]], dtype=float))
    model = PhrasingModel().fit(X, y)
    assert list(model.columns_) == [0, 1, 2]
    assert model.decision_function(X).shape == (4,)
    # No tokens at all: nothing to learn, a neutral score rather than an error.
    empty = PhrasingModel().fit(sparse.csr_matrix((4, 3)), y)
    assert empty.classifier_ is None and np.array_equal(empty.decision_function(X), np.zeros(4))


def test_sign_constrained_regression_is_scikit_learns_when_free_and_keeps_its_signs():
    from sklearn.linear_model import LogisticRegression

    from reliability._classifier import sign_constrained_logistic_regression

    rng = np.random.default_rng(0)
    Z = rng.normal(size=(400, 5))
    # column 1 carries the label against its declared sign; column 2 is noise
    y = (Z[:, 0] - Z[:, 1] + rng.normal(size=400) > 0.5).astype(int)
    free = sign_constrained_logistic_regression(Z, y, C=0.3, signs=(0,) * 5)
    reference = LogisticRegression(C=0.3, class_weight="balanced", tol=1e-10, max_iter=10_000).fit(Z, y)
    assert np.allclose(free.coef_, reference.coef_, atol=1e-4)
    assert np.allclose(free.intercept_, reference.intercept_, atol=1e-4)
    assert free.coef_[0, 1] < -0.3  # the unconstrained fit does use column 1 against the sign below

    signed = sign_constrained_logistic_regression(Z, y, C=0.3, signs=(1, 1, -1, 0, 0))
    assert signed.coef_[0, 0] > 0.3
    assert signed.coef_[0, 1] == 0.0 and signed.coef_[0, 2] <= 0.0
    assert np.array_equal(signed.predict(Z[:3]), (signed.decision_function(Z[:3]) > 0).astype(int))


def test_the_default_model_weighs_every_feature_the_way_its_plain_reading_says():
    from reliability._features import FEATURE_DIRECTIONS

    model = load_model()
    classifier = model.pipeline.named_steps["classifier"]
    assert classifier.signs is not None
    weights = dict(zip(model.feature_names, classifier.classifier_.coef_[0], strict=True))
    against = {name: w for name, w in weights.items() if FEATURE_DIRECTIONS.get(name, 0) * w < 0}
    assert not against
    assert all(weights[name] >= 0 for name in classifier.stacked_names)
