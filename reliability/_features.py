"""Stage 6: one fixed, named vector of features per article.

Each feature is defined once here, with the description that ``docs/features.md`` and the
explanations use, and a function from an :class:`~reliability._pipeline.Analysis` to its value
and the spans that show it. The features describe how an article sources what it says, not
which outlet wrote it or what it is about, so that a model trained on them carries over to
outlets and topics it has never seen.

:class:`~reliability._transformer.ArticleFeatures` wraps them as a scikit-learn transformer over articles.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._claims import find_phrases, is_boilerplate, is_date, phrase_table
from ._pipeline import Analysis, analyze
from ._ratings import NEUTRAL_PRIOR, OutletRatings
from ._records import ARTICLE_SOURCE_ID, Article, Span
from ._resources import _lines
from ._segmentation import Segmentation, Token, tokenize
from ._style import PHRASING_COLUMNS, phrasing_columns, style_names, style_vector

__all__ = [
    "FEATURES", "FEATURE_DIRECTIONS", "FEATURE_NAMES", "INPUT_NAMES", "PHRASING_PREFIX", "Feature", "InputRow",
    "article_row", "compute_features", "input_matrix",
]

Evidence = list[Span]
_PRIMARY_KINDS = frozenset({"official", "expert", "organization"})
_NAMED_KINDS = frozenset({"person", "official", "expert", "organization", "news_outlet", "wire_agency",
                          "state_media", "blog", "social_media"})
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
_SECOND_PERSON = frozenset({"you", "your", "yours"})
_SAY_FORMS = frozenset({"say", "says", "said", "saying"})
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*")
_WIRE_CREDIT = re.compile(r"\((?:Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua|TASS)\)|\b(?:Reuters|Associated Press|AFP)\b")
_MAX_EVIDENCE = 5
PHRASING_PREFIX = "phrasing_"
_QUESTION_START = re.compile(r"(?i)^(is|are|was|were|will|did|does|do|can|could|should|would)\b")


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    description: str
    compute: Callable[[Analysis, _Context], tuple[float, Evidence]]


@dataclass(slots=True)
class _Context:
    """Counts several features share, computed once per article."""

    n_words: int
    numbers: int  # words that start with a digit
    caps: list[tuple[int, int]]  # words of four or more letters, all capitals
    pronouns: list[tuple[int, int, str]]  # first- and second-person pronouns: start, end, lower-cased
    per_100: float  # 100 / number of words
    attributed: list[int]  # indices of claims with an attribution
    origin_kind: dict[str, str]  # chain id -> kind of its origin source
    chain_depth: dict[str, int]
    chain_hops: dict[str, list[str]]
    kinds: dict[str, str]
    state: set[str]
    ratings: OutletRatings | None = None


def _span(text: str, s: int, e: int) -> Span:
    return Span(start=s, end=e, text=text[s:e])


def _context(a: Analysis, ratings: OutletRatings | None = None) -> _Context:
    text = a.article.text
    n_words, numbers, caps, pronouns = _words(text, a.segmentation)
    kinds: dict[str, str] = {s.id: s.kind for s in a.sources}
    chain_hops = {c.id: c.hops for c in a.chains}
    return _Context(
        n_words=n_words,
        numbers=numbers,
        caps=caps,
        pronouns=pronouns,
        per_100=100.0 / max(1, n_words),
        attributed=[i for i, c in enumerate(a.claims) if c.attribution is not None],
        origin_kind={c.id: kinds.get(c.hops[0], "unknown") for c in a.chains},
        chain_depth={c.id: c.depth for c in a.chains},
        chain_hops=chain_hops,
        kinds=kinds,
        state={s.id for s in a.sources if s.state_affiliated},
        ratings=ratings,
    )


_PRONOUNS = _FIRST_PERSON | _SECOND_PERSON
_LONGEST_PRONOUN = max(map(len, _PRONOUNS))
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'’.-")  # _WORD's
_LEADING = frozenset("'’.-")  # the characters of a word's run that cannot start the word
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_FIRST = operator.itemgetter(0)
_Caps = list[tuple[int, int]]  # start, end
_Pronouns = list[tuple[int, int, str]]  # start, end, lower-cased


def _words(text: str, seg: Segmentation | None = None) -> tuple[int, int, _Caps, _Pronouns]:
    """Everything the word-level features need: how many words (``_WORD``) there are, how many
    start with a digit, the all-capital ones and the personal pronouns.

    With the article's segmentation, the count comes from one ``findall`` (no match object and
    no Python code per word), and the few words whose places matter, pronouns and capitals, are
    read from the tokens: a word of letters that ``_WORD`` finds is also a token, and a token of
    letters is such a word exactly when :func:`_is_word` says so, as long as the tokeniser and
    ``_WORD`` agree on which characters make up words (:func:`_tokens_agree`). Where they do not
    (an accented name, an underscore, mojibake: 72 of the 928 PolNeAR texts), every word is read
    from the regex.
    """
    if seg is None or seg.text is not text or not _tokens_agree(text):
        return _placed_words(text)
    words = _WORD.findall(text)
    firsts = "".join(map(_FIRST, words))
    numbers = sum(map(firsts.count, "0123456789"))
    tokens = seg.tokens
    pronouns = [
        (t.start, t.end, t.lower) for t in map(tokens.__getitem__, seg.positions(_PRONOUNS)) if _is_word(text, t)
    ]
    caps: _Caps = []
    shouted = {w.lower() for w in filter(str.isupper, words) if len(w) > 3 and w.isalpha()}
    if shouted:  # most articles have none
        caps = [
            (t.start, t.end) for t in map(tokens.__getitem__, seg.positions(shouted))
            if t.text.isupper() and t.text.isalpha() and _is_word(text, t)
        ]
    return len(words), numbers, caps, pronouns


def _tokens_agree(text: str) -> bool:
    """Whether every character the tokeniser counts as part of a word (``\\w``: letters, digits and
    the underscore) is one ``_WORD`` counts too (ASCII letters and digits), and the text has no
    U+FFFD, which the tokeniser reads as an apostrophe (``_segmentation._unmangle``). ``\\w`` is
    ``str.isalnum`` or the underscore, so only the characters outside ASCII are tested one by one.
    """
    if "_" in text or "\ufffd" in text:
        return False
    return text.isascii() or not any(map(str.isalnum, _NON_ASCII.findall(text)))


def _is_word(text: str, token: Token) -> bool:
    """Whether ``token`` (of letters only) is a whole word as ``_WORD`` reads the text: nothing of
    ``_WORD``'s runs follows it, and nothing but quote marks, periods and hyphens, none of them
    after a letter or digit, precedes it."""
    if token.end < len(text) and text[token.end] in _WORD_CHARS:
        return False
    j = token.start
    while j > 0 and text[j - 1] in _LEADING:
        j -= 1
    return j == 0 or text[j - 1] not in _ASCII_ALNUM


def _placed_words(text: str) -> tuple[int, int, _Caps, _Pronouns]:
    """:func:`_words` by a pass over every word of ``text`` and its match object."""
    n_words = numbers = 0
    caps: _Caps = []
    pronouns: _Pronouns = []
    for match in _WORD.finditer(text):
        n_words += 1
        word = match.group()
        if word[0].isdigit():
            numbers += 1
        elif len(word) <= _LONGEST_PRONOUN:
            # The length test first: it rules out most words without lower-casing them.
            lower = word.lower()
            if lower in _PRONOUNS:
                pronouns.append((match.start(), match.end(), lower))
        if len(word) > 3 and word.isupper() and word.isalpha():
            caps.append(match.span())
    return n_words, numbers, caps, pronouns


def _claim_evidence(a: Analysis, indices: Iterable[int], part: str = "cue") -> Evidence:
    spans: Evidence = []
    for i in indices:
        attribution = a.claims[i].attribution
        span = getattr(attribution, part, None) if attribution is not None else None
        spans.append(span or a.claims[i].text)
        if len(spans) >= _MAX_EVIDENCE:
            break
    return spans


def _share(a: Analysis, ctx: _Context, keep: Callable[[int], bool], part: str = "cue") -> tuple[float, Evidence]:
    hits = [i for i in ctx.attributed if keep(i)]
    return (len(hits) / len(ctx.attributed) if ctx.attributed else 0.0), _claim_evidence(a, hits, part)


def _directness(kind: str) -> Callable[[Analysis, _Context], tuple[float, Evidence]]:
    def compute(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
        return _share(a, ctx, lambda i: a.claims[i].attribution.directness == kind)  # type: ignore[union-attr]

    return compute


def is_said_cue(cue: str) -> bool:
    """Whether a cue's words open with a form of "say" ("said", "says in a statement")."""
    return cue.split(maxsplit=1)[0].lower() in _SAY_FORMS


def _said_cues(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    """Reporting attributes with the neutral "said"; loaded verbs ("claimed", "slammed") editorialise."""

    def neutral(i: int) -> bool:
        cue = a.claims[i].attribution.cue  # type: ignore[union-attr]
        return cue is not None and is_said_cue(cue.text)

    return _share(a, ctx, neutral)


def _attributions_rate(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    return len(a.found) * ctx.per_100, []


def _unattributed(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    hits = [i for i, c in enumerate(a.claims) if c.attribution is None]
    share = len(hits) / len(a.claims) if a.claims else 0.0
    return share, [a.claims[i].text for i in hits[:_MAX_EVIDENCE]]


def _anonymous_origin(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    return _share(a, ctx, lambda i: ctx.origin_kind.get(a.claims[i].chain_id or "") == "anonymous")


def _state_relay(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    def relayed(i: int) -> bool:
        return any(h in ctx.state for h in ctx.chain_hops.get(a.claims[i].chain_id or "", []))

    hits = [i for i in ctx.attributed if relayed(i)]
    share = len(hits) / len(ctx.attributed) if ctx.attributed else 0.0
    mentions = [m for s in a.sources if s.id in ctx.state for m in s.mentions]
    return share, mentions[:_MAX_EVIDENCE]


def _depths(a: Analysis, ctx: _Context) -> list[tuple[int, int]]:
    return [(ctx.chain_depth.get(a.claims[i].chain_id or "", 0), i) for i in ctx.attributed]


def _max_depth(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    depths = _depths(a, ctx)
    if not depths:
        return 0.0, []
    deepest = max(d for d, _ in depths)
    return float(deepest), _claim_evidence(a, [i for d, i in depths if d == deepest], "source")


def _mean_depth(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    depths = _depths(a, ctx)
    relayed = [i for d, i in depths if d > 0]
    return (sum(d for d, _ in depths) / len(depths) if depths else 0.0), _claim_evidence(a, relayed, "source")


def _origins(a: Analysis, ctx: _Context) -> set[str]:
    return {ctx.chain_hops[c.chain_id][0] for c in a.claims if c.chain_id in ctx.chain_hops}


def _named_sources(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    named = [s for s in a.sources if s.id != ARTICLE_SOURCE_ID and s.kind in _NAMED_KINDS]
    return math.log1p(len(named)), [s.mentions[0] for s in named[:_MAX_EVIDENCE] if s.mentions]


def _primary(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    origins = _origins(a, ctx)
    primary = [s for s in a.sources if s.id in origins and s.kind in _PRIMARY_KINDS]
    return float(bool(primary)), [s.mentions[0] for s in primary[:_MAX_EVIDENCE] if s.mentions]


def _official_share(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    found = _origins(a, ctx)  # once, not once per source: thousands of sources stay linear
    origins = [s for s in a.sources if s.id in found and s.id != ARTICLE_SOURCE_ID]
    primary = [s for s in origins if s.kind in _PRIMARY_KINDS]
    return (len(primary) / len(origins) if origins else 0.0), []


def _independent(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    """Named origins, counting a speaker and the venue it speaks through (or for) as one."""
    by_id = {s.id: s for s in a.sources}
    origins = [o for o in _origins(a, ctx) if o != ARTICLE_SOURCE_ID and ctx.kinds.get(o) != "anonymous"]
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for origin in origins:
        venue = by_id[origin].affiliated_with
        if venue is not None:
            parent[root(origin)] = root(venue)
    groups = {root(o) for o in origins}
    named = [by_id[o] for o in sorted(origins)]
    return math.log1p(len(groups)), [s.mentions[0] for s in named[:_MAX_EVIDENCE] if s.mentions]


def _rated(a: Analysis, ctx: _Context) -> list[tuple[float, Span | None]]:
    """Ratings of the article's own domain and of every outlet a chain passes through."""
    if ctx.ratings is None:
        return []
    in_chains = {h for hops in ctx.chain_hops.values() for h in hops}
    rated = []
    for source in a.sources:
        if source.domain and (source.id == ARTICLE_SOURCE_ID or source.id in in_chains):
            score = ctx.ratings.lookup(source.domain)
            if score is not None:
                rated.append((score, source.mentions[0] if source.mentions else None))
    return rated


def _outlet_prior(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    rated = _rated(a, ctx)
    if not rated:
        return NEUTRAL_PRIOR, []
    return sum(s for s, _ in rated) / len(rated), [m for _, m in rated if m is not None][:_MAX_EVIDENCE]


def _outlet_prior_known(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    return float(bool(_rated(a, ctx))), []


def _wire(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    text = a.article.text
    wire = [m for s in a.sources if s.kind == "wire_agency" for m in s.mentions]
    if not wire:
        match = _WIRE_CREDIT.search(text, 0, min(len(text), 2000))
        if match:
            wire = [_span(text, *match.span())]
    return float(bool(wire)), wire[:1]


def _hedges(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    spans = a.hedges
    return len(spans) * ctx.per_100, spans[:_MAX_EVIDENCE]


@functools.cache
def _sensational_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    return phrase_table(_lines("sensational.txt"))


def _sensational(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    table = _sensational_table()
    spans = find_phrases(a.segmentation.tokens, a.article.text, table, segmentation=a.segmentation)
    title = a.article.title or ""
    in_title = len(find_phrases(tokenize(title), title, table)) if title else 0
    return (len(spans) + in_title) * ctx.per_100, spans[:_MAX_EVIDENCE]


@functools.cache
def _time_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    return phrase_table(_lines("time_references.txt"))


def _time_references(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    """Dates and times that anchor events: reporting says when things happened."""
    seg, text = a.segmentation, a.article.text
    tokens = seg.tokens
    spans = find_phrases(tokens, text, _time_table(), segmentation=seg)
    # The two months that are also common words count only where they are dates. The candidates
    # come from the article's index of words: digits have no case, so a year is its own lower case.
    years = [w for w in seg.words if len(w) == 4 and w[:2] in ("19", "20")]
    for i in seg.positions(["may", "march", *years]):
        word = tokens[i].text
        if (word in ("May", "March") and is_date(tokens, i)) or (
            len(word) == 4 and word[:2] in ("19", "20") and word.isdigit()
        ):
            spans.append(_span(text, tokens[i].start, tokens[i].end))
    spans.sort(key=lambda span: span.start)
    return len(spans) * ctx.per_100, spans[:_MAX_EVIDENCE]


def _quoted(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    quotes = a.segmentation.quotes
    chars = sum(q.inner_end - q.inner_start for q in quotes)
    return chars / max(1, len(a.article.text)), []


def _title_question(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    title = (a.article.title or "").strip()
    asks = title.endswith("?") or bool(_QUESTION_START.match(title))
    return float(asks), []


def _title_caps(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    words = [w for w in (a.article.title or "").split() if any(c.isalpha() for c in w)]
    caps = [w for w in words if len(w) > 1 and w.isupper()]
    return (len(caps) / len(words) if words else 0.0), []


# Words Title Case leaves in lower case (AP, Chicago); a sentence-case headline writes them so too.
_TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on onto or per so than the to up upon via vs with yet".split()
)
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _title_case(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    # The first word is capitalised in every style and a word in capitals is an acronym or a
    # shout (title_all_caps_share), so neither says which style the headline is written in.
    words = _TITLE_WORD.findall(a.article.title or "")[1:]
    counted = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS and not w.isupper()]
    if not counted:  # no headline, or nothing to tell the styles apart: halfway, neither style
        return 0.5, []
    return sum(w[0].isupper() for w in counted) / len(counted), []


def _title_exclamation(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    return float("!" in (a.article.title or "")), []


def _exclamations(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    text = a.article.text
    positions = []
    i = text.find("!")
    while i >= 0:  # str.find runs in C; a Python loop over every character is the slow way
        positions.append(i)
        i = text.find("!", i + 1)
    return len(positions) * ctx.per_100, [_span(text, i, i + 1) for i in positions[:_MAX_EVIDENCE]]


def _caps_words(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    text = a.article.text
    hits = ctx.caps
    return len(hits) / max(1, ctx.n_words), [_span(text, s, e) for s, e in hits[:_MAX_EVIDENCE]]


def _person_rate(pronouns: frozenset[str]) -> Callable[[Analysis, _Context], tuple[float, Evidence]]:
    def compute(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
        text = a.article.text
        quotes = a.segmentation
        hits = [(s, e) for s, e, lower in ctx.pronouns if lower in pronouns and quotes.quote_at(s) is None]
        return len(hits) * ctx.per_100, [_span(text, s, e) for s, e in hits[:_MAX_EVIDENCE]]

    return compute


def _numbers(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    return ctx.numbers * ctx.per_100, []


def _sentence_words(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    sentences = a.segmentation.sentences
    return (ctx.n_words / len(sentences) if sentences else 0.0), []


def _length(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    return math.log1p(ctx.n_words), []


def _boilerplate(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    text = a.article.text
    hits = [(s, e) for s, e in a.segmentation.paragraphs if is_boilerplate(text[s:e])]
    return float(bool(hits)), [_span(text, s, e) for s, e in hits[:_MAX_EVIDENCE]]


def _questions(a: Analysis, ctx: _Context) -> tuple[float, Evidence]:
    text = a.article.text
    sentences = a.segmentation.sentences
    hits = [s for s in sentences if text[s.start : s.end].rstrip().endswith("?")]
    share = len(hits) / len(sentences) if sentences else 0.0
    return share, [_span(text, s.start, s.end) for s in hits[:_MAX_EVIDENCE]]


FEATURES: tuple[Feature, ...] = (
    Feature("attributions_per_100_words", "Reported statements per 100 words.", _attributions_rate),
    Feature("share_direct_quote", "Share of reported statements quoted directly from a named source.",
            _directness("direct_quote")),
    Feature("share_indirect", "Share of reported statements paraphrased from a named source.",
            _directness("indirect")),
    Feature("share_secondhand", "Share of reported statements that reached the article through "
            "another outlet or person.", _directness("secondhand")),
    Feature("share_vague", "Share of reported statements attributed vaguely (\"there are reports\", "
            "\"reportedly\", \"sources say\").", _directness("vague")),
    Feature("share_said_cues", "Share of reported statements introduced by the neutral \"said\" or \"says\" "
            "rather than a loaded verb (\"claimed\", \"admitted\", \"slammed\") or none.", _said_cues),
    Feature("share_unattributed_claims", "Share of claims the article asserts without naming any source.",
            _unattributed),
    Feature("share_anonymous_origin", "Share of attributed claims whose citation chain starts at an "
            "unnamed source.", _anonymous_origin),
    Feature("share_state_media_relay", "Share of attributed claims whose chain passes through "
            "state-affiliated media.", _state_relay),
    Feature("max_chain_depth", "Most relays between a claim's origin and the article.", _max_depth),
    Feature("mean_chain_depth", "Mean number of relays over attributed claims.", _mean_depth),
    Feature("named_sources_log", "log(1 + number of distinct named sources and outlets).", _named_sources),
    Feature("has_primary_source", "1 when some claim originates with a named official, expert or "
            "organisation.", _primary),
    Feature("share_primary_origins", "Share of claim origins that are officials, experts or "
            "organisations.", _official_share),
    Feature("independent_sources_log", "log(1 + number of distinct named origins of claims, counting a "
            "speaker and the outlet or government it speaks through as one).", _independent),
    Feature("outlet_prior", "Mean user-supplied rating (0-1) of the article's domain and the outlets its "
            "chains pass through; 0.5 when none is rated or no ratings are loaded.", _outlet_prior),
    Feature("outlet_prior_known", "1 when outlet_prior comes from at least one rated domain.", _outlet_prior_known),
    Feature("wire_agency_cited", "1 when a wire agency is a source or credited.", _wire),
    Feature("hedges_per_100_words", "Hedging words (\"may\", \"reportedly\", \"is believed to\") per 100 "
            "words.", _hedges),
    Feature("sensational_per_100_words", "Sensational, alarmist or conspiratorial words and phrases "
            "(\"shocking\", \"bombshell\", \"cover-up\", \"mainstream media\"; data/lexicons/sensational.txt) "
            "in the text and headline per 100 words.", _sensational),
    Feature("quoted_char_share", "Share of the text's characters inside quotation marks.", _quoted),
    Feature("title_is_question", "1 when the headline is a question.", _title_question),
    Feature("title_all_caps_share", "Share of headline words written in capitals.", _title_caps),
    Feature("title_case_share", "Share of headline words after the first that start with a capital (Title "
            "Case), short function words and words in capitals left out; 0.5 without a headline.", _title_case),
    Feature("title_exclamation", "1 when the headline has an exclamation mark.", _title_exclamation),
    Feature("exclamations_per_100_words", "Exclamation marks per 100 words.", _exclamations),
    Feature("all_caps_word_share", "Share of words of four or more letters written in capitals.", _caps_words),
    Feature("first_person_per_100_words", "First-person pronouns outside quotations per 100 words.",
            _person_rate(_FIRST_PERSON)),
    Feature("second_person_per_100_words", "Second-person pronouns outside quotations per 100 words.",
            _person_rate(_SECOND_PERSON)),
    Feature("numbers_per_100_words", "Numbers per 100 words.", _numbers),
    Feature("time_references_per_100_words", "Dates and times that anchor events (\"on Tuesday\", \"last week\", "
            "\"in March\", \"2021\") per 100 words.", _time_references),
    Feature("mean_sentence_words", "Mean words per sentence.", _sentence_words),
    Feature("words_log", "log(1 + number of words).", _length),
    Feature("has_boilerplate", "1 when the text holds page furniture (\"Post a Comment\").", _boilerplate),
    Feature("share_question_sentences", "Share of sentences that are questions.", _questions),
)

FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
#: Which way each feature bears on trust, read plainly: +1 more is better, -1 more is worse;
#: features missing here (length, sentence length) have no plain direction. The default model's
#: weights are constrained to these signs, so an explanation never says that quoting a named
#: source lowered the score.
FEATURE_DIRECTIONS: dict[str, int] = {
    "share_direct_quote": 1, "share_indirect": 1, "share_secondhand": -1, "share_vague": -1,
    "share_said_cues": 1, "share_unattributed_claims": -1, "share_anonymous_origin": -1, "share_state_media_relay": -1,
    "max_chain_depth": -1, "mean_chain_depth": -1, "named_sources_log": 1, "has_primary_source": 1,
    "share_primary_origins": 1, "wire_agency_cited": 1, "hedges_per_100_words": -1, "quoted_char_share": 1,
    "title_is_question": -1, "title_all_caps_share": -1, "title_case_share": -1,
    "title_exclamation": -1,
    "exclamations_per_100_words": -1, "all_caps_word_share": -1, "first_person_per_100_words": -1,
    "second_person_per_100_words": -1, "numbers_per_100_words": 1, "has_boilerplate": -1,
    "share_question_sentences": -1, "attributions_per_100_words": 1, "independent_sources_log": 1,
    "outlet_prior": 1, "sensational_per_100_words": -1, "time_references_per_100_words": 1,
}
#: The readable columns ArticleFeatures produces: the named features, then the style profile
#: (the hashed phrasing columns follow them).
INPUT_NAMES: tuple[str, ...] = FEATURE_NAMES + style_names()


def compute_features(
    analysis: Analysis, *, ratings: OutletRatings | None = None
) -> tuple[np.ndarray, list[Evidence]]:
    """The feature vector of one analysed article and the evidence for each feature.

    ``ratings`` (from :func:`~reliability.load_ratings`) feed ``outlet_prior``; without them it
    takes its neutral value.
    """
    ctx = _context(analysis, ratings)
    values = np.empty(len(FEATURES), dtype=float)
    evidence: list[Evidence] = []
    for k, feature in enumerate(FEATURES):
        value, spans = feature.compute(analysis, ctx)
        values[k] = value
        evidence.append(spans)
    return values, evidence


def _as_article(item: Any) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    if isinstance(item, dict):
        return Article.model_validate({k: item[k] for k in ("text", "title", "url", "published") if k in item})
    text = getattr(item, "text", None)
    if isinstance(text, str):  # LabelledArticle and look-alikes
        return Article(text=text, title=getattr(item, "title", None), url=getattr(item, "url", None))
    raise TypeError(f"cannot read an article from {type(item).__name__}")


@dataclass(frozen=True, slots=True)
class InputRow:
    """The model's input for one article: the readable columns and the hashed phrasing profile."""

    values: np.ndarray  # INPUT_NAMES: named features, then the style profile
    # The hashed column of every masked token sequence (see _style.phrasing_columns). Scoring
    # counts them in numpy; the dict of counts is built only when training asks for it.
    phrasing_columns: np.ndarray

    @property
    def phrasing(self) -> dict[int, int]:
        """Hashed phrasing column -> count, in order of first appearance (see _style.phrasing_counts)."""
        return dict(Counter(self.phrasing_columns.tolist()))


def article_row(analysis: Analysis, *, ratings: OutletRatings | None = None) -> tuple[InputRow, list[Evidence]]:
    """The model's full input for one article (named features, the style profile, the phrasing
    profile) and the evidence of the named features."""
    values, evidence = compute_features(analysis, ratings=ratings)
    tokens = analysis.segmentation.tokens
    dense = np.concatenate([values, style_vector(analysis.article.text, tokens, segmentation=analysis.segmentation)])
    return InputRow(dense, phrasing_columns(tokens)), evidence


def input_matrix(rows: Sequence[InputRow]) -> Any:
    """Rows as one sparse matrix: the ``INPUT_NAMES`` columns, then ``PHRASING_COLUMNS`` hashed ones."""
    from scipy import sparse

    width = len(INPUT_NAMES)
    data: list[float] = []
    columns: list[int] = []
    pointers = [0]
    for row in rows:
        nonzero = np.flatnonzero(row.values)
        data.extend(row.values[nonzero].tolist())
        columns.extend(nonzero.tolist())
        for column, count in sorted(row.phrasing.items()):
            data.append(float(count))
            columns.append(width + column)
        pointers.append(len(data))
    return sparse.csr_matrix(
        (np.asarray(data, dtype=float), np.asarray(columns, dtype=np.int64), np.asarray(pointers, dtype=np.int64)),
        shape=(len(rows), width + PHRASING_COLUMNS),
    )


def _row(item: Any, ratings: OutletRatings | None = None) -> InputRow:
    return article_row(analyze(_as_article(item)), ratings=ratings)[0]


def __getattr__(name: str) -> Any:
    # The scikit-learn transformer lives in _transformer so that scoring, which imports this
    # module, does not import scikit-learn (seconds of start-up); model files name it here.
    if name == "ArticleFeatures":
        from ._transformer import ArticleFeatures

        return ArticleFeatures
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
