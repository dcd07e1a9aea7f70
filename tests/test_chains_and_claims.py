from __future__ import annotations

import pytest

from reliability._pipeline import analyze
from reliability._records import Article


def _analysis(text: str):
    return analyze(Article(text=text))


def test_nested_report_inherits_the_speakers_chain():
    a = _analysis('Quoted from The Daily Planet, analyst Ivo Banic said "There are reports that the dam is cracked."')
    names = {s.id: s for s in a.sources}
    deepest = max(a.chains, key=lambda c: c.depth)
    assert names[deepest.hops[0]].kind == "anonymous"
    assert deepest.hops[-1] == "article"
    assert any(names[h].name == "Ivo Banic" for h in deepest.hops[1:-1])


def test_declared_relay_covers_statements_without_their_own():
    text = (
        "Quoted from Defense Security Asia, Admiral Rui Costa confirmed that the fleet would sail.\n\n"
        "Minister Ana Vidal said that the budget was approved."
    )
    a = _analysis(text)
    names = {s.id: s.name for s in a.sources}
    for chain in a.chains:
        if chain.hops != ["article"]:
            assert names.get(chain.hops[-2]) == "Defense Security Asia", chain


def test_wire_relay_in_told():
    a = _analysis("Minister Ana Vidal told Reuters that the budget was approved.")
    hops = [c.hops for c in a.chains]
    assert ["ana_vidal", "reuters", "article"] in hops, hops


def test_unattributed_claims_questions_and_boilerplate():
    text = (
        "The river flooded three villages on Sunday night.\n\nWhy did nobody warn them?\n\n"
        "Post a Comment\n\nThe governor said that help was on the way."
    )
    claims = _analysis(text).claims
    texts = [c.text.text for c in claims]
    assert "The river flooded three villages on Sunday night." in texts
    assert not any("Why did" in t or "Post a Comment" in t for t in texts)
    unattributed = [c for c in claims if c.attribution is None]
    assert len(unattributed) == 1 and unattributed[0].chain_id is not None


def test_a_quotation_resumed_after_the_cue_is_the_speakers_claim_not_the_articles():
    text = '"The bridge will reopen in May," Mayor Lena Ortiz said. "The repairs are ahead of schedule."'
    claims = _analysis(text).claims
    resumed = [c for c in claims if "ahead of schedule" in c.text.text]
    assert len(resumed) == 1
    assert resumed[0].attribution is not None and resumed[0].attribution.source is not None
    assert resumed[0].attribution.source.text == "Mayor Lena Ortiz"
    assert all(c.attribution is not None for c in claims)


def test_hedges_are_found_inside_claims():
    claims = _analysis("The new drug may reportedly cut deaths by half, the minister said.").claims
    assert {h.text for c in claims for h in c.hedges} >= {"may", "reportedly"}


def test_real_polnear_articles_give_exact_spans_and_wire_sources(polnear_dev):
    """On real dev articles: every span exact, every chain ends at the article, and articles
    that credit a wire agency resolve it as a wire_agency source."""
    wire_found = 0
    for path in sorted((polnear_dev / "text").glob("*.txt"))[:40]:
        text = path.read_text(encoding="utf-8")
        a = _analysis(text)
        for source in a.sources:
            for m in source.mentions:
                assert text[m.start : m.end] == m.text
        for claim in a.claims:
            assert text[claim.text.start : claim.text.end] == claim.text.text
            for h in claim.hedges:
                assert text[h.start : h.end] == h.text
        assert all(c.hops[-1] == "article" and c.depth == max(0, len(c.hops) - 2) for c in a.chains)
        wire_found += any(s.kind == "wire_agency" for s in a.sources)
    assert wire_found >= 1


def test_the_month_may_is_not_a_hedge():
    claims = _analysis("The council voted on May 5 to close the bridge. The bridge may reopen in May 2027.").claims
    hedges = [h.text for c in claims for h in c.hedges]
    assert hedges == ["may"]


def _hops(text: str) -> list[list[str]]:
    a = _analysis(text)
    names = {s.id: s.name for s in a.sources}
    return [[h if h == "article" else names[h] for h in c.hops] for c in a.chains]


def test_a_wire_dateline_relays_every_statement():
    text = ("MOSCOW (Sputnik) - The harvest will be late, Agriculture Minister Ivan Petrov said on Monday.\n\n"
            "Farmers said that the rain had ruined the wheat.")
    for hops in _hops(text):
        if hops != ["article"]:
            assert hops[-2:] == ["Sputnik", "article"], hops


def test_citing_puts_the_cited_source_first():
    hops = _hops("The Global Times reported, citing a source in the PLA, that the troops had withdrawn.")
    assert ["a source in the PLA", "Global Times", "article"] in hops, hops
    hops = _hops("According to Reuters, citing two officials, the deal is done.")
    assert ["two officials", "Reuters", "article"] in hops, hops


def test_citing_inside_the_source_or_before_the_cue():
    # Issue 4: "citing" inside the source words ("a report citing ...") or between the speaker and
    # the cue names the origin too.
    hops = _hops("The port will close, according to a Reuters report citing two harbour officials.")
    assert ["two harbour officials", "Reuters", "article"] in hops, hops
    hops = _hops("The Daily Planet, citing internal documents, reported that the port will close.")
    assert ["internal documents", "Daily Planet", "article"] in hops, hops


@pytest.mark.parametrize(
    "text",
    [
        '"We are out of time," said Ana Vidal, citing another reason the vote was delayed.',
        "Ana Vidal said the vote was delayed, citing concerns about the count.",
    ],
)
def test_citing_a_reason_is_no_origin(text):
    # "citing" a reason or a concern names no source: the chain is the speaker's alone.
    hops = _hops(text)
    assert ["Ana Vidal", "article"] in hops, hops
    assert all(len(h) <= 2 for h in hops), hops


def test_no_dateline_without_parentheses():
    # An outlet named at the start is not a dateline unless it is credited in parentheses.
    assert all("Sputnik" not in h for h in _hops("Sputnik is a Russian outlet. The minister said that it rained."))


def test_an_outlet_inside_according_to_relays_its_origin():
    a = _analysis("Bloomberg reports that rents rose by a third, according to the Lakeside Housing Institute.")
    claim = next(c for c in a.claims if "rents rose" in c.text.text)
    chain = next(c for c in a.chains if c.id == claim.chain_id)
    names = {s.id: s.name for s in a.sources}
    assert [names.get(h, h) for h in chain.hops] == ["Lakeside Housing Institute", "Bloomberg News", "this article"]


def test_chains_stay_short_on_thousands_of_nested_reports():
    a = _analysis("Start. " + "the thing said x, " * 300)
    assert max(len(c.hops) for c in a.chains) <= 11


def test_analysing_an_article_leaves_no_cyclic_garbage():
    """Scoring pauses the cyclic garbage collector per article, so a stage that builds a
    reference cycle keeps each article's records alive until the next collection."""
    import gc

    from reliability import Article
    from reliability._pipeline import analyze

    article = Article(text='Sources told Reuters that the port had closed. "It is shut," the mayor said on '
                           'state television, citing a report by the harbour office. He said it would reopen.')
    analyze(article)
    enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        for _ in range(3):
            analyze(article)
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def _chain_names(text: str) -> list[list[str]]:
    a = _analysis(text)
    names = {s.id: s.name for s in a.sources}
    return [[names[h] for h in c.hops if h != "article"] for c in a.chains if c.hops != ["article"]]


@pytest.mark.parametrize(("text", "chain"), [
    ("A source close to the singer told OK! that the couple had split.", ["A source close to the singer", "OK!"]),
    ("The source, which spoke to OK!, claimed that the tour was off.", ["The source", "OK!"]),
    ("\u201cWe are not going to do this anymore,\u201d Mara Biel told E! News\u2019 Ann Rancic. "
     "\u201cIt is done.\u201d", ["Mara Biel", "E! News"]),
    ("The senator told Yahoo! News in a story that posted this week that the plan had failed.",
     ["The senator", "Yahoo News"]),
])
def test_outlets_spelt_with_an_exclamation_mark_relay(text, chain):
    assert chain in _chain_names(text)


@pytest.mark.parametrize(("text", "chain"), [
    ("Nela Voss added that Oren Pike told her the vault had been emptied.", ["Oren Pike", "Nela Voss"]),
    ("Nela Voss said that most public health experts claimed the plant was safe.",
     ["most public health experts", "Nela Voss"]),
])
def test_a_person_relays_a_named_or_unnamed_speaker_inside_their_words(text, chain):
    assert chain in _chain_names(text)


def _nested(outer_kind: str, outer_directness: str, inner_kind: str, inner_name: str) -> list[str]:
    """The chain of a statement nested in another's content, built from records directly."""
    from reliability._attributions import Found
    from reliability._chains import build_chains
    from reliability._records import Source
    from reliability._sources import Resolution

    outer = Found(source=(0, 5), cue=(6, 10), content=(11, 80), directness=outer_directness)  # type: ignore[arg-type]
    inner = Found(source=(11, 30), cue=(31, 35), content=(36, 79), directness="indirect")
    sources = [Source(id="outer", name="Nela Voss", kind=outer_kind),  # type: ignore[arg-type]
               Source(id="inner", name=inner_name, kind=inner_kind)]  # type: ignore[arg-type]
    resolution = Resolution(sources, ["outer", "inner"], [[], []], [])
    chains, chain_of = build_chains([outer, inner], resolution)
    return next(c.hops for c in chains if c.id == chain_of[1])


def test_nesting_relays_only_where_the_outer_speaker_really_carried_the_statement():
    # A misread or unresolved speaker is relayed by no person, and an unresolved one relays nothing.
    assert _nested("person", "indirect", "unknown", "the two lengthy investigative") == ["inner", "article"]
    assert _nested("unknown", "indirect", "person", "Oren Pike") == ["inner", "article"]
    # A pronoun or a long misread phrase inside a paraphrase is no relay; inside a quotation it is.
    assert _nested("person", "indirect", "person", "he (unnamed)") == ["inner", "article"]
    assert _nested("person", "indirect", "official", "interference in the election -- the congressman") == [
        "inner", "article"]
    assert _nested("person", "direct_quote", "person", "he (unnamed)") == ["inner", "outer", "article"]
    # An outlet relays what it reports, and a person an unnamed origin ("There are reports that").
    assert _nested("news_outlet", "indirect", "person", "he (unnamed)") == ["inner", "outer", "article"]
    assert _nested("person", "indirect", "anonymous", "reports") == ["inner", "outer", "article"]


@pytest.mark.parametrize(("text", "chain", "reversed_chain"), [
    ("Ana Dorsey said the charity will fund schools, Business Insider reported.",
     ["Ana Dorsey", "Business Insider"], ["Business Insider", "Ana Dorsey"]),
    ('"The plan failed," Ivo Schultz wrote, according to Mediate.', ["Ivo Schultz", "Mediate"],
     ["Mediate", "Ivo Schultz"]),
])
def test_two_statements_holding_each_other_the_last_attribution_is_the_relay(text, chain, reversed_chain):
    chains = _chain_names(text)
    assert chain in chains
    assert reversed_chain not in chains


@pytest.mark.parametrize(("text", "chain"), [
    ('"Good news," Mara Biel added on Instagram.', ["Mara Biel"]),
    ("Senator Ana Vidal wrote on Twitter that the plan had failed.", ["Ana Vidal"]),
    ("An anonymous user wrote on Facebook that the plant was closing.", ["An anonymous user", "Facebook"]),
    ("Ana Vidal said on Russian Channel that the plan had failed.", ["Ana Vidal", "Channel One Russia"]),
])
def test_a_named_speakers_own_account_is_no_relay(text, chain):
    assert chain in _chain_names(text)


@pytest.mark.parametrize("text", [
    "“The roof held,” Mara Quist told CNN on Sunday. “We were lucky this time.”",
    "“The roof held,” Mara Quist said on NPR’s “Weekend Edition.” “We were lucky this time.”",
])
def test_a_quotation_resumed_after_a_cue_told_to_an_outlet_keeps_the_relayed_chain(text):
    # Second-hand through the outlet, the resumed quotation is still the speaker's (session 6).
    a = _analysis(text)
    names = {s.id: s.name for s in a.sources}
    chains = {c.id: c.hops for c in a.chains}
    resumed = next(c for c in a.claims if "lucky" in c.text.text)
    assert [names[h] for h in chains[resumed.chain_id][:-1]] == \
        ["Mara Quist", "CNN" if "CNN" in text else "NPR"]


@pytest.mark.parametrize("text", [
    "The singer's representative has denied reports that she is pregnant.",
    "Trump and his family have denied recent reports that he sought clearances for his children.",
])
def test_denied_reports_are_an_unnamed_origin_and_the_denier_no_relay(text):
    # Session 6: what the reports say comes from them, not from whoever denies it.
    a = _analysis(text)
    names = {s.id: s for s in a.sources}
    claim = next(c for c in a.claims if c.text.text.startswith(("she is", "he sought")))
    hops = next(ch.hops for ch in a.chains if ch.id == claim.chain_id)
    assert len(hops) == 2 and names[hops[0]].kind == "anonymous"
    assert names[hops[0]].mentions[0].text == "reports"
