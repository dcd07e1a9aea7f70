"""The analysis stages in order: article → segmentation → attributions → sources → chains → claims.

:func:`analyze` runs them once per article; features, explanations and the report all read its
result, so no stage runs twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._attributions import Found, find_attributions, to_attribution
from ._chains import build_chains
from ._claims import build_claims, find_hedges
from ._records import ARTICLE_SOURCE_ID, Article, Attribution, CitationChain, Claim, Source, Span
from ._segmentation import Segmentation, segment
from ._sources import Resolution, resolve_sources
from ._validation import check_text

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

    @property
    def attributions(self) -> list[Attribution]:
        text = self.article.text
        return [to_attribution(text, f, sid) for f, sid in zip(self.found, self.resolution.source_of, strict=True)]


def analyze(article: Article) -> Analysis:
    """Run every analysis stage on ``article``."""
    seg = segment(article.text)
    found = find_attributions(seg)
    resolution = resolve_sources(article.text, found, url=article.url, title=article.title)
    chains, chain_of = build_chains(found, resolution)
    own = CitationChain(id="chain0", hops=[ARTICLE_SOURCE_ID], depth=0)
    hedges = find_hedges(seg.tokens, article.text)
    claims = build_claims(seg, found, resolution.source_of, chain_of, own.id, hedges)
    if any(c.chain_id == own.id for c in claims):
        chains = [own, *chains]
    return Analysis(article, seg, found, resolution, chains, chain_of, claims, hedges)


def extract_attributions(text: str) -> list[Attribution]:
    """Every reported statement in ``text``: source, cue, content, directness, resolved source id."""
    text = check_text(text)
    found = find_attributions(segment(text))
    resolution = resolve_sources(text, found)
    return [to_attribution(text, f, sid) for f, sid in zip(found, resolution.source_of, strict=True)]
