"""Explanations are faithful: base value + contributions == the model's own logit, on real articles.

The property is checked against the scikit-learn pipeline's ``decision_function`` (computed
independently of :meth:`ReliabilityModel.decompose`), for the bundled model and for a model the
library trains, on articles sampled from the public corpora.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability import Article, ModelError, Scorer, load_model, train
from reliability._features import INPUT_NAMES


@pytest.fixture(scope="module")
def corpus(shared):
    from reliability import datasets

    root = shared / "data"
    records = datasets.load("fakenewsamt", root=root) + datasets.load("horne2017", root=root)
    # Keep the sample quick to analyse; the long tail adds time, not coverage.
    return _Corpus(r for r in records if len(r.text) < 6000)


class _Corpus(list):
    """A list of articles whose repr stays short in Hypothesis's failure reports."""

    def __repr__(self) -> str:
        return f"<{len(self)} articles from fakenewsamt and horne2017>"


@pytest.fixture(scope="module")
def trained(corpus):
    reliable = [r for r in corpus if r.label == 1][:40]
    unreliable = [r for r in corpus if r.label == 0][:40]
    return train(reliable + unreliable, name="faithful", seed=0, baseline=False)


def _check(model, record) -> None:
    report = Scorer(model).score(record.text, title=record.title)
    # The model's own output, straight from scikit-learn, not from decompose().
    logit = float(model.pipeline.decision_function([Article(text=record.text, title=record.title)])[0])
    total = report.base_value + sum(e.contribution for e in report.explanations)
    assert math.isclose(total, logit, rel_tol=1e-9, abs_tol=1e-9), (record.id, total, logit)
    assert math.isclose(report.logit, logit, rel_tol=1e-9, abs_tol=1e-9)
    assert {e.feature for e in report.explanations} == set(model.feature_names)
    magnitudes = [abs(e.contribution) for e in report.explanations]
    assert magnitudes == sorted(magnitudes, reverse=True)
    for e in report.explanations:
        assert e.value == report.features[e.feature]
        assert e.message and not e.message[0].islower() and e.message.endswith("."), e.message
        for span in e.evidence:
            assert record.text[span.start : span.end] == span.text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_bundled_model_contributions_add_up_on_real_articles(corpus, data):
    _check(load_model(), corpus[data.draw(st.integers(0, len(corpus) - 1), label="article")])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_trained_model_contributions_add_up_on_real_articles(corpus, trained, data):
    _check(trained, corpus[data.draw(st.integers(0, len(corpus) - 1), label="article")])


def test_a_non_linear_classifier_is_refused():
    from sklearn.tree import DecisionTreeClassifier

    model = load_model()
    tree = DecisionTreeClassifier().fit(np.eye(len(INPUT_NAMES))[:2], [0, 1])
    pipeline = model.pipeline.__class__([*model.pipeline.steps[:-1], ("classifier", tree)])
    forged = model.__class__(pipeline=pipeline, calibration=model.calibration, thresholds=model.thresholds)
    with pytest.raises(ModelError, match="no exact additive explanation"):
        Scorer(forged).score("The minister said that taxes would fall.")


def test_messages_name_what_was_found(seed_article):
    from reliability import score_article

    title, body = seed_article
    report = score_article(body, title=title)
    by_feature = {e.feature: e for e in report.explanations}
    state = by_feature["share_state_media_relay"].message
    assert "Channel One Russia" in state and "→" in state
    vague = by_feature["share_vague"].message
    assert "“" in vague  # quotes the vague wording it found
