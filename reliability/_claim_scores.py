"""Per-claim scores: how well each statement is sourced, with its reasons.

The article's score says how far the whole article can be trusted; a reader also needs to see
*which* statements are weak. Each claim gets a small additive score from what the analysis
found about it alone:

- how directly it is attributed (the directness scale of ``docs/concepts.md``),
- what kind of source it originates with (an unnamed one, an official, a blog, ...),
- how many relays it passed through, and whether state-affiliated media relayed it,
- the hedging words inside it.

``logit = base + Σ reason.weight`` and ``score = sigmoid(logit)``; the weights are read from
``data/claim_weights.json`` so that a user can read and change them. This is a transparent rule,
not a trained model: ``benchmarks/claim_scores.py`` measures how well it agrees with article
labels on the public corpora.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ._exceptions import DataError
from ._records import ARTICLE_SOURCE_ID, CitationChain, Claim, ClaimReason, Source, Span

__all__ = ["ClaimWeights", "claim_weights", "score_claims"]

_KIND_WORDS = {
    "anonymous": "an unnamed source",
    "official": "a named official",
    "expert": "a named expert",
    "organization": "a named organisation",
    "wire_agency": "a wire agency",
    "news_outlet": "a news outlet",
    "state_media": "state-affiliated media",
    "blog": "a blog or self-published site",
    "social_media": "a social-media post",
}

_WHY_KIND = {
    "anonymous": "nobody can be asked about it, so it cannot be checked",
    "official": "someone accountable for it can be asked",
    "expert": "someone who can be asked stands behind it",
    "organization": "an organisation that can be asked stands behind it",
    "wire_agency": "wire agencies verify before they distribute",
    "news_outlet": "an outlet with editors stands behind it",
    "state_media": "such media answer to a government",
    "blog": "such sites rarely have an editor checking them",
    "social_media": "posts are rarely checked before they spread",
}

_HOW = {
    "direct_quote": "Quoted directly from",
    "indirect": "Paraphrased from",
    "secondhand": "Reported second-hand from",
    "vague": "Attributed vaguely, to",
}

_WHY_DIRECTNESS = {
    "direct_quote": "a named source's own words in quotation marks, the most checkable form",
    "indirect": "a named source paraphrased; checkable, but the wording is the article's",
    "secondhand": "it reached the article through another outlet or person, not from the source",
    "vague": "it names no one who could be held to it",
    "unattributed": "the article asserts it without saying where it comes from",
}


@dataclass(frozen=True, slots=True)
class ClaimWeights:
    """The weights of the per-claim score (``data/claim_weights.json``)."""

    base: float
    directness: dict[str, float]
    origin: dict[str, float]
    per_relay: float
    state_media_relay: float
    per_hedge: float
    max_hedges: int


@functools.cache
def claim_weights() -> ClaimWeights:
    """Load ``data/claim_weights.json`` once."""
    from ._resources import data_dir

    try:
        raw: dict[str, Any] = json.loads(data_dir().joinpath("claim_weights.json").read_text(encoding="utf-8"))
        return ClaimWeights(
            base=float(raw["base"]),
            directness={str(k): float(v) for k, v in raw["directness"].items()},
            origin={str(k): float(v) for k, v in raw["origin"].items()},
            per_relay=float(raw["per_relay"]),
            state_media_relay=float(raw["state_media_relay"]),
            per_hedge=float(raw["per_hedge"]),
            max_hedges=int(raw["max_hedges"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"data/claim_weights.json is malformed ({exc!r}); see docs/explanations.md") from exc


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text[: limit - 1]}…”" if len(text) > limit else f"“{text}”"


# The kind shown beside a hop's name in a drawn chain; a plain person needs no label.
_HOP_KIND = {
    "official": "official", "expert": "expert", "organization": "organisation", "news_outlet": "news outlet",
    "wire_agency": "wire agency", "blog": "blog", "social_media": "social media",
}


def hop_name(hop: str, sources: dict[str, Source]) -> str:
    """How a chain hop reads: 'unnamed reports', 'Igor Korotchenko (expert)', 'X (state media)', 'this article'."""
    if hop == ARTICLE_SOURCE_ID:
        return "this article"
    source = sources.get(hop)
    if source is None:
        return hop
    if source.kind == "anonymous":
        return f"unnamed {source.name}" if source.name != "unnamed source" else "an unnamed source"
    if source.state_affiliated or source.kind == "state_media":
        return f"{source.name} (state media)"
    kind = _HOP_KIND.get(source.kind)
    return f"{source.name} ({kind})" if kind else source.name


def _first_mention(source: Source | None) -> list[Span]:
    return source.mentions[:1] if source is not None and source.mentions else []


def _reasons(
    claim: Claim, chain_reasons: list[ClaimReason], sources: dict[str, Source], w: ClaimWeights
) -> list[ClaimReason]:
    """The claim's reasons: its directness, then ``chain_reasons`` (see :func:`_chain_reasons`), then
    its hedges, largest weight (in magnitude) first."""
    reasons: list[ClaimReason] = []
    attribution = claim.attribution
    directness = attribution.directness if attribution is not None else "unattributed"

    weight = w.directness.get(directness, 0.0)
    if attribution is not None:
        speaker = sources.get(attribution.source_id or "")
        if speaker is not None and speaker.kind != "anonymous":
            who = speaker.name
        else:
            who = _quote((attribution.source or attribution.cue or claim.text).text, 40)
        evidence = [s for s in (attribution.source, attribution.cue) if s is not None] or [claim.text]
        message = f"{_HOW[directness]} {who}: {_WHY_DIRECTNESS[directness]}."
    else:
        evidence = [claim.text]
        message = f"No source is given: {_WHY_DIRECTNESS['unattributed']}."
    reasons.append(ClaimReason(factor=f"directness_{directness}", weight=weight, message=message, evidence=evidence))
    reasons += chain_reasons

    # A hedge that is also the attribution's cue ("Reportedly, ...") is counted once, as vagueness.
    cue = attribution.cue if attribution is not None else None
    hedges = [h for h in claim.hedges if cue is None or h.end <= cue.start or h.start >= cue.end]
    if hedges:
        words = ", ".join(_quote(h.text, 30) for h in hedges)
        reasons.append(ClaimReason(
            factor="hedged", weight=w.per_hedge * min(len(hedges), w.max_hedges),
            message=f"It is hedged ({words}): the article itself does not vouch for it.",
            evidence=hedges,
        ))
    reasons.sort(key=lambda r: -abs(r.weight))
    return reasons


def _chain_reasons(chain: CitationChain | None, sources: dict[str, Source], w: ClaimWeights) -> list[ClaimReason]:
    """The reasons a claim owes to its chain: its origin, its relays, state media among them.

    They depend on the chain alone, so :func:`score_claims` builds them once per chain and the
    claims on that chain share the (frozen) records: an article's unattributed claims all travel
    ``chain0``, and one with a known publisher gives each of them the same origin reason.
    """
    reasons: list[ClaimReason] = []
    origin = sources.get(chain.hops[0]) if chain is not None else None
    if origin is not None and origin.kind in w.origin and (origin.id != ARTICLE_SOURCE_ID or origin.kind != "unknown"):
        who = _KIND_WORDS.get(origin.kind, origin.kind)
        name = "" if origin.kind == "anonymous" else f" ({origin.name})"
        why = _WHY_KIND.get(origin.kind, f"its weight is set in data/claim_weights.json ({origin.kind})")
        if origin.id == ARTICLE_SOURCE_ID:
            message = f"The claim rests on this article alone, published by {who}{name}: {why}."
        else:
            message = f"It originates with {who}{name}: {why}."
        reasons.append(ClaimReason(factor=f"origin_{origin.kind}", weight=w.origin[origin.kind], message=message,
                                   evidence=_first_mention(origin)))

    if chain is not None and chain.depth > 0:
        path = " → ".join(hop_name(h, sources) for h in chain.hops)
        relays = [sources[h] for h in chain.hops[1:-1] if h in sources]
        plural = "relay" if chain.depth == 1 else "relays"
        reasons.append(ClaimReason(
            factor="relays", weight=w.per_relay * chain.depth,
            message=f"It passed through {chain.depth} {plural} before reaching the article: {path}. "
                    "Each retelling is a chance to distort it.",
            evidence=[m for s in relays for m in _first_mention(s)],
        ))
        state = [sources[h] for h in chain.hops[1:] if h in sources and sources[h].state_affiliated]
        if state:
            names = ", ".join(s.name for s in state)
            reasons.append(ClaimReason(
                factor="state_media_relay", weight=w.state_media_relay,
                message=f"State-affiliated media relayed it ({names}); they answer to a government.",
                evidence=[m for s in state for m in _first_mention(s)],
            ))
    return reasons


def score_claims(
    claims: Sequence[Claim],
    chains: Sequence[CitationChain],
    sources: Sequence[Source],
    *,
    weights: ClaimWeights | None = None,
) -> list[Claim]:
    """``claims`` with ``score`` and ``reasons`` filled in (new records; the input is unchanged)."""
    w = weights or claim_weights()
    by_id = {s.id: s for s in sources}
    chain_by_id = {c.id: c for c in chains}
    of_chain: dict[str | None, list[ClaimReason]] = {}
    scored = []
    for claim in claims:
        chain_id = claim.chain_id
        if chain_id not in of_chain:
            of_chain[chain_id] = _chain_reasons(chain_by_id.get(chain_id or ""), by_id, w)
        reasons = _reasons(claim, of_chain[chain_id], by_id, w)
        logit = w.base + sum(r.weight for r in reasons)
        scored.append(claim.model_copy(update={"score": _sigmoid(logit), "reasons": reasons}))
    return scored
