"""Stage 5: claims, the check-worthy statements, each with its attribution, chain and hedges.

Every reported statement is a claim. A statement that holds a nested one (a speaker quoting
"reports") keeps only its own words, so each stretch of text belongs to one claim. Sentences no
statement covers are the article's own unattributed claims, unless they are questions, page
furniture ("Post a Comment") or too short to assert anything.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

from ._attributions import Found, to_attribution
from ._chains import children, enclosing
from ._records import Attribution, Claim, Span
from ._resources import lexicons
from ._segmentation import Segmentation, Token, tokenize

__all__ = ["build_claims", "find_hedges", "is_boilerplate", "is_date"]

_MIN_WORDS = 5
_NOT_ALNUM_OR_SPACE = re.compile(r"[^\w\s]|_")  # \w is alphanumeric or "_"


def is_boilerplate(text: str) -> bool:
    """Whether a paragraph is page furniture from the lexicon ``boilerplate.txt``."""
    if len(text) > 80:
        return False  # furniture is a few words; this keeps the check cheap for real paragraphs
    # Letters, digits and spaces kept (what str.isalnum/isspace accept), in one C pass.
    words = " ".join(_NOT_ALNUM_OR_SPACE.sub("", text.lower()).split())
    return words in lexicons().boilerplate


def phrase_table(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lexicon phrases as lower-case token tuples, indexed by their first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(t.lower for t in tokenize(phrase))
        if words:
            table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def find_phrases(tokens: list[Token], text: str, table: dict[str, tuple[tuple[str, ...], ...]], *,
                 segmentation: Segmentation | None = None) -> list[Span]:
    """Non-overlapping occurrences of the phrases of ``table`` (see :func:`phrase_table`).

    ``segmentation``, when ``tokens`` are its tokens, finds the tokens that start a phrase from
    its index of words rather than by reading every token.
    """
    return _scan(tokens, text, table, hedges=False, segmentation=segmentation)


def find_hedges(tokens: list[Token], text: str, *, segmentation: Segmentation | None = None) -> list[Span]:
    """Hedging words and phrases from the lexicon ``hedges.txt`` among ``tokens`` (``segmentation``:
    as for :func:`find_phrases`)."""
    return _scan(tokens, text, _hedge_phrases(), hedges=True, segmentation=segmentation)


def _scan(tokens: list[Token], text: str, table: dict[str, tuple[tuple[str, ...], ...]], *, hedges: bool,
          segmentation: Segmentation | None) -> list[Span]:
    spans = []
    after = 0  # matches do not overlap: the next may start only after the last one ends
    # Only tokens that start some phrase can start a match; finding them first is fast.
    if segmentation is not None and segmentation.tokens is tokens:
        starts = segmentation.positions(table)
    else:
        starts = [i for i, token in enumerate(tokens) if token.lower in table]
    for i in starts:
        if i < after:
            continue
        if hedges and tokens[i].text == "May" and is_date(tokens, i):
            continue  # the month, not the modal: "on May 5", "in May 2024", "5 May"
        for phrase in table[tokens[i].lower]:
            j = i + len(phrase)
            if j <= len(tokens) and all(tokens[i + k].lower == w for k, w in enumerate(phrase)):
                s, e = tokens[i].start, tokens[j - 1].end
                spans.append(Span(start=s, end=e, text=text[s:e]))
                after = j
                break
    return spans


def is_date(tokens: list[Token], i: int) -> bool:
    before = tokens[i - 1].lower if i > 0 else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return after[:1].isdigit() or before[:1].isdigit() or before in ("in", "on", "of", "since", "until", "by", "early",
                                                                      "late", "mid", "last", "next", "this")


def _within(spans: list[Span], starts: list[int], s: int, e: int) -> list[Span]:
    k = bisect.bisect_left(starts, s)
    result = []
    while k < len(spans) and spans[k].end <= e:
        result.append(spans[k])
        k += 1
    return result


_HEDGES: dict[str, tuple[tuple[str, ...], ...]] | None = None


def _hedge_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    global _HEDGES
    if _HEDGES is None:
        _HEDGES = phrase_table(lexicons().hedges)
    return _HEDGES


def _own_words(item: Found, inner: list[Found]) -> tuple[int, int]:
    """The longest part of ``item``'s content that no nested statement covers."""
    pieces = [item.content]
    for sub in inner:
        lo = min(sub.cue[0] if sub.cue else sub.content[0], sub.content[0])
        hi = sub.content[1]
        nxt = []
        for s, e in pieces:
            if hi <= s or lo >= e:
                nxt.append((s, e))
                continue
            if lo > s:
                nxt.append((s, lo))
            if hi < e:
                nxt.append((hi, e))
        pieces = nxt
    pieces = [p for p in pieces if p[1] - p[0] > 0]
    return max(pieces, key=lambda p: p[1] - p[0]) if pieces else item.content


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ".,;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def build_claims(
    seg: Segmentation,
    found: list[Found],
    source_of: list[str | None],
    chain_of: list[str | None],
    article_chain: str | None,
    hedges: list[Span],
    *,
    enclosed: list[int | None] | None = None,
) -> list[Claim]:
    """Claims in text order: reported statements, then the article's own sentences.

    ``enclosed``: :func:`~reliability._chains.enclosing` of ``found``, when the caller has it.
    """
    text = seg.text
    hedge_starts = [h.start for h in hedges]
    nested = children(enclosing(found) if enclosed is None else enclosed)
    # (start, fields) per claim; the records are built once their order, and so their ids, are known.
    claims: list[tuple[int, dict[str, Any]]] = []
    covered: list[tuple[int, int]] = []

    def add(s: int, e: int, attribution: Attribution | None, chain_id: str | None) -> None:
        claims.append((s, {"text": Span(start=s, end=e, text=text[s:e]), "attribution": attribution,
                           "chain_id": chain_id, "hedges": _within(hedges, hedge_starts, s, e)}))

    for i, item in enumerate(found):
        inner = [found[j] for j in nested[i]]
        s, e = _trimmed(text, *_own_words(item, inner))
        if e - s < 2:
            continue
        attribution = to_attribution(text, item, source_of[i])
        add(s, e, attribution, chain_of[i])
        covered.append((min(item.content[0], *(b[0] for b in (item.source, item.cue) if b)),
                        max(item.content[1], *(b[1] for b in (item.source, item.cue) if b))))
        if item.continuation is not None:
            # '"A," he said. "B."': B is the speaker's claim too (the same attribution), not one
            # the article asserts itself.
            s, e = _trimmed(text, *item.continuation)
            if e - s >= 2:
                add(s, e, attribution, chain_of[i])
                covered.append(item.continuation)
    covered.sort()
    for sentence in seg.sentences:
        s, e = _trimmed(text, sentence.start, sentence.end)
        if _overlaps(covered, s, e) or not _assertive(text, s, e):
            continue
        add(s, e, None, article_chain)
    claims.sort(key=lambda pair: pair[0])
    return [Claim(id=f"claim{n}", **fields) for n, (_, fields) in enumerate(claims, 1)]


def _overlaps(covered: list[tuple[int, int]], s: int, e: int) -> bool:
    k = bisect.bisect_left(covered, (e, e))
    # A loop, not any(<generator>): half the cost, for every sentence of every article.
    for cs, ce in covered[max(0, k - 8) : k]:  # noqa: SIM110
        if cs < e and s < ce:
            return True
    return False


def _assertive(text: str, s: int, e: int) -> bool:
    sentence = text[s:e]
    if sentence.endswith("?") or is_boilerplate(sentence):
        return False
    # Splitting stops once there are enough words: a long sentence is not split word by word.
    return len(sentence.split(None, _MIN_WORDS - 1)) >= _MIN_WORDS
