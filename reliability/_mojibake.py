"""Double-encoded punctuation read back at the input, one character for one.

UTF-8 text decoded once more as Latin-1 or Windows-1252 turns each curly quotation mark,
apostrophe and dash into three characters: "“" (E2 80 9C) becomes "â\\x80\\x9c" or "â€œ". The
tokeniser then finds no quotation mark, so no quotation gets its speaker ("â\\x80\\x9cWe need
...,â\\x80\\x9d says Olga" held no statement): 22 of the ReCOVery articles and one Horne article
are written so. :func:`repair_marks` returns a copy of the text of the same length in which each
such sequence is the mark it stood for and two spaces, so every offset still indexes the
original text. The attribution stage reads the copy (its segmentation and the text itself:
its rules look at the characters around a quotation); the later stages get the same
segmentation with the original as its ``text`` (:func:`with_text`), since every reported span
is cut from that.

The spaces go where they split nothing: before an opening mark (so "“We" keeps "We" at its
offsets), after a closing mark or a dash. An apostrophe inside a word ("Trumpâ€™s") joins the
rest of the word, shifted two characters to the left, and the two spaces follow the word, so
"Trump’s" is one word as it would be in clean text; only that word's tail moves. Letters
double-encoded ("LibÃ©ration") are not repaired: shortening them would move a whole word.

A span the attribution stage finds in the copy may end inside what was repaired: "Sean O’Brien"
ends two characters before "Sean Oâ€™Brien" does, and a span that keeps a closing mark ends
inside its three characters. :func:`widen` moves such ends (and starts) out to the edges of the
repaired piece, so a span cut from the original holds the whole word or mark.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from ._segmentation import Segmentation

if TYPE_CHECKING:
    from ._attributions import Found
    from ._outlets import OutletMention

__all__ = ["Repair", "repair", "repair_marks", "widen", "with_text"]


def _sequences() -> dict[str, str]:
    """Each mark's double-encoded forms: its UTF-8 bytes read as Latin-1 and as Windows-1252."""
    forms = {}
    for mark in "“”‘’—–…":
        data = mark.encode("utf-8")
        forms[data.decode("latin-1")] = mark
        # Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; decoders that accept
        # them (browsers, ftfy) keep the C1 character, as Latin-1 does.
        forms["".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)] = mark
    return forms


_MARKS = _sequences()
# Where 0x9D was dropped or replaced, "”" is left as "â€" or "â€\ufffd" (after the three-character
# forms: the pattern tries them in order). A no-break space (C2 A0) read as Latin-1 is "Â" and a
# no-break space ("theÂ\xa0University"): two spaces. Where a later step made that no-break space
# a plain one, "Â " is left ("theÂ University", "For years,Â Campus Reform": 10 ReCOVery articles,
# none with "Â\xa0"); no English word ends in "Â", so it is read so too.
_MARKS.update({"â€\ufffd": "”", "â€": "”", "Â\xa0": " ", "Â ": " "})
# What a UTF-8 continuation byte (0x80-0xBF) reads as in Latin-1 or Windows-1252. "â€" followed by
# one is some other character's first two bytes ("â€¢" a bullet, "â€²" a prime, "â€\xa0" a dagger),
# not a closing mark that lost its last byte: the two-character form must not take it.
_CONTINUATIONS = "".join(sorted({chr(b) for b in range(0x80, 0xC0)}
                                | {bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)}))
# Fixed strings of two or three characters and a one-character lookahead, no quantifier: one
# linear scan.
_SEQUENCE = re.compile("|".join(re.escape(s) + (f"(?![{re.escape(_CONTINUATIONS)}])" if s == "â€" else "")
                                for s in _MARKS))
_OPENING = frozenset("“‘")
# How far a word's tail is shifted after an apostrophe ("don’t", "Korotchenko’s", "O’Neill’s");
# longer runs of letters are left in place, so the work per sequence stays bounded.
_MAX_TAIL = 40


class Repair:
    """A repaired copy of a text and where it differs: ``pieces`` are the ``(start, end)`` offsets,
    in order, of each repaired sequence (with the word tail moved after it, if any)."""

    __slots__ = ("pieces", "text")

    def __init__(self, text: str, pieces: list[tuple[int, int]]) -> None:
        self.text = text
        self.pieces = pieces


def repair_marks(text: str) -> str:
    """``text`` with double-encoded quotation marks, apostrophes and dashes read back, same length.

    Returns ``text`` itself when it holds none (the common case: one substring test).
    """
    return repair(text).text


def repair(text: str) -> Repair:
    """:func:`repair_marks`'s copy of ``text`` and the pieces it changed."""
    if "â" not in text and "Â" not in text:
        return Repair(text, [])
    pieces: list[str] = []
    changed: list[tuple[int, int]] = []
    at = 0
    for match in _SEQUENCE.finditer(text):
        start, end = match.span()
        if start < at:  # inside a word tail already moved
            continue
        pieces.append(text[at:start])
        mark = _MARKS[match.group()]
        at = end
        if mark in _OPENING and not (start and text[start - 1].isalnum()):
            pieces.append(mark.rjust(end - start))
        elif mark == "’" and start and text[start - 1].isalnum() and end < len(text) and text[end].isalnum():
            tail, word = end, [mark]
            while tail < len(text) and tail - end < _MAX_TAIL:
                inner = _SEQUENCE.match(text, tail)
                if inner is not None:
                    # A second apostrophe in the word ("Oâ€™Neillâ€™s", "rockâ€™nâ€™roll") joins it too.
                    if _MARKS[inner.group()] != "’" or inner.end() == len(text) or not text[inner.end()].isalnum():
                        break
                    word.append("’")
                    tail = inner.end()
                elif text[tail].isalnum():
                    word.append(text[tail])
                    tail += 1
                else:
                    break
            pieces.append("".join(word).ljust(tail - start))
            at = tail
        else:
            pieces.append(mark.ljust(end - start))
        changed.append((start, at))
    pieces.append(text[at:])
    return Repair("".join(pieces), changed)


def _widened(bounds: tuple[int, int], starts: list[int], pieces: list[tuple[int, int]]) -> tuple[int, int]:
    """``bounds`` with a start or end strictly inside a repaired piece moved to its edge."""
    start, end = bounds
    i = bisect_right(starts, start) - 1
    if i >= 0 and start < pieces[i][1]:
        start = pieces[i][0]
    i = bisect_right(starts, end - 1) - 1  # the piece holding the span's last character
    if i >= 0 and end < pieces[i][1]:
        end = pieces[i][1]
    return start, end


def widen(found: list[Found], fixed: Repair) -> list[Found]:
    """``found`` (offsets into ``fixed.text``) with every span covering the whole of each repaired
    piece it touches, so that cut from the original text it holds whole words and marks."""
    if not fixed.pieces or not found:
        return found
    starts = [p[0] for p in fixed.pieces]

    def span(bounds: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if bounds is None else _widened(bounds, starts, fixed.pieces)

    def outlet(mention: OutletMention) -> OutletMention:
        start, end = _widened((mention.start, mention.end), starts, fixed.pieces)
        return mention if (start, end) == (mention.start, mention.end) else replace(mention, start=start, end=end)

    return [
        replace(
            f,
            source=span(f.source),
            cue=span(f.cue),
            content=_widened(f.content, starts, fixed.pieces),
            continuation=span(f.continuation),
            written_source=span(f.written_source),
            relays=tuple(map(outlet, f.relays)),
            named_outlet=None if f.named_outlet is None else outlet(f.named_outlet),
            declared=tuple(map(outlet, f.declared)),
        )
        for f in found
    ]


def with_text(seg: Segmentation, text: str, fixed: Repair | None = None) -> Segmentation:
    """``seg`` (of :func:`repair`'s copy ``fixed``) with ``text`` itself as its text, for the stages
    that cut reported spans from it.

    Tokens stay the copy's, offsets and all: the rules read their clean words, and a token's
    offsets span its own text (a possessive "’s" is its last two characters). Sentences and
    quotations, which have no text of their own, are widened to the repaired pieces they touch
    (see :func:`widen`), so a claim cut from a sentence holds its last word and mark whole.
    """
    if seg.text is text:
        return seg
    if fixed is None or not fixed.pieces:
        return replace(seg, text=text)
    starts = [p[0] for p in fixed.pieces]
    sentences = []
    for sentence in seg.sentences:
        bounds = _widened((sentence.start, sentence.end), starts, fixed.pieces)
        sentences.append(sentence if bounds == (sentence.start, sentence.end)
                         else replace(sentence, start=bounds[0], end=bounds[1]))
    quotes = []
    for quote in seg.quotes:
        bounds = _widened((quote.start, quote.end), starts, fixed.pieces)
        quotes.append(quote if bounds == (quote.start, quote.end) else replace(quote, start=bounds[0], end=bounds[1]))
    return replace(seg, text=text, sentences=sentences, quotes=quotes, _quote_ends=[q.end for q in quotes])
