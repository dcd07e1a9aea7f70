"""The writing-style profile: how a text is written, not what it is about.

Rates of common function words (``data/lexicons/function_words.txt``: "the", "which", "would",
"you"), rates of punctuation marks, and a few character statistics. They transfer across topics
and outlets far better than vocabulary does. The model does not weigh them one by one; it
condenses them into one stacked ``style_score`` (see ``_classifier.py``), which the
explanations report as a single reason.
"""

from __future__ import annotations

import functools

import numpy as np

from ._resources import _lines
from ._segmentation import Token

__all__ = ["STYLE_PREFIX", "style_names", "style_vector"]

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
_STATS = ("mean_word_length", "type_token_ratio", "uppercase_char_share", "newlines_per_100_chars")


@functools.cache
def _words() -> dict[str, int]:
    return {w.lower(): i for i, w in enumerate(_lines("function_words.txt"))}


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
        sum(1 for c in text if c.isupper()) / n_chars,
        100.0 * text.count("\n") / n_chars,
    ]
    return np.concatenate([counts / max(1, n_words), marks, stats])
