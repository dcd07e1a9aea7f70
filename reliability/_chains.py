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
_OUTLETS = _PRINT_OR_WIRE | {"state_media"}


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


def _links_in(found: list[Found], links: list[tuple[int, int, str]]) -> list[list[str]]:
    """For each statement, the sources of the hyperlinks whose anchors lie within it."""
    result: list[list[str]] = []
    for item in found:
        bounds = [b for b in (item.source, item.cue, item.content) if b is not None]
        lo, hi = min(b[0] for b in bounds), max(b[1] for b in bounds)
        # Overlap, not containment: the anchor is often the source phrase itself ("a federal report").
        result.append(list(dict.fromkeys(sid for s, e, sid in links if s < hi and lo < e)))
    return result


def _names_link(item: Found, links: list[tuple[int, int, str]]) -> str | None:
    """The linked source when the anchor overlaps the words naming the statement's source."""
    if item.source is None:
        return None
    lo, hi = item.source
    return next((sid for s, e, sid in links if s < hi and lo < e), None)


def build_chains(found: list[Found], resolution: Resolution) -> tuple[list[CitationChain], list[str | None]]:
    """The distinct chains, and the chain id of each statement (None when it has no source)."""
    kinds = {s.id: s.kind for s in resolution.sources}
    # Only a venue is a relay ("He also said" after "said on Russian Channel"); a government an
    # ambassador speaks for is not.
    affiliations = {s.id: s.affiliated_with for s in resolution.sources
                    if s.affiliated_with and kinds.get(s.affiliated_with) in _OUTLETS}
    parents = enclosing(found)
    memo: dict[int, list[str] | None] = {}
    cited = _links_in(found, resolution.links)

    def hops(i: int, depth: int = 0) -> list[str] | None:
        if i in memo:
            return memo[i]
        source = resolution.source_of[i]
        linked = _names_link(found[i], resolution.links)
        if source is None and cited[i]:
            source = cited[i][0]  # the hyperlink is the only citation the statement has
        elif linked is not None and kinds.get(source or "") in ("unknown", "anonymous"):
            source = linked  # "according to [a federal report](usbr.gov)": the link names the origin
        if source is None or depth > 10:
            memo[i] = None
            return None
        path = [source] + [r for r in resolution.relays_of[i] if r != source]
        cited_origin = resolution.cited_by[i] if i < len(resolution.cited_by) else None
        if cited_origin is not None and cited_origin not in path:
            path.insert(0, cited_origin)  # "X reported, citing W": W is the origin, X its first relay
        venue = affiliations.get(source)
        if len(path) == 1 and venue is not None:
            path.append(venue)  # "He also said" after "Korotchenko said on Russian Channel"
        parent = parents[i]
        outer = hops(parent, depth + 1) if parent is not None else None
        if outer is not None:
            path += [h for h in outer[:-1] if h not in path]
        elif kinds.get(source) != "anonymous" and not any(kinds.get(h) in _PRINT_OR_WIRE for h in path):
            path += [r for r in resolution.article_relays if r not in path]
        # A hyperlink inside the statement is the page the article took it from: the last relay.
        path += [h for h in cited[i] if h not in path]
        wire = resolution.wire_relay
        if wire is not None and wire not in path:
            path.append(wire)  # wire copy: everything came through the agency of the dateline
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
