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
