from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.utils.estimator_checks import check_get_params_invariance, check_set_params

from reliability import Article, ArticleFeatures
from reliability._features import FEATURE_NAMES, FEATURES, INPUT_NAMES
from reliability._style import PHRASING_COLUMNS, phrasing_counts, shapes

DOCS = Path(__file__).resolve().parent.parent / "docs" / "features.md"


def test_names_are_stable_snake_case_and_unique():
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    for name in FEATURE_NAMES:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", name), name
    out = list(ArticleFeatures().get_feature_names_out())
    assert out[: len(INPUT_NAMES)] == list(INPUT_NAMES)
    assert len(out) == len(INPUT_NAMES) + PHRASING_COLUMNS and out[-1].startswith("phrasing_")
    assert INPUT_NAMES[: len(FEATURE_NAMES)] == FEATURE_NAMES
    assert all(n.startswith(("fw_", "punct_", "style_")) for n in INPUT_NAMES[len(FEATURE_NAMES) :])


def test_every_feature_is_defined_in_the_docs():
    docs = DOCS.read_text(encoding="utf-8")
    for feature in FEATURES:
        assert f"`{feature.name}`" in docs, f"{feature.name} is not defined in docs/features.md"


def test_transform_accepts_articles_dicts_and_strings():
    text = 'The mayor said that the bridge would open. "It is safe," she said.'
    rows = ArticleFeatures().fit_transform([Article(text=text), {"text": text}, text]).toarray()
    assert rows.shape == (3, len(INPUT_NAMES) + PHRASING_COLUMNS)
    assert np.allclose(rows[0], rows[1]) and np.allclose(rows[0], rows[2])
    assert rows[0, len(INPUT_NAMES) :].sum() > 0  # the phrasing profile is filled in


def test_a_bare_string_is_refused():
    with pytest.raises(TypeError, match="single string"):
        ArticleFeatures().fit_transform("The mayor said that the bridge would open.")


def test_parallel_equals_sequential(example_article):
    title, body = example_article
    items = [{"text": body, "title": title}] * 70
    parallel, sequential = ArticleFeatures(n_jobs=2).transform(items), ArticleFeatures().transform(items)
    assert (parallel != sequential).nnz == 0


def test_sklearn_conventions():
    est = ArticleFeatures(n_jobs=2)
    check_get_params_invariance("ArticleFeatures", est)
    check_set_params("ArticleFeatures", est)
    assert clone(est).get_params() == {"n_jobs": 2, "ratings": None}
    assert est.__sklearn_tags__().input_tags.string


def test_features_on_real_articles_are_finite(shared):
    from reliability import datasets

    records = datasets.load_recovery(shared / "data")[:40]
    X = ArticleFeatures().transform(records)
    assert np.isfinite(X.data).all()
    assert (X[:, FEATURE_NAMES.index("words_log")].toarray() > 0).all()


def test_phrasing_masks_content_words_and_keeps_structure():
    from reliability._segmentation import tokenize

    text = "The Governor of Nevada said on 12 May that the dam, which opened in 1936, would close."
    masked = shapes(tokenize(text))
    assert masked[:6] == ["the", "X", "of", "X", "said", "on"]  # verbs of saying are kept
    assert "0" in masked and "," in masked and "which" in masked
    assert "dam" not in masked and "nevada" not in masked  # the topic is gone
    counts = phrasing_counts(tokenize(text))
    n = len(masked)
    assert sum(counts.values()) == n + (n - 1) + (n - 2)  # every 1-, 2- and 3-token sequence
    assert all(0 <= column < PHRASING_COLUMNS for column in counts)
    # Same shape, other topic: the same profile.
    other = "The Mayor of Boston said on 3 May that the bridge, which opened in 1951, would close."
    assert phrasing_counts(tokenize(other)) == counts


def test_phrasing_columns_do_not_depend_on_the_process():
    import subprocess
    import sys

    code = ("from reliability._segmentation import tokenize; from reliability._style import phrasing_counts; "
            "print(sorted(phrasing_counts(tokenize('He said that it was so.')).items()))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            for _ in range(2)}
    assert len(runs) == 1  # crc32, not the per-process salted hash()


@pytest.mark.parametrize(("text", "expected"), [
    ("The council met on Tuesday and again last week.", ["Tuesday", "last week"]),
    ("It opened in March 2021; by May 5 it had closed.", ["March", "2021", "May"]),
    ("You may march to the square.", []),
    ("No dates here at all.", []),
])
def test_time_references(text, expected):
    from reliability._features import compute_features
    from reliability._pipeline import analyze

    values, evidence = compute_features(analyze(Article(text=text)))
    k = FEATURE_NAMES.index("time_references_per_100_words")
    assert [span.text for span in evidence[k]] == expected
    assert (values[k] > 0) == bool(expected)


@pytest.mark.parametrize(("title", "expected"), [
    ("Mayor Opens New Bridge Over the River", 1.0),  # Title Case ("the" is left out)
    ("Mayor opens new bridge over the river", 0.0),  # sentence case
    ("Council delays vote on Lisbon budget", 0.25),  # a name is capitalised in either style
    ("NASA AND FBI", 0.5),  # only words in capitals: nothing tells the styles apart
    ("", 0.5),
    (None, 0.5),
])
def test_title_case_share(title, expected):
    from reliability._features import compute_features
    from reliability._pipeline import analyze

    values, _ = compute_features(analyze(Article(text="The bridge opened on Monday.", title=title)))
    assert values[FEATURE_NAMES.index("title_case_share")] == pytest.approx(expected)


_WORDS_TEXT = st.lists(
    st.sampled_from([*"aAiIyYoOuU19 '’.-“”\"\n!?,", "you", "We", "OUR", "me", "NASA", "U.S.", "I", "_", "é", "\ufffd",
                     "İ", "²"]),
    max_size=40,
).map("".join)


@given(_WORDS_TEXT)
# Words run on through quote marks, periods and hyphens that the tokeniser splits off, and word
# characters that only one of the two counts (an underscore, a letter outside ASCII).
@example("x--you and 3''we, a.-NASA or 'you -- you.")
@example("NASA's FBI-CIA --OUR ''US me_too éyou You\ufffdre")
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_word_counts_from_the_tokens_equal_those_of_a_pass_over_every_word(text):
    """``_words`` reads pronouns and capitals from the segmentation's tokens where the tokeniser
    and ``_WORD`` agree on word characters; it must find what a pass over every ``_WORD`` match finds."""
    from reliability._features import _placed_words, _words
    from reliability._segmentation import segment

    assert _words(text, segment(text)) == _placed_words(text)


def test_the_tokenisers_word_characters_are_the_alphanumeric_ones_and_the_underscore():
    """``_features._tokens_agree`` tests ``str.isalnum`` for ``\\w`` (what Python's ``re`` documents)."""
    import sys

    word = re.compile(r"\w")
    differ = [hex(p) for p in range(sys.maxunicode + 1)
              if bool(word.match(c := chr(p))) != (c.isalnum() or c == "_")]
    assert differ == []


def test_word_features_on_real_articles_equal_a_pass_over_every_word(shared):
    from reliability._features import _placed_words, _words
    from reliability._segmentation import segment

    paths = sorted((shared / "data" / "polnear").glob("*/text/*.txt"))[:150]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert _words(text, segment(text)) == _placed_words(text), path.name


def test_lower_casing_keeps_the_first_characters_kind_and_the_length_but_for_one_character():
    """``_style._counted`` reads word counts from the index of lower-cased tokens: a token starts
    with a letter or digit exactly when its lower-cased form does, and only U+0130 lower-cases to
    more than one character (the profile is then counted from the tokens)."""
    import sys

    kind = [hex(p) for p in range(sys.maxunicode + 1) if (c := chr(p)).isalnum() != c.lower()[0].isalnum()]
    longer = [hex(p) for p in range(sys.maxunicode + 1) if len(chr(p).lower()) != 1]
    assert kind == [] and longer == ["0x130"]


@given(_WORDS_TEXT)
@example("İstanbul İ and NASA's 'you' _x ²")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_style_profile_from_the_word_index_equals_the_one_from_the_tokens(text):
    from reliability._segmentation import segment
    from reliability._style import style_vector

    seg = segment(text)
    assert style_vector(text, seg.tokens, segmentation=seg).tolist() == style_vector(text, seg.tokens).tolist()


def test_the_style_profile_of_real_articles_from_the_word_index_equals_the_one_from_the_tokens(shared):
    from reliability._segmentation import segment
    from reliability._style import _counted, _counted_tokens

    for path in sorted((shared / "data" / "polnear").glob("*/text/*.txt"))[:150]:
        seg = segment(path.read_text(encoding="utf-8"))
        assert _counted(seg.word_positions()) == _counted_tokens(seg.tokens), path.name
