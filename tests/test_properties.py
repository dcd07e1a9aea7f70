"""Properties over generated text, titles and URLs (Hypothesis): never an undocumented exception,
every span exact, the same input gives the same report, and a report survives a JSON round trip."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_robustness import assert_valid

from reliability import InputError, ReliabilityReport, Scorer, extract_attributions

# Pieces of news prose and of the things that break parsers, so generated text exercises the
# rules (cues, quotes, names, outlets, hedges) rather than only random characters.
FRAGMENTS = [
    "said", "told", "according to", "reportedly", "there are reports that", "sources say",
    "Reuters", "the BBC", "state TV", "Russian Channel", "Quoted from", "He", "she", "they",
    "Mr.", "Dr.", "U.S.", "Minister Ana Vidal", "Igor Korotchenko", "John Smith", "the ministry",
    "that", "may", "allegedly", "confirmed", "100,000", "is it true that", "?", "!", ".", ",",
    ":", ";", '"', "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "—", "…", "\n", "\n\n",
    " ", "  ", "\t", "\r\n", "\x00", "\x1b", "\u200b", "\u202e", "😀", "Ж", "税", "é", "İ", "ß",
    "<b>", "</p>", "&amp;", "http://x.co/a", "#tag", "@user", "SHOCKING", "BREAKING",
]

prose = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(" ".join)
any_text = st.text(max_size=300)  # every Unicode character except surrogates
with_surrogates = st.text(st.characters(codec=None, categories=None), max_size=60)
texts = st.one_of(prose, any_text, with_surrogates, st.tuples(prose, any_text).map("".join))
titles = st.one_of(st.none(), st.text(max_size=80), prose.map(lambda t: t[:120]))
urls = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.sampled_from(["https://", "http://", "ftp://", "//", ""]).flatmap(
        lambda scheme: st.from_regex(r"[a-zA-Z0-9.\-]{0,30}(\.[a-z]{2,6})?(/[\w%.~\-]{0,20}){0,3}", fullmatch=True).map(
            lambda rest: scheme + rest
        )
    ),
    st.sampled_from(["https://someone.blogspot.com/p", "https://www.bbc.co.uk/news/1", "https://rt.com/x",
                     "http://[::1]/", "https://xn--80ak6aa92e.com/", "https://例子.测试/", "mailto:a@b.c"]),
)

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=True)


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer()


def _score(scorer: Scorer, text: str, title: str | None, url: str | None) -> ReliabilityReport | None:
    """The report, or None for a documented input error."""
    try:
        return scorer.score(text, title=title, url=url)
    except InputError as exc:  # EmptyTextError, InvalidCharacterError, HtmlInputError, ...
        assert str(exc)
        return None


@SETTINGS
@given(text=texts, title=titles, url=urls)
def test_any_input_gives_an_exact_deterministic_serialisable_report(scorer, text, title, url):
    report = _score(scorer, text, title, url)
    if report is None:
        return
    assert_valid(report, text)  # spans exact, score in range, JSON round trip equal
    assert _score(scorer, text, title, url) == report
    assert abs(report.base_value + sum(e.contribution for e in report.explanations) - report.logit) < 1e-6


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text=texts)
def test_extracted_attributions_have_exact_spans(text):
    try:
        attributions = extract_attributions(text)
    except InputError:
        return
    for attribution in attributions:
        for span in (attribution.source, attribution.cue, attribution.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
