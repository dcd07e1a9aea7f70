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
"""

from __future__ import annotations

import re
from dataclasses import replace

from ._segmentation import Segmentation

__all__ = ["repair_marks", "with_text"]


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
# no-break space ("theÂ\xa0University"): two spaces.
_MARKS.update({"â€\ufffd": "”", "â€": "”", "Â\xa0": " "})
# Fixed strings of two or three characters, no quantifier: one linear scan.
_SEQUENCE = re.compile("|".join(re.escape(s) for s in _MARKS))
_OPENING = frozenset("“‘")
# How far a word's tail is shifted after an apostrophe ("don’t", "Korotchenko’s"); longer runs
# of letters are left in place, so the work per sequence stays bounded.
_MAX_TAIL = 40


def repair_marks(text: str) -> str:
    """``text`` with double-encoded quotation marks, apostrophes and dashes read back, same length.

    Returns ``text`` itself when it holds none (the common case: one substring test).
    """
    if "â" not in text and "Â" not in text:
        return text
    pieces: list[str] = []
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
            tail = end
            while (tail < len(text) and tail - end < _MAX_TAIL and text[tail].isalnum()
                   and not _SEQUENCE.match(text, tail)):
                tail += 1
            pieces.append((mark + text[end:tail]).ljust(tail - start))
            at = tail
        else:
            pieces.append(mark.ljust(end - start))
    pieces.append(text[at:])
    return "".join(pieces)


def with_text(seg: Segmentation, text: str) -> Segmentation:
    """``seg`` (of :func:`repair_marks`'s copy) with ``text`` itself as its text, for the stages
    that cut reported spans from it; offsets, tokens, sentences and quotations stay the copy's."""
    return seg if seg.text is text else replace(seg, text=text)
