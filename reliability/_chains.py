"""Stage 4: citation chains, the path of each statement from its origin to this article.

A statement's hops are its source, then the relays named beside it ("on Russian Channel"), then
whatever carried the statement it is nested in (a report quoted by a speaker inherits the
speaker's chain), then the relay the article declares for statements naming no print or wire
relay of their own ("Quoted from X, ..."), and finally ``"article"``. Identical chains are
shared between statements.
"""

from __future__ import annotations

import bisect

from ._attributions import Found
from ._records import ARTICLE_SOURCE_ID, CitationChain
from ._sources import Resolution

__all__ = ["build_chains", "enclosing"]

_PRINT_OR_WIRE = frozenset({"news_outlet", "wire_agency", "blog", "social_media"})


def enclosing(found: list[Found]) -> list[int | None]:
    """For each statement, the index of the smallest other statement whose content holds its cue.

    Ties go to the lowest index. A sweep over cue starts inserts every content that starts at
    or before the cue into a min-segment tree keyed by the content's end; the answer is the
    minimum (length, index) over the ends at or after the cue's end. Hostile text with
    thousands of nested statements ("A said B said C said ...") so costs n log n, not n².
    """
    n = len(found)
    ends = sorted({item.content[1] for item in found})
    size = 1
    while size < max(len(ends), 1):
        size *= 2
    none = (float("inf"), n)
    tree: list[tuple[float, int]] = [none] * (2 * size)
    # Per end, the (length, index) of the inserted contents ending there, sorted.
    at_end: list[list[tuple[float, int]]] = [[] for _ in ends]

    def smallest(lo: int, hi: int) -> tuple[float, int]:
        best = none
        lo += size
        hi += size
        while lo < hi:
            if lo & 1:
                best = min(best, tree[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                best = min(best, tree[hi])
            lo >>= 1
            hi >>= 1
        return best

    by_start = sorted(range(n), key=lambda j: found[j].content[0])
    anchors = [item.cue or item.content for item in found]
    result: list[int | None] = [None] * n
    inserted = 0
    for i in sorted(range(n), key=lambda i: anchors[i][0]):
        a0, a1 = anchors[i]
        while inserted < n and found[by_start[inserted]].content[0] <= a0:
            j = by_start[inserted]
            s, e = found[j].content
            leaf = bisect.bisect_left(ends, e)
            bisect.insort(at_end[leaf], (e - s, j))
            node = size + leaf
            tree[node] = at_end[leaf][0]
            node >>= 1
            while node:
                tree[node] = min(tree[2 * node], tree[2 * node + 1])
                node >>= 1
            inserted += 1
        lo = bisect.bisect_left(ends, a1)
        c0, c1 = found[i].content
        own = bisect.bisect_left(ends, c1)
        if lo <= own < len(ends):
            # Contents equal to this statement's own (itself included) end at the same place
            # with the same length; skip them at that end, use the tree everywhere else.
            best = min(smallest(lo, own), smallest(own + 1, len(ends)))
            entries = at_end[own]
            k = bisect.bisect_left(entries, (c1 - c0, n)) if entries and entries[0][0] == c1 - c0 else 0
            if k < len(entries):
                best = min(best, entries[k])
        else:
            best = smallest(lo, len(ends))
        if best[1] < n:
            result[i] = best[1]
    return result


def children(parents: list[int | None]) -> list[list[int]]:
    """For each statement, the statements directly nested in it, in order."""
    result: list[list[int]] = [[] for _ in parents]
    for j, parent in enumerate(parents):
        if parent is not None:
            result[parent].append(j)
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
