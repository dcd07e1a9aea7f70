"""The analysis stages in order: article → segmentation → attributions → sources → chains → claims.

:func:`analyze` runs them once per article; features, explanations and the report all read its
result, so no stage runs twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._attributions import Found, find_attributions, to_attribution
from ._chains import build_chains, enclosing, overlapping
from ._claims import build_claims, find_hedges
from ._mojibake import repair, widen, with_text
from ._records import ARTICLE_SOURCE_ID, Article, Attribution, CitationChain, Claim, Source, Span
from ._segmentation import Segmentation, segment
from ._sources import Resolution, resolve_sources
from ._validation import check_text

if TYPE_CHECKING:
    from ._html import Link

__all__ = ["Analysis", "analyze", "extract_attributions"]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the rule-based stages found in one article."""

    article: Article
    segmentation: Segmentation
    found: list[Found]
    resolution: Resolution
    chains: list[CitationChain]
    chain_of: list[str | None]
    claims: list[Claim]
    hedges: list[Span]

    @property
    def sources(self) -> list[Source]:
        return self.resolution.sources


def analyze(article: Article, *, links: Sequence[Link] = ()) -> Analysis:
    """Run every analysis stage on ``article``; ``links`` are hyperlinks in its text (HTML input)."""
    seg, found = _statements(article.text)
    resolution = resolve_sources(article.text, found, url=article.url, title=article.title, links=links,
                                 segmentation=seg)
    # Which statement each one is nested in: the chains and the claims both need it.
    enclosed = enclosing(found)
    chains, chain_of = build_chains(found, resolution, enclosed=enclosed)
    own = CitationChain(id="chain0", hops=[ARTICLE_SOURCE_ID], depth=0)
    hedges = find_hedges(seg.tokens, article.text, segmentation=seg)
    claims = build_claims(seg, found, resolution.source_of, chain_of, own.id, hedges, enclosed=enclosed)
    if resolution.links:
        claims, chains = _cite_links(claims, chains, resolution.links, own.id)
    if any(c.chain_id == own.id for c in claims):
        chains = [own, *chains]
    return Analysis(article, seg, found, resolution, chains, chain_of, claims, hedges)


def _statements(text: str) -> tuple[Segmentation, list[Found]]:
    """The segmentation of ``text`` and the statements found in it, both indexing ``text``.

    Double-encoded quotation marks are read back first (see _mojibake): the statements are found
    in a repaired copy of the same length; every later stage cuts its spans from the original, so
    a span ending inside a repaired piece ("O’Brien" is shorter than "Oâ€™Brien") is widened to it.
    """
    fixed = repair(text)
    seg = segment(fixed.text)
    found = widen(find_attributions(seg), fixed)
    return with_text(seg, text, fixed), found


def _cite_links(claims: list[Claim], chains: list[CitationChain], links: list[tuple[int, int, str]],
                own: str) -> tuple[list[Claim], list[CitationChain]]:
    """An unattributed claim holding a hyperlink cites the linked page: chain ``[page, article]``."""
    by_hops = {tuple(c.hops): c for c in chains}
    result = []
    for claim in claims:
        if claim.chain_id == own:
            cited = next(iter(overlapping(links, claim.text.start, claim.text.end)), None)
            if cited is not None:
                key = (cited, ARTICLE_SOURCE_ID)
                if key not in by_hops:
                    by_hops[key] = CitationChain(id=f"chain{len(by_hops) + 1}", hops=list(key), depth=0)
                claim = claim.model_copy(update={"chain_id": by_hops[key].id})
        result.append(claim)
    return result, list(by_hops.values())


def extract_attributions(text: str) -> list[Attribution]:
    """Every reported statement in ``text``: source, cue, content, directness, resolved source id."""
    text = check_text(text)
    seg, found = _statements(text)
    resolution = resolve_sources(text, found, segmentation=seg)
    return [to_attribution(text, f, sid) for f, sid in zip(found, resolution.source_of, strict=True)]
