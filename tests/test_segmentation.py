from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability._segmentation import segment, tokenize


def _sentences(text: str) -> list[str]:
    seg = segment(text)
    return [text[s.start : s.end] for s in seg.sentences]


def test_sentences_keep_abbreviations_and_offsets():
    text = "Sen. Ana Ruiz arrived in the U.S. on Monday. She spoke to Dr. Lee. Then she left!"
    assert _sentences(text) == [
        "Sen. Ana Ruiz arrived in the U.S. on Monday.",
        "She spoke to Dr. Lee.",
        "Then she left!",
    ]


def test_a_quotation_is_not_split_into_sentences():
    text = '"We are ready. We will go," he said. Then he left.'
    assert _sentences(text) == ['"We are ready. We will go," he said.', "Then he left."]


@pytest.mark.parametrize(
    ("text", "inner", "closed"),
    [
        ("He said “yes, we will” today.", ["yes, we will"], [True]),
        ('He said "yes" and "no".', ["yes", "no"], [True, True]),
        ('He said "unbalanced to the end', ["unbalanced to the end"], [False]),
        ('It is 5" long and "quoted".', ["quoted"], [True]),
        ("''Doubled apostrophes,'' she said, ``and backticks.''", ["Doubled apostrophes,", "and backticks."],
         [True, True]),
        ("It's Ms. O'Hara's 5' ladder.", [], []),
        # a closing mark typed for the opening one, at a paragraph's start or after a space
        ("”Fear. I am afraid,” she said.", ["Fear. I am afraid,"], [True]),
        ("She said ”no way” twice.", ["no way"], [True]),
        ("The word ends here.” Then it goes on.", [], []),
    ],
)
def test_quotes(text, inner, closed):
    seg = segment(text)
    assert [text[q.inner_start : q.inner_end] for q in seg.quotes] == inner
    assert [q.closed for q in seg.quotes] == closed


def test_quote_continues_over_paragraphs():
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.\n\nAfter.'
    seg = segment(text)
    assert len(seg.quotes) == 1
    assert text[seg.quotes[0].start : seg.quotes[0].end].endswith('paragraph,"')


def test_real_polnear_text_segments_with_exact_offsets(polnear_dev):
    for path in sorted((polnear_dev / "text").glob("*.txt"))[:30]:
        text = path.read_text(encoding="utf-8")
        seg = segment(text)
        assert seg.sentences
        previous_end = 0
        for s in seg.sentences:
            assert previous_end <= s.start < s.end <= len(text)
            assert text[s.start : s.end].strip() == text[s.start : s.end]
            previous_end = s.end
        for t in seg.tokens[:200]:
            assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Sen. Ana said yes. Mr. Z. Lee left.", ["Sen.", "Ana", "said", "yes", ".", "Mr.", "Z.", "Lee", "left", "."]),
        ("The U.S. won 3.5 points in state-run polls...", ["The", "U.S.", "won", "3.5", "points", "in", "state-run",
                                                         "polls", ".", ".", "."]),
        ("''Yes,'' he said — O’Hara’s reply.", ["''", "Yes", ",", "''", "he", "said", "—", "O’Hara’s", "reply", "."]),
        ("", []),
    ],
)
def test_tokens_split_a_trailing_period_from_all_but_abbreviations_and_initials(text, tokens):
    result = tokenize(text)
    assert [t.text for t in result] == tokens
    assert all(text[t.start : t.end] == t.text and t.lower == t.text.lower() for t in result)
    assert segment(text).token_starts == [t.start for t in result]


_WORDY = st.lists(st.sampled_from([*"aAbZ19. '’-“”\"\n!?_é", "Mr.", "U.S.", "May", "2020", "the"]),
                  max_size=40).map("".join)


@given(_WORDY)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_tokens_tile_the_text_and_positions_find_every_word(text):
    seg = segment(text)
    tokens = seg.tokens
    # Tokens cover every non-space character, in order, without overlapping.
    assert "".join(t.text for t in tokens) == "".join(text.split())
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
    assert seg.token_starts == [t.start for t in tokens]
    words = sorted({t.lower for t in tokens})
    for chosen in (words[::2], words[1::3], ["may", "2020", "absent"]):
        assert seg.positions(chosen) == [i for i, t in enumerate(tokens) if t.lower in chosen]
    assert set(seg.words) == set(words)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # A missing space after a full stop still ends the sentence.
        ("Tina Marsh said.The senator left early.", ["Tina Marsh said.", "The senator left early."]),
        ("The plan failed, she said in response.“Look, it is over,” said Dana Cole.",
         ["The plan failed, she said in response.", "“Look, it is over,” said Dana Cole."]),
        # ... but not inside abbreviations, domains, links or after a title.
        ("Mr.Smith works at Trucks.com and Amazon.com with a Ph.D. from the U.S. Navy.",
         ["Mr.Smith works at Trucks.com and Amazon.com with a Ph.D. from the U.S. Navy."]),
        ("Read it at www.NYTimes.com today.", ["Read it at www.NYTimes.com today."]),
        ("See https://example.com/News.Today/x for more.", ["See https://example.com/News.Today/x for more."]),
        # Initials before a surname are no sentence end; place initials may be one.
        ("Rep. G.K. Butterfield voted against it. George H.W. Bush did not.",
         ["Rep. G.K. Butterfield voted against it.", "George H.W. Bush did not."]),
        ("She moved to Washington, D.C. The city was hot.", ["She moved to Washington, D.C.", "The city was hot."]),
        ("He lives in Washington D.C. The rent is high.", ["He lives in Washington D.C.", "The rent is high."]),
    ],
)
def test_sentence_ends_without_a_space_and_initials_in_names(text, sentences):
    assert _sentences(text) == sentences


def test_a_glued_full_stop_splits_the_words_but_not_domains():
    words = [t.text for t in tokenize("Lee said.The firm, Trucks.com, hired Mr.Smith.")]
    assert words == ["Lee", "said", ".", "The", "firm", ",", "Trucks.com", ",", "hired", "Mr.", "Smith", "."]
