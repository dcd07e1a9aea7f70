"""A learned chooser for where a paraphrased content ends ("endorsed Trump | , who says ...").

The rules in :mod:`._attributions` start a content right after its cue and end it at the next
clause break, which is often too far ("promised a veto | and attempted to make the case ...",
"mentioned the devil | to me while driving") or too near. PolNeAR marks the end precisely, so a
linear ranker trained on PolNeAR train picks, among the plausible end points of the sentence
(before punctuation, a conjunction, a preposition, a relative pronoun, the sentence end, and the
rules' own end), the one with the highest score. Its features are the words and shapes around the
end point, the content's length, the cue word and where the rules ended it.

Only contents without quotation marks are re-ended: quoted contents end at the closing mark.
The weights ship as plain JSON in ``models/content_ends.json`` (no pickle) with a card beside
it; ``models/build_span_rankers.py`` rebuilds them from PolNeAR train. Scoring is a dictionary
look-up per feature of each candidate end point (about six per content).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass

from ._exceptions import DataError
from ._resources import models_dir
from ._segmentation import Token

__all__ = [
    "Ranker", "candidate_ends", "content_end_model", "cue_end_candidates", "cue_end_features", "cue_end_model",
    "end_features",
]

CONTENT_MODEL_FILE = "content_ends.json"
CUE_MODEL_FILE = "cue_ends.json"

#: Words a content often ends before: conjunctions, prepositions, relative pronouns.
BREAK_WORDS = frozenset(
    """and but or nor so yet while because although though as since if unless when whereas after before
    until in on at to for with about from by of over into during through amid among against without
    under after including despite than who which whose whom where that this""".split()
)

#: Contents longer than this many tokens are left to the rules (a long clause ends at the sentence end).
MAX_TOKENS = 60


def _shape(text: str) -> str:
    if not text[:1].isalnum():
        return text if len(text) <= 2 else "P"
    if text[:1].isdigit():
        return "9"
    return "C" if text[:1].isupper() else "l"


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 5:
        return "4-5"
    if n <= 8:
        return "6-8"
    if n <= 12:
        return "9-12"
    if n <= 20:
        return "13-20"
    return "21+"


def candidate_ends(tokens: Sequence[Token], first: int, stop: int, rule_last: int) -> list[int]:
    """Indices ``j`` of the last token of each plausible content ``tokens[first : j + 1]``.

    ``stop`` is the index after the last token the content may reach (sentence end or the next
    quotation); ``rule_last`` the last token of the rules' content. A content ends on a word,
    before punctuation, a word of :data:`BREAK_WORDS`, at ``stop`` or where the rules ended it.
    """
    stop = min(stop, first + MAX_TOKENS)
    ends = []
    for j in range(first, stop):
        if not tokens[j].text[:1].isalnum():
            continue
        nxt = j + 1
        if nxt >= stop or j == rule_last or not tokens[nxt].text[:1].isalnum() or tokens[nxt].lower in BREAK_WORDS:
            ends.append(j)
    return ends


def end_features(
    tokens: Sequence[Token], first: int, j: int, stop: int, rule_last: int, cue: str, commas: int
) -> list[str]:
    """The names of the features of the end point after token ``j`` (shared by training and scoring).

    ``commas`` counts the commas in ``tokens[first : j + 1]``.
    """
    last = tokens[j].lower
    nxt = tokens[j + 1].lower if j + 1 < stop else "</s>"
    nxt2 = tokens[j + 2].lower if j + 2 < stop else "</s>"
    length = _bucket(j - first + 1)
    where = "0" if j == rule_last else ("-" if j < rule_last else "+")
    opener = tokens[first].lower
    return [
        "l=" + last,
        "n=" + nxt,
        "ln=" + last + "|" + nxt,
        "nn2=" + nxt + "|" + nxt2,
        "sh=" + _shape(tokens[j].text) + "|" + (_shape(tokens[j + 1].text) if j + 1 < stop else "</s>"),
        "len=" + length,
        "rule=" + where,
        "rulen=" + where + "|" + nxt,
        "cuelen=" + cue + "|" + length,
        "cuen=" + cue + "|" + nxt,
        "fn=" + opener + "|" + nxt,
        "flen=" + opener + "|" + length,
        "c=" + str(min(commas, 3)) + "|" + nxt,
    ]


def cue_end_features(tokens: Sequence[Token], head: int, j: int, stop: int, content_first: int | None) -> list[str]:
    """The names of the features of a cue ending after token ``j`` (its rules' cue ends at ``head``).

    ``content_first`` is the first token of a content that follows the cue, if any: a longer cue
    takes its first words ("accused | Holt of being ..." becomes "accused Holt of | being ...").
    """
    word = tokens[head].lower
    last = tokens[j].lower
    nxt = tokens[j + 1].lower if j + 1 < stop else "</s>"
    extra = _bucket(j - head)
    eats = "1" if content_first is not None and j >= content_first else "0"
    return [
        "h=" + word + "|" + extra,
        "l=" + last,
        "n=" + nxt,
        "ln=" + last + "|" + nxt,
        "hl=" + word + "|" + last,
        "hn=" + word + "|" + nxt,
        "x=" + extra,
        "e=" + eats + "|" + extra,
        "he=" + word + "|" + eats,
        "sh=" + _shape(tokens[j].text) + "|" + (_shape(tokens[j + 1].text) if j + 1 < stop else "</s>"),
    ]


#: A cue grows by at most this many tokens to the right ("said | in an interview with CNN's Wolf Blitzer").
MAX_CUE_EXTENSION = 10


@dataclass(frozen=True)
class Ranker:
    """Weights of a linear ranker: of several candidate spans, the one with the highest score wins."""

    weights: dict[str, float]

    def score(self, features: Sequence[str]) -> float:
        weights = self.weights
        return sum(weights.get(f, 0.0) for f in features)

    def best_end(self, tokens: Sequence[Token], first: int, stop: int, rule_last: int, cue: str) -> int:
        """The index of the last token of the best-scoring content starting at ``tokens[first]``."""
        best, best_score = rule_last, float("-inf")
        commas = 0
        previous = first
        for j in candidate_ends(tokens, first, stop, rule_last):
            commas += sum(1 for t in tokens[previous : j + 1] if t.text == ",")
            previous = j + 1
            score = self.score(end_features(tokens, first, j, stop, rule_last, cue, commas))
            if score > best_score:
                best, best_score = j, score
        return best

    def best_cue_end(self, tokens: Sequence[Token], head: int, stop: int, content_first: int | None) -> int:
        """The index of the last token of the best-scoring cue whose rules' cue ends at ``tokens[head]``."""
        best, best_score = head, float("-inf")
        for j in cue_end_candidates(tokens, head, stop):
            score = self.score(cue_end_features(tokens, head, j, stop, content_first))
            if score > best_score:
                best, best_score = j, score
        return best


def cue_end_candidates(tokens: Sequence[Token], head: int, stop: int) -> list[int]:
    """Indices of the tokens a cue ending at ``tokens[head]`` may grow to: words up to ``stop``."""
    return [head] + [
        j for j in range(head + 1, min(stop, head + 1 + MAX_CUE_EXTENSION)) if tokens[j].text[:1].isalnum()
    ]


def _load(name: str) -> Ranker | None:
    path = models_dir() / name
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Ranker(weights={str(k): float(v) for k, v in raw["weights"].items()})
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(
            f"models/{name} is malformed ({exc}); rebuild it with models/build_span_rankers.py"
        ) from None


@functools.cache
def content_end_model() -> Ranker | None:
    """The bundled content end-point ranker, or None when its file is absent (rules only)."""
    return _load(CONTENT_MODEL_FILE)


@functools.cache
def cue_end_model() -> Ranker | None:
    """The bundled cue end-point ranker, or None when its file is absent (rules only)."""
    return _load(CUE_MODEL_FILE)
