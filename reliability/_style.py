"""The writing-style profile: how a text is written, not what it is about.

Rates of common function words (``data/lexicons/function_words.txt``: "the", "which", "would",
"you"), rates of punctuation marks, and a few character statistics. They transfer across topics
and outlets far better than vocabulary does. The model does not weigh them one by one; it
condenses them into one stacked ``style_score`` (see ``_classifier.py``), which the
explanations report as a single reason.

The phrasing profile goes one step further: the text with every content word masked by its
shape ("the x of X X said on X 0 x ago"), counted as sequences of one to three tokens. It keeps
how a sentence is built and sourced (function words, punctuation, where names and numbers sit,
and the words of the sourcing lexicons: verbs of saying, hedges, vague sources, dates) and
drops what it is about, so it carries over to topics the model never saw (Stamatatos 2017,
"text distortion"). The sequences are hashed into :data:`PHRASING_COLUMNS` columns, so the profile
needs no vocabulary fitted on training data; the model condenses it into ``phrasing_score``.
"""

from __future__ import annotations

import functools
import zlib
from collections import Counter

import numpy as np

from ._resources import _lines, lexicons
from ._segmentation import Token

__all__ = [
    "PHRASING_COLUMNS", "PHRASING_NGRAMS", "STYLE_PREFIX", "phrasing_counts", "shapes", "style_names", "style_vector",
]

STYLE_PREFIX = "fw_"

# Punctuation marks counted per 100 characters, by the name their feature carries.
_MARKS = {
    "period": ".", "comma": ",", "semicolon": ";", "colon": ":", "exclamation": "!", "question": "?",
    "straight_double_quote": '"', "straight_single_quote": "'", "open_paren": "(", "close_paren": ")",
    "hyphen": "-", "em_dash": "—", "en_dash": "–", "ellipsis": "…", "left_double_quote": "“",
    "right_double_quote": "”", "left_single_quote": "‘", "right_single_quote": "’", "dollar": "$",
    "percent": "%", "ampersand": "&", "asterisk": "*", "slash": "/", "open_bracket": "[",
    "close_bracket": "]", "hash": "#", "at": "@",
}
#: Hashed columns of the phrasing profile (2**18: the ~35,000 sequences seen in five or more
#: training articles rarely share a column).
PHRASING_COLUMNS = 1 << 18
#: Lengths of the token sequences counted.
PHRASING_NGRAMS = (1, 3)
_STATS = ("mean_word_length", "type_token_ratio", "uppercase_char_share", "newlines_per_100_chars")


@functools.cache
def _words() -> dict[str, int]:
    return {w.lower(): i for i, w in enumerate(_lines("function_words.txt"))}


@functools.cache
def _kept() -> frozenset[str]:
    """Words the phrasing profile keeps as they are: the function words and the words of the
    sourcing lexicons (every form of the verbs of saying, hedges, vague sources, time words)."""
    lex = lexicons()
    kept = set(_words()) | {form for form in lex.cue_verbs if " " not in form}
    for phrase in (*lex.hedges, *lex.vague_sources, *_lines("time_references.txt"), "march"):
        kept.update(phrase.lower().split())
    return frozenset(kept)


def style_names() -> tuple[str, ...]:
    """Feature names of the profile, in order: ``fw_<word>``, ``punct_<mark>``, ``style_<stat>``."""
    return (
        tuple(STYLE_PREFIX + w for w in _words())
        + tuple(f"punct_{name}" for name in _MARKS)
        + tuple(f"style_{name}" for name in _STATS)
    )


def style_vector(text: str, tokens: list[Token]) -> np.ndarray:
    """The profile of one text: function words per word, marks per 100 characters, statistics."""
    index = _words()
    counts = np.zeros(len(index))
    n_words = 0
    letters = 0
    vocabulary: set[str] = set()
    for token in tokens:
        if token.text[:1].isalnum():
            n_words += 1
            letters += len(token.text)
            vocabulary.add(token.lower)
            k = index.get(token.lower)
            if k is not None:
                counts[k] += 1
    n_chars = max(1, len(text))
    marks = [100.0 * text.count(mark) / n_chars for mark in _MARKS.values()]
    stats = [
        letters / max(1, n_words),
        len(vocabulary) / np.sqrt(max(1, n_words)),  # root TTR: less tied to length than plain TTR
        sum(map(str.isupper, text)) / n_chars,  # map over a builtin: the loop runs in C
        100.0 * text.count("\n") / n_chars,
    ]
    return np.concatenate([counts / max(1, n_words), marks, stats])


def shapes(tokens: list[Token]) -> list[str]:
    """The tokens with content words masked: function words and sourcing words (lower-cased) and
    punctuation kept, numbers as ``0``, capitalised words as ``X``, other words as ``x``."""
    kept = _kept()
    out = []
    for token in tokens:
        lower = token.lower
        if lower in kept:
            out.append(lower)
        else:
            first = token.text[:1]
            if first.isdigit():
                out.append("0")
            elif first.isalpha():
                out.append("X" if first.isupper() else "x")
            else:
                out.append(token.text)
    return out


def phrasing_counts(tokens: list[Token]) -> dict[int, int]:
    """Counts of the masked token sequences (lengths :data:`PHRASING_NGRAMS`) by hashed column.

    The column of a sequence is the crc32 of its tokens joined by spaces (crc32 rather than
    ``hash()``: Python salts string hashes per process, and the columns must be the same in every
    process that trains or scores). crc32 can be extended, ``crc32(b" c", crc32(b"a b")) ==
    crc32(b"a b c")``, so each longer sequence costs one short crc32 call and no string join.
    """
    low, high = PHRASING_NGRAMS
    codes = [_code(shape) for shape in shapes(tokens)]
    mask = PHRASING_COLUMNS - 1
    sequences: list[int] = []
    running = [crc for crc, _ in codes]  # running[i]: crc32 of the length-n sequence starting at token i
    for n in range(1, high + 1):
        if n > 1:
            running = [zlib.crc32(codes[i + n - 1][1], running[i]) for i in range(len(running) - 1)]
        if n >= low:
            sequences.extend(running)
    return dict(Counter(crc & mask for crc in sequences))


@functools.lru_cache(maxsize=4096)
def _code(shape: str) -> tuple[int, bytes]:
    """A shape's own crc32, and its bytes after a space (to extend a sequence's crc32 with it)."""
    return zlib.crc32(shape.encode("utf-8", "surrogatepass")), (" " + shape).encode("utf-8", "surrogatepass")
