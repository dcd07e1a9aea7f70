"""A learned check on each statement the attribution rules read: keep it, or drop it.

The rules (:mod:`._attributions`) turn every cue the cue model (:mod:`._cue_model`) proposes
into a statement when they can find a source and a content around it. Below a certain cue
probability about half of those statements are right, so the cue threshold trades precision
for recall one for one. This model looks at the whole reading instead of the cue word alone:
the cue's words and probability, the shape of the source (a pronoun, a name, none) and where it
stands, how long the content is and where it starts, the directness. It lets the rules run with
lower cue thresholds (``cue_threshold`` 0.35 instead of the cue model's 0.5) and drops the
readings that look wrong. It judges only statements whose cue the model is unsure of (below
``sure``, 0.5): the rest are what the rules read without it, and stay.

A logistic regression trained on PolNeAR train by ``models/build_statement_filter.py``: the
statements the rules read there, each labelled by whether its cue matches a gold cue. The cue
probabilities it sees in training come from cue models trained on the *other* half of train
(two folds), so they are as uncertain as on unseen text. The weights ship as plain JSON in
``models/statement_filter.json`` with a card; scoring is one dictionary look-up per feature.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._resources import model_json, model_weights

if TYPE_CHECKING:
    from ._attributions import Found
    from ._segmentation import Segmentation

__all__ = ["StatementFilter", "cue_probability", "statement_features", "statement_filter"]

MODEL_FILE = "statement_filter.json"


def _shape(text: str) -> str:
    if not text[:1].isalnum():
        return "P"
    return "C" if text[:1].isupper() else "l"


def _bucket(p: float) -> str:
    return str(min(int(p * 10), 9))


def cue_probability(seg: Segmentation, item: Found, cue_probs: dict[int, float]) -> float | None:
    """The cue model's highest probability among the words of the statement's cue.

    None when the model scored none of them: cues only the rules read (a dash or a colon after a
    speaker's name, capitalised words).
    """
    if item.cue is None:
        return None
    starts = seg.token_starts
    lo = bisect.bisect_left(starts, item.cue[0])
    hi = bisect.bisect_left(starts, item.cue[1], lo)
    return max((cue_probs[start] for start in starts[lo:hi] if start in cue_probs), default=None)


def statement_features(seg: Segmentation, item: Found, cue_probs: dict[int, float]) -> list[str]:
    """The feature names of one statement (shared by training and scoring).

    ``cue_probs`` maps a token's start to the cue model's probability, for the tokens the model
    scored (lower-case candidate words outside quotations).
    """
    tokens = seg.tokens
    starts = seg.token_starts
    n = len(tokens)
    out = ["d=" + item.directness, "cont=" + ("1" if item.continuation is not None else "0"),
           "rel=" + ("1" if item.relays else "0")]
    first_cue = ""
    if item.cue is None:
        out.append("nocue")
    else:
        ci = bisect.bisect_left(starts, item.cue[0])
        cj = max(bisect.bisect_left(starts, item.cue[1], ci), ci + 1) if ci < n else ci
        words = [t.lower for t in tokens[ci:cj]] or [seg.text[item.cue[0] : item.cue[1]].lower()]
        first_cue = words[0]
        before = tokens[ci - 1].lower if 0 < ci <= n else "<s>"
        out += [
            "cf=" + first_cue,
            "cl=" + words[-1],
            "cn=" + str(min(len(words), 5)),
            "cp=" + before,
            "cx=" + (tokens[cj].lower if cj < n else "</s>"),
            "cpf=" + before + "|" + first_cue,
            "csh=" + _shape(tokens[ci].text if ci < n else ""),
            "d|cf=" + item.directness + "|" + first_cue,
        ]
        if len(words) <= 3:
            out.append("cs=" + " ".join(words))
        out += ["cw=" + w for w in words[1:-1]]
        probs = [cue_probs[t.start] for t in tokens[ci:cj] if t.start in cue_probs]
        out.append("pb=" + (_bucket(max(probs)) if probs else "-"))
    source = item.written_source or item.source
    if source is None:
        out.append("s=none")
    else:
        si = bisect.bisect_left(starts, source[0])
        sj = bisect.bisect_left(starts, source[1], si)
        if si < sj:
            first, last = tokens[si], tokens[sj - 1]
            out += ["sf=" + first.lower, "sl=" + last.lower, "ssh=" + _shape(first.text) + _shape(last.text),
                    "sn=" + str(min(sj - si, 8))]
            if item.cue is not None:
                out += ["spos=" + ("b" if source[0] < item.cue[0] else "a"), "sl|cf=" + last.lower + "|" + first_cue]
    ki = bisect.bisect_left(starts, item.content[0])
    kj = bisect.bisect_left(starts, item.content[1], ki)
    out += ["kn=" + str(min((kj - ki) // 4, 10)), "kf=" + (tokens[ki].lower if ki < n else "")]
    if item.cue is not None:
        out.append("kpos=" + ("b" if item.content[0] < item.cue[0] else "a"))
    return out


@dataclass(frozen=True)
class StatementFilter:
    """Weights of the statement classifier, its decision threshold and the rules' operating point.

    ``cue_threshold``, ``fallback`` and ``fallback_bare`` replace the cue model's threshold and
    the rules' two fallback thresholds (``_attributions._FALLBACK``, ``_FALLBACK_BARE``) while
    the filter is on: the filter was trained on what the rules read at these looser settings.
    """

    weights: dict[str, float]
    bias: float
    threshold: float
    cue_threshold: float
    fallback: float
    fallback_bare: float
    #: A statement whose cue the cue model gives at least this is kept unjudged: the rules read
    #: those without the filter too, and the filter, trained on PolNeAR alone, should not second-
    #: guess a sure "X reported" in other news ("..., state-run news agency RIA Novosti reported").
    #: So is one whose cue the model does not score at all (a dash, a colon): the rules read
    #: those by construction, and PolNeAR has too few of them to judge them by.
    sure: float

    def probability(self, features: Sequence[str]) -> float:
        """P(the statement's cue is a gold cue) for one statement's features."""
        # map() with a second iterable calls get(feature, 0.0) in C, without a generator frame.
        z = self.bias + sum(map(self.weights.get, features, itertools.repeat(0.0)))
        return 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))

    def keep(self, seg: Segmentation, found: Sequence[Found], cue_probs: dict[int, float]) -> list[Found]:
        """The statements of ``found`` the filter keeps, in order.

        Only a statement whose cue has a word the cue model scored below :attr:`sure` is judged
        (not a sourceless vague reading of a fixed phrase, "reportedly": the vague-source rules');
        it stays when its probability reaches :attr:`threshold`.
        """
        kept = []
        for item in found:
            p = cue_probability(seg, item, cue_probs)
            # A vague report with no source ("reportedly", "is believed to", "sources say") is the
            # vague-source rules' reading of a fixed phrase, not of a cue the model proposed.
            fixed_phrase = item.source is None and item.directness == "vague" and not item.generic
            if p is None or p >= self.sure or fixed_phrase \
                    or self.probability(statement_features(seg, item, cue_probs)) >= self.threshold:
                kept.append(item)
        return kept


@functools.cache
def statement_filter() -> StatementFilter | None:
    """The bundled statement filter, or None when the model file is absent (keep every statement)."""
    return model_json(MODEL_FILE, "build_statement_filter.py", lambda raw: StatementFilter(
        weights=model_weights(raw),
        bias=float(raw["bias"]),
        threshold=float(raw["threshold"]),
        cue_threshold=float(raw["cue_threshold"]),
        fallback=float(raw["fallback"]),
        fallback_bare=float(raw["fallback_bare"]),
        sure=float(raw["sure"]),
    ))
