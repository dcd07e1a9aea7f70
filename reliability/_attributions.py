"""Stage 2: find reported statements (who said what, by which cue, how directly).

Rules over tokens of one sentence at a time, driven by the lexicons in ``data/lexicons``:

* cue verbs with the source on their left ("Korotchenko said", "Hugh Hill, a doctor, said") or,
  after a quotation or comma, on their right ("...," said Korotchenko);
* passive reports ("This was confirmed by the expert"), "according to X", "X told Y that";
* vague attributions ("there are reports that", "sources say", "reportedly", "is known to"),
  also inside quotations, where they become nested statements of the speaker;
* relays named beside the source ("on Russian Channel", "via state TV", "Quoted from X,").

A learned cue detector (:mod:`._cue_model`) proposes cue words the lexicons lack and vetoes
lexicon words used as nouns; the rules then find the source and content around each cue, and
a learned statement filter (:mod:`._statement_model`) drops the readings of unsure cues that
look wrong.
Article-level passes add speakers named on the line before a quotation, quotations signed after a
dash, and quotations resumed after the cue sentence (``Found.continuation``). How well this works
on PolNeAR is in ``docs/attribution-evaluation.md``.

Each statement becomes a :class:`Found` (offsets only); :func:`to_attribution` turns it into the
public :class:`~reliability.Attribution` record once its source is resolved.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ._attribution_repairs import _MONTHS, relayed, repair_readings, vague_adverbs_left
from ._cue_model import cue_tagger, in_quote_flags
from ._outlets import OutletMention, find_outlets
from ._records import Attribution, Directness, Span
from ._resources import _lines, lexicons
from ._segmentation import Quote, Segmentation, Sentence, Token, tokenize
from ._span_model import content_end_model, cue_end_model, source_end_model
from ._statement_model import statement_filter

__all__ = ["Found", "find_attributions", "to_attribution"]

# Cue verbs that introduce content without "that" ("He said North Korea is ...").
_SAY_CLASS = frozenset(
    """say tell add note explain claim argue insist assert declare announce report confirm deny
    acknowledge admit warn write tweet comment mention suggest stress emphasize emphasise reply
    respond testify allege predict reveal concede contend reiterate recall conclude complain
    urge caution promise vow accuse lament sigh shout whisper quip joke boast disclose""".split()
)
# Cue verbs whose subject is usually a publication rather than a speaker.
_RELAYING = frozenset({"report", "quote", "cite"})
_STOP = frozenset(
    """please that which who whom whose but because if when while as after before since so than is was
    were are be been being has have had will would could should can may might must not do does
    did there where why how what to for of with""".split()
)
_ADVERBS = frozenset(
    """also later then again further previously recently once directly publicly repeatedly
    reportedly allegedly earlier first separately still now today yesterday not never long always often
    already since just soon""".split()
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_RELAY_PREPOSITIONS = frozenset({"on", "via", "in", "at", "during", "through", "from", "to"})
_ANONYMOUS_HEADS = frozenset(
    """sources source reports report rumors rumours insiders officials people experts analysts
    critics observers some many others someone witnesses residents""".split()
)
# Openers of "Label: text" lines that are no speaker.
_NOT_SPEAKERS = frozenset(
    """update updated related read watch note editor editors photo video source sources see also
    breaking exclusive correction clarification warning q a by""".split()
)
# Prepositions that link a source's head noun to what it belongs to ("a spokesman for the campaign").
_LINKS = frozenset({"of", "for", "at", "to", "with"})
# A party and state label after a name, as USA Today writes it: "R-Ky", "D-Calif", "I-Vt".
_PARTY_LABEL = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,6}")
# A transcript turn's label in capitals at a paragraph's start ("FALLIN:", "JOEL BENENSON:");
# bounded, so it cannot backtrack far.
_CAPS_LABEL = re.compile(r"[A-Z][A-Z.'\- ]{1,30}:")
# Punctuation the rules read as a cue (":" of "Keller: ...", the dash of "... — Keller").
_CUE_MARKS = frozenset({":", "—", "―", "–"})
# Cue words that may open a sentence before their speaker ("Said Ellis: ...").
_INVERTED = frozenset({"said", "says", "added", "adds", "wrote", "writes", "asked", "asks", "replied"})
# Words that make a source anonymous: "a person familiar with the plans", "an official who spoke on
# condition of anonymity".
_ANONYMITY = frozenset({"familiar", "anonymity", "anonymously", "unnamed", "unidentified"})
_ANONYMOUS_LINKS = frozenset({"familiar", "close", "briefed", "knowledgeable"})
# Words that start a clause, not a source phrase.
_LEADING_JUNK = frozenset({"and", "or", "nor", "though", "although", "aside", "from", "yet", "so", "then", "even"})
# Words no speaker phrase ends with (or, determiners apart, starts with): see _speaker_shape.
_SHAPE_FUNCTION_WORDS = frozenset(
    """the a an this that these those his her its their about above after against all also although
    amid among and any as at because before but by despite during each even for from given if in into
    like near of off on onto or over per since so such than then though through to toward towards
    under until upon via when where whether while with within without yet don't didn't doesn't
    not no""".split()
)
# Below this cue-model probability a statement is an unsure one (the statement filter's ``sure``).
_UNSURE = 0.5
# Verbs that report without a speaker when "to" follows ("X seems to be Y", "appears to").
_RAISING = frozenset({"seems", "seem", "seemed", "appears", "appear", "appeared"})
_MODALS = frozenset({"would", "could", "should", "will", "might", "may", "can", "must"})
# Determiners that may open a speaker phrase ("No one", "my father"): see _speaker_shape.
_SHAPE_DETERMINERS = _DETERMINERS | {"my", "our", "your", "no", "every", "each", "any", "some", "one"}
# Prepositions that open an adjunct, never a speaker ("in a statement", "including ones", "by").
_PREPOSITIONS = frozenset({"in", "by", "including", "during", "at", "on", "with", "for", "into", "of"})
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later
    recently then""".split()
)
# ... and the words of "this week", "last month", "earlier this year" (skipped only before a clause).
_PERIOD_WORDS = frozenset({"this", "last", "week", "month", "year", "weekend"})
# Function words allowed inside an aside between commas ("Vann Newkirk, a writer for The Atlantic, said").
_APPOSITIVE_WORDS = frozenset(
    {"who", "which", "for", "of", "at", "with", "to", "has", "had", "is", "was", "as", "during", "in", "on", "from"}
)
# Words after a cue verb that start an adjunct, not the content ("said in a statement that").
_ADJUNCTS = frozenset({"by", "to", "in", "for", "as", "about", "on", "at", "during", "after", "before", "while"})
# After "said", these end a '"...," X said ...' report whose content is the quotation before.
_AFTER_SAID = frozenset({"in", "on", "at", "during", "about", "to", "as", "after", "before", "while"})
# The dash after a dateline ("WASHINGTON (UPI) — ...").
_DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})
# Sentence openers before the subject ("In August, ...", "Meanwhile, ...").
_OPENERS = frozenset(
    """in on at during after before since for with by last earlier meanwhile still however also but and
    yet instead later now then""".split()
)
# What may open a sentence before its subject ("Despite the rain, ...", "Shortly after, ..."):
# never the subject itself.
_SUBJECT_OPENERS = _OPENERS | frozenset(
    """despite amid over through throughout under from among across following unlike although though
    while when if because until upon shortly overall only here there beyond outside inside instead
    besides whatever whenever wherever""".split()
)
# A conjunction or adverb that may open a sentence as one word before its subject ("And now Mr.
# Manafort has ...", "But even she ...").
_SENTENCE_LINKS = frozenset("""and but yet so or nor now even also then still""".split())
# US states and their abbreviations in news style ("Ames, Iowa,", "Portsmouth, N.H.,"), as the
# tokenizer leaves them (the last full stop of an abbreviation apart), lower-cased.
_US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee
    texas utah vermont virginia washington wisconsin wyoming ala ariz ark calif colo conn del fla ga
    ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn vt va wash wis wyo
    n.h n.j n.m n.y n.c n.d s.c s.d r.i w.va d.c""".split()
) | {"new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
     "south carolina", "south dakota", "rhode island", "west virginia"}
# Plural nouns for groups of people that end a sentence's subject as a role word does ("Sanders
# supporters", "Syrian hackers", "Gay rights groups").
_GROUP_NOUNS = frozenset(
    """supporters voters groups politicians hackers leaders activists protesters demonstrators members
    delegates lawmakers senators legislators critics allies donors residents workers students
    advocates opponents conservatives liberals progressives strategists analysts experts""".split()
)
# Quantifiers that open a subject before its head noun ("Each faction", "Many voters").
_SUBJECT_QUANTIFIERS = frozenset("""each some many both several most all few""".split())
# Words after a capitalised past participle that open a phrase before the subject ("Asked about
# ..., Christie said", "Reached by POLITICO, Bennett denied"); a name ending in -ed ("Ted",
# "Ahmed") is followed by none of them.
_PARTICIPLE_OPENER_NEXT = frozenset(
    {"about", "on", "by", "whether", "if", "why", "how", "what", "again", "for", "in", "at", "during", "to", "with"}
)
# Nouns of quantity before "of" in a source ("52 percent of registered voters", "a majority of").
_QUANTITY_NOUNS = frozenset({"percent", "%", "majority", "minority", "plurality", "number", "handful", "half",
                             "third", "quarter", "share", "proportion"})
# How a fraction written with a hyphen ends ("three-quarters of the voters", "two-thirds of").
_FRACTION_ENDINGS = ("-thirds", "-quarters", "-fifths", "-tenths", "-third", "-quarter", "-fifth")
# Adverbs that PolNeAR counts as part of the cue right before the verb ("also said", "now says").
_CUE_ADVERBS = frozenset({"also", "then", "now", "even", "later", "again", "further", "still", "often"})
# How far (in tokens) a content is searched for the start of a second statement.
_LOOKAHEAD = 120
# Where the content of an impersonal statement ("The bridge is expected | to open in May")
# ends: a new clause, a spaced dash or a bracket.
_CLAUSE_BREAKS = frozenset(
    """, ; - — – ( and but because after before while since until yet although though when whereas""".split()
)
# Below this cue-model probability a lexicon cue word is taken for no cue.
_VETO = 0.2
# From this probability on, a cue word outside the lexicon is taken without a reported clause after it.
_SURE = 0.8
# From this probability on, a cue no specific rule reads gets a subject-verb-object reading.
_FALLBACK = 0.6
# ... and the probability it needs when no reported clause follows ("presented the budget" is none).
_FALLBACK_BARE = 0.65
# (These two are the rules' own: with the statement filter, models/statement_filter.json, its
# looser operating point replaces them and the cue model's threshold.)
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
# Words that open a sentence without belonging to a content before the cue ("But ..., he said").
_DISCOURSE_WORDS = frozenset({"but", "and", "so", "yet"})
# Openers followed by a comma that PolNeAR leaves out of such a content ("For instance, ...").
_DISCOURSE_OPENERS = frozenset(
    """for as however meanwhile indeed instead still moreover furthermore also now then of in after""".split()
)
# Particles that belong to the cue ("called for", "pointed out", "referring to").
_PARTICLES = frozenset({"for", "on", "to", "out", "of"})
# The prepositions a stance adjective takes into its cue ("is worried about", "was pleased with").
_STANCE_PREPOSITIONS = frozenset({"about", "of", "with", "by", "over", "at", "for", "on"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})
# Pronouns that are a speaker on their own ("I" is left out: "Survey I", "Keep the Promise I").
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we"})
_PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "i", "we", "who", "which"})
_CONTRACTED = frozenset({"he", "she", "it", "who", "that", "there", "what"})
# "They’ve said", "we’re told", "I’d argue": the auxiliary belongs to the verb, not to the source.
_CONTRACTED_AUX = ("’ve", "'ve", "’re", "'re", "’d", "'d", "’ll", "'ll")
_AUX_SUBJECTS = frozenset({"i", "you", "we", "they", "he", "she", "who"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "„", "«", "»", "''", "``"})
_SINGLE_MARKS = "'\u2018"  # the opening marks of quotations in single marks (see _segmentation)
_OPENING_MARKS = "\"'“‘«„`"  # a character right before a quotation's words
_MARK_TEXTS = _QUOTE_MARKS | {"'", "\u2018", "\u2019"}  # every text a quotation mark token can have
_VAGUE_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "rumoredly"})
# "is known to", "are believed to", "was said to": an auxiliary, one of these participles, "to".
_VAGUE_AUX = frozenset({"is", "are", "was", "were"})
_VAGUE_PARTICIPLES = frozenset({"known", "believed", "said", "thought", "understood", "rumored", "rumoured",
                                "reported", "alleged"})


@dataclass(frozen=True, slots=True)
class Found:
    """One reported statement, as offsets into the article text."""

    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: tuple[int, int]
    directness: Directness
    relays: tuple[OutletMention, ...] = ()
    named_outlet: OutletMention | None = None  # the source itself is an outlet
    declared: tuple[OutletMention, ...] = ()  # relays declared up front: "Quoted from X, ..."
    continuation: tuple[int, int] | None = None  # '"A," he said. "B."': the quotation B after the cue
    # The source as the text writes it, where that differs from ``source``: the relative pronoun
    # of "Martin O'Malley, who noted that ..." (``source`` is then the antecedent, for resolution).
    written_source: tuple[int, int] | None = None
    # Read by the generic subject-verb-object builder (``_SentenceRules._fallback``) rather than
    # a specific rule; with no source, an impersonal reading whose cue the cue ranker leaves alone.
    generic: bool = False


def _span(text: str, bounds: tuple[int, int]) -> Span:
    return Span(start=bounds[0], end=bounds[1], text=text[bounds[0] : bounds[1]])


def to_attribution(text: str, found: Found, source_id: str | None) -> Attribution:
    """The public record for ``found``."""
    return Attribution(
        source=_span(text, found.written_source or found.source) if found.source else None,
        cue=_span(text, found.cue) if found.cue else None,
        content=_span(text, found.content),
        continuation=_span(text, found.continuation) if found.continuation else None,
        directness=found.directness,
        source_id=source_id,
    )


def _is_word(token: Token) -> bool:
    return token.text[:1].isalnum()


# Negations inside a verb group ("did not mention", "has never said").
_NEGATIONS = frozenset({"not", "never", "n't"})
# Modals and "do" in a verb group, also contracted with "not" ("didn't", "won’t").
_GROUP_WORDS = frozenset(
    """would could should will might may can must shall did does do""".split()
    + """didn't doesn't don't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't""".split()
)


def _auxiliary(token: Token) -> bool:
    """A modal or a form of "do" opening a verb group ("would", "did", "didn't", "won’t")."""
    return token.text[:1].islower() and token.lower.replace("’", "'") in _GROUP_WORDS  # not "Theresa May"


def _is_adverb(token: Token) -> bool:
    """ "formally", "personally", "often": lower-case -ly adverbs between a speaker and the cue."""
    word = token.text
    return word == "often" or (
        len(word) > 4 and word.endswith("ly") and word.islower() and word not in _LY_NOUNS
    )


_LY_NOUNS = frozenset({"rally", "ally", "family", "supply", "reply", "apply", "assembly", "bully", "july", "italy"})


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink to exclude surrounding spaces and edge punctuation (not quotation marks)."""
    while start < end and (text[start].isspace() or text[start] in ",;:-—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.-—–"):
        end -= 1
    return start, end


def _quote_content(text: str, start: int, end: int) -> tuple[int, int]:
    """The words inside quotation marks, without the comma that hands over to the cue."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _covered(starts: list[int], intervals: list[tuple[int, int]]) -> list[bool]:
    """For each sorted token start, whether it lies in some ``[start, end)`` interval.

    Marks each interval's tokens found by binary search, so a sentence of thousands of quotation
    marks costs linear time, not tokens × quotes.
    """
    flags = [False] * len(starts)
    for lo_offset, hi_offset in intervals:
        for k in range(bisect.bisect_left(starts, lo_offset), bisect.bisect_left(starts, hi_offset)):
            flags[k] = True
    return flags


class _SentenceRules:
    """The rules applied to one sentence."""

    _phrasal: frozenset[str] = frozenset()  # multi-word cue lemmas ("call for"), set on first use

    def __init__(
        self,
        seg: Segmentation,
        sentence: Sentence,
        previous: Sentence | None,
        outlets: list[OutletMention],
        cue_probs: dict[int, float] | None = None,
        threshold: float = 1.0,
        quote_flags: tuple[list[bool], int] | None = None,
        fallback: tuple[float, float] = (_FALLBACK, _FALLBACK_BARE),
    ) -> None:
        self.cue_probs = cue_probs or {}  # token start -> the cue model's probability
        self.threshold = threshold
        self.fallback, self.fallback_bare = fallback
        self.text = seg.text
        self.sentence = sentence
        self.paragraph_start, self.paragraph_end = seg.paragraphs[sentence.paragraph]
        self._paragraphs = seg.paragraphs
        # The next paragraph, when this sentence ends its own ("X added:" then the words).
        self.next_paragraph = seg.paragraphs[sentence.paragraph + 1] \
            if sentence.end == self.paragraph_end and sentence.paragraph + 1 < len(seg.paragraphs) else None
        self.previous = previous
        self.tokens = seg.tokens_in(sentence.start, sentence.end)
        # A quotation that ends right before this sentence, in the same paragraph.
        k = sentence.start - 1
        while k >= 0 and self.text[k] in " \t":
            k -= 1
        before = seg.quote_at(k) if k >= 0 else None
        self.quote_before = before if before is not None and before.end == k + 1 and before.closed else None
        quote = seg.quote_at(sentence.start)
        self.quotes = [quote] if quote is not None else []
        self.quotes += [q for q in seg.quotes_in(sentence.start, sentence.end) if q is not quote]
        first = bisect.bisect_left(seg.token_starts, sentence.start)
        starts = seg.token_starts[first : first + len(self.tokens)]
        if quote_flags is not None and self.tokens and quote_flags[1] < len(seg.tokens) \
                and seg.tokens[quote_flags[1]] is self.tokens[0]:
            # The article's flags, computed once (``quote_flags[1]`` is the sentence's first token).
            self.in_quote = quote_flags[0][quote_flags[1] : quote_flags[1] + len(self.tokens)]
        else:
            self.in_quote = _covered(starts, [(q.inner_start, q.inner_end) for q in self.quotes])
        # Single quotation marks are apostrophes unless the segmentation paired them into a
        # quotation ('We will win,' she said): their offsets, to tell them from apostrophes.
        self._single_marks = frozenset(
            offset for q in self.quotes if seg.text[q.start] in _SINGLE_MARKS for offset in (q.start, q.inner_end)
        )
        self.outlets = outlets
        # Outlet mentions come left to right without overlaps, so both their starts and their
        # ends increase, and the mentions inside a stretch of text are one slice (bisection).
        self._outlet_starts = [m.start for m in outlets]
        self._outlet_ends = [m.end for m in outlets]
        self.in_outlet = _covered(starts, [(m.start, m.end) for m in self.outlets])
        self.lex = lexicons()
        if not _SentenceRules._phrasal:
            _SentenceRules._phrasal = frozenset(v for v in self.lex.cue_lemma.values() if " " in v)

    # --- noun phrases -------------------------------------------------------------------------

    def _np_ok(self, i: int) -> bool:
        t = self.tokens[i]
        if self.in_outlet[i]:
            return True
        return (
            _is_word(t)
            and not self.in_quote[i]
            and (t.lower not in _STOP or self._surname(i))
            and (t.lower not in self.lex.cue_verbs or t.text[:1].isupper())
        ) or t.text in ("'s", "’s", "-", "&") or (
            # "Other E.U. leaders": the tokenizer leaves the last full stop
            # of an abbreviation it does not know apart.
            t.text == "." and i > 0 and self.tokens[i - 1].end == t.start and "." in self.tokens[i - 1].text
            and self.tokens[i - 1].text[:1].isupper() and len(self.tokens[i - 1].text) <= 5
        ) or (
            # "The Reuters/Ipsos poll", "an NBC News/Wall Street Journal poll": a slash between names.
            t.text == "/" and 0 < i < len(self.tokens) - 1 and self.tokens[i - 1].end == t.start
            and self.tokens[i + 1].start == t.end and self.tokens[i + 1].text[:1].isupper()
        ) or (
            # A plural possessive: "the nurses' union", "veterans’ groups".
            t.text in ("'", "’") and i > 0 and self.tokens[i - 1].end == t.start
            and self.tokens[i - 1].lower.endswith("s") and not self.in_quote[i - 1]
        )

    def _surname(self, i: int) -> bool:
        """A capitalised "May" or "Will" after a first name ("Theresa May said"): a name, not a modal."""
        t = self.tokens[i]
        if t.text not in ("May", "Will") or i == 0:
            return False
        before = self.tokens[i - 1]
        return before.text[:1].isupper() and before.text.isalpha() and before.lower not in _STOP \
            and before.lower not in _MONTHS and before.lower not in _PREPOSITIONS

    def _link_head(self, j: int) -> bool:
        """Whether token ``j`` can head a source phrase continued by "of"/"for" ("a spokesman | for")."""
        t = self.tokens[j]
        return self._np_ok(j) and t.text.isalpha() and (
            t.text[:1].isupper() or t.lower in self.lex.roles
            or (j + 1 < len(self.tokens) and f"{t.lower} {self.tokens[j + 1].lower}" in self.lex.roles)  # "head of"
            or (t.lower.endswith("s") and not t.lower.endswith(("ss", "ous")))
            or (t.lower.endswith(("man", "woman", "person")))
        )

    def _noun_use(self, j: int, cue: int) -> bool:
        """A cue word used as a noun inside the source phrase ("in a talk show on CGTN said")."""
        t = self.tokens[j]
        return (
            j < cue - 1
            and not self.in_quote[j]
            and self.lex.cue_lemma.get(t.lower) == t.lower
            and j > 0
            and _is_word(self.tokens[j - 1])
            and self.tokens[j - 1].lower not in _STOP
        )

    def _has_content_word(self, lo: int, hi: int) -> bool:
        return any(_is_word(t) and t.lower not in _DETERMINERS for t in self.tokens[lo:hi])

    def _scan_left(self, hi: int, most: int, cue: int) -> int:
        """Extend a source phrase leftwards from token ``hi`` over at most ``most`` tokens."""
        lo = hi
        while lo > 0 and hi - lo < most:
            if self._np_ok(lo - 1) or self._noun_use(lo - 1, cue):
                lo -= 1
            elif self.tokens[lo - 1].lower in _LINKS and lo >= 2 and lo < hi and self._link_head(lo - 2) \
                    and (self.tokens[lo].text[:1].isupper() or self.tokens[lo].lower in _SHAPE_DETERMINERS):
                # "Mr. Morgan of the Sierra Club said", "a spokesman for the campaign said",
                # "attorneys for the family said": the head noun and what it belongs to.
                lo -= 1
            elif self.tokens[lo - 1].lower == "of" and lo >= 3 and lo < hi \
                    and self.tokens[lo - 3].lower in _DETERMINERS and self.tokens[lo - 2].text.isalpha() \
                    and self.tokens[lo - 2].text.islower() and self.tokens[lo - 2].lower not in _STOP \
                    and not self.in_quote[lo - 2] and (self.tokens[lo].text[:1].isupper() or (
                        self.tokens[lo].lower.endswith("s") and not self.tokens[lo].lower.endswith("ss"))):
                # "The city of Phoenix is demanding", "a review of records indicates": the head
                # noun after a determiner, and what it is of (a name or a plural; "her chief of
                # staff, Ana Ruiz," is a role before the name, read below).
                lo -= 3
            elif self.tokens[lo - 1].lower == "of" and lo >= 2 and lo < hi \
                    and (self.tokens[lo - 2].lower in _QUANTITY_NOUNS
                         or self.tokens[lo - 2].lower.endswith(_FRACTION_ENDINGS)):
                # "52 percent of registered voters said", "A majority of the members said": PolNeAR
                # marks the quantity as part of the source ("Many of the voters" is read already).
                lo -= 2
            elif self.tokens[lo - 1].text == ")" and not self.in_quote[lo - 1]:
                # "Sen. Claire McCaskill (D-Mo.) said": a short parenthesis inside the name.
                j = next((j for j in range(lo - 2, max(-1, lo - 8), -1) if self.tokens[j].text == "("), None)
                if j is None or j == 0 or not self._np_ok(j - 1):
                    break
                lo = j
            else:
                break
        return lo

    def left_np(self, i: int, verb: int | None = None) -> tuple[int, int] | None:
        """Token range [lo, hi) of the source phrase ending just before token ``i``.

        ``verb`` is the cue verb's index when the cue starts earlier ("incorrectly stated").
        """
        verb = i if verb is None else verb
        hi = i
        while hi > 0 and (self.tokens[hi - 1].lower in _ADVERBS or _is_adverb(self.tokens[hi - 1])):
            hi -= 1
        if hi > 0 and self.tokens[hi - 1].lower in ("and", "or"):
            return None  # "... and dismissed": a second verb of the same subject, not a source phrase
        lo = self._scan_left(hi, 14, verb)
        if lo == hi and hi > 2 and self.tokens[hi - 1].text == "," and self.tokens[hi - 2].text == ")":
            # "Sen. Jack Reed (D-R.I.), said": a stray comma after the party label.
            name_lo = self._scan_left(hi - 1, 14, verb)
            if name_lo < hi - 1 and self.tokens[name_lo].text[:1].isupper():
                lo, hi = name_lo, hi - 1
        if lo == hi and hi > 4 and self.tokens[hi - 1].text == "," and self.tokens[hi - 2].text == "." \
                and _PARTY_LABEL.fullmatch(self.tokens[hi - 3].text) and self.tokens[hi - 4].text == ",":
            # "Mitch McConnell, R-Ky., said" (the USA Today style of a party label).
            name_lo = self._scan_left(hi - 4, 14, verb)
            if name_lo < hi - 4 and self.tokens[hi - 5].text[:1].isupper():
                lo, hi = name_lo, hi - 2
        # "Hugh Hill, a doctor, said": the aside between commas belongs to the source.
        if lo == hi and hi > 0 and self.tokens[hi - 1].text == ",":
            inner_hi = hi - 1
            inner_lo = inner_hi
            while inner_lo > 0 and inner_hi - inner_lo < 20 and (
                self._np_ok(inner_lo - 1) or self.tokens[inner_lo - 1].lower in _APPOSITIVE_WORDS
                or self._noun_use(inner_lo - 1, verb)  # "Roy Blunt, facing a challenge, noted"
            ):
                inner_lo -= 1
            if inner_lo > 0 and self.tokens[inner_lo - 1].text == ",":
                name_hi = inner_lo - 1
                name_lo = self._scan_left(name_hi, 8, verb)
                if name_lo < name_hi and (self.tokens[inner_lo].lower in _ASIDE_PREPOSITIONS
                                          or self.tokens[inner_lo].lower in _ASIDE_ADVERBS):
                    # "Trump, in Kentucky, said", "Sanders, meanwhile, said": PolNeAR leaves such
                    # an aside out of the source (85 of 90 times on train).
                    lo, hi = name_lo, name_hi
                elif name_lo < name_hi and (self.tokens[name_lo].text[:1].isupper() or (
                        self.tokens[name_lo].lower in _DETERMINERS and self.tokens[name_hi - 1].text[:1].isupper())):
                    # "81-year-old Parker Eaton, a nominal Republican, said", "the economist Jared
                    # Bernstein, a former adviser, wrote"
                    lo, hi = name_lo, inner_hi
                elif self.tokens[inner_lo].text[:1].isupper() and self.tokens[inner_hi - 1].text[:1].isupper():
                    # "her senior policy adviser, Jake Sullivan, said": a role, then the name.
                    lo, hi = (name_lo if name_lo < name_hi and self._has_role(name_lo, name_hi) else inner_lo), inner_hi
                    # "A lawyer for the news outlets, David Schulz, said": a role phrase with a
                    # preposition, opening the sentence, is part of the source as PolNeAR marks it.
                    role_lo = self._opening_phrase(name_hi)
                    if role_lo is not None and role_lo < lo:
                        lo = role_lo
        # "A person familiar with the plans said", "a source close to the campaign said".
        if lo >= 3 and self.tokens[lo - 1].lower in ("with", "to", "on", "about") \
                and self.tokens[lo - 2].lower in _ANONYMOUS_LINKS:
            lo2 = lo - 2
            while lo2 > 0 and lo - lo2 < 6 and self._np_ok(lo2 - 1):
                lo2 -= 1
            lo = lo2
        while lo < hi and self.tokens[lo].lower in _LEADING_JUNK:
            lo += 1  # "and Republicans want", "though she noted", "even she says"
        if lo < hi and self.tokens[lo].lower in _PREPOSITIONS:
            # "In a Bloomberg interview Trump declared": a prepositional phrase is no speaker; the
            # name or pronoun at its end is, if there is one.
            k = hi
            while k > lo + 1 and (self.tokens[k - 1].text[:1].isupper() or self.tokens[k - 1].lower in _PRONOUNS) \
                    and self.tokens[k - 1].lower not in _MONTHS:
                k -= 1
            if k in (hi, lo):
                return None
            lo = k
        if hi - lo > 1 and self.tokens[hi - 1].lower in _SUBJECT_PRONOUNS:
            # "a step they | believe", "videos he | calls": a pronoun right before the verb is the
            # whole speaker; the words before it are the clause it sits in.
            lo = hi - 1
        if lo == hi or not self._has_content_word(lo, hi):
            return None
        # "Russia's ambassador to North Korea, Alexandre Matsegora said": a role phrase before.
        if lo >= 2 and self.tokens[lo - 1].text == "," and self.tokens[lo].text[:1].isupper():
            role_lo = lo - 1
            while role_lo > 0 and lo - role_lo < 9 and (
                self._np_ok(role_lo - 1) or self.tokens[role_lo - 1].lower == "to"
            ):
                role_lo -= 1
            if role_lo < lo - 1 and self._has_role(role_lo, lo - 1) and (
                role_lo == 0 or self.tokens[role_lo - 1].text in (",", "-", "—")
            ):
                lo = role_lo
        return lo, hi

    def right_np(self, i: int, *, appositive: bool = False) -> tuple[int, int] | None:
        """Token range of the source phrase starting just after token ``i``."""
        lo = i + 1
        hi = lo
        while hi < len(self.tokens) and hi - lo < 14:
            t = self.tokens[hi]
            if self._np_ok(hi) or t.lower in ("to", "of", "for"):
                hi += 1
            elif hi == lo and hi + 1 < len(self.tokens) and t.lower in self.lex.cue_verbs and not self.in_quote[hi] \
                    and t.lower not in _ANONYMOUS_HEADS and self._np_ok(hi + 1) \
                    and self.tokens[hi + 1].text[:1].islower():
                hi += 1  # a cue word as a noun before the head: "according to show insiders"
            elif t.text == "," and hi + 1 < len(self.tokens) and self.tokens[hi + 1].text[:1].isupper() \
                    and self._has_role(lo, hi):
                hi += 1  # "the Russian military expert, Igor Korotchenko"
            else:
                break
        while hi > lo and self.tokens[hi - 1].lower in ("to", "of", "for"):
            hi -= 1
        if lo == hi or not self._has_content_word(lo, hi):
            return None
        # "said James Acton, a physicist who is co-director of ...": the appositive is part of the
        # source, up to the end of the sentence or a quotation.
        if appositive and hi + 1 < len(self.tokens) and self.tokens[hi].text == "," \
                and self.tokens[lo].text[:1].isupper() \
                and (self.tokens[hi + 1].lower in _DETERMINERS or self.tokens[hi + 1].lower in self.lex.roles
                     or self.tokens[hi + 1].lower in ("who", "which", "whose")):
            end = hi + 1
            while end < len(self.tokens) and not self.in_quote[end] and not self._is_mark(self.tokens[end]) \
                    and end - hi < 40:
                end += 1
            while end > hi and not _is_word(self.tokens[end - 1]):
                end -= 1
            hi = end
        return lo, hi

    def _has_role(self, lo: int, hi: int) -> bool:
        return any(t.lower in self.lex.roles for t in self.tokens[lo:hi])

    def split_relays(self, lo: int, hi: int) -> tuple[tuple[int, int], tuple[OutletMention, ...]]:
        """Cut "Korotchenko in a panel on Russian Channel" into the source and its relays."""
        for k in range(lo + 1, hi):
            if self.tokens[k].lower in _RELAY_PREPOSITIONS:
                start, end = self.tokens[k].start, self.tokens[hi - 1].end
                relays = self.outlets_within(start, end)
                if relays or self.tokens[k].lower in ("via", "on"):
                    return (lo, k), relays
        return (lo, hi), ()

    def bounds(self, lo: int, hi: int) -> tuple[int, int]:
        return self.tokens[lo].start, self.tokens[hi - 1].end

    def outlets_within(self, start: int, end: int) -> tuple[OutletMention, ...]:
        """The outlet mentions lying inside ``text[start:end]``, in order."""
        lo = bisect.bisect_left(self._outlet_starts, start)
        hi = bisect.bisect_right(self._outlet_ends, end)
        return tuple(self.outlets[lo:hi])

    def outlet_in(self, start: int, end: int) -> OutletMention | None:
        lo = bisect.bisect_left(self._outlet_starts, start)
        return self.outlets[lo] if lo < len(self.outlets) and self.outlets[lo].end <= end else None

    # --- content ------------------------------------------------------------------------------

    def content_after(self, k: int, *, keep_that: bool = False, object_only: bool = False) -> tuple[int, int] | None:
        """Content from token ``k`` to the sentence end; a quotation right there is the content.

        With ``keep_that`` the complementiser stays in the content ("said that taxes rise"), the
        convention of the PolNeAR and PARC annotations.
        """
        # "said Friday that ...", "added later, ...", "said via email that": the adjunct right
        # after the cue is no content when a clause, a comma or a quotation follows it.
        j = k
        while j < len(self.tokens) and j - k < 3 and (self.tokens[j].lower in _TIME_WORDS
                                                     or self.tokens[j].lower in _DAY_PARTS
                                                     or self.tokens[j].lower in _PERIOD_WORDS):
            j += 1
        if j == k and j + 1 < len(self.tokens) and self.tokens[j].lower == "via":
            j += 2  # "via email", "via Twitter"
        if j > k and j < len(self.tokens) and (self.tokens[j].text in (",", ":", "that")
                                                or self._is_mark(self.tokens[j])):
            k = j
        while k < len(self.tokens) and self.tokens[k].text in (",", ":", "that", "-", "—"):
            if self.tokens[k].text == "that" and (
                keep_that or (k + 1 < len(self.tokens) and not _is_word(self.tokens[k + 1]))
            ):
                break
            k += 1
        if k >= len(self.tokens):
            return None
        quote = next((q for q in self.quotes if q.start == self.tokens[k].start), None)
        if quote is not None:
            return _quote_content(self.text, quote.inner_start, min(quote.inner_end, self.sentence.end))
        end = self.sentence.end
        # ", saying ...", ", adding ...", ", citing ...": a second statement starts; stop before it.
        for j in range(k + 2, min(len(self.tokens) - 1, k + _LOOKAHEAD)):  # bounded: linear time
            t = self.tokens[j]
            if object_only and t.lower in _CLAUSE_BREAKS and not self.in_quote[j]:
                # The object of "attacked", "demands", "offered" ends where a new clause begins.
                end = t.start
                break
            if t.lower in ("and", "but") and not self.in_quote[j] and self._is_cue_verb(j + 1):
                end = t.start  # "... and said she would ...": the same speaker's next statement
                break
            before = self.tokens[j - 1]
            # (cheap string tests first: the loop runs over up to _LOOKAHEAD tokens per statement)
            if (before.text in (",", "—", "–") or (before.text in _MARK_TEXTS and self.tokens[j - 2].text == ","
                                                   and self._is_mark(before))) \
                    and t.lower.endswith("ing") and not self.in_quote[j] and (
                t.lower in self.lex.cue_verbs or self.cue_probs.get(t.start, 0.0) >= self.threshold
            ):
                # '... the party," claiming': the quotation's closing mark stays in the content.
                end = before.end if self._is_mark(before) else before.start
                break
        bounds = _trim(self.text, self.tokens[k].start, end)
        return bounds if bounds[1] > bounds[0] else None

    def _is_cue_verb(self, j: int) -> bool:
        """A lower-case cue verb at token ``j`` (from the lexicon, or the cue model's)."""
        t = self.tokens[j]
        if self.in_quote[j] or not t.text[:1].islower():
            return False
        p = self.cue_probs.get(t.start)
        if t.lower in self.lex.cue_verbs:
            return p is None or p >= _VETO  # as in run(): a vetoed verb starts no statement
        return p is not None and p >= self.threshold

    def content_before(self, lo: int, *, lead_in: bool = False) -> tuple[int, int] | None:
        """Content before the source at token ``lo``: a quotation, or the clause up to a comma.

        ``lead_in``: the speaker and the cue end the clause ('..., "...," said X.'), so words before a
        quotation that does not open the sentence belong to the content too (:meth:`_lead_in`).
        """
        if lo == 0:
            # '"Is it true?" Graham asked.': the question mark ended the sentence before the speaker.
            quote = self.quote_before
            return _quote_content(self.text, quote.inner_start, quote.inner_end) if quote is not None else None
        prev = self.tokens[lo - 1]
        quote = next((q for q in self.quotes if q.end in (prev.end, prev.start + 1, prev.start)), None)
        if quote is None and prev.text == "," and lo >= 2:
            quote = next((q for q in self.quotes if q.end in (prev.start, self.tokens[lo - 2].end)), None)
        if quote is not None:
            led = self._lead_in(quote) if lead_in else None
            return led or _quote_content(self.text, quote.inner_start, quote.inner_end)
        if prev.lower == "as" and lo >= 2 and self.tokens[lo - 2].text == ",":
            # "Scott had a gun, as police have said.": the clause before ", as".
            bounds = _trim(self.text, self._content_start(lo - 2), self.tokens[lo - 2].start)
            return bounds if bounds[1] > bounds[0] else None
        if prev.text not in (",", "-", "—"):
            return None
        bounds = _trim(self.text, self._content_start(lo - 1), prev.start)
        return bounds if bounds[1] > bounds[0] else None

    def _lead_in(self, quote: Quote) -> tuple[int, int] | None:
        """'Teachers who ... are “very, very pro-Bernie,” said X': a quotation that ends at its
        speaker but does not open its sentence finishes a paraphrase, and the content is the
        sentence up to the quotation's end (PolNeAR marks the words before the mark too)."""
        tokens = self.tokens
        q = bisect.bisect_left(tokens, quote.start, key=lambda t: t.start)
        if q == 0 or q >= len(tokens) or tokens[q].start != quote.start or tokens[q - 1].text in (":", ";") \
                or not any(_is_word(t) for t in tokens[:q]) \
                or any(self.in_quote[k] or self._is_mark(tokens[k]) for k in range(q)) \
                or self._has_cue_word(0, q) or any(self._is_cue_verb(k) for k in range(q)) or self._headline():
            return None  # a statement of its own before the quotation ("A review of records indicates ...")
        return _trim(self.text, self._content_start(q), quote.inner_end)

    def _content_start(self, limit: int) -> int:
        """Where a content that opens the sentence starts: after a discourse opener.

        "For instance, calls to establish ... , he said": PolNeAR leaves "For instance," (and a
        leading "But" or "And") out of the content. Only openers before token ``limit`` count.
        """
        tokens = self.tokens
        k = 0
        if k < limit and tokens[k].lower in _DISCOURSE_WORDS and k + 1 < limit and tokens[k + 1].text != ",":
            k += 1  # "But the plan will fail, ..."
        first = tokens[k].lower if k < limit else ""
        if first in _DISCOURSE_OPENERS:
            comma = next((j for j in range(k + 1, min(limit, k + 5)) if tokens[j].text == ","), None)
            if comma is not None and comma + 1 < limit:
                return tokens[comma + 1].start
        return tokens[k].start if k < limit else self.sentence.start

    # --- rules --------------------------------------------------------------------------------

    def run(self, positions: Sequence[int] | None = None) -> list[Found]:
        """The statements of the sentence.

        ``positions`` are the indices of the tokens that can start one (see
        :func:`_trigger_words`); the others are skipped without a look. None reads every token.
        """
        found: list[Found] = []
        declared = self._declared_relays()
        tokens = self.tokens
        for i in range(len(tokens)) if positions is None else positions:
            token = tokens[i]
            if self.in_quote[i]:
                continue
            if token.lower == "according" and i + 1 < len(self.tokens) and self.tokens[i + 1].lower == "to":
                item = self._according_to(i)
            elif token.text in ("—", "―", "–") and i > 2:
                item = self._dash_speaker(i)
            elif i == 0 and token.lower in _INVERTED:
                item = self._inverted()
            elif token.lower in self.lex.cue_verbs and i > 0 and token.text[:1].isupper() and self._headline():
                item = self._cue(i)  # "Obama Says African-American Museum Will Tell ..."
            elif token.text == ":" and 0 < i < len(tokens) - 1 and self._is_mark(tokens[i + 1]):
                item = self._colon_quote(i)
            elif token.text[:1].isupper() or not _is_word(token):
                continue
            elif token.lower in self.lex.cue_verbs:
                p = self.cue_probs.get(token.start)
                if p is not None and p < _VETO:
                    continue  # the cue model is sure this is no cue here ("the comments", "states")
                item = self._cue(i, learned=p is not None and p >= self.threshold)
                if item is None and p is not None and p >= self.fallback:
                    item = self._fallback(i)
            elif self.cue_probs.get(token.start, 0.0) >= self.threshold and token.lower not in _VAGUE_ADVERBS:
                nxt_token = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
                if nxt_token is not None and (nxt_token.lower in self.lex.cue_verbs
                                              or self.cue_probs.get(nxt_token.start, 0.0) >= self.threshold):
                    continue  # "has long said": the verb after it is the cue
                p = self.cue_probs[token.start]
                # A verb outside the lexicon ("presented the budget") needs a reported clause after
                # it, or a model that is very sure.
                if p < _SURE and not self._clause_follows(i):
                    item = self._fallback(i) if p >= self.fallback_bare else None
                elif token.lower in _RAISING and (item := self._raising(i)) is not None:
                    pass  # "Trump seemed to imply that ...": no speaker
                else:
                    item = self._cue(i, learned=True)
                    if item is None and p >= self.fallback:
                        item = self._fallback(i)
            else:
                continue
            if item is not None:
                found.append(_with_relays(item, declared))
        if not found or self._transcript_label():
            # A transcript turn ("FALLIN: I think he is ...") is a statement of its own, with
            # the statements read inside it.
            item = self._colon_speaker()
            if item is not None:
                found.append(_with_relays(item, declared))
        found.extend(self._vague(found, positions))
        return _dedupe(found)

    def _dash_speaker(self, i: int) -> Found | None:
        """"Rates will rise next year — Maria Keller, the bank's economist.": a speaker signing off."""
        if i + 1 >= len(self.tokens) or not self.tokens[i + 1].text[:1].isupper():
            return None
        np = self.right_np(i, appositive=True)
        if np is None or any(_is_word(t) for t in self.tokens[np[1] :]) or self._has_cue_word(np[0], np[1]):
            return None
        content = _trim(self.text, self.sentence.start, self.tokens[i].start)
        if content[1] <= content[0]:
            return None
        tok = self.tokens[i]
        return self._make(self.bounds(*np), (tok.start, tok.end), content, ())

    def _has_cue_word(self, lo: int, hi: int) -> bool:
        return any(t.lower in self.lex.cue_verbs and not t.text[:1].isupper() for t in self.tokens[lo:hi])

    def _is_mark(self, token: Token) -> bool:
        """Whether ``token`` is a quotation mark: a double one, or a single one that opens or closes a quotation."""
        return token.text in _QUOTE_MARKS or token.start in self._single_marks

    def _headline(self) -> bool:
        """A title-case line: most of its words capitalised."""
        words = [t for t in self.tokens if t.text[:1].isalpha()]
        return len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)

    def _inverted(self) -> Found | None:
        """'Said Ellis: "I don't get the sense ..."': cue first, then the speaker, then the words."""
        if len(self.tokens) < 2 or not (self.tokens[1].text[:1].isupper() or self.tokens[1].lower in _DETERMINERS):
            return None  # "Asked about the shooting, Clinton said ...": a question, not its speaker
        np = self.right_np(0)
        if np is None:
            return None
        content = self.content_after(np[1])
        if content is None:
            return None
        (lo, hi), relays = self.split_relays(*np)
        return self._make(self.bounds(lo, hi), (self.tokens[0].start, self.tokens[0].end), content, relays)

    def _transcript_label(self) -> bool:
        """Whether the sentence opens its paragraph with a speaker's label in capitals
        ("FALLIN: ...", "JOEL BENENSON: ...") in a transcript: the paragraph before or after
        opens with such a label too. A lone "UPDATE:" or "BOOM:" is no turn of a transcript.

        (PolNeAR also marks the "Q:" / "A:" of one printed interview, but not of another: on
        train the two readings were 16 right and 38 wrong, so they are left alone.)
        """
        tokens = self.tokens
        # (cheap tests first: this runs for every sentence with a statement)
        if self.sentence.start != self.paragraph_start or len(tokens) < 3 or not tokens[0].text.isupper():
            return False
        k = next((k for k in range(1, min(len(tokens), 4)) if tokens[k].text == ":"), None)
        if k is None or tokens[0].lower in _NOT_SPEAKERS:
            return False
        if not all(t.text.isupper() and t.text.isalpha() and len(t.text) > 1 for t in tokens[:k]):
            return False
        index = self.sentence.paragraph
        return any(
            0 <= near < len(self._paragraphs) and _CAPS_LABEL.match(self.text, self._paragraphs[near][0]) is not None
            for near in (index - 1, index + 1)
        )

    def _colon_speaker(self) -> Found | None:
        """A headline or transcript line "Kasich: We are going all the way" (PolNeAR's ':' cue)."""
        tokens = self.tokens
        first = 1 if tokens and self._is_mark(tokens[0]) else 0  # '"PENCE: Well, look, ...'
        k = next((k for k in range(first, min(len(tokens), first + 6)) if tokens[k].text == ":"), None)
        if k is None or k <= first or len(tokens) - k < 4 or tokens[first].lower in _NOT_SPEAKERS:
            return None
        words = tokens[first:k]
        if not all(t.text[:1].isupper() or t.text in ("'s", "’s", "-", ".") for t in words) \
                or not _is_word(words[0]):
            return None
        # Inside a quotation only a transcript label in capitals ("PENCE:") counts.
        if any(self.in_quote[j] for j in range(first, k)) and not all(t.text.isupper() for t in words):
            return None
        content = self.content_after(k + 1)
        if content is None:
            return None
        if first or all(t.text.isupper() for t in words):
            # A transcript turn ('"PENCE: Well, look, ...') runs to the end of its paragraph.
            content = _trim(self.text, content[0], self.paragraph_end)
        return self._make(self.bounds(first, k), (tokens[k].start, tokens[k].end), content, ())

    def _colon_quote(self, i: int) -> Found | None:
        """'... - Carl Bialik: “One of the biggest lessons ...”', 'More from Jones: “...”': a
        name (capitalised words) after a dash, "from" or at the sentence's start, then a colon and a
        quotation (PolNeAR's ':' cue)."""
        tokens = self.tokens
        lo = i
        while lo > 0 and i - lo < 6 and ((tokens[lo - 1].text[:1].isupper() and _is_word(tokens[lo - 1]))
                                          or (tokens[lo - 1].text in ("'s", "’s", "and") and lo < i)):
            lo -= 1
        if lo == i or tokens[lo].lower in _NOT_SPEAKERS or tokens[lo].lower in _DETERMINERS:
            return None
        if lo > 0 and not (tokens[lo - 1].text in _DASHES or tokens[lo - 1].lower == "from"):
            return None
        content = self.content_after(i + 1)
        if content is None:
            return None
        return self._make(self.bounds(lo, i), (tokens[i].start, tokens[i].end), content, ())

    def _declared_relays(self) -> tuple[OutletMention, ...]:
        """The outlet of "Quoted from X," / "As reported by X," / "Citing X," opening a sentence."""
        words = [t.lower for t in self.tokens[:3]]
        if words[:2] in (["quoted", "from"], ["quoted", "by"], ["as", "reported"]):
            first = 3 if words[:3] == ["as", "reported", "by"] else 2
        elif words[:1] == ["citing"]:
            first = 1
        else:
            return ()
        limit = next((k for k in range(first, len(self.tokens)) if self.tokens[k].text == ","), None)
        if limit is None or limit == first:
            return ()  # "Quoted from, X said ...": no outlet named
        end = self.tokens[limit].start
        named = tuple(self.outlets[: bisect.bisect_right(self._outlet_ends, end)])
        if named:
            return named
        # An outlet the registry does not know: the capitalised words before the comma.
        lo = first + (1 if self.tokens[first].lower == "the" else 0)
        if lo < limit and all(t.text[:1].isupper() for t in self.tokens[lo:limit]):
            start = self.tokens[lo].start
            return (OutletMention(start, end, None, "news_outlet", None, False),)
        return ()

    def _according_to(self, i: int) -> Found | None:
        np = self.right_np(i + 1)
        if np is None:
            return None
        (lo, hi), relays = self.split_relays(*np)
        source = self.bounds(lo, hi)
        cue = (self.tokens[i].start, self.tokens[i + 1].end)
        if i == 0 or (i <= 2 and not _is_word(self.tokens[i - 1])):
            content = self.content_after(np[1])
        else:
            content = _trim(self.text, self._content_start(i), self.tokens[i].start)
            content = content if content[1] > content[0] else None
        if content is None:
            return None
        return self._make(source, cue, content, relays)

    def _cue(self, i: int, *, learned: bool = False) -> Found | None:
        """A statement around the cue word at token ``i`` (``learned``: proposed by the cue model)."""
        found = self._cue_reading(i, learned=learned)
        gap = i - 1
        while gap > 0 and (self.tokens[gap].lower in _CUE_ADVERBS or _is_adverb(self.tokens[gap])):
            gap -= 1
        if found is None or found.source is None or gap < 1 or self.tokens[gap].lower != "by" \
                or not self.tokens[i].lower.endswith("ing") or found.source[1] != self.tokens[gap].end:
            return found
        # "Trump soared in the polls by saying ...": the words before "by" are no speaker; the
        # gerund's speaker is the sentence's subject, where it has one we find (else the reading
        # stays: its source overlaps the subject often enough).
        lo, hi = self._subject(gap)
        if not self._has_content_word(lo, hi):
            return found
        (lo, hi), relays = self.split_relays(lo, hi)
        assert found.cue is not None
        return replace(self._make(self.bounds(lo, hi), found.cue, found.content, relays), generic=found.generic)

    def _cue_reading(self, i: int, *, learned: bool) -> Found | None:
        tokens = self.tokens
        token = tokens[i]
        lemma = self.lex.cue_lemma.get(token.lower, token.lower)
        prev = tokens[i - 1].lower if i > 0 else ""
        if prev in _DETERMINERS or prev == "to" or (prev in ("would", "could", "should", "will", "might", "may")
                                                   and not self._surname(i - 1)):
            return None
        # Object-taking cues: the stance lexicon, and words only the model knows ("cited", "blasted").
        stance = token.lower in self.lex.stance_verbs or (learned and lemma not in _SAY_CLASS)
        if stance and not learned and not self._verb_use(i):
            return None
        last = i  # the cue's last token: "called for", "pointed out", "referring to"
        if i + 1 < len(tokens) and tokens[i + 1].lower in _PARTICLES and (
            f"{lemma} {tokens[i + 1].lower}" in self._phrasal or tokens[i + 1].lower == "out"
        ):
            last = i + 1
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        cue = (token.start, tokens[last].end)
        # Passive: "This was confirmed (directly) by X" / "it was reported that".
        aux = i - 1
        while aux >= 0 and (tokens[aux].lower in _ADVERBS or _is_adverb(tokens[aux])):
            aux -= 1
        progressive = token.lower.endswith("ing")
        if aux >= 0 and tokens[aux].lower in _PASSIVE_AUX and not progressive:
            return self._passive(i, aux, cue)
        if progressive and aux >= 0 and aux == i - 1 and tokens[aux].lower in _PASSIVE_AUX:
            cue = (tokens[aux].start, cue[1])  # "is demanding", "are calling for"
        gap = i - 1
        while gap > 0 and (tokens[gap].lower in _CUE_ADVERBS or _is_adverb(tokens[gap])):
            gap -= 1  # ", even suggesting"
        if progressive and gap >= 0 and (
                tokens[gap].text in (",", "—", "–")
                # '... expanded the party," claiming that ...': the comma inside the closing mark
                or (gap > 0 and self._is_mark(tokens[gap]) and tokens[gap - 1].text == ",")):
            return self._participle(i, last, cue)
        # "has said", "have long argued": the auxiliary (and the adverbs after it) belong to the cue.
        if aux >= 0 and tokens[aux].lower in ("has", "have", "had"):
            cue = (tokens[aux].start, cue[1])
        elif aux > 0 and _auxiliary(tokens[aux]) and tokens[aux].lower.replace("’", "'").endswith("n't"):
            # "Trump doesn’t believe", "didn't say": the contracted negation is the cue's, not
            # the last word of the speaker.
            cue = (tokens[aux].start, cue[1])
        elif i > 1 and (tokens[i - 1].lower in _CUE_ADVERBS or _is_adverb(tokens[i - 1])) \
                and tokens[i - 1].lower not in _VAGUE_ADVERBS:
            cue = (tokens[i - 1].start, cue[1])  # "also mentions", "then pointed out", "boldly suggested"
        head = next(k for k in range(max(0, aux), i + 1) if tokens[k].start == cue[0])  # the cue's first token
        head = self._verb_chain_start(head)
        cue = (tokens[head].start, cue[1])
        venue: tuple[OutletMention, ...] = ()
        if nxt is not None and nxt.lower in _ADJUNCTS \
                and lemma != "tell" and not stance and not (nxt.lower == "as" and lemma == "describe"):
            # "said on Rossiya 1 that ...", "said in a statement that ...": an adjunct, then the content.
            # Without "that" ("said to be", "reported on", "a report by") it is no report of speech,
            # unless a quotation before the speaker is the content ("'...,' he said in Ohio.").
            k = next((k for k in range(last + 2, min(len(tokens), last + 14)) if tokens[k].lower == "that"), None)
            if k is not None and any(tokens[j].text == "," and tokens[j + 1].lower.endswith("ing")
                                     for j in range(last + 1, k - 1)):
                k = None  # "said in a statement, adding that ...": the "that" is the next statement's
            # "wrote to Sanders' office that ...": "to" names the addressee of a report, like "told".
            addressed = nxt.lower == "to" and lemma in _SAY_CLASS and k is not None and k - last <= 8
            if k is None or (nxt.lower in ("by", "to", "for", "as", "about") and not addressed) \
                    or self._noun_use(i, i + 2) \
                    or any(self.in_quote[j] or self._is_mark(tokens[j]) for j in range(last + 1, k + 1)):
                if lemma in _SAY_CLASS and nxt.lower in _AFTER_SAID:
                    return self._quote_then_speaker(head, cue)
                return None
            venue = self.outlets_within(tokens[last].end, tokens[k].start)
            np = self.left_np(head, i)
            content = self.content_after(k, keep_that=True)
            if np is None and content is not None:
                aside = self._aside_source(head)  # "Clinton, 35, the daughter of ..., said on Twitter that"
                if aside is not None:
                    return self._make(aside, cue, content, venue)
            if np is None or content is None:
                return None
            (lo, hi), relays = self.split_relays(*np)
            return self._make(self.bounds(lo, hi), cue, content, relays + venue)
        followed_by_clause = nxt is None or nxt.text in (",", ":", ".", "that") or self._is_mark(nxt)
        if lemma not in _SAY_CLASS and not stance and not followed_by_clause and not self._quote_follows(last) \
                and lemma != "describe":
            if not self._that_within(last, 4):
                return None
        # Source on the left: "Korotchenko said", "he also said", "Pence has said".
        np = self.left_np(head, i)
        if np is not None and learned and token.lower not in self.lex.cue_verbs and not self._speaker_shape(*np) \
                and not (tokens[np[0]].lower in _DETERMINERS and np[1] - np[0] >= 3):
            # A word only the model takes for a cue, after a phrase that is no speaker: a noun
            # with its modifiers ("several negative | comments", "wild, unsubstantiated |
            # accusations", "a common | message"). A longer phrase after a determiner may be one
            # ("The joint statement | reads"), which the shape check cannot tell from a noun's
            # modifiers without a tagger.
            np = None
        if np is not None:
            (lo, hi), relays = self.split_relays(*np)
            source = self.bounds(lo, hi)
            if nxt is not None and nxt.text == "," and np[0] >= 2 and tokens[np[0] - 1].text == "," \
                    and last + 2 < len(tokens) and not self.in_quote[np[0] - 2]:
                # "Climate change, Mr. Obama often says, is the greatest threat": the report is
                # inserted into its content; the content is both sides of it.
                before = _trim(self.text, self.sentence.start, tokens[np[0] - 1].start)
                after = self.content_after(last + 1)
                if before[1] > before[0] and after is not None:
                    return replace(self._make(source, cue, before, relays), continuation=after)
            if nxt is not None and nxt.lower in _TIME_WORDS \
                    and not any(t.lower == "that" for t in tokens[last + 2 : last + 4]):
                # "'...,' he said Friday as he entered": the quotation before is the content
                # ("X learned Friday that ...": the clause after it is).
                content = self.content_before(np[0], lead_in=True)
                if content is not None and not self._is_opening_phrase(content):
                    return self._make(source, (cue[0], cue[1]), content, relays)
            if nxt is not None and np[0] > 0 and (
                    (nxt.text == "," and last + 2 < len(tokens) and tokens[last + 2].lower.endswith("ing"))
                    or nxt.lower in ("when", "while", "after", "before", "of")):
                # '"CNN had 23 million people," Trump said, referring to the debate.', '"...,"
                # she said when asked about it.', '"...," Sanders said of Bill Clinton.': the
                # content is what came before the speaker (not a phrase opening the sentence:
                # "In a later vote, he warned of ...").
                content = self.content_before(np[0], lead_in=True)
                if content is not None and not self._is_opening_phrase(content):
                    return self._make(source, cue, content, relays)
            if nxt is not None and np[0] > 0 and lemma in _SAY_CLASS and nxt.lower != "that" \
                    and nxt.text not in (":", ".") and not self._is_mark(nxt):
                # '"...," Mr. McCain recalled last week.', '"...," he tells supporters at a rally.':
                # after a quotation that ends at the speaker, what follows the verb is its hearer
                # or an adjunct; the quotation is the content. (An outlet told is left to the
                # reading below and issue 4's repairs, which take it as a relay: '"...," Carson
                # tells Breitbart News, responding to ...'.)
                quoted = self.content_before(np[0])
                if quoted is not None and quoted[0] > 0 and self.text[quoted[0] - 1] in _OPENING_MARKS \
                        and not (lemma == "tell" and (self._told_relays(i) or self._outlet_name(
                            [t.text for t in tokens[last + 1 : self._skip_object(i)]]))):
                    return self._make(source, cue, quoted, relays)
            if nxt is None or nxt.text == ".":
                content = self.content_before(np[0], lead_in=True)
            else:
                k = last + 1
                if np[0] == 1 and tokens[0].lower == "as":
                    # "As the mayor said last week, the bridge will open": the clause after the comma.
                    comma = next((j for j in range(last + 1, min(len(tokens) - 1, last + 8)) if tokens[j].text == ","),
                                 None)
                    if comma is not None:
                        k = comma + 1
                if lemma == "tell":
                    relays = relays + self._told_relays(i)
                    k = self._skip_object(i)
                object_only = stance and lemma not in _SAY_CLASS and nxt.lower != "that" \
                    and not self._quote_follows(last)
                content = self.content_after(k, keep_that=True, object_only=object_only)
                if content is None:
                    content = self.content_before(np[0])
            if content is None and nxt is not None and nxt.text == ":" and self.next_paragraph is not None \
                    and self.text[self.next_paragraph[0]] not in "\"“'«":  # a quotation: _speaker_before_quote
                content = self.next_paragraph  # "Limbaugh added:" and his words as the next paragraph
            if content is None:
                return None
            told_outlet = lemma == "tell" and (
                bool(self._told_relays(i))
                or self._outlet_name([t.text for t in tokens[last + 1 : self._skip_object(i)]])
            )
            return self._make(source, cue, content, relays, told_outlet=told_outlet)
        # "Martin O'Malley, who noted that ...": the relative pronoun stands for the name before it.
        relative = self._relative_source(head)
        if relative is not None:
            source, pronoun = relative
            content = self.content_after(last + 1, keep_that=True, object_only=stance and lemma not in _SAY_CLASS)
            if content is None:
                return None
            return replace(self._make(source, cue, content, ()), written_source=pronoun)
        aside = self._aside_source(head)
        if aside is not None:
            content = self.content_after(last + 1, keep_that=True, object_only=stance and lemma not in _SAY_CLASS)
            if content is not None:
                return self._make(aside, cue, content, ())
        # "Mr. Schultz supported Democrats ... and said he did not", "... but told his supporters":
        # the subject of the sentence.
        if i > 1 and tokens[i - 1].lower in ("and", "but"):
            return self._participle(i, last, cue)
        # Source on the right after a quotation or comma: '"...," said Korotchenko.'
        if i > 0 and (tokens[i - 1].text in (",", "—", "-") or self._is_mark(tokens[i - 1])
                      # "... 'old-school,''' said X": a single mark left after the closing one
                      or (i > 1 and tokens[i - 1].text in ("'", "’") and self._is_mark(tokens[i - 2]))):
            inserted = self._inserted_after_cue(last) if tokens[i - 1].text == "," else None
            np = inserted[0] if inserted is not None else self.right_np(last, appositive=True)
            if np is None:
                return None
            (lo, hi), relays = self.split_relays(*np)
            content = self.content_before(i, lead_in=True)
            if content is None:
                return None
            found = self._make(self.bounds(lo, hi), cue, content, relays)
            return replace(found, continuation=inserted[1]) if inserted is not None else found
        return None

    def _inserted_after_cue(self, last: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """'The paradox of Nancy, says Carl Anthony, a historian at the library, is that she was
        shy.': a report inserted into its content, the speaker after the cue (with an appositive
        between commas), then the content's second piece. ``last`` is the cue's last token;
        returns the speaker's tokens and the second piece, or None."""
        tokens = self.tokens
        np = self.right_np(last)
        if np is None or np[1] + 1 >= len(tokens) or tokens[np[1]].text != ",":
            return None
        j = np[1]
        if not self._is_mark(tokens[j + 1]):
            # An appositive up to a second comma ("Carl Anthony, a historian at the library,").
            k = next((k for k in range(j + 2, min(len(tokens) - 1, j + 16)) if tokens[k].text == ","), None)
            if k is None or self.in_quote[k]:
                return None
            np, j = (np[0], k), k
        nxt = tokens[j + 1].lower
        if nxt in ("who", "which", "whose", "whom", "where", "when") or nxt.endswith("ing"):
            return None  # "said Ann Cole, the mayor, who ...": more about the speaker, no content
        rest = self.content_after(j + 1)
        if rest is None or len(self.text[rest[0] : rest[1]].split()) < 2:
            return None
        return np, rest

    def _verb_chain_start(self, head: int) -> int:
        """The first token of the verb chain a cue starting at ``head`` ends: "Trump |
        has avoided directly criticizing", "More Republicans | have begun urging", "Mr. Trump |
        has lately started asking" (PolNeAR's cue is the whole chain). The verb between the
        auxiliary and the cue is no speaker; without an auxiliary before it, ``head`` stays.
        """
        tokens = self.tokens
        verb = head - 1
        if verb < 1 or not tokens[verb].text.isalpha() or not tokens[verb].text.islower() \
                or tokens[verb].lower in _STOP or tokens[verb].lower in _SHAPE_DETERMINERS:
            return head
        aux = verb - 1
        while aux > 0 and verb - aux < 3 and (tokens[aux].lower in _CUE_ADVERBS or _is_adverb(tokens[aux])):
            aux -= 1  # "has lately started asking" (a few words at most: linear time)
        if tokens[aux].lower not in ("has", "have", "had", "is", "are", "was", "were", "been"):
            return head
        while aux > 0 and verb - aux < 6 and (_auxiliary(tokens[aux - 1]) or tokens[aux - 1].lower in _NEGATIONS
                                              or tokens[aux - 1].lower in ("has", "have", "had")):
            aux -= 1  # "has been", "will have"
        return aux

    def _fallback(self, i: int) -> Found | None:
        """A cue the model is sure of that no specific rule reads: subject, cue, object.

        PolNeAR counts stances and intentions as attributions ("Clinton is promising to help
        mining communities", "Trump unleashed a flurry of tweets ..."); the speaker is the phrase before the verb (or
        the sentence's subject after "and"/"but", or a relative pronoun's antecedent) and the
        content its object, up to the next clause.
        """
        tokens = self.tokens
        last = i
        if i + 1 < len(tokens) and tokens[i + 1].lower in _PARTICLES:
            last = i + 1  # "referring to", "focused on"
        head = i
        while head > 0 and (tokens[head - 1].lower in _CUE_ADVERBS or _is_adverb(tokens[head - 1])
                            or tokens[head - 1].lower in _NEGATIONS):
            head -= 1
        if tokens[i].lower in _RAISING:
            return self._raising(i)
        if head > 0 and tokens[head - 1].lower in _PASSIVE_AUX and not tokens[i].lower.endswith("ing"):
            if tokens[i].lower not in _stance_adjectives():
                # A passive ("is expected to", "was accused of"): its subject is no speaker.
                return self._impersonal(head - 1, i, last)
            # "Some Democrats are concerned that ...", "Mr. Hurt is eager to ...", "FBI officials
            # were angered by ...": a feeling or a certainty, held by the subject (PolNeAR's
            # source), read like a stance verb with "be" in its verb group. The preposition is
            # the cue's, an infinitive's "to" the content's ("is eager | to get the book out").
            head -= 1
            last = i + 1 if i + 1 < len(tokens) and tokens[i + 1].lower in _STANCE_PREPOSITIONS else i
        if head > 0 and tokens[head - 1].lower in ("has", "have", "had", "is", "are", "was", "were"):
            head -= 1  # "is backing", "has introduced"
        elif head > 1 and tokens[head - 1].lower == "been" and tokens[i].lower.endswith("ing"):
            head -= 1  # "has been pushing": "has" is taken below
        # "did not mention", "would vote for", "will also discuss", "hasn't responded to", "has
        # been embracing": PolNeAR's cue takes the whole verb group, and the speaker stands before it.
        while head > 0 and (_auxiliary(tokens[head - 1]) or tokens[head - 1].lower in _NEGATIONS
                            or tokens[head - 1].lower in _CUE_ADVERBS or _is_adverb(tokens[head - 1])
                            or (tokens[head].lower == "been" and tokens[head - 1].lower in ("has", "have", "had"))):
            head -= 1
        cue = (tokens[head].start, tokens[last].end)
        # The object up to the next clause, or a whole "that" clause.
        object_only = last + 1 < len(tokens) and tokens[last + 1].lower != "that"
        content = self.content_after(last + 1, keep_that=True, object_only=object_only)
        if content is None:
            return None
        relative = self._relative_source(head)
        if relative is not None:
            return replace(self._make(relative[0], cue, content, ()), written_source=relative[1], generic=True)
        np = self.left_np(head, i)
        if np is None and head > 1 and tokens[head - 1].lower in ("and", "but"):
            np = self._subject(head - 1)
        if np is None or np[0] == np[1]:
            return None
        if not self._speaker_shape(*np):
            # "Economists have long | argued", "She sent a | letter": what stands right before
            # the verb is no speaker; the sentence's subject may be ("Economists", "She").
            np = self._subject(head)
            if np[0] == np[1] or not self._speaker_shape(*np):
                # "the agency came under sharp criticism for ...": no speaker the sentence names
                # (PolNeAR leaves such a source empty).
                return None if self._vague_adverb_before(head) else Found(None, cue, content, "vague", generic=True)
        (lo, hi), relays = self.split_relays(*np)
        return replace(self._make(self.bounds(lo, hi), cue, content, relays), generic=True)

    def _raising(self, i: int) -> Found | None:
        """"The plan seems to be popular", "Trump seemed to imply ...", "Sanders appears ready to
        ...", "It seems likely that ...": seem and appear name no speaker. PolNeAR marks no source
        and the subject as the content's first piece (the impersonal reading); after "it" the
        content is what follows the verb alone."""
        tokens = self.tokens
        head = i
        while head > 0 and (tokens[head - 1].lower in _CUE_ADVERBS or _is_adverb(tokens[head - 1])
                            or tokens[head - 1].lower in _NEGATIONS):
            head -= 1
        if i + 2 < len(tokens) and tokens[i + 1].lower == "to" and tokens[i + 2].lower in self.lex.cue_verbs:
            return None  # "he appeared to suggest that ...": a speaker and his verb of saying
        found = self._impersonal(head, i, i)
        if found is not None or head == 0 or tokens[head - 1].lower != "it":
            return found
        content = self.content_after(i + 1, keep_that=True)
        return Found(None, (tokens[head].start, tokens[i].end), content, "vague") if content is not None else None

    def _impersonal(self, aux: int, i: int, last: int) -> Found | None:
        """A report with no speaker around its subject: "The bridge is expected to open in May",
        "the contractors have been blamed for the delay", "the plan seems to be popular".

        PolNeAR marks no source and a content in two pieces, the subject and what follows the
        cue; they become the content and its continuation. ``aux`` is the first token of the
        verb group ("is", "have been", "could be"), ``i`` the cue word, ``last`` its last token.
        """
        tokens = self.tokens
        known_for = tokens[i].lower == "known" and last > i and tokens[last].lower in ("for", "as")
        if (tokens[i].lower in _VAGUE_PARTICIPLES and not known_for) or self._vague_adverb_before(aux):
            return None  # "The firm is reported to have ...", "reportedly": the vague-source rules read it
        if last > i and tokens[last].lower == "to":
            last = i  # "is expected | to open in May": PolNeAR keeps "to" in the content
        while aux > 0 and (tokens[aux - 1].lower in _PASSIVE_AUX or tokens[aux - 1].lower in _MODALS
                           or tokens[aux - 1].lower in ("has", "have", "had")):
            aux -= 1  # "could be expected", "have been blamed"
        start = aux
        while start > 0 and tokens[start - 1].text not in (",", ";", ":") and not self.in_quote[start - 1] \
                and aux - start < 15:
            start -= 1  # the subject: back to the clause's start
        if start == aux or (start > 0 and tokens[start - 1].text not in (",", ";", ":")) \
                or any(t.lower in ("and", "but") for t in tokens[start + 1 : aux]):
            return None  # no subject of its own ("X is a donor and has been mentioned as ...")
        # "But the plan | ...", "As President Obama | appears set to ...": a conjunction opens the clause.
        lo = start + 1 if (tokens[start].lower in _DISCOURSE_WORDS or tokens[start].lower == "as") \
            and start + 1 < aux else start
        if tokens[aux - 1].lower in _PERSONAL_SUBJECTS:
            lo = aux - 1  # "In the morning | she | is expected to": the pronoun is the subject
        if tokens[lo].lower in ("that", "this", "it", "there") or not (
                self._has_content_word(lo, aux) or (aux - lo == 1 and tokens[lo].lower in _PERSONAL_SUBJECTS)):
            # "it is expected that" is the vague rules'. A personal pronoun or a relative one is
            # a subject PolNeAR marks as the content's first piece ("she | is widely expected |
            # to capture ...", "Mitt Romney, who | is expected | to deliver ...").
            return None
        subject = _trim(self.text, tokens[lo].start, tokens[aux - 1].end)
        rest = self.content_after(last + 1, keep_that=True, object_only=True)
        if rest is None:
            return None
        return Found(None, (tokens[aux].start, tokens[last].end), subject, "vague", continuation=rest, generic=True)

    def _sure_cue(self, cue: tuple[int, int]) -> bool:
        """Whether the cue model gives some word of ``cue`` at least 0.5, or scores none of them."""
        k = bisect.bisect_left(self.tokens, cue[0], key=lambda t: t.start)  # linear time: no scan per cue
        probs = []
        while k < len(self.tokens) and self.tokens[k].start < cue[1]:
            p = self.cue_probs.get(self.tokens[k].start)
            if p is not None:
                probs.append(p)
            k += 1
        return not probs or max(probs) >= _UNSURE

    def _vague_adverb_before(self, k: int) -> bool:
        """Whether "reportedly", "allegedly" ... stands among the few words before token ``k``.

        The vague-source rules read such a report ("who reportedly has been hoping to ..."); a
        reading without a source here would stand in their way.
        """
        return any(t.lower in _VAGUE_ADVERBS for t in self.tokens[max(0, k - 4) : k])

    def _speaker_shape(self, lo: int, hi: int) -> bool:
        """Whether tokens ``lo:hi`` look like a speaker (the generic reading's check).

        The generic reading takes whatever stands before the verb; without this check it read
        "Given the sharp | criticism of", "migrants into the city amid | disagreements about",
        "She sent a | letter" or a lone "long" ("Economists have long | argued") as speakers.
        A speaker ends in a name, a pronoun, a role, an outlet or a plural noun ("These voters"),
        or in a singular noun right after a determiner or a name ("The ad", "A House panel").
        """
        tokens = self.tokens
        if tokens[lo].lower in _DISCOURSE_WORDS and hi - lo > 1:
            lo += 1  # "And he sponsored ..."
        first, last = tokens[lo], tokens[hi - 1]
        word = last.lower
        if word in _SHAPE_FUNCTION_WORDS or (
                first.lower in _SHAPE_FUNCTION_WORDS and first.lower not in _SHAPE_DETERMINERS):
            return False
        if first.text[:1].islower() and first.lower.endswith(("ing", "ed")):
            return False  # "taking in migrants | have embraced", "came during an": a clause, not a subject
        if last.text[:1].isupper() or word in _PRONOUNS or word in self.lex.roles or self.in_outlet[hi - 1]:
            return True
        if not last.text.isalpha() or word.endswith(("ly", "ing", "ed")):
            return False
        if word.endswith("s"):
            return True
        before = tokens[hi - 2] if hi - 2 >= lo else None
        return before is not None and (before.lower in _SHAPE_DETERMINERS or before.text[:1].isupper()
                                       or before.text in ("'s", "’s"))

    def _opening_phrase(self, hi: int) -> int | None:
        """Where a noun phrase that opens the sentence and ends before token ``hi`` starts, or None.

        A short phrase of source words and the prepositions of a role ("A lawyer for the news
        outlets"), starting with a determiner or a capital.
        """
        start = 1 if self.tokens and self.tokens[0].lower in _DISCOURSE_WORDS else 0
        if not 0 < hi - start <= 10 or not (self.tokens[start].lower in _DETERMINERS
                                             or self.tokens[start].text[:1].isupper()
                                             or self.tokens[start].text[:1].isdigit()):  # "81-year-old Parker Eaton"
            return None
        if (self.tokens[start].lower in _NOT_SPEAKERS and self.tokens[start].lower not in _DETERMINERS) or not all(
                self._np_ok(k) or self.tokens[k].lower in _LINKS for k in range(start, hi)):
            return None
        return start

    def _aside_source(self, head: int) -> tuple[int, int] | None:
        """The subject opening the sentence and its long aside, for a cue right after a comma.

        "The minister, who spoke on condition of anonymity because the talks are private, said
        ...", "Richard Revesz, director of ..., an associate professor ..., said ...": left_np
        reads an aside of plain words between two commas; one with a clause or more commas of its
        own ends it, and the reading fell through to '"...," said X' with the cue's own content
        as the source. PolNeAR's source is the name with its whole aside, as for a short one.
        """
        tokens = self.tokens
        close = head - 1
        if close < 3 or close > 60 or tokens[close].text != "," or self.in_quote[close]:
            return None
        start = 1 if tokens[0].lower in _DISCOURSE_WORDS else 0
        opening = next((k for k in range(start + 1, min(close, start + 11)) if tokens[k].text == ","), None)
        if opening is None or opening + 1 >= close:
            return None
        if self._opening_phrase(opening) is None or not self._has_content_word(start, opening):
            return None  # the sentence opens with no noun phrase ("In Ohio, where ..., Clinton said")
        after = tokens[opening + 1]
        if any(self.in_quote[k] or self._is_mark(tokens[k]) for k in range(opening + 1, close)):
            return None
        if after.lower in _ASIDE_PREPOSITIONS or after.lower in _ASIDE_ADVERBS:
            # "The Obama administration, in a far-reaching effort ..., has said", "Sanders,
            # meanwhile, who ..., said": the aside is no part of the speaker.
            return tokens[start].start, tokens[opening - 1].end
        if not (after.lower in _APPOSITIVE_OPENERS or after.lower in self.lex.roles or after.text[:1].isupper()
                or (after.lower.endswith("ing") and after.lower not in self.lex.cue_verbs)
                or after.text.isdigit()):  # an age: "Clinton, 35, the daughter of ..., said"
            return None  # (a participle: "Roy Blunt, facing a stiff challenge from ..., noted")
        return tokens[start].start, tokens[close - 1].end

    def _relative_source(self, head: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """For a cue after "who"/"which", the antecedent's bounds and the pronoun's.

        "Martin O'Malley, who noted", "the survey, which found": PolNeAR marks the pronoun as the
        source; the sources stage needs the name it stands for.
        """
        k = head - 1
        while k > 0 and (self.tokens[k].lower in _ADVERBS or _is_adverb(self.tokens[k])):
            k -= 1
        if k < 1 or self.tokens[k].lower not in ("who", "which") or self.in_quote[k]:
            return None
        hi = k - 1 if self.tokens[k - 1].text == "," else k
        lo = self._scan_left(hi, 10, head)
        while lo < hi and self.tokens[lo].lower in _LEADING_JUNK:
            lo += 1
        if lo == hi or not self._has_content_word(lo, hi):
            return None
        return self.bounds(lo, hi), (self.tokens[k].start, self.tokens[k].end)

    def _participle(self, i: int, last: int, cue: tuple[int, int]) -> Found | None:
        """"Trump spoke in Ohio, saying that ...": the speaker is the subject of the sentence."""
        # "..., telling reporters that ...", "but told supporters that ...": past the hearer.
        start = self._skip_object(i) if self.lex.cue_lemma.get(self.tokens[i].lower) == "tell" else last + 1
        content = self.content_after(start, keep_that=True)
        if content is None:
            return None
        lo, hi = self._subject(i - 1)
        if hi == lo or not self._has_content_word(lo, hi):
            # '"...," Jason Chaffetz said in a statement, adding that ...': the speaker of the
            # statement before, when the sentence opens with its quotation.
            lo, hi = self._earlier_speaker(i) or (lo, hi)
        if hi == lo or not self._has_content_word(lo, hi):
            # A report whose speaker the sentence does not name in a way we can find.
            return Found(None, cue, content, "vague")
        (lo, hi), relays = self.split_relays(lo, hi)
        return self._make(self.bounds(lo, hi), cue, content, relays)

    def _opening_phrase_rest(self, lo: int, limit: int) -> int:
        """Past a state after its town, and a time phrase, that continue an opening phrase ("At
        a rally in Ames, | Iowa, on Sunday, | Mrs. Clinton said"): the subject's first token."""
        tokens = self.tokens
        for _ in range(2):  # bounded: a state, then a time phrase
            comma = next((k for k in range(lo, min(limit, lo + 5)) if tokens[k].text == ","), None)
            if comma is None or comma == lo:
                break
            words = [t.lower for t in tokens[lo:comma] if t.text != "."]
            place = " ".join(words) in _US_STATES and tokens[lo].text[:1].isupper()
            time = words[0] in ("on", "in", "at", "last", "this", "early", "late") and any(
                w in _TIME_WORDS or w in _MONTHS or w.isdigit() for w in words[1:])
            if not (place or time):
                break
            lo = comma + 1
        return lo

    def _earlier_speaker(self, i: int) -> tuple[int, int] | None:
        """The speaker of the nearest verb of saying before token ``i`` outside quotations
        ("Chaffetz said" or "said Chaffetz"), as a token range, or None."""
        for j in range(i - 2, max(0, i - 30), -1):  # bounded: linear time
            t = self.tokens[j]
            if self.in_quote[j] or t.text[:1].isupper() or self.lex.cue_lemma.get(t.lower) not in _SAY_CLASS:
                continue
            np = self.left_np(j)
            if np is None and not _is_word(self.tokens[j - 1]):
                np = self.right_np(j)
            return np if np is not None and np[0] < np[1] else None
        return None

    def _subject(self, limit: int) -> tuple[int, int]:
        """The sentence's subject as a token range ("The New York Times | and ...", "Keller | spoke")."""
        tokens, roles = self.tokens, self.lex.roles
        lo = 0
        if len(tokens) > 4 and tokens[0].text[:1].isupper() and tokens[0].text.isalpha():
            # "Washington (AFP) – Democrat Hillary Clinton ...": a dateline in mixed case, known
            # by the agency in brackets and the dash after it.
            close = next((k for k in range(1, min(limit, 6)) if tokens[k].text == ")"), None)
            if close is not None and close + 1 < limit and tokens[close + 1].text in _DATELINE_DASHES \
                    and tokens[close - 2].text == "(" \
                    and all(t.text[:1].isupper() for t in tokens[: close - 2] if t.text != ","):
                lo = close + 2
        if tokens and len(tokens[0].text) > 1 and tokens[0].text.isupper() and tokens[0].text.isalpha():
            # A dateline: "WASHINGTON (UPI) — The senator ...", "CLEVELAND, July 19 (UPI) — ...".
            dash = next((k for k in range(1, min(limit, 10)) if tokens[k].text in _DATELINE_DASHES), None)
            if dash is not None:
                lo = dash + 1
        # "And now Mr. Manafort has ...", "Yet she didn't ...", "Then he cut into Bush, calling
        # him ...": a conjunction or adverb opening the sentence with no comma after it is one
        # word before the subject, not a phrase running to the next comma (which may lie past
        # the subject and the verb).
        first = lo
        while lo + 1 < min(limit, len(tokens)) and tokens[lo].lower in _SENTENCE_LINKS \
                and tokens[lo].text[:1].isupper() == (lo == first) and tokens[lo + 1].text != ",":
            lo += 1
        # "In August, several groups ..., saying", "Speaking in Ohio, Trump ...", "Asked about
        # the vote, Clinton shook her head and said": skip an opening adverbial or participial
        # phrase up to its comma.
        if lo < len(tokens) and (tokens[lo].lower in _SUBJECT_OPENERS or tokens[lo].lower in _TIME_WORDS
                                 or (tokens[lo].lower.endswith("ing") and tokens[lo].text[:1].isupper())
                                 or (tokens[lo].lower.endswith("ed") and tokens[lo].text[:1].isupper()
                                     and lo + 1 < len(tokens) and tokens[lo + 1].lower in _PARTICIPLE_OPENER_NEXT)):
            comma = next((k for k in range(lo + 1, min(limit, lo + 12)) if tokens[k].text == ","), None)
            if comma is not None:
                lo = self._opening_phrase_rest(comma + 1, limit)
        hi = lo
        seen_head = False
        while hi < limit and hi - lo < 14 and self._np_ok(hi):
            t = tokens[hi]
            head = t.text[:1].isupper() or t.lower in roles or t.lower in _PRONOUNS or self.in_outlet[hi] \
                or t.lower in _GROUP_NOUNS
            if seen_head and not head and t.lower not in _DETERMINERS and t.text not in ("'s", "’s", "-") \
                    and not any(x.lower in roles for x in tokens[hi + 1 : hi + 3]) \
                    and not (hi == lo + 1 and tokens[lo].lower in _SUBJECT_QUANTIFIERS) \
                    and not (tokens[hi - 1].text.endswith(("'s", "’s")) and t.lower not in self.lex.cue_verbs):
                # the first verb after the subject's head; not the noun after a possessive ("Trump's
                # representatives") or after a quantifier opening the sentence ("Each faction")
                break
            seen_head = seen_head or head
            hi += 1
        # The subject ends at its last name, pronoun or role word (or the noun read above).
        while hi > lo and not (tokens[hi - 1].text[:1].isupper() or tokens[hi - 1].lower in roles
                               or tokens[hi - 1].lower in _PRONOUNS or self.in_outlet[hi - 1]
                               or tokens[hi - 1].lower in _GROUP_NOUNS
                               or (hi - 2 >= lo and tokens[hi - 2].text.endswith(("'s", "’s")))
                               or (hi - 2 == lo and tokens[lo].lower in _SUBJECT_QUANTIFIERS)):
            hi -= 1
        if hi == lo + 1 and (tokens[lo].lower in _SUBJECT_OPENERS or tokens[lo].lower in _TIME_WORDS
                             or tokens[lo].lower in _MONTHS):
            return lo, lo  # "Despite | ...", "Tuesday | ...": a capitalised opener, no subject
        return lo, self._appositive_end(hi, limit) if hi > lo else hi

    def _appositive_end(self, hi: int, limit: int) -> int:
        """"Christie, New Jersey's sitting governor, went after Bush, calling him ...": an aside
        between commas after the subject, with the verb after it, belongs to the subject as it
        does to a source before its cue (left_np). Returns the subject's new end, or ``hi``."""
        tokens = self.tokens
        if hi + 2 >= limit or tokens[hi].text != "," or tokens[hi + 1].lower in _ASIDE_PREPOSITIONS \
                or tokens[hi + 1].lower in _ASIDE_ADVERBS or tokens[hi + 1].lower in ("who", "which"):
            return hi
        for j in range(hi + 2, min(limit, hi + 20)):  # bounded: linear time
            t = tokens[j]
            if t.text == ",":
                after = tokens[j + 1] if j + 1 < limit else None
                ok = after is not None and after.text.isalpha() and after.text.islower() and not self.in_quote[j + 1]
                return j if ok else hi
            if not (self._np_ok(j) or t.lower in _APPOSITIVE_WORDS) or t.lower in ("who", "which"):
                return hi
        return hi

    def _verb_use(self, i: int) -> bool:
        """A stance verb used as a verb: a past form, or right after a name or pronoun.

        "attacks", "support", "questions" are nouns more often than not ("the attacks on ...").
        """
        word = self.tokens[i].lower
        if word.endswith("ed") or word not in self.lex.cue_lemma or self.lex.cue_lemma[word] not in word:
            return True  # "criticized", or an irregular past ("sought")
        if i == 0:
            return False
        prev = self.tokens[i - 1]
        return prev.lower in _PRONOUNS or prev.lower in ("who", "also") or (
            prev.text[:1].isupper() and not self.in_quote[i - 1] and i - 1 > 0
        )

    def _quote_then_speaker(self, head: int, cue: tuple[int, int]) -> Found | None:
        """'"...," Sanders said during an interview': the quotation before the speaker."""
        np = self.left_np(head) or self._speaker_after_quote(head)
        if np is None:
            return None
        content = self.content_before(np[0], lead_in=True)
        if content is not None and self._is_opening_phrase(content):
            # "In a later vote, he warned of ...", "In the coming months, he vowed to ...": a phrase
            # opening the sentence before its subject is no content; the words after the cue are.
            # A quotation after the cue is left to the repairs, which take it whole ("he explained
            # to her the following: “...”").
            last = next(k for k in range(head, len(self.tokens)) if self.tokens[k].end >= cue[1])
            after = self.content_after(last + 1, keep_that=True)
            if after is not None and self._quoted_share(after) == 0:
                content = after
        if content is None or (self._quoted_share(content) < 0.5 and len(self.text[content[0]:content[1]].split()) < 3):
            return None
        (lo, hi), relays = self.split_relays(*np)
        return self._make(self.bounds(lo, hi), cue, content, relays)

    def _is_opening_phrase(self, bounds: tuple[int, int]) -> bool:
        """``bounds`` (a content read before the speaker) is a phrase opening the sentence with
        an opener word ("In ...", "Earlier ...", "While ...") and no quotation in it."""
        first = self.tokens[0] if self.tokens else None
        return first is not None and bounds[0] == first.start and first.text[:1].isupper() \
            and (first.lower in _SUBJECT_OPENERS or first.lower in _TIME_WORDS) and self._quoted_share(bounds) == 0

    def _speaker_after_quote(self, head: int) -> tuple[int, int] | None:
        """'"...," Cecelia Purner, 67, a retired clerk in Allentown, Pa., said in an interview':
        everything between the quotation and the comma before the cue, when it opens with a
        capital and holds no quotation mark (left_np stops at the aside's inner commas)."""
        tokens = self.tokens
        comma = head - 1
        if comma < 2 or tokens[comma].text != "," or not self.quotes:
            return None
        quote = max((q for q in self.quotes if q.end <= tokens[comma].start), key=lambda q: q.end, default=None)
        if quote is None:
            return None
        j = bisect.bisect_left(tokens, quote.end, key=lambda t: t.start)
        while j < comma and (tokens[j].text in (",", "'", "’") or self._is_mark(tokens[j])):
            j += 1
        if comma - j < 2 or comma - j > 40 or not tokens[j].text[:1].isupper() \
                or any(self.in_quote[k] or self._is_mark(tokens[k]) for k in range(j, comma)):
            return None
        return j, comma

    def _passive(self, i: int, aux: int, cue: tuple[int, int]) -> Found | None:
        tokens = self.tokens
        subject = tokens[aux - 1].lower if aux > 0 else ""
        if subject == "it":
            # "It was reported that ...": an impersonal report.
            content = self.content_after(i + 1)
            if content is None:
                return None
            return Found(None, (tokens[aux - 1].start, tokens[i].end), content, "vague")
        k = i + 1
        while k < len(tokens) and tokens[k].lower in _ADVERBS:
            k += 1
        if k >= len(tokens) or tokens[k].lower != "by":
            return None
        np = self.right_np(k)
        if np is None:
            return None
        (lo, hi), relays = self.split_relays(*np)
        content = _trim(self.text, self.sentence.start, tokens[aux].start)
        if content[1] <= content[0]:
            return None
        if self.text[content[0] : content[1]].lower() in ("this", "that", "it") and self.previous is not None:
            # "This was confirmed by X": what X confirmed is the previous sentence.
            content = _trim(self.text, self.previous.start, self.previous.end)
        return self._make(self.bounds(lo, hi), cue, content, relays)

    def _clause_follows(self, i: int) -> bool:
        # ... or the cue ends the sentence: "..., The Post has learned."
        return self._quote_follows(i) or self._that_within(i, 3) or i + 1 >= len(self.tokens) or (
            self.tokens[i + 1].text in (":", ",", ".")
        )

    def _that_within(self, i: int, n: int) -> bool:
        return any(t.lower == "that" for t in self.tokens[i + 1 : i + 1 + n])

    def _quote_follows(self, i: int) -> bool:
        k = i + 1
        while k < len(self.tokens) and self.tokens[k].text in (",", ":"):
            k += 1
        return k < len(self.tokens) and self._is_mark(self.tokens[k])

    def _skip_object(self, i: int) -> int:
        """After "told", skip the hearer ("told reporters that", "told Reuters on Monday")."""
        k = i + 1
        while k < len(self.tokens) and k - i < 8 and self.tokens[k].lower != "that" \
                and self.tokens[k].text not in (",", ":", ".") and not self._is_mark(self.tokens[k]):
            k += 1
        return k if k < len(self.tokens) else i + 1

    def _told_relays(self, i: int) -> tuple[OutletMention, ...]:
        end = self.tokens[min(len(self.tokens) - 1, self._skip_object(i))].start
        return self.outlets_within(self.tokens[i].end, end)

    def _make(
        self,
        source: tuple[int, int],
        cue: tuple[int, int],
        content: tuple[int, int],
        relays: tuple[OutletMention, ...],
        *,
        told_outlet: bool = False,
    ) -> Found:
        # "He’s said", "who's argued": the contraction belongs to the verb, not to the source.
        word = self.text[source[0] : source[1]].rsplit(None, 1)[-1]
        if len(word) > 2 and word[-2:] in ("’s", "'s") and word[:-2].lower() in _CONTRACTED:
            source = (source[0], source[1] - 2)
        else:
            aux = next((a for a in _CONTRACTED_AUX if word.endswith(a)), None)
            if aux is not None and word[: -len(aux)].lower() in _AUX_SUBJECTS:
                source = (source[0], source[1] - len(aux))
        outlet = self.outlet_in(*source)
        raw = self.text[source[0] : source[1]].split()
        words = [w.lower() for w in raw]
        head = words[-1] if words else ""
        named = any(
            w[:1].isupper() and w.lower() not in _ANONYMOUS_HEADS and w.lower() not in _DETERMINERS for w in raw
        )
        # "the Daily Herald": an outlet by its name, though the registry does not know it.
        outlet_named = outlet is not None or self._outlet_name(raw)
        quoted = self._quoted_share(content) >= 0.3
        cue_words = self.text[cue[0] : cue[1]].lower().split()
        lemma = self.lex.cue_lemma.get(cue_words[-1], "") if cue_words else ""
        directness: Directness
        if (head in _ANONYMOUS_HEADS and not named) or any(w in _ANONYMITY for w in words):
            directness = "vague"
        elif outlet_named or lemma in _RELAYING or relays or told_outlet:
            directness = "direct_quote" if quoted and not outlet_named and not told_outlet else "secondhand"
        elif quoted:
            directness = "direct_quote"
        else:
            directness = "indirect"
        return Found(source, cue, content, directness, relays, outlet)

    def _outlet_name(self, raw: list[str]) -> bool:
        return any(w[:1].isupper() and w.lower().strip(".,'’s") in self.lex.outlet_words for w in raw)

    def _clip_to_quoted_sentence(self, content: tuple[int, int], at: int) -> tuple[int, int]:
        """Inside a quotation, a nested report runs to the end of its own sentence."""
        quote = next(q for q in self.quotes if q.inner_start <= at < q.inner_end)
        end = min(content[1], quote.inner_end)
        for k in range(content[0], end - 1):
            if self.text[k] in ".!?" and self.text[k + 1].isspace():
                end = k
                break
        return content[0], end

    def _quoted_share(self, content: tuple[int, int]) -> float:
        start, end = content
        if end <= start:
            return 0.0
        covered = 0
        before = self.quote_before
        if before is not None and before.inner_start <= start and end <= before.inner_end:
            return 1.0  # '"Why is he attacking me?" Trump said.': the quotation ended the sentence before
        for q in self.quotes:
            if q.inner_start <= start and end <= q.inner_end:
                return 1.0  # the content is the quotation
            if len(self.text[q.inner_start : q.inner_end].split()) > 2:  # a word or two is a scare quote
                covered += max(0, min(end, q.inner_end) - max(start, q.inner_start))
        return covered / (end - start)

    def _vague(self, found: list[Found], positions: Sequence[int] | None = None) -> list[Found]:
        """Vague attributions; inside quotations they are the speaker's own nested statements.

        ``positions`` as in :meth:`run`: every vague phrase starts at one, and every "is known
        to" has its participle at one.
        """
        result: list[Found] = []
        tokens = self.tokens
        positions = range(len(tokens)) if positions is None else positions
        phrases = _vague_phrases()
        cue_spans = [f.cue for f in found if f.cue]
        for i in positions:
            options = phrases.get(tokens[i].lower)
            if not options:
                continue
            # The words at i, lower-cased once for all the phrases that start with this word
            # (longest first); comparing slices of one tuple instead of one per phrase.
            window = tuple([t.lower for t in tokens[i : i + len(options[0])]])
            for phrase in options:
                if window[: len(phrase)] != phrase:
                    continue
                j = i + len(phrase)
                if any(c0 <= self.tokens[i].start < c1 for c0, c1 in cue_spans):
                    break
                cue = (self.tokens[i].start, self.tokens[j - 1].end)
                source = next(
                    ((t.start, t.end) for t in self.tokens[i:j] if t.lower in _ANONYMOUS_HEADS), None
                )
                if phrase[0] == "according" and i > 0:
                    # "..., according to reports." (the words before) or "According to reports, ..."
                    content = self.content_before(i) or self.content_after(j)
                elif phrase[0] == "according" or i == 0 or not _is_word(self.tokens[i - 1]) \
                        or self.tokens[i - 1].lower in ("that", "and", "but"):
                    content = self.content_after(j)
                else:
                    content = self.content_before(i) or self.content_after(j)
                if content is not None:
                    if self.in_quote[i]:
                        content = self._clip_to_quoted_sentence(content, self.tokens[i].start)
                    result.append(Found(source, cue, content, "vague"))
                break
        if result:
            return result
        # "reportedly", "is known to": the whole sentence is vaguely attributed, unless another
        # statement was read in it. (One whose cue the cue model is unsure of does not stand in
        # the way: the statement filter may drop it, "the key question is whether ...", and the
        # report would be lost.)
        for j in positions:
            hit = None
            low = tokens[j].lower
            if low in _VAGUE_ADVERBS:
                hit = (j, j + 1)
            elif low in _VAGUE_PARTICIPLES and j >= 1 and tokens[j - 1].lower in _VAGUE_AUX \
                    and j + 1 < len(tokens) and tokens[j + 1].lower == "to":
                hit = (j - 1, j + 2)
            if hit is not None:
                if any(f.cue is not None and self._sure_cue(f.cue) for f in found):
                    break
                cue = (self.tokens[hit[0]].start, self.tokens[hit[1] - 1].end)
                content = _trim(self.text, self.sentence.start, self.sentence.end)
                result.append(Found(None, cue, content, "vague"))
                break
        return result


def _with_relays(item: Found, declared: tuple[OutletMention, ...]) -> Found:
    """Add relays the sentence declares up front ("Quoted from X, ...") to a statement."""
    extra = tuple(m for m in declared if m not in item.relays and item.named_outlet != m)
    if not extra:
        return item
    directness = relayed(item.directness)
    return Found(item.source, item.cue, item.content, directness, extra + item.relays, item.named_outlet, extra)


def _dedupe(found: list[Found]) -> list[Found]:
    """One statement per content span and per cue; the first (leftmost) reading wins."""
    seen_content: set[tuple[int, int]] = set()
    seen_cue: set[tuple[int, int]] = set()
    result = []
    for item in found:
        if item.content in seen_content or (item.cue is not None and item.cue in seen_cue):
            continue
        seen_content.add(item.content)
        if item.cue is not None:
            seen_cue.add(item.cue)
        result.append(item)
    return result


_PHRASES: dict[str, tuple[tuple[str, ...], ...]] | None = None


def _vague_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Vague-source phrases as token tuples, indexed by their first word, longest first."""
    global _PHRASES
    if _PHRASES is None:
        table: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lexicons().vague_sources:
            words = tuple(t.lower for t in tokenize(phrase))
            table.setdefault(words[0], []).append(words)
        _PHRASES = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}
    return _PHRASES


def find_attributions(seg: Segmentation) -> list[Found]:
    """Every reported statement in a segmented article, in text order."""
    found: list[Found] = []
    previous = None
    tagger = cue_tagger()
    flags = in_quote_flags(seg)  # once per article, not per sentence
    tokens = seg.tokens
    # The article's index of words (``Segmentation.positions``, which the repairs below and later
    # stages read anyway) gives the few interesting tokens (a tenth of them) without reading the
    # others; the Python-level checks then run only on those.
    outlet_words, triggers, vague_only = _trigger_words()
    cue_probs: dict[int, float] = {}  # token start -> the cue model's probability
    high: set[int] = set()  # indices of the tokens the model takes for cues
    threshold = 1.0
    candidates = tagger.candidates if tagger is not None else frozenset()
    # The statement filter, when there is one, was trained with lower cue thresholds than the
    # rules alone use: it drops the wrong readings those let through (see _statement_model).
    keeper = statement_filter() if tagger is not None else None
    fallback = (keeper.fallback, keeper.fallback_bare) if keeper is not None else (_FALLBACK, _FALLBACK_BARE)
    if tagger is not None:
        threshold = tagger.threshold if keeper is None else keeper.cue_threshold
    # One pass over all tokens picks out both the cue model's candidates and the triggers.
    hits = []
    interesting = _interesting_words(candidates, triggers)
    asked = []  # the cue model's candidates, scored in one batch below
    for k in seg.positions(interesting.intersection(seg.words)):
        token = tokens[k]
        # The rules read cues only outside quotations and only in lower case.
        if token.lower in candidates and not flags[k] and not token.text[:1].isupper():
            asked.append(k)
        if token.lower in triggers and (token.lower not in vague_only or _vague_phrase_at(tokens, k)):
            hits.append(k)
    if tagger is not None and asked:
        for k, p in zip(asked, tagger.probabilities(tokens, asked, flags), strict=True):
            cue_probs[tokens[k].start] = p
            if p >= threshold:
                high.add(k)
    # Which tokens can start a statement (``trigger_hits``), and which need the outlet registry:
    # the sentences without any trigger (a fifth of them) skip the rules entirely, as ``run``
    # could find nothing in them; outlets matter only around a cue (sources, relays, "Quoted
    # from X,"), so only sentences with one of those pay for the registry look-up.
    trigger_hits = sorted(high.union(hits))
    outlet_hits = [k for k in trigger_hits if k in high or tokens[k].lower in outlet_words]
    token_starts = seg.token_starts
    for sentence in seg.sentences:
        first = bisect.bisect_left(token_starts, sentence.start)
        last = bisect.bisect_left(token_starts, sentence.end, first)
        hit = bisect.bisect_left(trigger_hits, first)
        hit_end = bisect.bisect_left(trigger_hits, last, hit)
        if hit < hit_end:
            at = bisect.bisect_left(outlet_hits, first)
            needs_outlets = at < len(outlet_hits) and outlet_hits[at] < last
            mentions = find_outlets(tokens[first:last]) if needs_outlets else []
            rules = _SentenceRules(seg, sentence, previous, mentions, cue_probs, threshold, (flags, first), fallback)
            found.extend(rules.run([k - first for k in trigger_hits[hit:hit_end]]))
        previous = sentence
    found.extend(_speaker_before_quote(seg, found))
    found.extend(_dash_signatures(seg, found))
    found.extend(_poll_openers(seg))
    found = _split_quotations(seg, _continued_quotes(seg, _without_nested_stances(seg, found)))
    # The repairs re-read some statements ('"A," X stated to ABC News.': the rules took "to ABC
    # News" for the content, the repair the quotation before it); such a statement continues
    # into a following quotation as any other does, so continuations are read again after them.
    found = _continued_quotes(seg, repair_readings(seg, found))  # issue 4: shapes that lose a source or relay
    # The learned span rankers (:mod:`._span_model`) move the boundaries of what the rules found.
    found = _learned_source_ends(seg, _learned_content_ends(seg, _learned_cue_ends(seg, found)))
    if keeper is not None:
        found = keeper.keep(seg, found, cue_probs)
    found = vague_adverbs_left(seg, found)  # issue 4: "reportedly" beside another statement
    # After the filter, which judges the reading the rules made: this moves boundaries only.
    found = _contracted_cues(seg.text, _catenative_cues(seg, found, cue_probs))
    found = _contents_before_next_statement(seg.text, found)
    found = _sources_with_their_head(seg, found)
    found.sort(key=lambda f: (f.content[0], f.content[1]))
    return found


# The cue model's probability from which the verb after "declined to" joins the cue.
_CATENATIVE_NEXT = 0.5


def _catenative_cues(seg: Segmentation, found: list[Found], cue_probs: dict[int, float]) -> list[Found]:
    """'X declined to discuss the report': the cue grows over "to discuss" when the cue model
    takes "discuss" for a cue too, and the content starts after it.

    PolNeAR's cue is then the verb chain ("declined to discuss", "seemed to suggest"); on its
    train split the longer cue matches the gold one 33 times where the catenative verb alone
    matched 6 (below 0.5 for the second verb the two tie, so those stay).
    """
    tokens, starts = seg.tokens, seg.token_starts
    result = []
    for item in found:
        if item.cue is not None:
            k = bisect.bisect_left(starts, item.cue[1])
            if k + 2 < len(tokens) and tokens[k].lower == "to" and item.content[0] == tokens[k].start \
                    and cue_probs.get(tokens[k + 1].start, 0.0) >= _CATENATIVE_NEXT:
                content = _trim(seg.text, tokens[k + 2].start, item.content[1])
                if content[1] > content[0]:
                    item = replace(item, cue=(item.cue[0], tokens[k + 1].end), content=content)
        result.append(item)
    return result


_CONTRACTIONS = frozenset({"’s", "'s"}) | frozenset(_CONTRACTED_AUX)


def _contracted_cues(text: str, found: list[Found]) -> list[Found]:
    """'He’s predicting', 'They’ve said': the cue starts at the contracted auxiliary, which
    :meth:`_SentenceRules._make` took out of the source (PolNeAR's cue is "’s predicting").

    Applied last, so the rankers and the filter see the cue the rules read.
    """
    result = []
    for item in found:
        if item.source is not None and item.cue is not None and 0 < item.cue[0] - item.source[1] <= 5:
            gap = text[item.source[1] : item.cue[0]]
            if gap.rstrip() in _CONTRACTIONS and gap[-1:].isspace():
                item = replace(item, cue=(item.source[1], item.cue[1]))
        result.append(item)
    return result


# Words that join a following clause to a content ("X said A, while Y said B"): the content
# ends before them when that clause is another statement.
# Not a colon, whose quotation or list usually belongs to the content in PolNeAR, nor "as".
_STATEMENT_JOINERS = frozenset({"and", "but", "while", "whereas", "though", "although", "yet", "so"})
_STATEMENT_BREAK_MARKS = ",;-—–(\u2015"
_NEXT_STATEMENTS = 8
_BREAK_WINDOW = 64


def _contents_before_next_statement(text: str, found: list[Found]) -> list[Found]:
    """'Rubio suggested that A, while Cruz said that B': a content read after its cue ends where
    another statement's speaker (or its cue, without one) starts after a clause break (a comma,
    semicolon, dash or bracket, or a joining word: "and", "while", "but", ...). A nested
    statement right after "that" ("The Post reports that sources said ...") is no break and
    stays inside the content, as PolNeAR marks it.

    Applied last: it moves content ends only, not which statements are kept.
    """
    starts = sorted({min(f.source[0], f.cue[0]) if f.source else f.cue[0] for f in found if f.cue})
    result = []
    for item in found:
        cue, (start, end) = item.cue, item.content
        if cue is not None and start >= cue[1]:
            first = bisect.bisect_right(starts, start)
            # At most a few statements are looked at per content: linear time on a run of nested
            # ones ("said that he said that he said ...").
            for at in starts[first : first + _NEXT_STATEMENTS]:
                if at >= end:
                    break
                cut = _clause_break_before(text, start, at)
                if cut is not None:
                    item = replace(item, content=_trim(text, start, cut))
                    break
        result.append(item)
    return result


def _clause_break_before(text: str, start: int, at: int) -> int | None:
    """Where the content ending before ``at`` ends, if a clause break comes right before ``at``.

    Reads at most ``_BREAK_WINDOW`` characters back from ``at`` and forward from ``start``, so a
    run of spaces or marks costs no more than a short one.
    """
    floor = max(start, at - _BREAK_WINDOW)
    end = at
    while end > floor and text[end - 1].isspace():
        end -= 1
    broke = False
    word_start = end
    while word_start > floor and text[word_start - 1].isalpha():
        word_start -= 1
    if word_start < end and text[word_start:end].lower() in _STATEMENT_JOINERS:
        broke, end = True, word_start
        while end > floor and text[end - 1].isspace():
            end -= 1
    while end > floor and text[end - 1] in _STATEMENT_BREAK_MARKS:
        broke, end = True, end - 1
        while end > floor and text[end - 1].isspace():
            end -= 1
    if not broke or not any(text[i].isalnum() for i in range(start, min(end, start + _BREAK_WINDOW))):
        return None
    return end


# Prepositions after the head of a speaker's noun phrase ("a member of | the family", "People
# with | direct knowledge of the talks"). Not "for": "A writer for | the Daily News" would then
# read as the outlet itself in the sources stage.
_HEAD_PREPOSITIONS = frozenset({"of", "with"})
# Words that open a clause: the head of a source starts after them.
_CLAUSE_WORDS = frozenset({"that", "and", "but", "or", "because", "while", "when", "if", "as", "who", "which"})
# How many words a head may have before its preposition.
_HEAD_WORDS = 6


def _sources_with_their_head(seg: Segmentation, found: list[Found]) -> list[Found]:
    """'a member of the family said', 'Several supporters of reform argued': a source before its
    cue that is the object of "of" or "with" takes the noun phrase before it, back to the start of
    its sentence or clause (at most a few words, none of another statement's spans)."""
    tokens, token_starts = seg.tokens, seg.token_starts
    sentence_starts = [sentence.start for sentence in seg.sentences]
    taken = sorted({b for f in found for span in (f.cue, f.content, f.source) if span for b in span})
    result = []
    for item in found:
        source, cue = item.source, item.cue
        # Not a source that is itself an outlet ("an analyst with | Moody's"): its reading as
        # the outlet stays the sources stage's.
        if source is not None and cue is not None and source[1] <= cue[0] and item.written_source is None \
                and item.named_outlet is None:
            k = bisect.bisect_left(token_starts, source[0])
            if 1 < k < len(tokens) and tokens[k].start == source[0] and tokens[k - 1].lower in _HEAD_PREPOSITIONS:
                opens = sentence_starts[max(0, bisect.bisect_right(sentence_starts, source[0]) - 1)]
                lo = k - 1
                while lo > 0 and k - 1 - lo <= _HEAD_WORDS:
                    before = tokens[lo - 1]
                    if before.start < opens or not _is_word(before) or before.lower in _CLAUSE_WORDS:
                        break
                    lo -= 1
                start = tokens[lo].start
                # Not past the words limit, and no other statement's span inside the head.
                if lo < k - 1 and k - 1 - lo <= _HEAD_WORDS \
                        and bisect.bisect_right(taken, start) >= bisect.bisect_left(taken, source[0]):
                    item = replace(item, source=(start, source[1]))
        result.append(item)
    return result


def _barriers(found: Sequence[Found]) -> list[int]:
    """Where the statements' cues and sources start, sorted: no learned span may run into them."""
    return sorted({f.cue[0] for f in found if f.cue} | {f.source[0] for f in found if f.source})


def cue_frame(
    seg: Segmentation, item: Found, sentence_starts: Sequence[int], barriers: Sequence[int]
) -> tuple[int, int, int | None] | None:
    """How far the cue of ``item`` may grow to the right, for :mod:`._span_model`.

    ``(head, stop, content_first)``: the index of the cue's last token, the index after the last
    token it may reach (its sentence's end, the next quotation, a source after the cue, another
    statement's cue or source, the last word of a content after it) and the first token of a
    content that follows the cue (None when the content comes first: '"...," he said'). None for
    a cue of punctuation (':', a dash).
    """
    if item.cue is None:
        return None
    starts = seg.token_starts
    cue_end = item.cue[1]
    head = bisect.bisect_left(starts, cue_end) - 1
    if head < 0 or not seg.tokens[head].text[:1].isalnum():
        return None
    at = bisect.bisect_right(sentence_starts, cue_end) - 1
    limit = seg.sentences[at].end if at >= 0 else len(seg.text)
    barrier = bisect.bisect_left(barriers, cue_end)
    if barrier < len(barriers):
        limit = min(limit, barriers[barrier])
    quotes = seg.quotes_in(cue_end, limit)
    if quotes:
        limit = min(limit, quotes[0].start)
    content_first = None
    start, end = item.content
    if start >= cue_end:
        content_first = bisect.bisect_left(starts, start)
        limit = min(limit, seg.tokens[max(content_first, bisect.bisect_left(starts, end) - 1)].start)
    if item.continuation is not None:
        limit = min(limit, item.continuation[0])
    stop = bisect.bisect_left(starts, limit, head + 1)
    return head, stop, content_first


def _learned_cue_ends(seg: Segmentation, found: list[Found]) -> list[Found]:
    """Grow each cue to the right where the learned ranker (:mod:`._span_model`) ends it.

    PolNeAR's cues take a verb's particles, objects and adjuncts ("accused Holt of", "said in an
    interview", "railed against"); a content right after the cue then starts after it.
    """
    model = cue_end_model()
    if model is None:
        return found
    sentence_starts = [s.start for s in seg.sentences]
    barriers = _barriers(found)
    tokens = seg.tokens
    result = []
    for item in found:
        # An impersonal reading ("X is expected | to open in May") keeps the rules' cue: what follows it
        # is the second piece of its content, which the ranker would take into the cue.
        frame = None if item.generic and item.source is None else cue_frame(seg, item, sentence_starts, barriers)
        if frame is not None:
            head, stop, content_first = frame
            best = model.best_cue_end(tokens, head, stop, content_first)
            if best != head:
                assert item.cue is not None  # cue_frame checked
                content = item.content
                if content_first is not None and best >= content_first:
                    content = _trim(seg.text, tokens[best + 1].start, content[1])
                item = replace(item, cue=(item.cue[0], tokens[best].end), content=content)
        result.append(item)
    return result


def end_frame(
    seg: Segmentation, item: Found, sentence_starts: Sequence[int], barriers: Sequence[int]
) -> tuple[int, int, int, str] | None:
    """Where the content of ``item`` may end, for :mod:`._span_model`: ``(first, stop, rule_last, cue)``.

    ``first`` and ``rule_last`` are the indices of the content's first and last tokens, ``stop``
    the index after the last token it may reach (its sentence's end, the next quotation, or the
    next of the sorted ``barriers``: the other statements' cues and sources, as PolNeAR gives
    every word one role) and ``cue`` the first word of the cue. None for a content the ranker leaves alone: one with
    quotation marks or a continuation (it ends at the closing mark), one before its cue ('...,
    he said') and one without a cue.
    """
    start, end = item.content
    if item.cue is None or item.continuation is not None or item.directness == "direct_quote" \
            or start < item.cue[1]:
        return None
    if seg.quote_at(start) is not None:
        return None
    text = seg.text
    starts = seg.token_starts
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end) - 1
    if first > last or first >= len(starts):
        return None
    at = bisect.bisect_right(sentence_starts, start) - 1
    limit = seg.sentences[at].end if at >= 0 else len(text)
    if end > limit and text[item.cue[0] : item.cue[1]] == ":":
        return None  # a transcript turn ("FALLIN: I think ... I think ...") runs to its paragraph's end
    limit = max(limit, end)
    barrier = bisect.bisect_left(barriers, end)
    if barrier < len(barriers):
        limit = min(limit, barriers[barrier])
    quotes = seg.quotes_in(start, limit)
    if quotes:
        limit = quotes[0].start
    stop = bisect.bisect_left(starts, limit, first)
    if last >= stop:
        return None  # a quotation inside the content: mixed quotes stay with the rules
    cue_words = text[item.cue[0] : item.cue[1]].split()
    return first, stop, last, cue_words[0].lower() if cue_words else ""


def _learned_content_ends(seg: Segmentation, found: list[Found]) -> list[Found]:
    """Re-end each paraphrased content where the learned ranker (:mod:`._span_model`) puts it."""
    model = content_end_model()
    if model is None:
        return found
    sentence_starts = [s.start for s in seg.sentences]
    barriers = _barriers(found)
    tokens = seg.tokens
    result = []
    cue_verbs = lexicons().cue_verbs
    for item in found:
        frame = end_frame(seg, item, sentence_starts, barriers)
        if frame is not None:
            first, stop, last, cue = frame
            best = model.best_end(tokens, first, stop, last, cue)
            if best != last:
                rest = _report_after(seg, item, best, last, cue_verbs, barriers)
                item = replace(item, content=(item.content[0], tokens[best].end))
                if rest is not None:
                    result.append(rest)
        result.append(item)
    return result


def _report_after(
    seg: Segmentation, item: Found, best: int, last: int, cue_verbs: frozenset[str], barriers: Sequence[int]
) -> Found | None:
    """The speaker's own statement in the words a re-ended content gave up, if any.

    "Salceda, citing data from the State Department, said that about 4 million ...": the rules
    read one stance ("citing") whose content runs on over "said that ..."; once the ranker ends
    it at "Department", the rest is the same speaker's report, a statement of its own.
    """
    tokens = seg.tokens
    k = best + 1
    if k <= last and tokens[k].text == ",":
        k += 1
    if k >= last or item.source is None or item.cue is None or tokens[k].lower not in cue_verbs \
            or tokens[k].start in barriers:
        return None
    content = _trim(seg.text, tokens[k + 1].start, tokens[last].end)
    if content[1] <= content[0]:
        return None
    return Found(item.source, (tokens[k].start, tokens[k].end), content, "indirect", item.relays, item.named_outlet,
                 item.declared, written_source=item.written_source)


def source_frame(
    seg: Segmentation, item: Found, sentence_starts: Sequence[int], barriers: Sequence[int]
) -> tuple[int, int, int, str] | None:
    """Where a source after its cue may end, for :mod:`._span_model`: ``(first, stop, rule_last, cue)``.

    As :func:`end_frame`, for the source of "according to a poll released last week" or
    '"...," said David Wasserman, House editor for the Cook Political Report'. None for a source
    before its cue, and for one with relays or an outlet (the rules split those off with care).
    """
    if item.source is None or item.cue is None or item.source[0] < item.cue[1] or item.relays \
            or item.declared or item.named_outlet is not None or item.written_source is not None:
        return None
    start, end = item.source
    starts = seg.token_starts
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end) - 1
    if first > last:
        return None
    at = bisect.bisect_right(sentence_starts, start) - 1
    limit = max(seg.sentences[at].end if at >= 0 else len(seg.text), end)
    barrier = bisect.bisect_left(barriers, end)
    if barrier < len(barriers):
        limit = min(limit, barriers[barrier])
    if item.content[0] >= end:
        limit = min(limit, item.content[0])
    quotes = seg.quotes_in(start, limit)
    if quotes:
        limit = min(limit, quotes[0].start)
    stop = bisect.bisect_left(starts, limit, first)
    if last >= stop:
        return None
    cue_words = seg.text[item.cue[0] : item.cue[1]].split()
    return first, stop, last, cue_words[0].lower() if cue_words else ""


# Words opening an aside that is no part of the speaker before it ("X, in an interview, said",
# "X, speaking in Ohio, said", "X, meanwhile, said", "X, for example, said").
_ASIDE_PREPOSITIONS = frozenset(
    {"in", "at", "during", "on", "after", "before", "speaking", "asked", "when", "while", "for"}
)
_ASIDE_ADVERBS = frozenset({"meanwhile", "however", "though", "too", "instead", "likewise", "moreover"})
# Words that open an appositive besides the role lexicon's: "Craig Bryan, head of the ...".
_APPOSITIVE_OPENERS = _DETERMINERS | {
    "who", "which", "whose", "whom", "one", "both", "former", "then", "now", "head", "founder", "co-founder",
    "author", "member", "executive", "editor", "leader", "fellow", "senior",
}


def _inserted_source_stop(seg: Segmentation, item: Found, last: int, stop: int) -> int:
    """Where the source of an inserted "according to" must stop: at a comma before a word that
    cannot open an appositive ("The minister, according to some reports, | has resigned"; an
    appositive opens with a determiner, a relative pronoun, a role or a name: "according to
    Ruth Bell, a council member"; "and"/"or" coordinate sources).

    Applied to the ranker's choice only, not to its training examples; after "said" the ranker
    alone does better on dev.
    """
    assert item.cue is not None
    if seg.text[item.cue[0] : item.cue[0] + 9].lower() != "according":
        return stop
    tokens = seg.tokens
    roles = lexicons().roles
    for k in range(last + 1, stop - 1):
        if tokens[k].text == ",":
            nxt = tokens[k + 1]
            if nxt.text[:1].islower() and nxt.lower not in _APPOSITIVE_OPENERS and nxt.lower not in roles \
                    and nxt.lower not in ("and", "or"):
                return k
    return stop


def _learned_source_ends(seg: Segmentation, found: list[Found]) -> list[Found]:
    """Re-end each source that follows its cue where the learned ranker (:mod:`._span_model`) puts it."""
    model = source_end_model()
    if model is None:
        return found
    sentence_starts = [s.start for s in seg.sentences]
    barriers = _barriers(found)
    tokens = seg.tokens
    result = []
    for item in found:
        frame = source_frame(seg, item, sentence_starts, barriers)
        if frame is not None:
            assert item.source is not None  # source_frame checked
            first, stop, last, cue = frame
            best = model.best_end(tokens, first, _inserted_source_stop(seg, item, last, stop), last, cue)
            if best != last:
                item = replace(item, source=(item.source[0], tokens[best].end))
        result.append(item)
    return result


def _without_nested_stances(seg: Segmentation, found: list[Found]) -> list[Found]:
    """Drop stances read inside another statement's content, outside quotations.

    In "Everyone I interviewed criticized ..." or "Some believe the priority ... shows the
    campaign is worried", the inner verb is part of what was reported, not a report of its own
    (PolNeAR gives every word one role in one attribution). A verb of saying stays a nested
    report ("The Post reports that sources said ..."), and so does anything inside a quotation,
    where the speaker relays someone else.
    """
    contents = sorted((f.content, f.cue) for f in found if f.cue is not None)
    if len(contents) < 2:
        return found
    starts = [content[0] for content, _ in contents]
    # For each prefix of ``contents``, the two furthest-reaching contents with different cues
    # (a statement's own content may hold its cue: "reportedly"), so the test below is a binary
    # search, not a scan: linear time even for thousands of statements.
    Reach = tuple[int, tuple[int, int] | None]
    reach: list[tuple[Reach, Reach]] = []
    best: Reach = (-1, None)
    second: Reach = (-1, None)
    for content, cue in contents:
        if content[1] > best[0]:
            if cue != best[1]:
                second = best
            best = (content[1], cue)
        elif content[1] > second[0] and cue != best[1]:
            second = (content[1], cue)
        reach.append((best, second))
    lemma_of = lexicons().cue_lemma
    result = []
    for item in found:
        if item.cue is not None and seg.quote_at(item.cue[0]) is None:
            words = seg.text[item.cue[0] : item.cue[1]].lower().split()
            at = bisect.bisect_right(starts, item.cue[0]) - 1
            # A colon after a speaker ("- Carl Bialik: “...”") reports like a verb of saying.
            if at >= 0 and words != [":"] and lemma_of.get(words[-1] if words else "", "") not in _SAY_CLASS:
                first, other = reach[at]
                if (first[0] if first[1] != item.cue else other[0]) >= item.cue[1]:
                    continue
        result.append(item)
    return result


_DASHES = "―—–-"


@functools.cache
def _stance_adjectives() -> frozenset[str]:
    """Adjectives of feeling and certainty whose subject is a source ("are concerned that")."""
    return frozenset(w.lower() for w in _lines("stance_adjectives.txt"))


@functools.cache
def _interesting_words(candidates: frozenset[str], triggers: frozenset[str]) -> frozenset[str]:
    """The cue model's candidate words and the trigger words together (one look-up per token)."""
    return candidates | triggers


@functools.cache
def _trigger_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-cased tokens that can make :meth:`_SentenceRules.run` find a statement.

    The first set (cue verbs, "according", the cue marks) is where outlets are looked up; the
    second adds what only the vague rules read (first words of the vague phrases, "reportedly",
    "is known to"). A sentence with none of these, and no word the cue model takes for a cue,
    has no statement. The third holds the words of the second that are triggers only as the
    first word of a vague phrase ("it" of "it is believed", "a" of "a source said"): they count
    only where the whole phrase follows (most sentences with "it" or "a" have none).
    """
    lex = lexicons()
    outlet_words = lex.cue_verbs | {"according"} | _CUE_MARKS
    others = outlet_words | lex.stance_verbs | _INVERTED | _VAGUE_ADVERBS | _VAGUE_PARTICIPLES
    vague_first = set(_vague_phrases())
    return frozenset(outlet_words), frozenset(others | vague_first), frozenset(vague_first - others)


def _vague_phrase_at(tokens: Sequence[Token], k: int) -> bool:
    """Whether a vague-source phrase ("it is believed", "a source said") starts at token ``k``."""
    options = _vague_phrases()[tokens[k].lower]
    window = tuple([t.lower for t in tokens[k : k + len(options[0])]])
    return any(window[: len(phrase)] == phrase for phrase in options)


def _dash_signatures(seg: Segmentation, found: list[Found]) -> list[Found]:
    """'"The most unqualified child to ever run." ― Francisco Herrero': a quotation signed after a dash."""
    text = seg.text
    covered = {f.content for f in found}
    cues = {f.cue for f in found}  # the sentence rules may have read the dash already
    starts = seg.token_starts
    result = []
    for quote in seg.quotes:
        k = quote.end
        while k < len(text) and text[k] in " \t\xa0":  # also the no-break space before the dash
            k += 1
        if k >= len(text) or text[k] not in _DASHES or (quote.inner_start, quote.inner_end) in covered \
                or (k, k + 1) in cues:
            continue
        first = bisect.bisect_left(starts, k + 1)
        last = first
        while last < len(seg.tokens) and last - first < 6 and seg.tokens[last].text[:1].isupper() \
                and "\n" not in text[seg.tokens[first].start : seg.tokens[last].end]:
            last += 1
            while last < len(seg.tokens) and seg.tokens[last].text in (".",) and last - first < 6:
                last += 1  # initials: "Edwin G. Monroy"
        if last == first:
            continue
        end = seg.tokens[last - 1].end
        while end > seg.tokens[first].start and text[end - 1] == ".":
            end -= 1
        content = _quote_content(text, quote.inner_start, quote.inner_end)
        result.append(Found((seg.tokens[first].start, end), (k, k + 1), content, "direct_quote"))
    return result


# The nouns of "In a CBS News poll released Monday, 52 percent ..." (PolNeAR's cue "In", the
# poll its source). Wider nouns ("study", "report", "memo") lose precision on train: "In a
# recent study, three economists ... found" reports the economists.
_POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys"})
# Words that make the phrase before the comma something other than the poll itself ("In eight
# of nine states where exit polls were conducted, ...", "In a memo released as polls closed").
_NOT_POLL_PHRASE = frozenset({"where", "when", "as", "which", "that", "while", "after", "before", "since", "of"})


def _poll_openers(seg: Segmentation) -> list[Found]:
    """'In an NBC News poll released Monday, 50 percent of respondents chose Clinton.': a sentence
    opening with "In" and a poll, then the poll's finding (source: the poll; cue: "In")."""
    tokens, text = seg.tokens, seg.text
    result = []
    sentence_starts = None
    for k in seg.positions(_POLL_NOUNS):
        if sentence_starts is None:
            sentence_starts = [s.start for s in seg.sentences]
        at = bisect.bisect_right(sentence_starts, tokens[k].start) - 1
        if at < 0:
            continue
        sentence = seg.sentences[at]
        first = bisect.bisect_left(seg.token_starts, sentence.start)
        if k - first > 10 or tokens[first].text != "In" or any(
                tokens[j].lower in _NOT_POLL_PHRASE for j in range(first + 1, k)):
            continue
        comma = next((j for j in range(k + 1, min(len(tokens), k + 12)) if tokens[j].text in (",", ".")), None)
        if comma is None or tokens[comma].text != "," or tokens[comma].start >= sentence.end:
            continue
        content = _trim(text, tokens[comma + 1].start, sentence.end) if comma + 1 < len(tokens) else (0, 0)
        if len(text[content[0] : content[1]].split()) < 3:
            continue  # "In the polls, anyway."
        source = _trim(text, tokens[first + 1].start, tokens[comma].start)
        outlets = find_outlets(tokens[first + 1 : comma])
        result.append(Found(source, (tokens[first].start, tokens[first].end), content,
                            "secondhand" if outlets else "indirect"))
    return result


def _continued_quotes(seg: Segmentation, found: list[Found]) -> list[Found]:
    """'"A," he said. "B."' — the quotation right after the cue sentence continues the statement.

    The next sentence must be in the same paragraph, be nothing but a quotation, and carry no
    statement of its own.
    """
    text = seg.text
    sentence_starts = [s.start for s in seg.sentences]
    contents = {f.content[0] for f in found}
    by_start = {q.start: q for q in seg.quotes}
    # A quotation told to an outlet is second-hand ('"A," X told CNN. "B."') and continues too.
    quoted = {q.inner_start for q in seg.quotes}
    result = []
    for item in found:
        if item.cue is None or item.source is None or item.content[1] > item.cue[0] or not (
                item.directness == "direct_quote" or (item.directness == "secondhand" and item.content[0] in quoted)):
            result.append(item)
            continue
        k = max(item.cue[1], item.source[1])
        # The rest of the cue sentence ("he said in Ohio.", "said Scott Reed, a strategist for
        # the U.S. Chamber of Commerce."): the segmentation's end, which knows abbreviations.
        at = bisect.bisect_right(sentence_starts, k - 1) - 1
        k = max(k, seg.sentences[at].end) if at >= 0 else k
        while k < len(text) and text[k] in "”’\"'":
            k += 1  # a closing mark after the full stop: 'X said on NPR’s “Weekend Edition.”'
        while k < len(text) and text[k].isspace():
            k += 1  # also into the next paragraph when it opens with the quotation
        quote = by_start.get(k)
        if quote is None or quote.inner_start in contents or quote.inner_end <= quote.inner_start:
            result.append(item)
            continue
        start, end = quote.inner_start, quote.inner_end
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        result.append(Found(item.source, item.cue, item.content, item.directness, item.relays, item.named_outlet,
                            item.declared, (start, end)))
    return result


def _split_quotations(seg: Segmentation, found: list[Found]) -> list[Found]:
    """'"A," Mr. Bush said, "because B."': the speaker and cue stand inside one quotation split
    in two; the content is A and its continuation B (PolNeAR's two-piece content), not one of them.

    The two quotations must touch the speaker and cue (only a comma between), the speaker and
    the cue each other, in one paragraph, and the statement's content must be one of them.
    """
    quotes = seg.quotes
    if len(quotes) < 2:
        return found
    text = seg.text
    ends = [q.end for q in quotes]  # quotations never overlap: their ends are sorted
    result = []
    for item in found:
        if item.cue is None or item.source is None or item.continuation is not None:
            result.append(item)
            continue
        lo, hi = min(item.cue[0], item.source[0]), max(item.cue[1], item.source[1])
        k = bisect.bisect_right(ends, lo) - 1
        if k < 0 or k + 1 >= len(quotes):
            result.append(item)
            continue
        first, second = quotes[k], quotes[k + 1]
        gap = max(item.cue[0], item.source[0]) - min(item.cue[1], item.source[1])
        # Cheap tests first (offsets only): the gaps are a comma and a space at most, so the
        # slices below stay short, and the content is one of the two quotations.
        if not (0 <= lo - first.end <= 3 and 0 <= second.start - hi <= 3 and 0 <= gap <= 2) \
                or not (first.inner_start <= item.content[0] < first.inner_end
                        or second.inner_start <= item.content[0] < second.inner_end):
            result.append(item)
            continue
        # The speaker and the cue side by side: not '"A," the source said, adding, "B."'.
        between = (text[first.end : lo], text[hi : second.start],
                   text[min(item.cue[1], item.source[1]) : max(item.cue[0], item.source[0])])
        if any(part.strip(" ,") or "\n" in part for part in between):
            result.append(item)
            continue
        content = _quote_content(text, first.inner_start, first.inner_end)
        rest = _trim(text, second.inner_start, second.inner_end)
        if content[1] <= content[0] or rest[1] <= rest[0]:
            result.append(item)
            continue
        result.append(replace(item, content=content, continuation=rest))
    return result


def _speaker_before_quote(seg: Segmentation, found: list[Found]) -> list[Found]:
    """A paragraph that is only a quotation, after a line ending "X said:", is X's."""
    result = []
    covered = {f.content for f in found}
    by_end = {f.cue[1]: f for f in found if f.cue is not None and f.source is not None}
    ends: list[int] | None = None
    for quote in seg.quotes:
        if (quote.inner_start, quote.inner_end) in covered:
            continue
        j = quote.start - 1
        while j >= 0 and seg.text[j].isspace():
            j -= 1
        if j < 0 or seg.text[j] != ":" or "\n" not in seg.text[j : quote.start]:
            continue
        k = j
        while k > 0 and seg.text[k - 1] == " ":
            k -= 1
        speaker = by_end.get(k)
        if speaker is not None:
            result.append(Found(speaker.source, speaker.cue, (quote.inner_start, quote.inner_end), "direct_quote"))
            continue
        # "The finance minister spoke to reporters on Monday:" — no cue verb; the subject of the
        # line is the speaker and the colon the cue.
        line = seg.quote_at(j)
        if ends is None:
            ends = [s.end for s in seg.sentences]  # once per article, only when needed
        at = bisect.bisect_left(ends, j + 1)
        sentence = seg.sentences[at] if at < len(ends) and ends[at] == j + 1 else None
        if line is not None or sentence is None:
            continue
        tokens = seg.tokens_in(sentence.start, j)
        roles = lexicons().roles
        hi = 0
        while hi < len(tokens) and hi < 8 and _is_word(tokens[hi]) and tokens[hi].lower not in _STOP:
            hi += 1
        # The subject ends at its last name or role word ("The finance minister | spoke to ...").
        while hi > 0 and not (tokens[hi - 1].text[:1].isupper() or tokens[hi - 1].lower in roles):
            hi -= 1
        if hi and hi < len(tokens):
            content = _quote_content(seg.text, quote.inner_start, quote.inner_end)
            last = tokens[-1]
            # "The minister said:" whose cue found no content on its own line: the cue is the verb.
            cue = (last.start, last.end) if last.lower in lexicons().cue_verbs else (j, j + 1)
            result.append(Found((tokens[0].start, tokens[hi - 1].end), cue, content, "direct_quote"))
    return result
