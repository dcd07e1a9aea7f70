"""Stage 8: explanations, each feature's exact share of the logit, in words, with evidence.

The contributions come from :meth:`ReliabilityModel.decompose` and sum with the base value to
the logit exactly. The messages say what was found and why it matters; the evidence spans are
the words in the article that show it.
"""

from __future__ import annotations

import numpy as np

from ._features import FEATURES, Evidence
from ._pipeline import Analysis
from ._records import ARTICLE_SOURCE_ID, Explanation

__all__ = ["explain"]

_DESCRIPTION = {f.name: f.description for f in FEATURES}
_DESCRIPTION["style_score"] = "Log-odds of the writing-style model over function-word rates."


def _quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return f"“{text[: limit - 1]}…”" if len(text) > limit else f"“{text}”"


def _effect(contribution: float) -> str:
    if abs(contribution) < 0.05:
        return "barely moves the score"
    return "raises the score" if contribution > 0 else "lowers the score"


def _chain_words(analysis: Analysis, chain_id: str | None) -> str | None:
    chain = next((c for c in analysis.chains if c.id == chain_id), None)
    if chain is None:
        return None
    names = {s.id: s for s in analysis.sources}

    def name(hop: str) -> str:
        if hop == ARTICLE_SOURCE_ID:
            return "this article"
        source = names[hop]
        if source.kind == "anonymous":
            return f"unnamed {source.name}" if source.name != "unnamed source" else "an unnamed source"
        if source.state_affiliated:
            return f"{source.name} (state media)"
        return source.name

    return " → ".join(name(h) for h in chain.hops)


def _message(name: str, value: float, contribution: float, analysis: Analysis) -> str:
    effect = _effect(contribution)
    claims = analysis.claims
    attributed = [c for c in claims if c.attribution is not None]
    if name == "share_anonymous_origin" and value > 0:
        anon = [c for c in attributed if _origin_kind(analysis, c.chain_id) == "anonymous"]
        example = max(anon, key=lambda c: _depth(analysis, c.chain_id))
        return (
            f"{len(anon)} of {len(attributed)} attributed claims trace back to an unnamed origin; for example "
            f"{_quote(example.text.text)} comes from {_chain_words(analysis, example.chain_id)}. "
            f"A claim nobody can be asked about cannot be checked, so this {effect}."
        )
    if name == "mean_chain_depth" and value > 0:
        return (
            f"Attributed claims pass through {value:.1f} relays on average before reaching the article; "
            f"this {effect}."
        )
    if name == "max_chain_depth" and value > 0:
        deepest = max(attributed, key=lambda c: _depth(analysis, c.chain_id))
        return (
            f"Claims reach the article through up to {round(_depth(analysis, deepest.chain_id))} relays: "
            f"{_quote(deepest.text.text, 50)} travelled {_chain_words(analysis, deepest.chain_id)}. "
            f"Each relay is a chance to distort the claim; this {effect}."
        )
    if name == "share_state_media_relay" and value > 0:
        return (
            f"{value:.0%} of attributed claims pass through state-affiliated media, which answer to a "
            f"government; this {effect}."
        )
    if name == "share_vague" and value > 0:
        return (
            f"{value:.0%} of reported statements are attributed vaguely (\"reportedly\", \"there are reports\", "
            f"\"is known to\"), naming no one who could be held to them; this {effect}."
        )
    if name == "has_primary_source":
        if value:
            return (
                "The article names a primary source (an official, expert or organisation) for some claims; "
                f"this {effect}."
            )
        return f"No claim originates with a named official, expert or organisation; this {effect}."
    if name == "style_score":
        resembles = "reliable" if value > 0 else "unreliable"
        return (
            f"The writing style (how often common function words such as “the”, “which”, “you” occur) resembles "
            f"that of {resembles} outlets in the training data (style log-odds {value:+.2f}); this {effect}."
        )
    if name == "title_is_question" and value:
        return f"The headline is a question, a way to suggest a claim without asserting it; this {effect}."
    if name == "has_boilerplate" and value:
        return (
            "The text carries blog or site furniture (\"Post a Comment\"), typical of self-published pages; "
            f"this {effect}."
        )
    if name == "share_unattributed_claims":
        return f"{value:.0%} of claims are asserted without any source; this {effect}."
    if name == "share_direct_quote":
        return f"{value:.0%} of reported statements are direct quotes from named sources; this {effect}."
    description = _DESCRIPTION[name].rstrip(".")
    return f"{description}: {value:.3g}; this {effect}."


def _origin_kind(analysis: Analysis, chain_id: str | None) -> str | None:
    chain = next((c for c in analysis.chains if c.id == chain_id), None)
    if chain is None:
        return None
    return next((s.kind for s in analysis.sources if s.id == chain.hops[0]), None)


def _depth(analysis: Analysis, chain_id: str | None) -> float:
    return float(next((c.depth for c in analysis.chains if c.id == chain_id), 0))


def explain(
    analysis: Analysis,
    names: list[str],
    values: np.ndarray,
    contributions: np.ndarray,
    evidence: list[Evidence],
) -> list[Explanation]:
    """One explanation per feature, largest contribution (in magnitude) first."""
    explanations = [
        Explanation(
            feature=name,
            value=float(values[k]),
            contribution=float(contributions[k]),
            message=_message(name, float(values[k]), float(contributions[k]), analysis),
            evidence=evidence[k],
        )
        for k, name in enumerate(names)
    ]
    explanations.sort(key=lambda e: -abs(e.contribution))
    return explanations
