"""A learned cue detector: which words introduce a reported statement ("said", "blasted", ":").

The rules in :mod:`._attributions` know how to find a source and a content around a cue, but a
word list cannot know every cue: PolNeAR train alone has 7,000 distinct cue strings. Like
citron's cue classifier, a logistic regression over the word and its neighbours decides, for each
*candidate* word (one seen as a cue in the training data), whether it is a cue here. The weights
ship as plain JSON in ``models/cue_tagger.json`` (no pickle: loading runs no code) and are
applied in pure Python, so scoring costs a few dictionary look-ups per candidate.
``models/build_cue_tagger.py`` rebuilds it from PolNeAR train; its card sits beside it.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ._resources import model_json, model_weights
from ._segmentation import Segmentation, Token

__all__ = ["CueTagger", "cue_tagger", "in_quote_flags", "token_features"]

MODEL_FILE = "cue_tagger.json"


def in_quote_flags(seg: Segmentation) -> list[bool]:
    """For each token of ``seg``, whether it lies inside a quotation.

    Each quotation marks its tokens as one slice found by binary search: a few operations per
    quotation instead of a Python step per token.
    """
    flags = [False] * len(seg.tokens)
    starts = seg.token_starts
    for quote in seg.quotes:
        lo = bisect.bisect_left(starts, quote.inner_start)
        hi = bisect.bisect_left(starts, quote.inner_end, lo)
        flags[lo:hi] = [True] * (hi - lo)
    return flags


def _shape(token: Token) -> str:
    return _text_shape(token.text)


@functools.lru_cache(maxsize=8192)
def _text_shape(text: str) -> str:
    # Cached: the same few thousand words recur, and a cache hit is a C-level look-up.
    if not text[:1].isalnum():
        return text if len(text) <= 2 else "P"
    if text.isupper() and len(text) > 1:
        return "A"
    return "C" if text[:1].isupper() else "l"


def token_features(tokens: Sequence[Token], i: int, in_quote: Sequence[bool]) -> list[str]:
    """The names of the features of token ``i`` (shared by training and scoring)."""
    w = tokens[i].lower
    p1 = tokens[i - 1].lower if i > 0 else "<s>"
    p2 = tokens[i - 2].lower if i > 1 else "<s>"
    n1 = tokens[i + 1].lower if i + 1 < len(tokens) else "</s>"
    n2 = tokens[i + 2].lower if i + 2 < len(tokens) else "</s>"
    s_p1 = _shape(tokens[i - 1]) if i > 0 else "<s>"
    s_n1 = _shape(tokens[i + 1]) if i + 1 < len(tokens) else "</s>"
    return [
        "w=" + w,
        "p1=" + p1,
        "n1=" + n1,
        "p2=" + p2,
        "n2=" + n2,
        "p1w=" + p1 + "|" + w,
        "wn1=" + w + "|" + n1,
        "sp1=" + s_p1,
        "sn1=" + s_n1,
        "sh=" + _shape(tokens[i]),
        "sp1w=" + s_p1 + "|" + w,
        "wsn1=" + w + "|" + s_n1,
        "q=" + ("1" if in_quote[i] else "0") + "|" + w,
        "suf=" + w[-3:],
    ]


#: The feature templates of :func:`token_features`, in its order.
_TEMPLATES = ("w", "p1", "n1", "p2", "n2", "p1w", "wn1", "sp1", "sn1", "sh", "sp1w", "wsn1", "q", "suf")


#: The templates that pair the word with a neighbour, by their place in _WordWeights' tables.
_PAIR_SLOTS = {"p1w": 0, "wn1": 1, "sp1w": 2, "wsn1": 3}


class _WordWeights(NamedTuple):
    """The weights of one candidate word ``w``: its own features, and its pairs by neighbour."""

    w: float  # "w=said"
    p1w: dict[str, float]  # "p1w=he|said" as p1w["he"]
    wn1: dict[str, float]  # "wn1=said|that" as wn1["that"]
    sp1w: dict[str, float]  # "sp1w=C|said" as sp1w["C"]
    wsn1: dict[str, float]  # "wsn1=said|," as wsn1[","]
    unquoted: float  # "q=0|said"
    quoted: float  # "q=1|said"
    suf: float  # "suf=aid"


@dataclass(frozen=True)
class CueTagger:
    """Weights of the cue classifier and the candidate vocabulary."""

    weights: dict[str, float]
    bias: float
    threshold: float
    candidates: frozenset[str]
    # The weights split by template ("p1=said" -> tables[1]["said"]): scoring then looks up the
    # words it has, without building a "template=value" string per feature.
    _tables: tuple[dict[str, float], ...] = field(init=False, repr=False, compare=False)
    # The same weights once more, per candidate word (see _WordWeights): the pairs of the word
    # with a neighbour ("p1w=he|said") become a small table of the word ("said": {"he": ...}),
    # looked up with the neighbour's own string instead of a string joined per token.
    _by_word: dict[str, _WordWeights] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        tables: dict[str, dict[str, float]] = {name: {} for name in _TEMPLATES}
        for name, weight in self.weights.items():
            template, _, value = name.partition("=")
            if template in tables:
                tables[template][value] = weight
        object.__setattr__(self, "_tables", tuple(tables[name] for name in _TEMPLATES))
        # A word with "|" in it would make "p1|w" ambiguous: such a word takes the general path.
        words = {w for w in self.candidates if "|" not in w}
        _Pairs = tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float]]
        pairs: dict[str, _Pairs] = {w: ({}, {}, {}, {}) for w in words}
        for template, slot in _PAIR_SLOTS.items():
            for value, weight in tables[template].items():
                if slot % 2 == 0:  # "p1w=he|said", "sp1w=C|said": the neighbour comes first
                    neighbour, _, w = value.rpartition("|")
                else:  # "wn1=said|that", "wsn1=said|,"
                    w, _, neighbour = value.partition("|")
                own = pairs.get(w)
                if own is not None:
                    own[slot][neighbour] = weight
        t_w, t_q, t_suf = tables["w"], tables["q"], tables["suf"]
        object.__setattr__(self, "_by_word", {
            w: _WordWeights(t_w.get(w, 0.0), *pairs[w], t_q.get("0|" + w, 0.0), t_q.get("1|" + w, 0.0),
                            t_suf.get(w[-3:], 0.0))
            for w in words
        })

    def probability(self, tokens: Sequence[Token], i: int, in_quote: Sequence[bool]) -> float:
        """P(token ``i`` is part of a cue): the features of :func:`token_features`, looked up by template."""
        return self.probabilities(tokens, (i,), in_quote)[0]

    def probabilities(self, tokens: Sequence[Token], indices: Sequence[int], in_quote: Sequence[bool]) -> list[float]:
        """:meth:`probability` of each token of ``indices``, in one loop.

        An article asks for about 90 tokens, nearly all of them candidate words: their weights
        come from the word's own small tables (``_by_word``); any other word is scored from the
        template tables. Both add the same fourteen values in token_features' order, so each
        gives exactly the float the feature names give.
        """
        t_w, t_p1, t_n1, t_p2, t_n2, t_p1w, t_wn1, t_sp1, t_sn1, t_sh, t_sp1w, t_wsn1, t_q, t_suf = self._tables
        by_word = self._by_word
        bias = self.bias
        shape = _text_shape
        exp = math.exp
        n = len(tokens)
        result = []
        for i in indices:
            w_text, w = tokens[i][2:4]
            if i > 0:
                before = tokens[i - 1]
                p1 = before.lower
                s_p1 = shape(before.text)
                p2 = tokens[i - 2].lower if i > 1 else "<s>"
            else:
                p1 = p2 = s_p1 = "<s>"
            if i + 1 < n:
                after = tokens[i + 1]
                n1 = after.lower
                s_n1 = shape(after.text)
                n2 = tokens[i + 2].lower if i + 2 < n else "</s>"
            else:
                n1 = n2 = s_n1 = "</s>"
            own = by_word.get(w)
            if own is not None:
                z = bias + sum((
                    own.w, t_p1.get(p1, 0.0), t_n1.get(n1, 0.0), t_p2.get(p2, 0.0), t_n2.get(n2, 0.0),
                    own.p1w.get(p1, 0.0), own.wn1.get(n1, 0.0), t_sp1.get(s_p1, 0.0),
                    t_sn1.get(s_n1, 0.0), t_sh.get(shape(w_text), 0.0), own.sp1w.get(s_p1, 0.0),
                    own.wsn1.get(s_n1, 0.0), own.quoted if in_quote[i] else own.unquoted, own.suf,
                ))
            else:
                z = bias + sum((
                    t_w.get(w, 0.0), t_p1.get(p1, 0.0), t_n1.get(n1, 0.0), t_p2.get(p2, 0.0), t_n2.get(n2, 0.0),
                    t_p1w.get(p1 + "|" + w, 0.0), t_wn1.get(w + "|" + n1, 0.0), t_sp1.get(s_p1, 0.0),
                    t_sn1.get(s_n1, 0.0), t_sh.get(shape(w_text), 0.0), t_sp1w.get(s_p1 + "|" + w, 0.0),
                    t_wsn1.get(w + "|" + s_n1, 0.0), t_q.get(("1|" if in_quote[i] else "0|") + w, 0.0),
                    t_suf.get(w[-3:], 0.0),
                ))
            result.append(0.0 if z < -30 else 1.0 / (1.0 + exp(-z)))
        return result


@functools.cache
def cue_tagger() -> CueTagger | None:
    """The bundled cue tagger, or None when the model file is absent (rules only)."""
    return model_json(MODEL_FILE, "build_cue_tagger.py", lambda raw: CueTagger(
        weights=model_weights(raw),
        bias=float(raw["bias"]),
        threshold=float(raw["threshold"]),
        candidates=frozenset(raw["candidates"]),
    ))
