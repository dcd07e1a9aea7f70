from __future__ import annotations

import numpy as np
import pytest

import reliability
from reliability import DataError, OutletRatings, load_ratings
from reliability._features import FEATURE_NAMES, compute_features
from reliability._pipeline import analyze
from reliability._records import Article

TEXT = "According to Reuters, the minister said that the budget was approved."


def _features(ratings, url=None):
    values, _ = compute_features(analyze(Article(text=TEXT, url=url)), ratings=ratings)
    return dict(zip(FEATURE_NAMES, values, strict=True))


def test_generic_csv(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("domain,score\nreuters.com,0.9\nexample-blog.net,0.1\n", encoding="utf-8")
    ratings = load_ratings(path)
    assert len(ratings) == 2 and ratings["reuters.com"] == 0.9
    assert ratings.lookup("https://www.reuters.com/world/x") == 0.9
    assert ratings.lookup("news.example-blog.net") == 0.1
    assert ratings.lookup("unknown.org") is None


def test_lin_pc1_format(shared):
    path = shared / "data" / "domain-quality-lin2023" / "domain_pc1.csv"
    ratings = load_ratings(path)
    assert len(ratings) > 10_000
    assert ratings.lookup("apnews.com") > 0.9


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("site,score\na.com,0.5\n", "domain"),
        ("domain,quality\na.com,0.5\n", "score"),
        ("domain,score\na.com,high\n", "not a number"),
        ("domain,score\na.com,1.7\n", "[0, 1]"),
    ],
)
def test_bad_files_raise_data_error(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message if message != "[0, 1]" else r"\[0, 1\]"):
        load_ratings(path)


def test_prior_is_neutral_without_ratings_and_fixed_in_shape():
    without = _features(None, url="https://example-blog.net/post")
    assert without["outlet_prior"] == 0.5 and without["outlet_prior_known"] == 0.0
    ratings = OutletRatings({"reuters.com": 0.9, "example-blog.net": 0.1})
    with_ = _features(ratings, url="https://example-blog.net/post")
    assert with_["outlet_prior_known"] == 1.0
    assert with_["outlet_prior"] == pytest.approx(0.5)  # mean of the blog (0.1) and Reuters, cited (0.9)
    assert len(with_) == len(without)
    assert _features(OutletRatings({"nothing.org": 0.2}))["outlet_prior_known"] == 0.0


def test_scorer_uses_ratings():
    ratings = OutletRatings({"reuters.com": 0.95})
    report = reliability.Scorer(ratings=ratings).score(TEXT)
    assert report.features["outlet_prior"] == pytest.approx(0.95)
    assert report.features["outlet_prior_known"] == 1.0
    plain = reliability.score_article(TEXT)
    assert plain.features["outlet_prior"] == 0.5
    assert np.isfinite(report.score)
