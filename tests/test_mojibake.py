"""Double-encoded punctuation read back at the input (:mod:`reliability._mojibake`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliability._mojibake import repair_marks
from reliability._pipeline import analyze, extract_attributions
from reliability._records import Article


def _latin1(text: str) -> str:
    """``text``'s UTF-8 bytes read as Latin-1: the double encoding the ReCOVery texts show."""
    return text.encode("utf-8").decode("latin-1")


def _cp1252(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="ignore")


_CASES = [
    ("“We will rebuild the pier,” says Marta.", "  “We will rebuild the pier,”   says Marta."),
    ("The mayor’s office — closed on Sunday — said ‘no’.",
     "The mayor’s   office —   closed on Sunday —   said   ‘no’  ."),
    ("It isn’t over…", "It isn’t   over…  "),
]


@pytest.mark.parametrize(("clean", "repaired"), _CASES)
def test_marks_are_read_back_in_place(clean: str, repaired: str) -> None:
    # Every word keeps its offsets but for an apostrophe's tail, which joins the word before.
    assert repair_marks(_latin1(clean)) == repaired


@pytest.mark.parametrize(("clean", "repaired"), _CASES)
def test_windows_1252_forms_too(clean: str, repaired: str) -> None:
    # Windows-1252 has no character for 0x9D, so "”" loses its last byte: "â€" (two characters).
    broken = _cp1252(clean)
    assert len(repair_marks(broken)) == len(broken)
    assert repair_marks(broken).split() == repaired.split()
    assert repair_marks(clean.encode("utf-8").decode("cp1252", errors="replace")).split() == repaired.split()


def test_no_break_space_read_as_latin1() -> None:
    assert repair_marks("the\u00c2\u00a0University of Lethbridge") == "the  University of Lethbridge"


def test_clean_text_is_returned_as_is() -> None:
    text = "Le château, à côté: “Déjà vu,” dit-il. Ça coûte 5 €."
    assert repair_marks(text) is text


@given(st.text(alphabet=st.sampled_from(list("aZ ,.’“”—â\u0080\u0099\u009c\u009d€™œÂ\u00a0\ufffd")), max_size=200))
def test_repair_keeps_the_length(text: str) -> None:
    assert len(repair_marks(text)) == len(text)


def test_a_double_encoded_quotation_gets_its_speaker() -> None:
    # Before the repair, no statement at all: the tokeniser saw no quotation mark.
    text = _latin1("“We need more buses on the night routes,” says Olu Bakare. “The last one leaves at ten.”")
    analysis = analyze(Article(text=text))
    speakers = [s for s in analysis.sources if s.name == "Olu Bakare"]
    assert speakers and speakers[0].kind == "person"
    chains = {c.id: c.hops for c in analysis.chains}
    claims = [c for c in analysis.claims if "night routes" in c.text.text or "last one" in c.text.text]
    assert len(claims) == 2
    assert all(chains[c.chain_id][0] == speakers[0].id for c in claims)
    # Every span is cut from the text as given, double encoding and all.
    for claim in analysis.claims:
        assert claim.text.text == text[claim.text.start : claim.text.end]
    for source in analysis.sources:
        assert all(m.text == text[m.start : m.end] for m in source.mentions)


def test_extract_attributions_reads_the_repaired_copy_too() -> None:
    text = _cp1252("“The vote was fair,” said Ines Moreau, a spokeswoman for the council.")
    [attribution] = extract_attributions(text)
    assert attribution.source is not None and attribution.source.text.startswith("Ines Moreau")
    assert attribution.content.text == text[attribution.content.start : attribution.content.end]


# --- Review (session 8): every mapping, spans against the original, and what is not a mark ---

from hypothesis import HealthCheck, settings  # noqa: E402

from reliability import score_article  # noqa: E402
from reliability._mojibake import _MARKS, repair  # noqa: E402


@pytest.mark.parametrize("sequence", sorted(_MARKS))
@pytest.mark.parametrize("around", ["{}", "a{}", "{}a", "a{}b", " {} ", "{}{}", "Oâ€™{}x", "“ {} ”", "\r\n{}\r\n"])
def test_every_mapping_keeps_the_length_and_reads_its_mark(sequence: str, around: str) -> None:
    text = around.format(sequence, sequence)
    fixed = repair(text)
    assert len(fixed.text) == len(text)
    assert _MARKS[sequence].strip() in fixed.text or _MARKS[sequence] == " "
    assert sequence not in fixed.text
    # The pieces are in order, inside the text, and outside them the copy is the text.
    outside = 0
    for start, end in fixed.pieces:
        assert outside <= start < end <= len(text)
        assert fixed.text[outside:start] == text[outside:start]
        outside = end
    assert fixed.text[outside:] == text[outside:]


# Every other punctuation character whose UTF-8 starts E2 80 (bullet, dagger, prime, per mille,
# zero-width space ...): its double-encoded form is not a closing quotation mark.
_OTHER_PUNCTUATION = [chr(c) for c in range(0x2000, 0x2040) if chr(c) not in "“”‘’—–…"]


@pytest.mark.parametrize("char", _OTHER_PUNCTUATION, ids=lambda c: f"U+{ord(c):04X}")
def test_other_punctuation_is_not_read_as_a_closing_mark(char: str) -> None:
    forms = [_latin1(f"a {char} b")]
    # A last byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90), dropped, leaves "â€" as
    # a "”" that lost its 0x9D does: the two cannot be told apart, and "”" is far the commoner.
    if char.encode("utf-8")[-1] not in (0x81, 0x8D, 0x8F, 0x90):
        forms.append(_cp1252(f"a {char} b"))
    for broken in forms:
        assert "”" not in repair_marks(broken), repr(broken)


def test_a_bullet_and_a_prime_stay_as_they_are() -> None:
    text = _cp1252("• The minister′s aide said ‘no’.")
    repaired = repair_marks(text)
    assert repaired.startswith(text[: text.index("aide")])  # bullet and prime untouched
    assert "‘no’" in repaired


_WORDS = ["the minister", "said", "told reporters", "according to", "Sean O’Brien", "Trump’s aide", "don’t",
          "McDonald’s", "“We will win,”", "‘no’", "—", "–", "…", "Ortiz", "said on Monday that", ".", ",",
          "税金", "北京", "😀", "👨‍👩‍👧", "mi\u0301nister", "\r\n", "\n\n", "  ", "\u00a0", "“", "”", "\"", "'",
          "(", ")", "officials", "Reuters reported", "•", "′", "”s", "â", "Â", "€", "\ufffd"]


def _mangled(pieces: list[str], forms: list[int]) -> str:
    """The pieces joined, each double-encoded as Latin-1, as Windows-1252, or left as written."""
    out = []
    for piece, form in zip(pieces, forms, strict=True):
        out.append(_latin1(piece) if form == 1 else _cp1252(piece) if form == 2 else piece)
    return " ".join(out)


def _edges_outside_pieces(text: str, spans) -> None:
    fixed = repair(text)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
        for lo, hi in fixed.pieces:
            assert not lo < span.start < hi, (span, text[lo:hi])
            assert not lo < span.end < hi, (span, text[lo:hi])


_MIXED = st.lists(st.tuples(st.sampled_from(_WORDS), st.integers(0, 2)), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MIXED)
def test_attribution_spans_index_the_original(parts: list[tuple[str, int]]) -> None:
    text = _mangled([p for p, _ in parts], [f for _, f in parts])
    if not text.strip():
        return
    for attribution in extract_attributions(text):
        _edges_outside_pieces(text, [s for s in (attribution.source, attribution.cue, attribution.content,
                                                 attribution.continuation) if s is not None])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MIXED)
def test_report_spans_and_evidence_index_the_original(parts: list[tuple[str, int]]) -> None:
    text = _mangled([p for p, _ in parts], [f for _, f in parts])
    if not text.strip():
        return
    report = score_article(text)
    spans = []
    for claim in report.claims:
        spans += [claim.text, *claim.hedges]
        if claim.attribution is not None:
            a = claim.attribution
            spans += [s for s in (a.source, a.cue, a.content, a.continuation) if s is not None]
    for source in report.sources:
        spans += source.mentions
    for explanation in report.explanations:
        spans += explanation.evidence
    _edges_outside_pieces(text, spans)


@pytest.mark.parametrize("mangle", [_latin1, _cp1252])
def test_a_name_with_an_apostrophe_is_cut_whole(mangle) -> None:
    # "O’Brien" is two characters shorter in the repaired copy than "Oâ€™Brien" in the text: the
    # source span must still end where the name does.
    text = mangle("“We will win,” said Sean O’Brien. Officials at McDonald’s said it was closed.")
    sources = [a.source.text for a in extract_attributions(text) if a.source is not None]
    assert mangle("Sean O’Brien") in sources
    assert mangle("officials at McDonald’s").lower() in [s.lower() for s in sources]


@pytest.mark.parametrize("mangle", [_latin1, _cp1252])
def test_a_source_is_named_whole_from_the_repaired_words(mangle) -> None:
    # The name is cut from the words the rules read (the repaired copy's), the mention from the
    # text as given: neither stops short of the name's end ("Sean Oâ€™Bri" was the name).
    report = score_article(mangle("“We will win,” said Sean O’Brien."))
    source = next(s for s in report.sources if s.mentions)
    assert source.name == "Sean O’Brien"
    assert [m.text for m in source.mentions] == [mangle("Sean O’Brien")]


@pytest.mark.parametrize("mangle", [_latin1, _cp1252])
@pytest.mark.parametrize(("clean", "name"), [
    # An unnamed source's label is cut from the repaired copy too, its padding folded: it was the
    # text as given ("Trumpâ\x80\x99s aide", whose C1 controls a reader sees as "Trumpâs aide").
    ("Trump’s aide said on Monday that the plan was dead.", "Trump’s aide"),
    ("A spokesman for O’Brien Foods said the plan was dead.", "A spokesman for O’Brien Foods"),
    # A name of several words with an apostrophe in the first: no padding inside it.
    ("The O’Brien Foundation said on Monday that the plan was dead.", "O’Brien Foundation"),
])
def test_a_source_label_reads_the_repaired_marks(mangle, clean, name) -> None:
    text = mangle(clean)
    sources = [s for s in score_article(text).sources if s.mentions]
    assert [s.name for s in sources] == [name]
    assert text[sources[0].mentions[0].start : sources[0].mentions[0].end] == sources[0].mentions[0].text


def test_a_word_with_two_apostrophes_stays_one_word() -> None:
    # "O’Neill’s" is one word, as in clean text; its tail moves once, four spaces after it.
    assert repair_marks(_cp1252("O’Neill’s aide")) == "O’Neill’s     aide"
    assert repair_marks(_latin1("rock’n’roll.")) == "rock’n’roll    ."
