"""Acceptance: the defining example, and the team's bundled example of the same shape."""

from __future__ import annotations

import math

import pytest

from reliability import ReliabilityReport, score_article


def _spans(report: ReliabilityReport):
    for claim in report.claims:
        yield claim.text
        yield from claim.hedges
        if claim.attribution is not None:
            yield from (s for s in (claim.attribution.source, claim.attribution.cue, claim.attribution.content) if s)
    for source in report.sources:
        yield from source.mentions
    for explanation in report.explanations:
        yield from explanation.evidence


def _source(report: ReliabilityReport, name_part: str):
    matches = [s for s in report.sources if name_part.lower() in s.name.lower()]
    assert matches, f"no source named like {name_part!r} in {[s.name for s in report.sources]}"
    return matches[0]


@pytest.fixture(scope="module", params=["seed", "example"])
def case(request, seed_article, example_article):
    if request.param == "seed":
        title, body = seed_article
        names = {
            "pundit": "Korotchenko", "outlet": "Defense Security Asia", "officials": ["Sin Hong Chol", "Matsegora"],
            "figure": "100,000", "also_said": "If North Korea expresses",
        }
    else:
        title, body = example_article
        names = {
            "pundit": "Wang", "outlet": "Eurasian Times", "officials": ["Morgulov", "Zhang Hanhui"],
            "figure": "40 nuclear", "also_said": "If Russia asks for help",
        }
    return body, score_article(body, title=title), names


def test_scores_low(case):
    _, report, _ = case
    assert report.score < 0.5
    assert report.label in ("low", "mixed")


def test_resolves_the_sources(case):
    _, report, names = case
    assert _source(report, names["pundit"]).kind in ("person", "expert")
    assert _source(report, names["outlet"]).kind == "news_outlet"
    for official in names["officials"]:
        assert _source(report, official).kind == "official"
    state = [s for s in report.sources if s.kind == "state_media"]
    assert state, "the state TV relay was not resolved"
    assert any(m.text == "state TV" for s in state for m in s.mentions)


def test_figure_traces_to_an_unnamed_origin(case):
    _, report, names = case
    kinds = {s.id: s.kind for s in report.sources}
    chains = {c.id: c for c in report.chains}
    with_figure = [c for c in report.claims if names["figure"] in c.text.text]
    assert with_figure
    for claim in with_figure:
        vague = claim.attribution is not None and claim.attribution.directness == "vague"
        anonymous_origin = claim.chain_id in chains and kinds[chains[claim.chain_id].hops[0]] == "anonymous"
        assert vague or anonymous_origin, claim


def test_relay_chain_through_state_tv_and_the_outlet(case):
    _, report, names = case
    pundit = _source(report, names["pundit"]).id
    outlet = _source(report, names["outlet"]).id
    state = {s.id for s in report.sources if s.kind == "state_media"}
    assert any(
        len(c.hops) > 2 and c.hops[-2:] == [outlet, "article"] and pundit in c.hops and state & set(c.hops)
        for c in report.chains
    ), [c.hops for c in report.chains]
    # The unnamed reports come before the pundit in the longest chain.
    kinds = {s.id: s.kind for s in report.sources}
    deepest = max(report.chains, key=lambda c: c.depth)
    assert kinds[deepest.hops[0]] == "anonymous" and pundit in deepest.hops


def test_he_also_said_goes_to_the_last_named_speaker(case):
    _, report, names = case
    pundit = _source(report, names["pundit"]).id
    claim = next(c for c in report.claims if c.text.text.startswith(names["also_said"]))
    assert claim.attribution is not None and claim.attribution.source_id == pundit
    assert claim.attribution.directness == "direct_quote"


def test_top_explanations_name_the_unnamed_origin_and_the_relay_chain(case):
    _, report, _ = case
    # The six strongest reasons against: with a question headline in Title Case and site furniture
    # in the body, those and the phrasing profile rank beside the sourcing reasons.
    against = [e for e in report.explanations if e.contribution < 0]
    lowering = against[:6]
    features = {e.feature for e in lowering}
    assert "share_state_media_relay" in features, features
    # Of the reasons read from the body (not the headline, style or phrasing), the unnamed origin
    # or the length of the chain is among the four strongest.
    body = [e.feature for e in against
            if not e.feature.startswith("title_") and e.feature not in ("style_score", "phrasing_score")]
    assert {"max_chain_depth", "share_anonymous_origin", "share_vague"} & set(body[:4]), body
    assert any("unnamed" in e.message and "→" in e.message for e in lowering), [e.message for e in lowering]
    for e in lowering:
        # Headline features and the style and phrasing scores have no place in the body text.
        # So has the absence of something (no dates at all): there is nothing to point at.
        spanless = e.feature.startswith("title_") or e.feature in ("style_score", "phrasing_score") or e.value == 0
        assert e.evidence or spanless, f"{e.feature} has no evidence"


def test_every_span_is_exact(case):
    body, report, _ = case
    spans = list(_spans(report))
    assert spans
    for span in spans:
        assert body[span.start : span.end] == span.text


def test_contributions_add_up_to_the_logit(case):
    _, report, _ = case
    total = report.base_value + sum(e.contribution for e in report.explanations)
    assert math.isclose(total, report.logit, rel_tol=1e-9, abs_tol=1e-9)


def test_report_round_trips_through_json(case):
    _, report, _ = case
    assert ReliabilityReport.model_validate_json(report.model_dump_json()) == report
