"""Stage 8: explanations, each feature's exact share of the logit, in words, with evidence.

The contributions come from :meth:`ReliabilityModel.decompose` and sum with the base value to
the logit exactly. Each message says what was found (naming the sources, quoting the words,
drawing the chain ``origin → relay → article``), how that compares with a typical training
article, and why it matters for trust. The evidence spans are the words in the article that
show it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ._claim_scores import hop_name
from ._features import FEATURE_DIRECTIONS, FEATURES, Evidence, is_said_cue
from ._pipeline import Analysis
from ._records import Claim, Explanation, Source

__all__ = ["explain"]

_DESCRIPTION = {f.name: f.description for f in FEATURES}
_DESCRIPTION["style_score"] = "Log-odds of the writing-style model over function-word rates."
_DESCRIPTION["phrasing_score"] = (
    "Log-odds of the phrasing model over sequences of function words, punctuation and word shapes, "
    "with the content words masked out."
)


def _quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return f"“{text[: limit - 1]}…”" if len(text) > limit else f"“{text}”"


def _effect(contribution: float) -> str:
    if abs(contribution) < 0.05:
        return "barely moves the score"
    verb = "raises" if contribution > 0 else "lowers"
    return f"{verb} the score ({contribution:+.2f} on the log-odds)"


def _quotes(spans: Sequence[str], limit: int = 3) -> str:
    unique = list(dict.fromkeys(" ".join(s.split()) for s in spans))
    shown = ", ".join(_quote(s, 40) for s in unique[:limit])
    return shown + (f" and {len(unique) - limit} more" if len(unique) > limit else "")


class _Facts:
    """What the messages need about one article, looked up once."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.sources: dict[str, Source] = {s.id: s for s in analysis.sources}
        self.chains = {c.id: c for c in analysis.chains}
        self.attributed: list[Claim] = [c for c in analysis.claims if c.attribution is not None]

    def chain_words(self, claim: Claim) -> str:
        chain = self.chains.get(claim.chain_id or "")
        return " → ".join(hop_name(h, self.sources) for h in chain.hops) if chain else "no known chain"

    def depth(self, claim: Claim) -> int:
        chain = self.chains.get(claim.chain_id or "")
        return chain.depth if chain else 0

    def origin(self, claim: Claim) -> Source | None:
        chain = self.chains.get(claim.chain_id or "")
        return self.sources.get(chain.hops[0]) if chain else None

    def deepest(self, claims: Sequence[Claim]) -> Claim:
        return max(claims, key=self.depth)

    def with_directness(self, kind: str) -> list[Claim]:
        return [c for c in self.attributed if c.attribution.directness == kind]  # type: ignore[union-attr]

    def speakers(self, claims: Sequence[Claim], limit: int = 3) -> str:
        names = [self.sources[c.attribution.source_id].name  # type: ignore[union-attr]
                 for c in claims if c.attribution and c.attribution.source_id in self.sources]
        unique = list(dict.fromkeys(names))
        return ", ".join(unique[:limit]) + (f" and {len(unique) - limit} more" if len(unique) > limit else "")


def _compare(value: float, typical: float | None, fmt: str) -> str:
    if typical is None:
        return f"{value:{fmt}}"
    return f"{value:{fmt}}; a typical training article has {typical:{fmt}}"


def _typical(typical: float | None, fmt: str) -> str:
    """' (a typical training article has X)', or '' when the training mean is not known."""
    return "" if typical is None else f" (a typical training article has {typical:{fmt}})"


_Message = Callable[[_Facts, float, str, float | None], str | None]


def _anonymous_origin(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    anonymous = [c for c in f.attributed if (o := f.origin(c)) is not None and o.kind == "anonymous"]
    if not f.attributed:
        return f"No claim is attributed, so none traces back to an unnamed origin ({cmp})"
    if not anonymous:
        return f"Every attributed claim traces back to a named origin ({cmp}): someone can be asked about each"
    example = f.deepest(anonymous)
    return (
        f"{len(anonymous)} of {len(f.attributed)} attributed claims trace back to an unnamed origin ({cmp}). "
        f"For example {_quote(example.text.text, 60)} comes from {f.chain_words(example)}. "
        "A claim nobody can be asked about cannot be checked"
    )


def _state_relay(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    state = {s.id for s in f.sources.values() if s.state_affiliated}
    hops = {c.id: c.hops for c in f.chains.values()}
    relayed = [c for c in f.attributed if state & set(hops.get(c.chain_id or "", ()))]
    if not relayed:
        return f"No attributed claim passes through state-affiliated media ({cmp})"
    names = ", ".join(dict.fromkeys(f.sources[h].name for c in relayed for h in hops[c.chain_id or ""] if h in state))
    example = f.deepest(relayed)
    return (
        f"{len(relayed)} of {len(f.attributed)} attributed claims ({value:.0%}) reached the article through "
        f"state-affiliated media ({names}); for example {_quote(example.text.text, 50)} travelled "
        f"{f.chain_words(example)}. Such media answer to a government, so what they relay needs checking elsewhere"
    )


def _max_depth(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    if not f.attributed or value == 0:
        none = "Every attributed claim comes straight from its source, with no relay in between"
        return none + _typical(typical, ".1f")
    deepest = f.deepest(f.attributed)
    return (
        f"Claims reach the article through up to {round(value)} relays{_typical(typical, '.1f')}: "
        f"{_quote(deepest.text.text, 50)} "
        f"travelled {f.chain_words(deepest)}. Each retelling is a chance to distort the claim"
    )


def _mean_depth(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    if not f.attributed:
        return f"No claim is attributed, so no claim has a relay{_typical(typical, '.1f')}"
    return (
        f"Attributed claims pass through {value:.1f} relays on average before reaching the article"
        f"{_typical(typical, '.1f')}; "
        "the further a claim is from its source, the harder it is to check"
    )


def _directness_share(kind: str, what: str, why: str) -> _Message:
    def message(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
        claims = f.with_directness(kind)
        if not claims:
            return f"No reported statement is {what} ({cmp}); {why}"
        words = _quotes([(c.attribution.cue or c.attribution.source or c.text).text for c in claims])  # type: ignore[union-attr]
        who = f.speakers(claims)
        by = f" (from {who})" if who and kind != "vague" else ""
        return f"{len(claims)} of {len(f.attributed)} reported statements are {what}{by}: {words} ({cmp}); {why}"

    return message


def _said_cues(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    if not f.attributed:
        return f"No reported statement, so none is introduced by a plain \"said\" ({cmp})"
    cues = [c.attribution.cue.text for c in f.attributed if c.attribution and c.attribution.cue]  # type: ignore[union-attr]
    neutral = [cue for cue in cues if is_said_cue(cue)]
    others = [cue for cue in cues if cue not in neutral]
    shown = f"; the others: {_quotes(others)}" if others else ""
    return (
        f"{len(neutral)} of {len(f.attributed)} reported statements are introduced by a plain \"said\" or "
        f"\"says\" ({cmp}){shown}; news writing keeps to the neutral verb, while loaded ones (\"claimed\", "
        f"\"admitted\", \"slammed\") tell the reader what to think of the speaker"
    )


def _unattributed(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    own = [c for c in f.analysis.claims if c.attribution is None]
    total = len(f.analysis.claims)
    if not own:
        return f"Every claim names a source ({cmp}), so a reader can check where each comes from"
    return (
        f"{len(own)} of {total} claims are asserted by the article without any source ({cmp}), for example "
        f"{_quote(own[0].text.text, 60)}; they rest on the article's own word"
    )


def _primary(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    primary = [c for c in f.attributed if (o := f.origin(c)) is not None and o.kind in ("official", "expert",
                                                                                      "organization")]
    if not primary:
        return "No claim originates with a named official, expert or organisation, someone accountable for it"
    return (
        f"Some claims originate with named officials, experts or organisations ({f.speakers(primary)}), people or "
        "bodies who can be asked and held to what they said"
    )


def _primary_share(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    return (
        f"Officials, experts and organisations make up {value:.0%} of the origins of the article's claims"
        f"{_typical(typical, '.0%')}; "
        "primary sources can be asked and held to what they said"
    )


def _named(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    named = [s for s in f.sources.values() if s.id != "article" and s.kind not in ("anonymous", "unknown")]
    count = round(float(np.expm1(value)))
    ref = f"; a typical training article names about {float(np.expm1(typical)):.0f}" if typical is not None else ""
    names = ", ".join(s.name for s in named[:4]) + (" …" if len(named) > 4 else "")
    if count == 0:
        return f"The article names no source or outlet at all{ref}; nothing it says can be traced"
    return f"The article names {count} distinct sources and outlets ({names}){ref}; more named voices, more to check"


def _wire(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    if value:
        return "A wire agency is a source or is credited; wire copy is checked before it is distributed"
    return "No wire agency (Reuters, AP, AFP, ...) is a source or credited"


def _style(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    resembles = "reliable" if value > (typical or 0.0) else "unreliable"
    return (
        "The writing style (how often common function words such as “the”, “which” and “you” occur) resembles "
        f"that of {resembles} outlets in the training data (style log-odds {cmp}); style carries over across "
        "topics, but it is a weak signal on its own"
    )


def _phrasing(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
    resembles = "reliable" if value > (typical or 0.0) else "unreliable"
    return (
        "The phrasing (how sentences are put together from function words, punctuation, names and numbers, "
        f"with the topic words masked out) resembles that of {resembles} outlets in the training data "
        f"(phrasing log-odds {cmp}); it says how the article is written, not whether a claim is true"
    )


def _flag(found: str, missing: str) -> _Message:
    def message(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
        return found if value else missing

    return message


def _rate(what: str, why: str, fmt: str = ".2f") -> _Message:
    def message(f: _Facts, value: float, cmp: str, typical: float | None) -> str | None:
        return f"{what}: {cmp}; {why}"

    return message


_MESSAGES: dict[str, tuple[_Message, str]] = {
    # feature: (message, format of the value in the comparison)
    "attributions_per_100_words": (_rate("Reported statements per 100 words", "articles that say who said what "
                                         "let a reader check it", ".1f"), ".1f"),
    "share_direct_quote": (_directness_share("direct_quote", "quoted directly from a named source",
                                             "a named source's own words are the most checkable form"), ".0%"),
    "share_indirect": (_directness_share("indirect", "paraphrased from a named source",
                                         "checkable, though the wording is the article's"), ".0%"),
    "share_secondhand": (_directness_share("secondhand", "second-hand, through another outlet or person",
                                           "the article did not get them from the source"), ".0%"),
    "share_vague": (_directness_share("vague", "attributed vaguely",
                                      "such wording names no one who could be held to the claim"), ".0%"),
    "share_said_cues": (_said_cues, ".0%"),
    "share_unattributed_claims": (_unattributed, ".0%"),
    "share_anonymous_origin": (_anonymous_origin, ".0%"),
    "share_state_media_relay": (_state_relay, ".0%"),
    "max_chain_depth": (_max_depth, ".1f"),
    "mean_chain_depth": (_mean_depth, ".1f"),
    "named_sources_log": (_named, ".2f"),
    "has_primary_source": (_primary, ".0f"),
    "share_primary_origins": (_primary_share, ".0%"),
    "wire_agency_cited": (_wire, ".0f"),
    "hedges_per_100_words": (_rate("Hedging words (\"may\", \"reportedly\", \"is believed to\") per 100 words",
                                   "hedges let an article suggest what it does not assert", ".1f"), ".1f"),
    "sensational_per_100_words": (_rate("Sensational or alarmist words (\"shocking\", \"bombshell\", \"cover-up\") "
                                        "per 100 words", "news reports describe; they rarely alarm", ".1f"), ".1f"),
    "quoted_char_share": (_rate("Share of the text inside quotation marks",
                                "quoted words can be checked against their speaker"), ".0%"),
    "title_is_question": (_flag("The headline is a question, a way to suggest a claim without asserting it",
                                "The headline states rather than asks"), ".0f"),
    "title_all_caps_share": (_rate("Share of headline words in capitals", "shouting headlines sell, they do not "
                                   "inform"), ".0%"),
    "title_case_share": (_rate("Share of headline words capitalised (Title Case)", "a house style more common "
                               "among the unreliable sites of the training corpora than the reliable ones; some "
                               "reputable newspapers use it too, so it is a weak sign on its own"), ".0%"),
    "title_exclamation": (_flag("The headline has an exclamation mark, a sign of sensational writing",
                                "The headline has no exclamation mark"), ".0f"),
    "exclamations_per_100_words": (_rate("Exclamation marks per 100 words", "news reports rarely exclaim"), ".2f"),
    "all_caps_word_share": (_rate("Share of words in capitals", "capitals for emphasis are a sign of "
                                  "sensational writing"), ".1%"),
    "first_person_per_100_words": (_rate("First-person pronouns outside quotations per 100 words",
                                         "an author writing about themselves is giving opinion, not report",
                                         ".1f"), ".1f"),
    "second_person_per_100_words": (_rate("Second-person pronouns outside quotations per 100 words",
                                          "addressing the reader directly is the voice of persuasion", ".1f"),
                                    ".1f"),
    "numbers_per_100_words": (_rate("Numbers per 100 words", "figures, dates and amounts make a report specific "
                                    "and checkable", ".1f"), ".1f"),
    "mean_sentence_words": (_rate("Mean words per sentence", "sentence length reflects the writing style of the "
                                  "outlet", ".0f"), ".0f"),
    "words_log": (_rate("Length of the article (log of 1 + words)", "very short pieces give little room for "
                        "sourcing", ".2f"), ".2f"),
    "has_boilerplate": (_flag("The text carries blog or site furniture (\"Post a Comment\"), typical of "
                              "self-published pages", "The text carries no blog or comment-page furniture"), ".0f"),
    "style_score": (_style, "+.2f"),
    "phrasing_score": (_phrasing, "+.2f"),
    "time_references_per_100_words": (_rate("Dates and times per 100 words", "saying when things happened makes a "
                                            "report specific and checkable", ".1f"), ".1f"),
    "share_question_sentences": (_rate("Share of sentences that are questions", "rhetorical questions suggest "
                                       "what the article does not assert"), ".0%"),
}


def _against_intuition(name: str, value: float, contribution: float, typical: float | None) -> bool:
    """Whether the model weighs ``name`` against its plain reading (``FEATURE_DIRECTIONS``) here.

    Models trained by the library are constrained to agree; one trained without the constraint
    can lean a feature the other way, and then the message says so instead of giving a reason
    that contradicts the number beside it.
    """
    direction = FEATURE_DIRECTIONS.get(name)
    if direction is None or typical is None or value == typical or abs(contribution) < 0.05:
        return False
    plain = direction if value > typical else -direction
    return plain * contribution < 0


def _message(name: str, value: float, contribution: float, typical: float | None, facts: _Facts) -> str:
    effect = _effect(contribution)
    known = _MESSAGES.get(name)
    if known is None:  # a feature added without a message of its own still explains itself
        description = _DESCRIPTION.get(name, name).rstrip(".")
        return f"{description[:1].upper()}{description[1:]}: {_compare(value, typical, '.3g')}; this {effect}."
    build, fmt = known
    found = build(facts, value, _compare(value, typical, fmt), typical) or _DESCRIPTION[name].rstrip(".")
    if _against_intuition(name, value, contribution, typical):
        # Weights are learned jointly, so one can lean against its plain reading while others
        # carry that reading; say so rather than hide it.
        return (f"{found[:1].upper()}{found[1:]}. Even so, the model learned from its training data to weigh this "
                f"the other way once the other features are accounted for: it {effect}.")
    return f"{found[:1].upper()}{found[1:]}. This {effect}."


def explain(
    analysis: Analysis,
    names: list[str],
    values: np.ndarray,
    contributions: np.ndarray,
    evidence: list[Evidence],
    *,
    typical: np.ndarray | None = None,
) -> list[Explanation]:
    """One explanation per feature, largest contribution (in magnitude) first.

    ``typical`` holds each feature's training mean (the value at which its contribution is
    zero); messages compare the article against it.
    """
    facts = _Facts(analysis)
    # Python floats, once: indexing a numpy array element by element costs more than the messages.
    value_of = np.asarray(values, dtype=float).tolist()
    contribution_of = np.asarray(contributions, dtype=float).tolist()
    typical_of = [None] * len(names) if typical is None else np.asarray(typical, dtype=float).tolist()
    explanations = [
        Explanation(
            feature=name,
            value=value_of[k],
            contribution=contribution_of[k],
            message=_message(name, value_of[k], contribution_of[k], typical_of[k], facts),
            evidence=evidence[k],
        )
        for k, name in enumerate(names)
    ]
    explanations.sort(key=lambda e: -abs(e.contribution))
    return explanations
