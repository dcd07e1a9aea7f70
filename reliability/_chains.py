"""Stage 4: citation chains, the path of each statement from its origin to this article.

A statement's hops are its source, then the relays named beside it ("on Russian Channel"), then
whatever carried the statement it is nested in (a report quoted by a speaker inherits the
speaker's chain), then the relay the article declares for statements naming no print or wire
relay of their own ("Quoted from X, ..."), and finally ``"article"``. Identical chains are
shared between statements.
"""

from __future__ import annotations

from ._attributions import Found
from ._records import ARTICLE_SOURCE_ID, CitationChain
from ._sources import Resolution

__all__ = ["build_chains", "enclosing"]

_PRINT_OR_WIRE = frozenset({"news_outlet", "wire_agency", "blog", "social_media"})


def enclosing(found: list[Found]) -> list[int | None]:
    """For each statement, the index of the smallest other statement whose content holds its cue."""
    result: list[int | None] = []
    for i, item in enumerate(found):
        anchor = item.cue or item.content
        best: int | None = None
        for j, outer in enumerate(found):
            if j == i or outer.content == item.content:
                continue
            if outer.content[0] <= anchor[0] and anchor[1] <= outer.content[1]:
                if best is None or (outer.content[1] - outer.content[0]) < (
                    found[best].content[1] - found[best].content[0]
                ):
                    best = j
        result.append(best)
    return result


def build_chains(found: list[Found], resolution: Resolution) -> tuple[list[CitationChain], list[str | None]]:
    """The distinct chains, and the chain id of each statement (None when it has no source)."""
    kinds = {s.id: s.kind for s in resolution.sources}
    affiliations = {s.id: s.affiliated_with for s in resolution.sources if s.affiliated_with}
    parents = enclosing(found)
    memo: dict[int, list[str] | None] = {}

    def hops(i: int, depth: int = 0) -> list[str] | None:
        if i in memo:
            return memo[i]
        source = resolution.source_of[i]
        if source is None or depth > 10:
            memo[i] = None
            return None
        path = [source] + [r for r in resolution.relays_of[i] if r != source]
        venue = affiliations.get(source)
        if len(path) == 1 and venue is not None:
            path.append(venue)  # "He also said" after "Korotchenko said on Russian Channel"
        parent = parents[i]
        outer = hops(parent, depth + 1) if parent is not None else None
        if outer is not None:
            path += [h for h in outer[:-1] if h not in path]
        elif kinds.get(source) != "anonymous" and not any(kinds.get(h) in _PRINT_OR_WIRE for h in path):
            path += [r for r in resolution.article_relays if r not in path]
        path.append(ARTICLE_SOURCE_ID)
        memo[i] = path
        return path

    chains: dict[tuple[str, ...], CitationChain] = {}
    chain_of: list[str | None] = []
    for i in range(len(found)):
        path = hops(i)
        if path is None:
            chain_of.append(None)
            continue
        key = tuple(path)
        if key not in chains:
            chains[key] = CitationChain(id=f"chain{len(chains) + 1}", hops=path, depth=max(0, len(path) - 2))
        chain_of.append(chains[key].id)
    return list(chains.values()), chain_of
