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
