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
import re
import string
import zlib
from collections import Counter
from itertools import compress
from operator import itemgetter

import numpy as np

from ._resources import _lines, lexicons
from ._segmentation import Segmentation, Token

__all__ = [
    "PHRASING_COLUMNS", "PHRASING_NGRAMS", "STYLE_PREFIX", "phrasing_columns", "phrasing_counts", "shapes",
    "style_names", "style_vector",
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


def style_vector(text: str, tokens: list[Token], *, segmentation: Segmentation | None = None) -> np.ndarray:
    """The profile of one text: function words per word, marks per 100 characters, statistics.

    ``segmentation``, when ``tokens`` are its tokens, lets the word counts come from its index of
    words (built for the earlier stages anyway) instead of a pass over every token.
    """
    index = _words()
    if segmentation is not None and segmentation.tokens is tokens and "\u0130" not in text:
        n_words, letters, vocabulary = _counted(segmentation.word_positions())
    else:
        n_words, letters, vocabulary = _counted_tokens(tokens)
    counts = np.zeros(len(index))
    for word, k in index.items():
        if word in vocabulary:
            counts[k] = vocabulary[word]
    n_chars = max(1, len(text))
    marks = [100.0 * text.count(mark) / n_chars for mark in _MARKS.values()]
    stats = [
        letters / max(1, n_words),
        len(vocabulary) / np.sqrt(max(1, n_words)),  # root TTR: less tied to length than plain TTR
        _uppercase(text) / n_chars,
        100.0 * text.count("\n") / n_chars,
    ]
    return np.concatenate([counts / max(1, n_words), marks, stats])


def _counted_tokens(tokens: list[Token]) -> tuple[int, int, dict[str, int]]:
    """The number of words (tokens that start with a letter or digit), their letters, and how
    often each word occurs, lower-cased.

    The counting runs in C (map, compress, Counter) rather than in a Python loop over every token.
    """
    is_word = list(map(str.isalnum, map(_FIRST_CHAR, map(_TEXT, tokens))))
    n_words = sum(is_word)
    letters = sum(map(len, compress(map(_TEXT, tokens), is_word)))
    return n_words, letters, Counter(compress(map(_LOWER, tokens), is_word))


def _counted(positions: dict[str, list[int]]) -> tuple[int, int, dict[str, int]]:
    """:func:`_counted_tokens` from an index of the lower-cased words (``Segmentation.word_positions``),
    one step per distinct word rather than per token.

    A token starts with a letter or digit exactly when its lower-cased form does, and a
    lower-cased word has as many characters as the word unless it holds "İ" (U+0130, the only
    character whose lower case is longer; the caller falls back to the tokens then): a test checks
    both over all of Unicode.
    """
    n_words = letters = 0
    vocabulary: dict[str, int] = {}
    for word, found in positions.items():
        if word[0].isalnum():
            n = len(found)
            vocabulary[word] = n
            n_words += n
            letters += n * len(word)
    return n_words, letters, vocabulary


_TEXT = itemgetter(2)  # Token.text
_LOWER = itemgetter(3)  # Token.lower
_FIRST_CHAR = itemgetter(0)  # tokens are never empty
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _uppercase(text: str) -> int:
    """How many characters of ``text`` are upper case (``str.isupper``), in C passes.

    An ASCII character is upper case exactly when it is one of A-Z, so those are counted with
    ``str.count``; only the (few) other characters are tested one by one.
    """
    return sum(map(text.count, string.ascii_uppercase)) + sum(map(str.isupper, _NON_ASCII.findall(text)))


def shapes(tokens: list[Token]) -> list[str]:
    """The tokens with content words masked: function words and sourcing words (lower-cased) and
    punctuation kept, numbers as ``0``, capitalised words as ``X``, other words as ``x``."""
    return list(map(_shape, map(_TEXT, tokens)))


def _shape(text: str) -> str:
    """The shape of the token ``text`` (see :func:`shapes`)."""
    lower = text.lower()
    if lower in _kept():
        return lower
    first = text[:1]
    if first.isdigit():
        return "0"
    if first.isalpha():
        return "X" if first.isupper() else "x"
    return text


def phrasing_counts(tokens: list[Token]) -> dict[int, int]:
    """Counts of the masked token sequences (lengths :data:`PHRASING_NGRAMS`) by hashed column,
    in the order of first appearance (which the phrasing score's sum follows)."""
    return dict(Counter(phrasing_columns(tokens).tolist()))


def phrasing_columns(tokens: list[Token]) -> np.ndarray:
    """The hashed column of every masked token sequence (lengths :data:`PHRASING_NGRAMS`): all
    sequences of the shortest length in text order, then those of the next length, and so on.

    Scoring reads this array as it is (``ScoringView`` counts it in numpy); :func:`phrasing_counts`
    turns it into the sparse counts that training reads.

    The column of a sequence is the crc32 of its tokens joined by spaces (crc32 rather than
    ``hash()``: Python salts string hashes per process, and the columns must be the same in every
    process that trains or scores). crc32 can be extended, ``crc32(b" c", crc32(b"a b")) ==
    crc32(b"a b c")``, so each longer sequence costs one short crc32 call and no string join.
    """
    low, high = PHRASING_NGRAMS
    codes = list(map(_CODES.__getitem__, map(_TEXT, tokens)))
    tails = [tail for _, tail in codes]
    running = [crc for crc, _ in codes]  # running[i]: crc32 of the length-n sequence starting at token i
    sequences: list[int] = []
    for n in range(1, high + 1):
        if n > 1:
            # crc32(tails[i + n - 1], running[i]) for every i that has n tokens from it on
            running = list(map(zlib.crc32, tails[n - 1 :], running))
        if n >= low:
            sequences += running
    # The column is the crc's low bits; numpy masks them all at once.
    return np.fromiter(sequences, dtype=np.int64, count=len(sequences)) & (PHRASING_COLUMNS - 1)


class _Codes(dict[str, tuple[int, bytes]]):
    """Token text -> its shape's own crc32 and the shape's bytes after a space (to extend a
    sequence's crc32 with it), computed on first sight.

    A dict looked up through ``map`` costs no Python call per token once a word has been seen
    (an ``lru_cache`` costs one). It is emptied when it reaches :data:`_MAX_CODES` entries, so
    text with endless distinct words cannot grow it without bound.
    """

    def __missing__(self, text: str) -> tuple[int, bytes]:
        if len(self) >= _MAX_CODES:
            self.clear()
        shape = _shape(text)
        code = zlib.crc32(shape.encode("utf-8", "surrogatepass")), (" " + shape).encode("utf-8", "surrogatepass")
        self[text] = code
        return code


_MAX_CODES = 1 << 16
_CODES = _Codes()
