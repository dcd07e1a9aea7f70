"""The writing-style profile: rates of common function words (``data/lexicons/function_words.txt``).

Function words ("the", "which", "would", "you") carry how a text is written, not what it is
about, so their rates transfer across topics and outlets far better than vocabulary does. The
model does not weigh the 148 rates one by one; it condenses them into one stacked
``style_score`` (see ``_classifier.py``), which the explanations report as a single reason.
"""

from __future__ import annotations

import functools

import numpy as np

from ._resources import _lines
from ._segmentation import Token

__all__ = ["STYLE_PREFIX", "style_names", "style_vector"]

STYLE_PREFIX = "fw_"


@functools.cache
def _words() -> dict[str, int]:
    return {w.lower(): i for i, w in enumerate(_lines("function_words.txt"))}


def style_names() -> tuple[str, ...]:
    """Feature names of the profile, in order: ``fw_<word>``."""
    return tuple(STYLE_PREFIX + w for w in _words())


def style_vector(tokens: list[Token]) -> np.ndarray:
    """Occurrences of each function word per word of text."""
    index = _words()
    counts = np.zeros(len(index))
    n_words = 0
    for token in tokens:
        if token.text[:1].isalnum():
            n_words += 1
            k = index.get(token.lower)
            if k is not None:
                counts[k] += 1
    return counts / max(1, n_words)
