"""Learned choosers for where a span ends: cues, paraphrased contents and sources after a cue.

The rules in :mod:`._attributions` start a content right after its cue and end it at the next
clause break, which is often too far ("promised a veto | and attempted to make the case ...",
"mentioned the devil | to me while driving") or too near. PolNeAR marks the end precisely, so a
linear ranker trained on PolNeAR train picks, among the plausible end points of the sentence
(before punctuation, a conjunction, a preposition, a relative pronoun, the sentence end, and the
rules' own end), the one with the highest score. Its features are the words and shapes around the
end point, the content's length, the cue word and where the rules ended it. Two more rankers of
the same kind grow a cue to the right as PolNeAR marks cues ("accused Holt of", "railed
against") and end a source that follows its cue ("according to a poll released last week").

Only contents without quotation marks are re-ended: quoted contents end at the closing mark.
The weights ship as plain JSON in ``models/content_ends.json``, ``cue_ends.json`` and
``source_ends.json`` (no pickle), each with a card beside it; ``models/build_span_rankers.py``
rebuilds them from PolNeAR train. Scoring is a dictionary look-up per feature of each candidate
end point (about six per span).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from ._resources import model_json, model_weights
from ._segmentation import Token

__all__ = [
    "CONTENT_TEMPLATES",
    "CUE_TEMPLATES",
    "Ranker",
    "candidate_ends",
    "comma_counts",
    "content_end_model",
    "cue_end_candidates",
    "cue_end_model",
    "cue_end_rows",
    "cue_end_values",
    "end_rows",
    "end_values",
    "feature_names",
    "source_end_model",
]

CONTENT_MODEL_FILE = "content_ends.json"
SOURCE_MODEL_FILE = "source_ends.json"
CUE_MODEL_FILE = "cue_ends.json"

#: Words a content often ends before: conjunctions, prepositions, relative pronouns.
BREAK_WORDS = frozenset(
    """and but or nor so yet while because although though as since if unless when whereas after before
    until in on at to for with about from by of over into during through amid among against without
    under after including despite than who which whose whom where that this""".split()
)

#: Contents longer than this many tokens are left to the rules (a long clause ends at the sentence end).
MAX_TOKENS = 60


@functools.lru_cache(maxsize=8192)
def _shape(text: str) -> str:
    # Cached: the same few thousand words recur, and a cache hit is a C-level look-up.
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
    last = stop - 1
    # One comprehension rather than a loop with appends: this runs for every paraphrased content.
    return [
        j for j in range(first, stop)
        if tokens[j].text[:1].isalnum() and (
            j in (last, rule_last) or not tokens[j + 1].text[:1].isalnum() or tokens[j + 1].lower in BREAK_WORDS
        )
    ]


def comma_counts(tokens: Sequence[Token], first: int, ends: Sequence[int]) -> list[int]:
    """For each end ``j`` of ``ends`` (increasing), the commas in ``tokens[first : j + 1]``."""
    if not ends:
        return []
    commas = [j for j in range(first, ends[-1] + 1) if tokens[j].text == ","]
    return [bisect.bisect_right(commas, j) for j in ends]


#: The feature templates of :func:`end_values`, in its order (the others we tried, such as the
#: length alone or the word after the end alone, did not help on PolNeAR dev).
CONTENT_TEMPLATES = ("l", "nn2", "sh", "rulen", "fn", "c", "cuen")


def end_values(
    tokens: Sequence[Token], first: int, j: int, stop: int, rule_last: int, cue: str, commas: int
) -> tuple[str, ...]:
    """The feature values of the content end point after token ``j``, one per :data:`CONTENT_TEMPLATES`.

    The last word, the two words after the end, the shapes either side, where the rules ended
    the content (before, here, after) with the next word, the content's first word with the
    next word, the commas inside it (``tokens[first : j + 1]``) and the cue word with the next word.
    """
    return end_rows(tokens, first, (j,), stop, rule_last, cue, (commas,))[0]


def end_rows(
    tokens: Sequence[Token], first: int, ends: Sequence[int], stop: int, rule_last: int, cue: str,
    commas: Sequence[int],
) -> list[tuple[str, ...]]:
    """:func:`end_values` of each end of ``ends`` (with its count of ``commas``), in one loop.

    The parts that are the same for every end of a content (its first word, the cue word) are
    joined once; scoring and training share this one definition of the features.
    """
    first_word = tokens[first].lower + "|"
    cue_word = cue + "|"
    rows: list[tuple[str, ...]] = []
    for j, count in zip(ends, commas, strict=True):
        token = tokens[j]
        if j + 1 < stop:
            after = tokens[j + 1]
            nxt = after.lower
            shape_after = _shape(after.text)
            nxt2 = tokens[j + 2].lower if j + 2 < stop else "</s>"
        else:
            nxt = nxt2 = shape_after = "</s>"
        where = "0|" if j == rule_last else ("-|" if j < rule_last else "+|")
        rows.append((
            token.lower,
            nxt + "|" + nxt2,
            _shape(token.text) + "|" + shape_after,
            where + nxt,
            first_word + nxt,
            _COMMAS[min(count, 3)] + nxt,
            cue_word + nxt,
        ))
    return rows


_COMMAS = ("0|", "1|", "2|", "3|")

#: The feature templates of :func:`cue_end_values`, in its order.
CUE_TEMPLATES = ("h", "l", "n", "hl", "hn", "e", "he", "sh")


def cue_end_values(tokens: Sequence[Token], head: int, j: int, stop: int, content_first: int | None) -> tuple[str, ...]:
    """The feature values of a cue ending after token ``j`` (the rules' cue ends at ``head``).

    One per :data:`CUE_TEMPLATES`: the cue word with the number of words added, the last word,
    the next word, the cue word with each of those, whether the cue took words of the content
    (with the number added, and with the cue word), and the shapes either side. ``content_first``
    is the first token of a content that follows the cue, if any: a longer cue takes its first
    words ("accused | Holt of being ..." becomes "accused Holt of | being ...").
    """
    return cue_end_rows(tokens, head, (j,), stop, content_first)[0]


def cue_end_rows(
    tokens: Sequence[Token], head: int, ends: Sequence[int], stop: int, content_first: int | None
) -> list[tuple[str, ...]]:
    """:func:`cue_end_values` of each end of ``ends``, in one loop (the cue word is joined once)."""
    word = tokens[head].lower
    word_bar = word + "|"
    rows: list[tuple[str, ...]] = []
    for j in ends:
        token = tokens[j]
        last = token.lower
        if j + 1 < stop:
            after = tokens[j + 1]
            nxt = after.lower
            shape_after = _shape(after.text)
        else:
            nxt = shape_after = "</s>"
        extra = _bucket(j - head)
        eats = "1" if content_first is not None and j >= content_first else "0"
        rows.append((
            word_bar + extra,
            last,
            nxt,
            word_bar + last,
            word_bar + nxt,
            eats + "|" + extra,
            word_bar + eats,
            _shape(token.text) + "|" + shape_after,
        ))
    return rows


def feature_names(templates: Sequence[str], values: Sequence[str]) -> list[str]:
    """``["l=said", "n=in", ...]``: the names the training code and the weights file use."""
    return [t + "=" + v for t, v in zip(templates, values, strict=True)]


#: A cue grows by at most this many words to the right ("said | in an interview with CNN's").
MAX_CUE_EXTENSION = 6
#: ... and takes at most this many tokens of a content that follows it ("accused | Holt of | being ...").
MAX_CUE_INTO_CONTENT = 3


@dataclass(frozen=True)
class Ranker:
    """Weights of a linear ranker: of several candidate spans, the one with the highest score wins."""

    weights: dict[str, float]
    templates: tuple[str, ...]
    # The weights split by template ("l=said" -> tables[0]["said"]), so scoring looks the values
    # up directly instead of building a "template=value" string per feature.
    _tables: tuple[dict[str, float], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        tables: dict[str, dict[str, float]] = {name: {} for name in self.templates}
        for name, weight in self.weights.items():
            template, _, value = name.partition("=")
            if template in tables:
                tables[template][value] = weight
        object.__setattr__(self, "_tables", tuple(tables[name] for name in self.templates))

    def score(self, values: Sequence[str]) -> float:
        """The score of one candidate from its feature values (in template order)."""
        # map() over dict.get runs the look-ups in C; a missing feature weighs 0.
        return sum(map(dict.get, self._tables, values, _ZEROS))

    def scores(self, rows: Sequence[Sequence[str]]) -> list[float]:
        """:meth:`score` of each row of feature values."""
        tables = self._tables
        get = dict.get
        return [sum(map(get, tables, values, _ZEROS)) for values in rows]

    def best_end(self, tokens: Sequence[Token], first: int, stop: int, rule_last: int, cue: str) -> int:
        """The index of the last token of the best-scoring content starting at ``tokens[first]``."""
        candidates = candidate_ends(tokens, first, stop, rule_last)
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            return rule_last
        rows = end_rows(tokens, first, candidates, stop, rule_last, cue, comma_counts(tokens, first, candidates))
        scores = self.scores(rows)
        return candidates[scores.index(max(scores))]

    def best_cue_end(self, tokens: Sequence[Token], head: int, stop: int, content_first: int | None) -> int:
        """The index of the last token of the best-scoring cue whose rules' cue ends at ``tokens[head]``."""
        candidates = cue_end_candidates(tokens, head, stop, content_first)
        if len(candidates) == 1:
            return head
        scores = self.scores(cue_end_rows(tokens, head, candidates, stop, content_first))
        return candidates[scores.index(max(scores))]  # the first of equal scores, as max() picks


_ZEROS = (0.0,) * 16


def cue_end_candidates(tokens: Sequence[Token], head: int, stop: int, content_first: int | None) -> list[int]:
    """Indices of the tokens a cue ending at ``tokens[head]`` may grow to: words up to ``stop``.

    At most :data:`MAX_CUE_EXTENSION` words, and at most :data:`MAX_CUE_INTO_CONTENT` of a
    content after the cue: in PolNeAR train about 1 % of the cues reach further than their
    rules' cue by more ("said in an interview with CNN's Wolf Blitzer"), and 1 % take more of
    the content's words ("called on the party's leaders to | ...").
    """
    if content_first is not None:
        # A content opening with "that" keeps all its words (PolNeAR's cue took part of one in 3
        # of 883 such contents on train).
        taken = 0 if tokens[content_first].lower == "that" else MAX_CUE_INTO_CONTENT
        stop = min(stop, content_first + taken)
    result = [head]
    for j in range(head + 1, min(stop, head + 1 + 2 * MAX_CUE_EXTENSION)):
        if tokens[j].text[:1].isalnum():
            result.append(j)
            if len(result) > MAX_CUE_EXTENSION:
                break
    return result


def _load(name: str, templates: tuple[str, ...]) -> Ranker | None:
    return model_json(name, "build_span_rankers.py", lambda raw: Ranker(model_weights(raw), templates))


@functools.cache
def content_end_model() -> Ranker | None:
    """The bundled content end-point ranker, or None when its file is absent (rules only)."""
    return _load(CONTENT_MODEL_FILE, CONTENT_TEMPLATES)


@functools.cache
def cue_end_model() -> Ranker | None:
    """The bundled cue end-point ranker, or None when its file is absent (rules only)."""
    return _load(CUE_MODEL_FILE, CUE_TEMPLATES)


@functools.cache
def source_end_model() -> Ranker | None:
    """The bundled ranker for where a source after its cue ends ("according to | a poll released
    last week"), or None when its file is absent (rules only). Same features as the content ends."""
    return _load(SOURCE_MODEL_FILE, CONTENT_TEMPLATES)
