"""Repairs of statement readings that lose a source or a relay (issue 4: provenance).

The sentence rules of :mod:`._attributions` read each cue on its own; a few common shapes of
news prose come out with the source and content swapped or cut, which loses the claim's origin
or the outlet it was told to. :func:`repair_readings` runs once over the finished statements and
rewrites only those that match one of these shapes (each function below says which):

* "Paradis, who volunteered ..., says she couldn't ...": the subject with its relative clause or
  appositive is the speaker; the clause after the cue is the content;
* '"...," a spokesman told the Post.' / "..., the head of X told Sputnik on Saturday.": an outlet
  after "told" that ends the sentence is a relay; the content is before the speaker;
  "Pate told Breitbart News he'd ...": the content starts after the outlet;
* "..., the Interfax news agency quoted his spokesman as saying": the person quoted is the source
  and the agency a relay;
* "But according to Sarath, he ...": "according to" opening the sentence puts the content after
  the comma;
* '"...," X said of life before Fox News.' / 'X said of McNally: "..."': the words after "said of"
  are the topic, neither source nor content;
* "LONDON (Reuters) - Donald Trump said": the dateline is not part of the speaker's name;
* '"...," the official said, speaking on condition of anonymity' (or any participle: "eliciting
  jeers", "referring to ..."): the quotation is the content; "X said on Friday he ...": the
  content starts at "he"; '"...," X said, adding, "..."': the participle's statement is X's;
* "He told reporters on Monday he ...": who was told is no part of the content;
* '"...," X recounted in a briefing.' / '"...," X said with a laugh.': the quotation before the
  speaker is the content, not the occasion after the cue; "As they prepare ..., X said Thursday
  they ..." / "X explained the following: “...”": after an opening phrase, the clause or
  quotation after the cue is;
* "X said on state television", "in an interview to the Figaro newspaper": the outlet relays;
* "A person familiar with the planning for Thursday's meeting says": the whole phrase speaks;
* "John Burke, a college student visiting the center stated": an appositive left open keeps
  the name before it in the source;
* "according to a report by X, ..." and "X has exclusively learned" are statements the rules
  do not read at all; they are added, as is a quotation whose opening mark the text lost or left
  in an earlier paragraph ('The roads are closed,” the mayor said.'), and a speaker after two
  spaces that stand for a stripped comma and quotation mark ('"I never wanted it  she said.'), and
  "..., a source claims." (the rules read "claims", "reports", "alleged" there as nouns), and the
  reports in "X denied reports that ..." (an unnamed origin, of which X is no relay), and "The
  Economist magazine reports that ..." (a registry outlet and its medium, read as a noun too),
  and a report with no reporter ("... on 11 occasions has been reported, but", "..., it was
  reported."); a quotation closed by two apostrophes ('“...,’’ said X') is read as one closed
  by "”";
* "Flight logs show ...", "Local reports say ...": a record or document as the sentence's subject
  reports (added, or re-read where the rules took the noun for the cue); '"My doctor told me
  ...," X said': a report at the start of a named speaker's quotation is added, nested in it;
* "She resigned after reports that ...", "amid reports she ...": reports in the background of a
  sentence have an unnamed origin, as denied ones do; "As reported by X, ..." / "..., as first
  reported by X." and "The WHO says ..." (initials the rules read as the pronoun "who") are
  added; "Thurber said. ''...''" (a sentence of a name and a speech verb alone before a
  quotation) gives the quotation its speaker; '...,” according to The Times.' and '...,” –
  X stated.' after a quotation whose opening mark is missing are read as '...,” X said.';
* "The IPPF, in a new report Thursday says ...": a weekday read as the whole source is when,
  not who; the name opening the sentence speaks.

Each repair moves offsets within one sentence, reading at most ``_REACH`` characters either side
of the cue, so the pass stays linear in the length of the text; each kind of added statement is
found by one scan (of the tokens, the sentences or the quotation marks).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ._outlets import OutletMention, find_outlets, outlet_by_first_word
from ._records import Directness
from ._resources import _lines, function_words, given_names, lexicons
from ._segmentation import Segmentation, Sentence, Token

if TYPE_CHECKING:
    from ._attributions import Found

__all__ = ["relayed", "repair_readings", "vague_adverbs_left"]

_Offsets = tuple[int, int]  # start and end of a span in the text


def relayed(directness: Directness) -> Directness:
    """The directness of a statement once a relay carries it: a quotation or a paraphrase
    reached the article second-hand; a vague or unattributed one stays what it was."""
    return "secondhand" if directness in ("direct_quote", "indirect") else directness

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# Words that open an aside after the speaker's name: "X, who ...", "X, a registered Republican".
_ASIDE_OPENERS = frozenset({"who", "whose", "whom", "a", "an", "the", "one", "now", "once", "then", "himself",
                            "herself", "formerly", "also"})
# First words of a sentence that cannot begin a speaker's name ("In 2015, ...", "When he ...").
_NOT_SUBJECT_START = frozenset(
    """in on at after before when while if although though because since as but and so however
    meanwhile still yet for with by during according it there this that what these those
    here""".split()
)
# Words that may follow the outlet after "told": a time or the occasion ("told Sputnik on Saturday").
_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "last", "this", "earlier", "during", "late", "early", "over"})
# The days by name, which a capital makes look like a name ("The mayor's office Friday said").
_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_WEEKDAYS = _DAY_NAMES | {"yesterday", "today"}
_SUBORDINATORS = frozenset("before after when while as since because if until unless though although".split())
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
_PROGRAMME_WORDS = frozenset({"show", "program", "programme", "host", "anchor", "reporter", "correspondent"})
_AUXILIARIES = frozenset("is are was were has have had will would can could should may might must".split())
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "some",
                          "several", "one", "two", "recent", "new", "local", "police", "official", "media"})
# Nouns the sentence rules take for cue verbs, heads of "according to" sources ("police reports").
_REPORT_NOUNS = frozenset({"reports", "report", "statements", "statement", "posts", "post", "estimates", "data"})
_SPEAKER_PARTICIPLES = frozenset({"speaking", "declining", "asking", "requesting", "insisting", "citing", "who"})
# Words in -ing after '"...," X said,' that do not open a participle clause about the speaker.
_NOT_PARTICIPLES = frozenset({"according", "during", "including", "nothing", "something", "anything", "everything",
                              "morning", "evening", "thing", "things", "king", "spring", "string", "bring",
                              "sing", "ring", "wing"})
# Words of a time phrase between "said" and its clause ("said on Friday he ...", "said last week she ...").
_TIME_PHRASE_WORDS = frozenset(
    """on in last this earlier late early monday tuesday wednesday thursday friday saturday sunday today
    yesterday tonight week month year morning afternoon evening night weekend january february march april
    may june july august september october november december""".split()
)
_VENUE_VERBS = frozenset({"told", "tells", "added", "announced", "declared", "stated", "wrote", "explained"})
_VENUE_PREPOSITIONS = frozenset({"on", "to", "with", "during", "in"})
# Words between the preposition and the outlet: "in an interview with", "during an appearance on".
_VENUE_WORDS = frozenset({"a", "an", "the", "interview", "interviews", "appearance", "broadcast", "announcement",
                          "made", "remarks", "comments", "statement", "televised", "live", "exclusive", "address"})
# A participle opening the sentence before the venue: "Speaking with NME in an interview, X said".
_VENUE_PARTICIPLES = frozenset({"speaking", "talking", "appearing", "writing"})
# Who is told, when it is no outlet: "told reporters ...", "tells audiences ...".
_LISTENERS = frozenset("""reporters journalists audiences audience crowd crowds supporters voters lawmakers viewers
    listeners students donors members residents colleagues friends followers fans attendees""".split())
# Words after a listener that start no reported clause: "told reporters Tuesday that ...".
_NOT_CLAUSE_START = _TIME_PREPOSITIONS | _WEEKDAYS | _SUBORDINATORS | frozenset(
    """of for from to with about after before outside inside here there who whom which during gathered""".split())
# "a person familiar with", "a source close to", "officials briefed on".
_ANONYMOUS_LINK = frozenset({"familiar", "close", "briefed", "knowledgeable", "involved"})
_LINK_PREPOSITIONS = frozenset({"with", "to", "on", "about", "in"})
_TOLD = frozenset({"told", "tells", "tell"})
_SAID = frozenset({"said", "says", "say"})
_QUOTING = frozenset({"quoted", "quotes", "quote", "quoting"})
_DASHES = frozenset({"-", "–", "—", "―"})
_OPENING_WORDS = frozenset({"but", "and", "so", "yet", "now", "still", "however", "after", "all", "also", "then",
                            "indeed", "meanwhile", ","})


def repair_readings(seg: Segmentation, found: list[Found]) -> list[Found]:
    """``found`` with the readings of the shapes listed in the module docstring rewritten."""
    starts = [s.start for s in seg.sentences]
    result = []
    for item in found:
        if item.cue is not None:
            at = bisect.bisect_right(starts, item.cue[0]) - 1
            if at >= 0 and item.cue[0] < seg.sentences[at].end:
                item = _repaired(seg, _around(seg.sentences[at], *item.cue), item)
        result.append(item)
    result = _participle_speaker(seg, result)
    if "ccording to" in seg.text:  # most articles: decided without a look at the tokens
        result.extend(_according_to_a_report(seg, result, starts))
    if " learned" in seg.text:
        result.extend(_outlet_has_learned(seg, result, starts))
    if "”" in seg.text or '"' in seg.text or "\ufffd" in seg.text or "’" in seg.text:
        result = _quotation_opened_before(seg, result, starts)
    if "  " in seg.text:
        result.extend(_speaker_after_stripped_comma(seg, result, starts))
    result.extend(_speaker_sentence_before_quotation(seg, result))
    if "WHO" in seg.text:
        result.extend(_who_speaks(seg, result, starts))
    if " reported" in seg.text or " reports" in seg.text:
        result = _trailing_outlet_report(seg, result)
        result.extend(_outlet_medium_reports(seg, result, starts))
    if " reported" in seg.text:
        result.extend(_passive_report(seg, result, starts))
    if "reported by" in seg.text:
        result.extend(_as_reported_by(seg, result, starts))
    result.extend(_closing_claims(seg, result, starts))
    result = _denied_reports(seg, result, starts)
    if any(f.directness == "direct_quote" for f in result):
        result.extend(_quoted_reports(seg, result))
    return _document_reports(seg, result, starts)


def _trailing_outlet_report(seg: Segmentation, found: list[Found]) -> list[Found]:
    """'The joint statement reads, "The parents are committed ...," ET reported.'

    An outlet that reports the whole sentence at its end relays the statements read in it (the
    rules read the inner statement and leave the outlet's report unread). One look at the last
    words of each sentence that holds a statement.
    """
    by_sentence: dict[int, list[int]] = {}
    starts = [s.start for s in seg.sentences]
    cue_starts = {t.start for f in found if f.cue is not None for t in seg.tokens_in(*f.cue)}
    for k, item in enumerate(found):
        if item.cue is not None and item.source is not None:
            at = bisect.bisect_right(starts, item.cue[0]) - 1
            if at >= 0:
                by_sentence.setdefault(at, []).append(k)
    result = list(found)
    for at, members in by_sentence.items():
        sentence = seg.sentences[at]
        tail = seg.tokens_in(max(sentence.start, sentence.end - 80), sentence.end)
        while tail and (tail[-1].text in (".", "!") or tail[-1].text in _QUOTE_MARKS):
            tail = tail[:-1]
        if len(tail) < 3 or tail[-1].lower not in _TRAILING_REPORT_VERBS:
            continue
        comma = max((j for j, t in enumerate(tail[:-1]) if t.text == ","), default=None)
        if comma is None:
            continue
        first = comma + 1
        while first < len(tail) - 1 and tail[first].text in _QUOTE_MARKS:
            first += 1  # '..., united,” ET reported.': the comma closes the quotation
        if tail[-1].start in cue_starts:
            continue  # the outlet's report was read: the chains nest the statements in it
        recipient = _recipient_outlet(seg, tail[first:-1]) if first < len(tail) - 1 else None
        if recipient is None or first + recipient[1] != len(tail) - 1:
            continue  # the outlet must fill the words between the comma and the verb
        outlet = recipient[0]
        for k in members:
            item = result[k]
            assert item.cue is not None and item.source is not None
            if item.cue[1] > tail[comma].start or any(r.start == outlet.start for r in item.relays) \
                    or item.source[0] >= tail[comma].start:
                continue
            directness = relayed(item.directness)
            result[k] = replace(item, relays=(*item.relays, outlet), directness=directness)
    return result


_TRAILING_REPORT_VERBS = frozenset({"reported", "reports"})


# The adverbs that attribute a sentence to unnamed reports (as ``_attributions._VAGUE_ADVERBS``,
# which this module cannot import: that module imports this one).
_REPORT_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})


def vague_adverbs_left(seg: Segmentation, found: list[Found]) -> list[Found]:
    """'The storm has reportedly delayed the harvest, which is expected to ...': the report stays.

    The sentence rules read "reportedly" only in a sentence where no other statement was read;
    a second reading in it ("which is expected to", or one the statement filter then drops) lost
    the unnamed origin. Run after the filter: an adverb that is in no kept statement's cue or
    content gets its own vague statement, the sentence. One scan of the tokens.
    """
    from ._attributions import Found  # (at run time: that module imports this one)

    if not any(word in seg.text for word in _REPORT_ADVERBS):
        return found  # most articles: decided without a look at the tokens
    # Cues and contents as (start, end), sorted by start, for a linear sweep beside the tokens.
    spans = sorted([f.content for f in found] + [f.cue for f in found if f.cue is not None])
    # "Clinton reportedly said": a report of that statement, already read with its speaker.
    cue_starts = {f.cue[0] for f in found if f.cue is not None}
    starts = [s.start for s in seg.sentences]
    added: list[Found] = []
    done: set[int] = set()  # sentences already given a report
    k = 0
    reach = -1  # the furthest end among the spans that start before the current token
    tokens = seg.tokens
    for n, token in enumerate(tokens):
        while k < len(spans) and spans[k][0] <= token.start:
            reach = max(reach, spans[k][1])
            k += 1
        if token.lower not in _REPORT_ADVERBS or reach > token.start \
                or (n + 1 < len(tokens) and tokens[n + 1].start in cue_starts):
            continue
        at = bisect.bisect_right(starts, token.start) - 1
        if at < 0 or at in done or token.start >= seg.sentences[at].end:
            continue
        sentence = seg.sentences[at]
        done.add(at)
        content = _trim_span(seg.text, sentence.start, _end_of(seg, sentence))
        added.append(Found(None, (token.start, token.end), content, "vague"))
    return found + added if added else found


# "denied reports that ...": the reports are an unnamed source of their own.
_DENIALS = frozenset("""denied denies deny denying dismissed dismisses dismissing refuted refutes rejected rejects
    disputed disputes""".split())
_REPORT_WORDS = ("reports", "rumors", "rumours", "claims", "allegations", "suggestions", "speculation")


# Prepositions that put reports in the background of a sentence ("She resigned after reports
# that ...", "amid reports she ..."), and words between them and "reports".
_AMID = frozenset({"after", "following", "amid", "amidst", "despite"})
_REPORT_QUALIFIERS = frozenset({"the", "recent", "media", "press", "news", "earlier", "unconfirmed", "new", "several",
                                "multiple", "widespread", "initial", "early", "later", "some"})


def _denied_reports(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'Lady Gaga's representative has denied reports that the singer is pregnant' / 'The outing
    comes after reports that ...' / '... resigned amid reports she had ...'.

    What the reports say has an origin of its own (unnamed: ``vague``, as "reportedly"); the one
    who denies them (or whose news follows them) is no relay of it. The statement is added with
    the word "reports" as its cue.
    """
    from ._attributions import Found  # here: _attributions imports this module

    tokens = seg.tokens
    contents: set[int] | None = None  # made only when a denial is found
    result: list[Found] = []
    # The rules read some of these with the preposition as the speaker ("amid | reports | that
    # ..."): such a reading is replaced.
    by_cue = {f.cue[0]: n for n, f in enumerate(found) if f.cue is not None}
    dropped: set[int] = set()
    for k in seg.positions(_REPORT_WORDS):
        j = k - 1
        while j > 0 and k - j <= 3 and tokens[j].lower in _REPORT_QUALIFIERS:
            j -= 1
        if j < 0 or k + 2 >= len(tokens) or not (tokens[j].lower in _DENIALS or tokens[j].lower in _AMID):
            continue
        # "reports that ...", and after "amid" & co. "reports she ...": what the reports say.
        clause = k + 2 if tokens[k + 1].lower == "that" else k + 1
        if clause == k + 1 and (tokens[j].lower not in _AMID or tokens[k + 1].lower not in _SUBJECT_PRONOUNS):
            continue
        start = tokens[clause].start
        at = bisect.bisect_right(starts, start) - 1
        if contents is None:
            contents = {f.content[0] for f in found}
        if start in contents or at < 0:
            continue
        end = _end_of(seg, seg.sentences[at])  # the content runs to the end of its sentence
        if tokens[j].lower in _AMID and tokens[j].start <= seg.sentences[at].start + 3:
            # "After reports that X, the campaign pushed back": the reports' clause ends at the comma.
            comma = next((t for t in seg.tokens_in(start, end) if t.text == ","), None)
            end = comma.start if comma is not None else end
        if end - start < 8:
            continue
        read = by_cue.get(tokens[k].start)
        if read is not None:
            source = found[read].source
            if source is None or seg.text[source[0] : source[1]].rsplit(None, 1)[-1].lower() not in _AMID:
                continue  # the rules read these reports with a speaker of their own
            dropped.add(read)
        result.append(Found(None, (tokens[k].start, tokens[k].end), (start, end), "vague"))
    return [f for n, f in enumerate(found) if n not in dropped] + result


# Nouns for records and documents that speak as a sentence's subject ("flight logs show"), and
# the verbs they speak with. The sources stage gives such a source its author's kind, or
# ``anonymous`` when the words name none.
_DOCUMENT_HEADS = frozenset(
    """log logs record records document documents file files filing filings email emails memo memos
    report reports data figures statistics study studies survey surveys poll polls analysis analyses
    estimates findings results briefing briefings transcript transcripts letter letters
    papers cables messages texts footage images photos video videos""".split()
)
_DOCUMENT_VERBS = frozenset(
    """show shows showed shown indicate indicates indicated suggest suggests suggested reveal reveals
    revealed say says said state states stated confirm confirms confirmed find finds found note notes
    noted conclude concludes concluded established determined documented""".split()
)
# Words before a document noun that start no subject ("He read the logs, which show ...").
_NOT_DOCUMENT_SUBJECT = _SUBORDINATORS | frozenset({"which", "that", "what", "who", "where", "even", "and", "or",
                                                     "but"})
# Adverbs between the document and its verb: "court records also show".
_DOCUMENT_ADVERBS = frozenset({"also", "now", "clearly", "further", "previously", "consistently", "reportedly"})


def _document_reports(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'Flight logs show the jet landed in Miami twice.' / 'Local reports say the bridge ...'

    A sentence whose subject is a record or document ("flight logs", "internal emails", "local
    reports", "court documents filed Tuesday") and whose verb reports ("show", "indicate",
    "say", "found") states what the document says: the subject is the source, the clause after
    the verb the content. The rules read some of these; the others they miss, or read the
    document noun itself as the cue ("Local | reports | say the bridge ..."), which names a
    speaker "Local". Such a reading is replaced. The subject opens the sentence (or follows a
    comma: "..., but flight logs show"), holds at most six words and no verb of its own; a
    statement read already between the subject's start and the verb leaves it alone. One look
    per document noun of the text.
    """
    from ._attributions import Found  # here: _attributions imports this module

    tokens = seg.tokens
    cues = sorted(f.cue[0] for f in found if f.cue is not None)
    # A document noun read as the cue ("Local | reports | say ..."): replaced below.
    noun_cue = {f.cue[0]: k for k, f in enumerate(found)
                if f.cue is not None and seg.text[f.cue[0] : f.cue[1]].lower() in _DOCUMENT_HEADS}
    replaced: dict[int, Found] = {}
    added: list[Found] = []
    for k in seg.positions(_DOCUMENT_HEADS):
        verb = k + 1
        if verb < len(tokens) and tokens[verb].lower in ("has", "have", "had"):
            verb += 1  # "several reports have established that ..."
        if verb < len(tokens) and tokens[verb].lower in _DOCUMENT_ADVERBS:
            verb += 1
        if verb + 1 >= len(tokens) or tokens[verb].lower not in _DOCUMENT_VERBS:
            continue
        at = bisect.bisect_right(starts, tokens[k].start) - 1
        if at < 0:
            continue
        sentence = seg.sentences[at]
        first = bisect.bisect_left(seg.token_starts, sentence.start)
        # The subject: from the sentence's start, or from after the last comma before the noun.
        opening = max((j for j in range(max(first, k - 7), k) if tokens[j].text == ","), default=None)
        begin = opening + 1 if opening is not None else first
        while begin < k and (tokens[begin].text in _QUOTE_MARKS or tokens[begin].lower in _OPENING_WORDS):
            begin += 1
        words = tokens[begin : k + 1]
        if not 1 <= len(words) <= 6 or (opening is None and begin > first + 2) \
                or not all(w.text[:1].isalnum() or w.text in ("'s", "’s", "-") for w in words) \
                or any(w.lower in _AUXILIARIES or w.lower in _NOT_DOCUMENT_SUBJECT or w.lower in _SUBJECT_PRONOUNS
                       or w.lower in _DOCUMENT_VERBS for w in words):
            continue
        own = noun_cue.get(tokens[k].start)
        if own is None and _cue_between(cues, words[0].start, tokens[verb].end):
            continue  # the verb read already, or a statement inside the subject
        clause = verb + 1
        if opening is not None and tokens[clause].text in (".", ",") and tokens[opening].start > sentence.start:
            # "Goals may be dropped, the report said." / "..., the report said, but ...": the
            # document closes the clause it reports, which runs from the sentence's start.
            begin = first
            while begin < opening and (tokens[begin].text in _QUOTE_MARKS or tokens[begin].lower in _OPENING_WORDS):
                begin += 1
            if len(_words(tokens[begin:opening])) < 3 or _cue_between(cues, tokens[begin].start, tokens[verb].end):
                continue
            item = Found((words[0].start, words[-1].end), (tokens[verb].start, tokens[verb].end),
                         (tokens[begin].start, tokens[opening].start), "indirect")
            if own is not None:
                replaced[own] = item
            else:
                added.append(item)
            continue
        if clause + 2 >= len(tokens) or tokens[clause].text == ",":
            continue  # "The documents indicate, he said, that ...": another statement in between
        if tokens[clause].lower == "that":
            clause += 1
        content = _trim_span(seg.text, tokens[clause].start, _end_of(seg, sentence))
        if len(_words(seg.tokens_in(*content))) < 3:
            continue  # "The records show nothing."
        item = Found((words[0].start, words[-1].end), (tokens[verb].start, tokens[verb].end), content, "indirect")
        if own is not None:
            replaced[own] = item
        else:
            added.append(item)
    if not replaced and not added:
        return found
    return [replaced.get(k, f) for k, f in enumerate(found)] + added


# Verbs of saying that open a report inside a quotation, and whom "told" may name before the clause.
_QUOTED_REPORT_VERBS = frozenset({"said", "says", "told", "tells", "asked", "wrote", "warned", "insisted",
                                  "claimed", "explained"})
_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "her", "them", "you"})
# Subjects that are the quotation's own speaker ("I told them ...": no second source).
_FIRST_PERSON = frozenset({"i", "we"})


def _quoted_reports(seg: Segmentation, found: list[Found]) -> list[Found]:
    """'"My doctor told me the rash would fade," Tom said.' / '"She said, ‘Mommy, ...’" he recalled.'

    A quotation that opens with someone else's report holds a statement of its own: the speaker
    quotes or paraphrases another, who is the claim's origin, and the quoted speaker is a relay
    (the chains nest it inside the quotation). The rules read no cue inside a quotation. Only the
    quotation's first words are read: a subject of at most five words (not "I" or "we", the
    speaker themself), a verb of saying, who was told, then the reported clause or quotation.
    """
    from ._attributions import Found  # here: _attributions imports this module

    cues = {f.cue[0] for f in found if f.cue is not None}
    result: list[Found] = []
    for item in found:
        if item.directness != "direct_quote" or item.source is None:
            continue
        words = seg.tokens_in(item.content[0], min(item.content[1], item.content[0] + 200))
        verb = next((j for j, t in enumerate(words[:7]) if t.lower in _QUOTED_REPORT_VERBS), None)
        if not verb or words[verb].start in cues:
            continue
        subject = words[:verb]
        # A noun phrase: a name, a pronoun, or a determiner and nouns; no other function word
        # ("It’s not something that she continuously says, ..." is no report of someone else's).
        if not all(t.text[:1].isalnum() or t.text in ("'s", "’s") for t in subject) \
                or subject[0].lower in _FIRST_PERSON or subject[0].lower in _NOT_SUBJECT_START \
                or any(("'" in t.text or "’" in t.text) and (not t.lower.endswith(("'s", "’s"))
                                                              or t.lower[:-2] in function_words()) for t in subject) \
                or any(t.lower in _DETERMINERS for t in subject[1:]) \
                or any(t.lower in function_words() and t.lower not in _DETERMINERS and t.lower not in _SUBJECT_PRONOUNS
                       and t.lower not in ("my", "our", "your", "his", "her", "their") for t in subject) \
                or not (subject[0].text[:1].isupper() or subject[0].lower in _DETERMINERS):
            continue
        j = verb + 1
        if j + 1 < len(words) and words[j].lower == "to" and words[j + 1].lower in _OBJECT_PRONOUNS:
            j += 2  # "The producers said to her, ..."
        elif j < len(words) and words[j].lower in _OBJECT_PRONOUNS and words[verb].lower in _TOLD | {"asked", "warned"}:
            j += 1
        while j < len(words) and (words[j].text in (",", ":") or words[j].text in _QUOTE_MARKS
                                  or words[j].text in ("‘", "’", "'")):
            j += 1
        if j < len(words) and words[j].lower == "that":
            j += 1
        if j >= len(words):
            continue
        content = _trim_span(seg.text, words[j].start, item.content[1])
        if len(_words(seg.tokens_in(*content))) < 3:
            continue
        quoted = any(t.text in _QUOTE_MARKS or t.text in ("‘", "'") for t in words[verb + 1 : j])
        result.append(Found((subject[0].start, subject[-1].end), (words[verb].start, words[verb].end), content,
                            "direct_quote" if quoted else "indirect"))
    return result


# Cue words the sentence rules take for nouns or adjectives ("claims", "reports", "alleged").
_NOUN_LIKE_CUES = ("claims", "reports", "alleged", "alleges")


def _closing_claims(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'Obama has kicked wife Michelle to the curb, a source claims.'

    A speaker and one of ``_NOUN_LIKE_CUES`` closing the sentence after a comma: the sentence
    rules read the word as a noun and find no statement; the words before the comma are the
    speaker's.
    """
    tokens = seg.tokens
    cues = sorted(f.cue[0] for f in found if f.cue is not None)
    result: list[Found] = []
    for k in seg.positions((*_NOUN_LIKE_CUES, *_SAID)):
        if k + 1 >= len(tokens) or tokens[k + 1].text not in (".", "!") or k < 3:
            continue
        at = bisect.bisect_right(starts, tokens[k].start) - 1
        if at < 0:
            continue
        sentence = seg.sentences[at]
        if _cue_between(cues, sentence.start, sentence.end):
            continue  # the sentence has a statement already
        n = k - 1
        while n > 0 and k - n <= 6 and tokens[n].text != ",":
            n -= 1
        if tokens[n].text != "," and k >= 2 and tokens[k - 1].lower in _UNNAMED_HEADS:
            # "... a key witness in the investigation the sources said.": a comma left out
            # before an unnamed speaker (the rewritten FakeNewsAMT texts drop many).
            n = k - 1
            while n > k - 4 and tokens[n - 1].lower in ("the", "a", "an", "two", "three", "several", "some",
                                                       "many", "senior", "top", "other"):
                n -= 1
            n -= 1
        elif tokens[k].lower in _SAID:
            continue  # "..., X said." is read by the rules; only the unnamed shape above is added
        words = tokens[n + 1 : k]
        if not (tokens[n].text == "," or tokens[k - 1].lower in _UNNAMED_HEADS) or not words \
                or tokens[n].start <= sentence.start \
                or not (words[0].text[:1].isupper() or words[0].lower in _SPEAKER_STARTS) \
                or not all(w.text[:1].isalnum() or w.text in ("'s", "’s", "-") for w in words) \
                or any(w.lower in _AUXILIARIES or w.lower in ("and", "or") for w in words) \
                or words[-1].lower in _DETERMINERS:  # "He read the memos, the emails and the reports."
            continue
        content = _trim_span(seg.text, sentence.start, tokens[n].end if tokens[n].text != "," else tokens[n].start)
        if content[1] - content[0] < 8:
            continue
        result.append(_added(seg, sentence, (words[0].start, words[-1].end), (tokens[k].start, tokens[k].end),
                             content, seg.quote_at(content[0]) is not None))
    return result


# Adverbs between "has been" and "reported": "has been widely reported".
_REPORTED_ADVERBS = frozenset({"widely", "previously", "already", "also", "repeatedly", "first"})


def _passive_report(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'Clinton's presence aboard the jet on 11 occasions has been reported, but ...' and
    '..., it was reported.'

    A report with no reporter: the sentence's subject clause, then a perfect passive "has (have,
    had) been reported" that ends the clause; or a clause, then ", it was (has been) reported"
    that ends the sentence. The origin is unnamed (vague), the words before are the content. The
    rules read only "It has been reported that ...", whose content follows. A sentence with a
    statement before the cue already is left alone.
    """
    from ._attributions import Found  # here: _attributions imports this module

    tokens = seg.tokens
    cues = sorted(f.cue[0] for f in found if f.cue is not None)
    result: list[Found] = []
    for k in seg.positions(("reported",)):
        if k + 1 >= len(tokens) or tokens[k + 1].text not in (".", ",", ";", "!"):
            continue
        if tokens[k + 1].text == "," and not (k + 2 < len(tokens) and tokens[k + 2].lower in ("but", "and", "though",
                                                                                            "although", "yet")):
            continue  # "Sales were reported, the company said": another statement follows
        n = k - 1
        if n > 0 and tokens[n].lower in _REPORTED_ADVERBS:
            n -= 1
        if n >= 2 and tokens[n].lower == "been" and tokens[n - 1].lower in ("has", "have", "had"):
            aux = n - 1
        elif n >= 2 and tokens[n].lower in ("was", "is") and tokens[n - 1].lower == "it" \
                and tokens[n - 2].text == ",":
            aux = n - 2  # ", it was reported."
        elif n >= 3 and tokens[n].lower == "been" and tokens[n - 1].lower in ("has", "had") \
                and tokens[n - 2].lower == "it" and tokens[n - 3].text == ",":
            aux = n - 3  # ", it has been reported."
        else:
            continue
        at = bisect.bisect_right(starts, tokens[k].start) - 1
        if at < 0:
            continue
        sentence = seg.sentences[at]
        if _cue_between(cues, sentence.start, tokens[k].end):
            continue  # a statement before the cue in this sentence already
        content = _trim_span(seg.text, sentence.start, tokens[aux].start)
        if len(_words(seg.tokens_in(*content))) < 4:
            continue  # "Five cases have been reported.": a count, not a claim someone made
        cue = (tokens[aux].start if tokens[aux].text != "," else tokens[aux + 1].start, tokens[k].end)
        result.append(Found(None, cue, content, "vague"))
    return result


# Heads of an unnamed speaker ("a source claims"), as the sentence rules read them.
_UNNAMED_HEADS = frozenset("""source sources insider insiders official officials people person""".split())


def _added(seg: Segmentation, sentence: Sentence, source: _Offsets, cue: _Offsets, content: _Offsets,
           quoted: bool) -> Found:
    """A statement the rules did not read, with its directness and outlet, through the repairs."""
    from ._attributions import Found  # here: _attributions imports this module

    words = seg.tokens_in(*source)
    outlet = _outlet_in(seg, words)
    named = any(w.text[:1].isupper() and w.lower not in _DETERMINERS for w in words)
    directness: str
    if outlet is not None:
        directness = "secondhand"
    elif words and words[-1].lower in _UNNAMED_HEADS and not named:
        directness = "vague"
    else:
        directness = "direct_quote" if quoted else "indirect"
    item = Found(source, cue, content, directness, named_outlet=outlet)  # type: ignore[arg-type]
    return _repaired(seg, _around(sentence, *cue), item)


def _trim_span(text: str, start: int, end: int) -> _Offsets:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".!?%"):
        end -= 1
    return start, end


def _speaker_after_stripped_comma(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'"It is a strange place and I couldn't live there  she told Swedish chat show Skavlan.'

    Some archives (FakeNewsAMT among them) strip commas and quotation marks and leave two spaces
    where they were; the quotation before "X said" is then one run of words with the speaker
    inside it. Two spaces after a word, then a speaker and a cue verb: the words from the
    quotation's opening mark (or the sentence's start) to the spaces are the speaker's.
    """
    text = seg.text
    result: list[Found] = []
    cues = sorted(f.cue[0] for f in found if f.cue is not None)
    ends = sorted(max(f.content[1], f.cue[1] if f.cue else 0) for f in found)
    i = text.find("  ")
    while i >= 0:
        at, i = i, text.find("  ", i + 2)
        if at == 0 or not text[at - 1].isalnum():
            continue
        k = bisect.bisect_right(starts, at) - 1
        if k < 0:
            continue
        sentence = seg.sentences[k]
        after = seg.tokens_in(at, min(len(text), at + 120))
        speaker = _speaker_after_quote(after)
        if speaker is None:
            continue
        source, cue = speaker
        j = bisect.bisect_left(cues, cue[0])
        if j < len(cues) and cues[j] == cue[0]:
            continue  # the rules read this cue already
        quote = seg.quote_at(at)
        rest = _words(seg.tokens_in(max(cue[1], source[1]), sentence.end))
        if quote is None and len(rest) > 3 and rest[0].lower not in _AFTER_CUE_NOT_CLAUSE \
                and not rest[0].lower.endswith("ing") \
                and seg.text[cue[0] : cue[1]].lower() not in _TOLD:
            # "In January  the US car giant said it would cancel ...": the words before the spaces
            # open the sentence; the clause after the cue is the content.
            k = 1 if rest[0].lower == "that" else 0
            content = (rest[k].start, _end_of(seg, sentence))
            directness = "indirect"
        else:
            begin = quote.inner_start if quote is not None else sentence.start
            e = bisect.bisect_right(ends, at) - 1
            if e >= 0 and ends[e] > begin:
                begin = ends[e]
            while begin < at and not text[begin].isalnum():
                begin += 1
            if at - begin < 8:
                continue
            content, directness = (begin, at), "direct_quote" if quote is not None else "indirect"
        repaired = _added(seg, sentence, source, cue, content, directness == "direct_quote")
        relays = repaired.relays
        if not relays and text[cue[0] : cue[1]].lower() in _TOLD:
            # "X told the BBC. It happens.": the sentence rules read no end of sentence inside
            # the unclosed quotation, so the outlet told is found here.
            recipient = _recipient_outlet(seg, seg.tokens_in(cue[1], min(len(text), cue[1] + 80)))
            relays = (recipient[0],) if recipient is not None else ()
        # The content stays what the spaces mark.
        result.append(replace(repaired, content=content, relays=relays,
                              directness="secondhand" if relays else repaired.directness))
        # The next speaker in the same quotation is given the words after this cue's sentence
        # ("... Novak said by email. These reserves are ...  he said").
        stop = text.find(". ", cue[1], cue[1] + 150)
        bisect.insort(ends, stop + 1 if stop >= 0 else cue[1])
    return result


# First words after a cue that begin no reported clause: "said in a video", "said with tears".
_AFTER_CUE_NOT_CLAUSE = _TIME_PREPOSITIONS | _WEEKDAYS | frozenset(
    """with in on at during after before while as of to from about adding noting""".split())


# Cue verbs after a quotation whose opening mark is missing ('...,” the mayor said.').
_AFTER_QUOTE_CUES = frozenset("""said says told tells wrote writes added adds explained continued continues
    recalled insisted noted stated declared admitted admits argued argues acknowledged conceded warned warns
    replied responded joked quipped claimed claims asserted remarked observed recounted
    reported reports tweeted tweets revealed reveals announced confirmed posted""".split())
_SPEAKER_STARTS = frozenset({"the", "a", "an", "our", "his", "her", "their", "one", "he", "she", "they"})


def _quotation_opened_before(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'We’ve got hand-sanitizing products all over the office,” the mayor said.'

    A closing mark that ends quoted words, with no quotation open (the opening mark is in an
    earlier paragraph the text no longer holds, or was lost), followed by a speaker and a cue
    verb: the words from the start of the paragraph (or the last statement or quotation in it)
    to the mark are the speaker's. The segmentation pairs no such mark, so the rules read none,
    or read the words after the cue ("Trump told reporters after a media event"); those are
    read again when they are only the occasion.
    """
    text = seg.text
    added: list[Found] = []
    result = list(found)
    by_cue = {f.cue[0]: k for k, f in enumerate(found) if f.cue is not None}
    cues = sorted(by_cue)
    ends = sorted(max(f.content[1], f.cue[1] if f.cue else 0) for f in found)
    quote_ends = [q.end for q in seg.quotes]
    # U+FFFD: a mojibake mark (see _segmentation); "’’": two apostrophes close a quotation in
    # some newsrooms' copy ('“Food is scarce,’’ said Jeff Taylor'), which the segmentation pairs
    # with no opening mark.
    # "’" after the words' punctuation closes a single-quoted statement ('... right now,’ one source
    # close to the Kardashians revealed.'); an apostrophe follows a letter, not ",.!?".
    for mark in ("”", '"', "\ufffd", "’’", "’"):
        i = text.find(mark)
        while i >= 0:
            at, i = i, text.find(mark, i + 1)
            if at == 0 or text[at - 1] not in ",.!?" or (mark == "\ufffd" and text[at + 1 : at + 2].isalnum()):
                continue
            paired = seg.quote_at(at)
            # A straight mark after the words' punctuation closes: the segmentation may have
            # opened a quotation at it ('coverage," Obama said. "...'), whose words start with a space.
            # The quotation "’’" closes is left open by the segmentation, running past the mark.
            if paired is not None and not (paired.start == at and text[at + 1 : at + 2].isspace()) \
                    and not (mark == "’’" and not paired.closed and paired.start < at):
                continue
            k = bisect.bisect_right(starts, at) - 1
            if k < 0:
                continue
            sentence = seg.sentences[k]
            if text[at - 1] != "," and k + 1 < len(starts) and starts[k + 1] <= at + 3:
                # '... for god sakes.” Trump told reporters': the speaker opens the next sentence.
                sentence = seg.sentences[k + 1]
            after = seg.tokens_in(at + len(mark), min(sentence.end, at + 120))
            if after and (after[0].text == "," or after[0].text in _DASHES):
                after = after[1:]  # '...,” – Tebas stated.': a dash before the speaker, as a comma
            speaker = _speaker_after_quote(after, according=True)
            if speaker is None:
                continue
            source, cue = speaker
            j = bisect.bisect_right(cues, at)
            read = by_cue.get(cues[j]) if j < len(cues) and cues[j] < sentence.end else None
            if read is not None and (found[read].cue != cue or found[read].content[0] < cue[1]
                                     or not _occasion(seg, found[read])):
                continue  # the rules read the statement after the mark already
            paragraph = seg.paragraphs[sentence.paragraph] if sentence.paragraph < len(seg.paragraphs) \
                else (sentence.start, sentence.end)
            begin = paragraph[0]
            q = bisect.bisect_right(quote_ends, at) - 1
            if q >= 0 and quote_ends[q] > begin:
                begin = quote_ends[q]  # a quotation earlier in the paragraph is not part of this one
            e = bisect.bisect_right(ends, at) - 1
            if e >= 0 and ends[e] > begin:
                begin = ends[e]
            while begin < at and not text[begin].isalnum():
                begin += 1
            end = at - 1  # before the punctuation that ends the quoted words
            if end - begin < 8:
                continue
            if read is not None:
                result[read] = replace(found[read], content=(begin, end),
                                       directness="secondhand" if found[read].relays else "direct_quote")
            else:
                added.append(_added(seg, sentence, source, cue, (begin, end), True))
            bisect.insort(ends, cue[1])  # the next quotation in the paragraph starts after this one
    if len(added) == 0 and result == found:
        return result
    # '...," he admitted. "In the simplest terms, ..."': the quotation after the cue's sentence
    # continues a statement read here, as it does one the rules read.
    from ._attributions import _continued_quotes  # (at run time: that module imports this one)

    return _continued_quotes(seg, result + added)


_AS_REPORTED_ADVERBS = frozenset({"first", "previously", "originally", "initially", "earlier", "also", "widely"})


def _as_reported_by(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'As reported by Western Journalism, investigators found ...' / '..., as first reported by
    the Post.': the reporter after "by" is the source; the clause after the phrase's comma (or
    before the comma that opens it, at the sentence's end) is the content. One look per
    "reported" of the text."""
    tokens = seg.tokens
    cues = sorted(f.cue[0] for f in found if f.cue is not None)
    added: list[Found] = []
    for k in seg.positions(("reported",)):
        a = k - 1
        if a >= 0 and tokens[a].lower in _AS_REPORTED_ADVERBS:
            a -= 1
        if a < 0 or tokens[a].lower != "as" or k + 2 >= len(tokens) or tokens[k + 1].lower != "by":
            continue
        at = bisect.bisect_right(starts, tokens[k].start) - 1
        if at < 0:
            continue
        sentence = seg.sentences[at]
        if _cue_between(cues, tokens[a].start, tokens[k].end):
            continue
        # The reporter: the words after "by" up to a comma or the sentence's end, at most eight.
        end = k + 2
        while end < len(tokens) and tokens[end].start < sentence.end and tokens[end].text not in (",", ".", ";") \
                and end - k <= 9:
            end += 1
        words = tokens[k + 2 : end]
        if not words or end - k > 9 or not (words[0].text[:1].isupper() or words[0].lower in _DETERMINERS) \
                or not all(w.text[:1].isalnum() or w.text in ("'s", "’s", "-", "&", ".") for w in words):
            continue
        first = bisect.bisect_left(seg.token_starts, sentence.start)
        opening = a == first or (a > first and tokens[a - 1].lower in _OPENING_WORDS and a - 1 == first)
        if opening and end < len(tokens) and tokens[end].text == ",":
            content = _trim_span(seg.text, tokens[end].end, _end_of(seg, sentence))
        elif a > first and tokens[a - 1].text == "," and end < len(tokens) and tokens[end].text in (".", "!", "?"):
            content = _trim_span(seg.text, sentence.start, tokens[a - 1].start)
        else:
            continue
        if len(_words(seg.tokens_in(*content))) < 3:
            continue
        added.append(_added(seg, sentence, (words[0].start, words[-1].end), (tokens[a].start, tokens[k + 1].end),
                            content, False))
    return added


_WHO_VERBS = frozenset("""said says say stated states warned warns announced confirmed recommended recommends
    noted notes added declared reported reports advised advises told tells cautioned insisted urged""".split())


def _who_speaks(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'The WHO says that ...' / '..., the WHO said.': the World Health Organization's initials
    are the relative pronoun "who" in lower case, so the rules read no speaker there. One look
    per "WHO" of the text."""
    tokens = seg.tokens
    cues = sorted(f.cue[0] for f in found if f.cue is not None)
    added: list[Found] = []
    for k in seg.positions(("who",)):
        if tokens[k].text != "WHO":
            continue
        v = k + 1
        while v < len(tokens) and tokens[v].lower in ("has", "have", "had", "also", "now", "previously"):
            v += 1
        if v + 1 >= len(tokens) or tokens[v].lower not in _WHO_VERBS \
                or _cue_between(cues, tokens[k].start, tokens[v].end):
            continue
        at = bisect.bisect_right(starts, tokens[k].start) - 1
        if at < 0:
            continue
        sentence = seg.sentences[at]
        first = k - 1 if k > 0 and tokens[k - 1].lower == "the" else k
        before = tokens[first - 1] if first > 0 and tokens[first - 1].start >= sentence.start else None
        if tokens[v + 1].text in (".", ",") and before is not None and before.text == ",":
            content = _trim_span(seg.text, sentence.start, before.start)  # "..., the WHO said."
        elif before is None or before.text == "," or before.lower in _OPENING_WORDS:
            clause = v + 2 if tokens[v + 1].lower == "that" else v + 1
            if clause >= len(tokens):
                continue
            content = _trim_span(seg.text, tokens[clause].start, _end_of(seg, sentence))
        else:
            continue
        if len(_words(seg.tokens_in(*content))) < 3:
            continue
        added.append(_added(seg, sentence, (tokens[first].start, tokens[k].end), (tokens[v].start, tokens[v].end),
                            content, False))
    return added


# Words that open "Enough said." and the like: no speaker.
_NO_SPEAKER = frozenset({"enough", "nothing", "much", "more", "less", "least", "best", "well", "needless"})


def _speaker_sentence_before_quotation(seg: Segmentation, found: list[Found]) -> list[Found]:
    """"Thurber said. ''They are just throwing renewables at a coal base.''"

    A sentence of a name and a speech verb alone, whose words the text no longer holds (a passage
    cut after "Mr.", or a lost paragraph), followed straight away by a quotation: the quotation
    is the speaker's (it continues what they said). Only sentences of at most six tokens are
    looked at, one look each.
    """
    text = seg.text
    cues = sorted(f.cue[0] for f in found if f.cue is not None)
    added: list[Found] = []
    for k, sentence in enumerate(seg.sentences[:-1]):
        tokens = seg.tokens_in(sentence.start, sentence.end)
        if not 3 <= len(tokens) <= 6 or tokens[-1].text != "." or tokens[-2].lower not in _AFTER_QUOTE_CUES:
            continue
        words = tokens[:-2]
        if not words[0].text[:1].isupper() or words[0].lower in _SPEAKER_STARTS \
                or words[0].lower in _NO_SPEAKER or words[0].lower in function_words() \
                or not all(t.text[:1].isalnum() or t.text in ("-", ".") for t in words) \
                or _cue_between(cues, sentence.start, sentence.end):
            continue
        following = seg.sentences[k + 1].start
        quote = seg.quote_at(following)
        if quote is None or quote.start != following or text[sentence.end : following].strip():
            continue
        content = _trim_span(text, quote.inner_start, quote.inner_end)
        if len(_words(seg.tokens_in(*content))) < 3:
            continue
        verb = tokens[-2]
        added.append(_added(seg, sentence, (words[0].start, words[-1].end), (verb.start, verb.end), content, True))
    return added


def _occasion(seg: Segmentation, item: Found) -> bool:
    """Whether a statement's content after its cue is only the occasion or the listener
    ("reporters after a media event", "in a statement")."""
    first = _first_token(seg, item.content[0], item.content[1])
    return first is not None and seg.quote_at(item.content[0]) is None and (
        first.lower in _OCCASION_WORDS or first.lower in _LISTENERS or _speaker_participle(first))


def _speaker_after_quote(after: list[Token], *, according: bool = False) -> tuple[_Offsets, _Offsets] | None:
    """The speaker and cue in 'the mayor said', 'Mark-Viverito said', 'said the mayor' after a mark
    (and in 'according to The Times' with ``according``)."""
    if not after:
        return None
    # '...," according to The Times.': the cue is two words, the source after them.
    lead = 2 if according and len(after) > 2 and after[0].lower == "according" and after[1].lower == "to" else 1
    if lead == 2 or after[0].lower in _AFTER_QUOTE_CUES:
        words: list[Token] = []
        for t in after[lead : lead + 6]:
            if not (t.text[:1].isalnum() or t.text in ("-", "'s", "’s", ".")) \
                    or (words and t.start - words[-1].end >= 2):  # two spaces: a stripped comma
                break
            words.append(t)
        if not words or not (words[0].text[:1].isupper() or words[0].lower in _SPEAKER_STARTS):
            return None
        return (words[0].start, words[-1].end), (after[0].start, after[lead - 1].end)
    for n, t in enumerate(after[:7]):
        if t.lower in _AFTER_QUOTE_CUES:
            words = after[:n]
            while words and words[-1].lower in ("has", "have", "had"):
                words = words[:-1]  # "the association has said"
            if not words or not (words[0].text[:1].isupper() or words[0].lower in _SPEAKER_STARTS) \
                    or not all(w.text[:1].isalnum() or w.text in ("-", "'s", "’s", "(", ")") for w in words) \
                    or any(w.lower in _AUXILIARIES for w in words):  # "the film is said to be"
                return None
            return (words[0].start, words[-1].end), (t.start, t.end)
    return None


def _participle_speaker(seg: Segmentation, found: list[Found]) -> list[Found]:
    """'"...," the source said, adding, "It's happening."': the participle's speaker is the sayer's.

    The rules read "adding" (or "noting", "insisting", ...) with no subject as a statement of no
    one (vague); the subject of the cue just before it, separated by a comma only, said it.
    """
    result = list(found)
    for k, item in enumerate(result):
        if item.source is not None or item.cue is None or not k:
            continue
        cue_word = seg.text[item.cue[0] : item.cue[1]].split(" ")[0]
        if not (cue_word.endswith("ing") and cue_word[:1].islower()):
            continue
        before = result[k - 1]
        if before.source is None or before.cue is None or before.cue[1] > item.cue[0]:
            continue
        gap = seg.text[max(before.cue[1], before.content[1] if before.content[0] > before.cue[1] else 0) :
                       item.cue[0]].strip()
        if gap != ",":
            continue
        quoted = seg.quote_at(item.content[0]) is not None
        result[k] = replace(item, source=before.source, written_source=before.written_source,
                            named_outlet=before.named_outlet, relays=before.relays,
                            directness=before.directness if before.directness == "secondhand"
                            else ("direct_quote" if quoted else "indirect"))
    return result


def _outlet_has_learned(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'Gwen Stefani and Blake Shelton have been told to make nice, RadarOnline.com has exclusively learned'.

    An outlet that "has learned" something reports it; "learned" is no cue verb elsewhere ("she
    learned to swim"), so only an outlet as its subject makes it one.
    """
    from ._attributions import Found  # here: _attributions imports this module

    covered = sorted(f.content for f in found)
    result = []
    tokens = seg.tokens
    # The article's index of words (``Segmentation.positions``, which later stages build anyway)
    # finds the few "learned" without a pass over every token.
    for k in [k for k in seg.positions(["learned"]) if k]:
        if seg.quote_at(tokens[k].start):
            continue
        aux = k - 1
        while aux > 0 and tokens[aux].lower in ("exclusively", "also", "now", "just"):
            aux -= 1
        if tokens[aux].lower not in ("has", "have") or aux == 0:
            continue
        at = bisect.bisect_right(starts, tokens[k].start) - 1
        if at < 0:
            continue
        sentence = _around(seg.sentences[at], tokens[aux].start, tokens[k].end)
        subject, j = _name_words_before(tokens, aux - 1, sentence.start)
        outlet = _outlet_in(seg, subject) if subject else None
        if outlet is None and subject and (".com" in subject[-1].lower or any(
                t.lower in lexicons().outlet_words for t in subject if t.text[:1].isupper())):
            outlet = OutletMention(subject[0].start, subject[-1].end, None, "news_outlet", None, False)
        if outlet is None:
            continue
        after = _words(seg.tokens_in(tokens[k].end, sentence.end))
        if after and after[0].lower == "that" and len(after) > 3:
            content = (after[1].start, _end_of(seg, sentence))
        elif j >= 0 and tokens[j].text == "," and tokens[j].start > sentence.start:
            content = (sentence.start, tokens[j].start)
        else:
            continue
        at = bisect.bisect_left(covered, content)
        if at < len(covered) and covered[at] == content:
            continue
        cue = (tokens[aux].start, tokens[k].end)
        result.append(Found((subject[0].start, subject[-1].end), cue, content, "secondhand",  # type: ignore[arg-type]
                            named_outlet=outlet))
    return result


def _cue_between(cues: list[int], start: int, end: int) -> bool:
    """Whether a statement's cue starts in [start, end): ``cues`` are the cue starts, sorted."""
    j = bisect.bisect_left(cues, start)
    return j < len(cues) and cues[j] < end


def _name_words_before(tokens: list[Token], j: int, start: int) -> tuple[list[Token], int]:
    """The name that ends at token ``j``: up to five capitalised words (or "the") back to offset
    ``start`` ("The Wall Street Journal" before "has reported"), and the index of the token
    before them (-1 at the text's start)."""
    words: list[Token] = []
    while j >= 0 and tokens[j].start >= start and len(words) < 5 \
            and (tokens[j].text[:1].isupper() or tokens[j].lower == "the"):
        words.insert(0, tokens[j])
        j -= 1
    return words, j


def _outlet_medium_reports(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'The Economist magazine reports that growth slowed': a registry outlet, then what it is
    ("magazine", "newspaper"), then "reports"/"reported that". The cue ranker reads "magazine
    reports" as a compound noun there, so no statement is found; the outlet is the source.
    """
    from ._attributions import Found  # here: _attributions imports this module

    cue_starts = {t.start for f in found if f.cue is not None for t in seg.tokens_in(*f.cue)}
    tokens = seg.tokens
    result = []
    for k in [k for k in seg.positions(["reports", "reported"]) if k > 1]:
        medium, verb = tokens[k - 1], tokens[k]
        if verb.start in cue_starts or medium.lower not in _publication_nouns() \
                or k + 2 >= len(tokens) or tokens[k + 1].lower != "that" or seg.quote_at(verb.start):
            continue
        at = bisect.bisect_right(starts, verb.start) - 1
        if at < 0:
            continue
        sentence = _around(seg.sentences[at], verb.start, verb.end)
        subject, _ = _name_words_before(tokens, k - 2, sentence.start)
        outlet = _outlet_in(seg, subject) if subject else None
        if outlet is None or outlet.end != subject[-1].end:
            continue  # the outlet's name ends right before the medium
        content = (tokens[k + 2].start, _end_of(seg, sentence))
        if content[1] <= content[0]:
            continue
        result.append(Found((subject[0].start, medium.end), (verb.start, verb.end), content,
                            "secondhand", named_outlet=outlet))
    return result


# How far (in characters) the rules read around a cue. Every shape above fits in it; bounding the
# window keeps the pass linear on a hostile text that is one huge sentence with many cues.
_REACH = 600


def _around(sentence: Sentence, start: int, end: int) -> Sentence:
    """The sentence, clipped to ``_REACH`` characters either side of ``start:end``."""
    if sentence.end - sentence.start <= 2 * _REACH:
        return sentence
    return Sentence(max(sentence.start, start - _REACH), min(sentence.end, end + _REACH), sentence.paragraph)


def _according_to_a_report(seg: Segmentation, found: list[Found], starts: list[int]) -> list[Found]:
    """'According to a report by North Korea's state news agency KCNA on Sunday, the meeting ...'.

    The sentence rules stop a source at a cue word ("report", "post", "statement"), so "according
    to a report by X" gets no statement at all. The source runs to the comma (or, after the
    content, to the end of the sentence); an outlet the report is by, in or from is the source.
    """
    from ._attributions import Found  # here: _attributions imports this module

    cues = sorted(f.cue for f in found if f.cue is not None)
    cue_starts = [c[0] for c in cues]
    result = []
    tokens = seg.tokens
    # The article's index of words (see ``_outlet_has_learned``) finds the few "according".
    for k in [k for k in seg.positions(["according"]) if k < len(tokens) - 2]:
        if tokens[k + 1].lower != "to" or seg.quote_at(tokens[k].start):
            continue
        at = bisect.bisect_right(cue_starts, tokens[k].start) - 1
        if at >= 0 and cues[at][1] > tokens[k].start:
            continue  # the rules read it
        at = bisect.bisect_right(starts, tokens[k].start) - 1
        if at < 0:
            continue
        sentence = _around(seg.sentences[at], tokens[k].start, tokens[k + 1].end)
        opening = seg.tokens_in(sentence.start, tokens[k].start)
        after = seg.tokens_in(tokens[k + 1].end, sentence.end)
        short = all(t.lower in _OPENING_WORDS for t in opening) and len(opening) <= 3
        comma = next((j for j, t in enumerate(after) if t.text == ","), None)
        clause_after = comma is not None and 0 < comma <= 14 and len(_words(after[comma + 1 :])) >= 3
        if short and not clause_after:
            continue
        if short or (clause_after and _opening_phrase(seg, opening)):
            assert comma is not None
            words = after[:comma]
            content = (after[comma + 1].start, _end_of(seg, sentence))
        elif opening and opening[-1].text == "," and len(_words(opening)) >= 3:
            words = [t for t in after if t.text[:1].isalnum() or t.text in ("'s", "’s", "-", "&")]
            if not words or len(after) > 16 or any(t.text in ",;:" or t.text in _DASHES for t in after[:-1]):
                continue
            content = (sentence.start, opening[-1].start)
        else:
            continue
        if not _words(words) or any(t.lower in _AUXILIARIES for t in words) \
                or (words[0].lower not in _REPORT_OPENERS and not words[0].text[:1].isupper()):
            continue
        source = (words[0].start, words[-1].end)
        outlet = _outlet_in(seg, words)
        # "a new report", "police reports": a report nobody is named for is a vague source.
        unnamed = words[-1].lower in _REPORT_NOUNS and not any(t.text[:1].isupper() for t in words)
        directness = "secondhand" if outlet is not None else ("vague" if unnamed else "indirect")
        result.append(Found(source, (tokens[k].start, tokens[k + 1].end), content, directness,  # type: ignore[arg-type]
                            named_outlet=outlet))
    return result


def _repaired(seg: Segmentation, sentence: Sentence, item: Found) -> Found:
    """``item`` (a statement with a cue) through every rule in turn; each rule reads the cue of the
    reading the rules before it left."""
    assert item.cue is not None
    verb = seg.text[item.cue[0] : item.cue[1]].rpartition(" ")[2].lower()
    for rule in _RULES:  # in order: the dateline is cut from a source before "told" reads it
        assert item.cue is not None  # no rule drops a cue
        better = rule(seg, sentence, item, item.cue, verb)
        if better is not None:
            item = better
    return item


def _first_token(seg: Segmentation, start: int, end: int) -> Token | None:
    """Exactly ``(seg.tokens_in(start, end) or [None])[0]``, without slicing the tokens."""
    k = bisect.bisect_left(seg.token_starts, start)
    if k < len(seg.tokens) and seg.tokens[k].start < end and seg.tokens[k].end <= end:
        return seg.tokens[k]
    return None


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.text[:1].isalnum()]


def _end_of(seg: Segmentation, sentence: Sentence) -> int:
    """The end of the sentence without its final punctuation and closing quotation marks."""
    end = sentence.end
    while end > sentence.start and (seg.text[end - 1] in ".!?;:,\"'”’»" or seg.text[end - 1].isspace()):
        end -= 1
    return end


def _outlet_in(seg: Segmentation, tokens: list[Token]) -> OutletMention | None:
    """An outlet the tokens name, also in the possessive ("BuzzFeed's Smith")."""
    bare = []
    for t in tokens:
        if t.lower.endswith(("'s", "’s")) and len(t.text) > 2:
            t = Token(t.start, t.end - 2, t.text[:-2], t.lower[:-2])
        bare.append(t)
    mentions = find_outlets(bare)
    return mentions[0] if mentions else None


def _relative_clause_subject(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> Found | None:
    """'Zucker, who in the past has voiced ..., told BuzzFeed's Smith he would ...'.

    The rules read such a sentence as an inverted report ('CONTENT, said SOURCE') with the
    subject and its aside as the content. It is one only when the words after the cue are a
    name; here a subject pronoun starts a clause within a few words of the cue, so the subject
    (with its aside, as the rules write a source) is the speaker and that clause the content.
    """
    if item.source is None or item.source[0] < cue[1] or item.content[1] > cue[0] \
            or verb not in _SAID_OR_TOLD or seg.quote_at(item.content[0]) is not None:
        return None
    text = seg.text
    if text[item.content[1] : cue[0]].strip() != ",":
        return None
    before = seg.tokens_in(sentence.start, item.content[1])
    if not before or before[0].start != item.content[0] or before[0].lower in _NOT_SUBJECT_START \
            or not before[0].text[:1].isupper():
        return None
    commas = [k for k, t in enumerate(before) if t.text == ","]
    # Exactly one aside: "NAME, who/a ... ," — a second comma would make the words before the cue
    # a clause of their own ("Trump, who lost, is finished, said X").
    if len(commas) != 1 or not 1 <= commas[0] <= 8 or commas[0] + 1 >= len(before) \
            or before[commas[0] + 1].lower not in _ASIDE_OPENERS:
        return None
    after = seg.tokens_in(cue[1], sentence.end)
    pronoun = next((k for k, t in enumerate(after[:6]) if t.lower in _SUBJECT_PRONOUNS), None)
    if pronoun is None or len(_words(after[pronoun:])) < 3 or any(t.text in ",;:" for t in after[:pronoun]):
        return None
    # The subject with its aside, as the rules write a source ("The governor, who replaced Smith").
    source = (before[0].start, before[-1].end)
    content = (after[pronoun].start, _end_of(seg, sentence))
    relay = _outlet_in(seg, after[:pronoun]) if verb in _TOLD else None
    if relay is not None:
        return replace(item, source=source, content=content, directness="secondhand",
                       relays=(relay, *item.relays), written_source=None)
    return replace(item, source=source, content=content, directness="indirect", written_source=None)


@functools.cache
def _publication_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("publication_nouns.txt"))


_BROADCAST_WORDS = frozenset({"radio", "tv", "television"})


def _recipient_outlet(seg: Segmentation, after: list[Token]) -> tuple[OutletMention, int] | None:
    """The outlet right after "told" and the index of the token after it.

    A registry outlet ("Sputnik", "The Huffington Post"), else a capitalised name holding an
    outlet word ("the Post", "the Hollywood Inquirer"), else "the" and a publication noun ("the
    site"); the last two become outlets the registry does not know.
    """
    if not after:
        return None
    k = 1 if after[0].lower == "the" else 0
    mention = _outlet_in(seg, after[k : k + 6])
    if mention is not None and mention.start == after[k].start:
        j = next((j for j, t in enumerate(after) if t.end > mention.end), len(after))
        if j < len(after) and after[j].start < mention.end:
            # "CNN's Jake Tapper", "NBC's “Today” show": the person or programme belongs to the outlet.
            j += 1
            while j < len(after) and (after[j].text[:1].isupper() or after[j].text in _QUOTE_MARKS):
                j += 1
            if j < len(after) and after[j].lower in _PROGRAMME_WORDS:
                j += 1
        else:
            j = next((j for j, t in enumerate(after) if t.start >= mention.end), len(after))
        return mention, j
    j = k
    possessive = False
    while j < len(after) and j - k < 4 and after[j].text[:1].isupper() and after[j].text[:1].isalpha():
        j += 1
        if after[j - 1].lower.endswith(("'s", "’s")):
            possessive = True  # "the Daily Beacon's Amy Cole": the outlet ends at the possessive
            break
    if not possessive and k < j < len(after) and after[j].lower in _BROADCAST_WORDS \
            and not (j + 1 < len(after) and after[j + 1].text[:1].isupper()):
        # "WEHW radio", "French television": a name and the medium, written lower-case (not
        # "French television BFMTV": the outlet's own name follows).
        j += 1
    outlet_words = lexicons().outlet_words
    words = [t.lower[:-2] if possessive and n == j - 1 else t.lower for n, t in enumerate(after[:j])]
    if j > k and any(w.strip(".!") in outlet_words for w in words[k:]):
        end = after[j - 1].end - 2 if possessive else after[j - 1].end
        mention = OutletMention(after[0].start, end, None, "news_outlet", None, False)
        while possessive and j < len(after) and (after[j].text[:1].isupper() or after[j].text in _QUOTE_MARKS):
            j += 1
        return mention, j
    if k == 1 and len(after) > 1 and after[1].lower in _publication_nouns():
        return OutletMention(after[0].start, after[1].end, None, "news_outlet", None, False), 2
    if k == 0 and j == 1 and (len(after) == 1 or after[1].text in _CLAUSE_END):
        # "one spy previously told Radar.", "Sources tell Star, ...": a clipped name of one
        # registry outlet, ending the clause.
        clipped = outlet_by_first_word(after[0].text)
        if clipped is not None:
            return OutletMention(after[0].start, after[0].end, clipped, clipped.kind, clipped.country,
                                 clipped.state_affiliated), 1
    return None


_CLAUSE_END = frozenset({".", ",", ":", ";", "!", "?", "that"}) | _QUOTE_MARKS


def _clause_start(rest: list[Token]) -> Token | None:
    """Where a reported clause starts among the words after the recipient: "that" or a subject pronoun."""
    for k, token in enumerate(rest[:8]):
        word = token.lower.replace("’", "'").split("'")[0]  # "he'd", "she’s"
        if word == "that" and k + 1 < len(rest):
            return rest[k + 1]
        if word in _SUBJECT_PRONOUNS and not (k and rest[k - 1].lower in _SUBORDINATORS):
            return token  # not "told CNN before he spoke ..."
    return None


def _told_outlet(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'"...," an intelligence source, who ..., told Fox News.' and "Pate told Breitbart News he'd ...".

    The outlet told is a relay. When a reported clause follows it ("that ...", "he'd ..."), that
    clause is the content. When none does, the content is before the speaker: a quotation that
    ends just before the speaker's words, or (when only a short time or occasion follows the
    outlet: "told Sputnik on Saturday") the clause before the comma.
    """
    if verb not in _TOLD:
        return None
    text = seg.text
    after = seg.tokens_in(cue[1], sentence.end)
    recipient = _recipient_outlet(seg, after)
    if recipient is None:
        return None
    mention, k = recipient
    rest = _words(after[k:])
    relays = item.relays if any(r.start == mention.start for r in item.relays) else (mention, *item.relays)
    if k < len(after) and after[k].text in (",", ":") and item.source is not None and item.source[1] <= cue[0] \
            and item.content[0] >= after[k].end and seg.quote_at(item.content[0]) is not None:
        # 'Sources tell Star, "It's taken ..."': the quotation after the outlet is what was told.
        directness = relayed(item.directness)
        better = replace(item, directness=directness, relays=relays)
        return None if better == item else better
    start = _clause_start(rest)
    if start is not None:
        if item.source is None or item.source[1] > cue[0]:
            return None
        content = item.content
        # Keep a content the rules already start at the clause ("that he ..." or "he ...").
        if not (after[k - 1].end <= item.content[0] <= start.start and item.content[1] > start.start):
            content = (start.start, _end_of(seg, sentence))
        better = replace(item, content=content, directness="secondhand", relays=relays)
        return None if better == item else better
    speaker_end = cue[0]
    quotes = [q for q in seg.quotes_in(sentence.start, speaker_end) if q.end <= speaker_end]
    # A quotation the speaker's words follow after its comma: '"...," Butz, 49, told'.
    # (A quotation inside it may close with it: '..., mommy, we're not doing this anymore,’” Biel told E!'.)
    if quotes and (text[quotes[-1].inner_start : quotes[-1].inner_end].rstrip().rstrip("'’").rstrip().endswith(",")
                   or text[quotes[-1].end : speaker_end].lstrip().startswith(",")) \
            and _speaker_words(text, quotes[-1].end, speaker_end):
        quote = quotes[-1]
        content = (quote.inner_start, quote.inner_end)
        gap_start = quote.end
    elif len(rest) <= 5 and (not rest or rest[0].lower in _TIME_PREPOSITIONS or rest[0].lower in _WEEKDAYS):
        comma = text.rfind(",", sentence.start, speaker_end)
        # A clause, not an opener: "In March, Ana told the Post." has no content before her.
        if comma < 0 or seg.quote_at(comma) is not None or len(_words(seg.tokens_in(sentence.start, comma))) < 3:
            return None
        content = (sentence.start, comma)
        gap_start = comma + 1
    else:
        return None
    source = _speaker_words(text, gap_start, speaker_end)
    while content[1] > content[0] and (text[content[1] - 1] in ",;: "):
        content = (content[0], content[1] - 1)
    if source is None or content[1] <= content[0] or len(_words(seg.tokens_in(*source))) > 20:
        return None
    better = replace(item, source=source, content=content, directness="secondhand", relays=relays,
                     named_outlet=None, written_source=None)
    return None if better == item else better


def _speaker_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words between a quotation (or comma) and the cue: '"...," Butz, 49, told' gives "Butz, 49"."""
    while start < end and (text[start].isspace() or text[start] in ",”\"'’"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    head = text[start : start + 6].split(" ")[0].lower()
    if head in _SAID:  # '"...," said Jim Bopp, ..., told POLITICO'
        start += len(head)
        while start < end and text[start].isspace():
            start += 1
    if end <= start or any(c in text[start:end] for c in ".!?“\"") or not text[start].isalpha():
        return None
    return start, end


def _told_listener(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """ "He told reporters on Monday he would not run", "She tells audiences the plant may close".

    Who was told (a few words, no outlet: the rule before handles those) is no part of what
    was said: the content is the reported clause, from "that", a subject pronoun, or the word
    after a listener noun ("reporters", "supporters", "the crowd").
    """
    if verb not in _TOLD or item.source is None or item.source[1] > cue[0] or item.content[0] < cue[1]:
        return None
    after = seg.tokens_in(cue[1], min(sentence.end, cue[1] + 80))
    if len(after) < 3:
        return None
    start = _clause_start(after[1:7])
    k = 1 if after[0].lower in ("the", "his", "her", "their", "its") else 0
    if start is None and after[k].lower in _LISTENERS and k + 1 < len(after):
        # "told reporters the plan failed"; not "told reporters Tuesday ...", "told supporters outside ..."
        nxt = after[k + 1]
        if nxt.text[:1].isalpha() and nxt.lower not in _NOT_CLAUSE_START:
            start = nxt
    if start is None:
        return None
    listener = [t for t in after if t.end <= start.start]
    clause = listener.pop().start if listener and listener[-1].lower == "that" else start.start
    if clause <= item.content[0] <= start.start:
        return None  # the content is the clause already (with its "that" or without)
    if not 1 <= len(listener) <= 5 or any(not t.text[:1].isalpha() for t in listener):
        return None  # "told him on Friday, as he left, ..." is no simple listener
    return replace(item, content=(clause, max(item.content[1], _end_of(seg, sentence))))


def _quoted_as_saying(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'..., the Interfax news agency quoted his spokesman as saying on Tuesday.'"""
    if verb not in _QUOTING or item.source is None or item.source[1] > cue[0]:
        return None
    after = seg.tokens_in(cue[1], sentence.end)
    k = next((j for j in range(len(after) - 1) if after[j].lower == "as" and after[j + 1].lower == "saying"), None)
    if k is None or k == 0 or k > 8:
        return None
    outlet = _outlet_in(seg, seg.tokens_in(item.source[0], item.source[1]))
    if outlet is None:
        return None
    source = (after[0].start, after[k - 1].end)
    rest = _words(after[k + 2 :])
    text = seg.text
    if rest and not (rest[0].lower in _TIME_PREPOSITIONS and len(rest) <= 4):
        first = rest[1] if rest[0].lower == "that" and len(rest) > 1 else rest[0]
        content = (first.start, _end_of(seg, sentence))
    else:
        comma = text.rfind(",", sentence.start, item.source[0])
        if comma < 0:
            return None
        content = (sentence.start, comma)
    return replace(item, source=source, content=content, directness="secondhand",
                   relays=(outlet, *[r for r in item.relays if r.start != outlet.start]), named_outlet=None,
                   written_source=None)


def _according_to_first(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'But according to Sarath, he actually has ...': the content follows the comma."""
    if seg.text[cue[0] : cue[1]].lower() != "according to" or item.source is None:
        return None
    opening = seg.tokens_in(sentence.start, cue[0])
    long_opening = len(opening) > 3 or any(t.lower not in _OPENING_WORDS for t in opening)
    if long_opening and not _opening_phrase(seg, opening):
        return _report_cut(seg, sentence, item, cue)
    after = seg.tokens_in(cue[1], sentence.end)
    comma = next((k for k, t in enumerate(after) if t.text == ","), None)
    if comma is None or comma == 0 or comma > 10 or len(_words(after[comma + 1 :])) < 3 \
            or seg.quote_at(after[comma].start) is not None:
        return None
    source = (after[0].start, after[comma - 1].end)
    if long_opening and after[comma + 1].lower in _APPOSITIVE_OPENERS:
        return None  # "At the heart of it, according to Dennis Ross, another former envoy, was ..."
    if any(t.lower in _AUXILIARIES for t in after[:comma]):
        return None  # "According to Mehra this clotting is a feature of ..., when": no comma after the source
    if item.source == source and item.content[0] >= after[comma].end:
        return None  # read right already (the content may stop earlier, at a quotation's end)
    content = (after[comma + 1].start, _end_of(seg, sentence))
    return replace(item, source=source, content=content, written_source=None)


# Words that open an adverbial phrase or clause before the sentence's subject.
_ADVERBIAL_OPENERS = _NOT_SUBJECT_START | _OPENING_WORDS | frozenset(
    "even additionally moreover furthermore overall instead nonetheless nevertheless likewise".split())


def _opening_phrase(seg: Segmentation, opening: list[Token]) -> bool:
    """ "Even so,", "Additionally, even if people try to sleep more,": adverbial phrases or clauses
    opening the sentence, each after a comma starting with an opener word, before "according to X,
    ..."; the sentence's own clause comes after. (Not "For these, Centerview earned $6m, according
    to ...": a clause of its own before the cue.)"""
    if not 2 <= len(opening) <= 25 or opening[-1].text != ",":
        return False
    before = seg.text[max(0, opening[0].start - 40) : opening[0].start].rstrip(" \t\"'“‘")  # a window, not a copy
    if before and before[-1] not in ".!?\n":
        return False  # the window cut the sentence: its start is not known
    pieces: list[list[Token]] = [[]]
    for t in opening[:-1]:
        if t.text == ",":
            pieces.append([])
        else:
            pieces[-1].append(t)
    return all(p and p[0].lower in _ADVERBIAL_OPENERS and p[0].lower not in _NOT_OPENERS for p in pieces)


_APPOSITIVE_OPENERS = frozenset({"a", "an", "another", "the", "one", "who", "which", "whose", "himself", "herself"})
_NOT_OPENERS = frozenset({"it", "there", "this", "that", "these", "those", "what", "here", "according"})


def _report_cut(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets) -> Found | None:
    """'..., according to a new report.': the rules cut the source at "report"; it runs to the end."""
    assert item.source is not None
    if item.content[1] > cue[0]:
        return None
    rest = seg.tokens_in(item.source[1], sentence.end)
    if not rest or rest[0].lower not in _REPORT_NOUNS:
        return None
    words: list[Token] = []
    for t in rest:
        if t.text in ",;:" or t.text in _DASHES or t.lower in _AUXILIARIES or len(words) >= 12:
            break
        words.append(t)
    words = _words(words)
    if not words:
        return None
    return replace(item, source=(item.source[0], words[-1].end), written_source=None)


def _said_of(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'"...," Representative King said of life before Fox News.' / 'X said of McNally: "..."'."""
    if verb not in _SAID:
        return None
    text = seg.text
    first = _first_token(seg, cue[1], sentence.end)
    if first is None or first.lower != "of":
        return None  # most "said": decided without the tokens of the rest of the sentence
    after = seg.tokens_in(cue[1], sentence.end)
    quotes = seg.quotes_in(sentence.start, sentence.end)
    before = [q for q in quotes if q.end <= cue[0]]
    later = [q for q in quotes if q.start >= cue[1]]
    colon = next((t for t in after if t.text == ":"), None)
    if colon is not None and later and later[0].start >= colon.end:
        # 'X said of McNally: "..."' — the speaker is the subject before the cue.
        subject = seg.tokens_in(sentence.start, cue[0])
        if not subject or seg.quote_at(subject[0].start) is not None:
            return None
        while subject and subject[-1].text == ",":
            subject = subject[:-1]
        if not subject:
            return None
        source = (subject[0].start, subject[-1].end)
        if not _words(subject) or len(_words(subject)) > 20:
            return None
        quote = later[0]
        return replace(item, source=source, content=(quote.inner_start, quote.inner_end),
                       directness="direct_quote", written_source=None)
    if before and item.source is not None and item.source[1] <= cue[0] and item.content[0] >= cue[1]:
        # '"...," X said of Y.' — the quotation is the content.
        quote = before[-1]
        end = quote.inner_end
        while end > quote.inner_start and text[end - 1] in ",;: ":
            end -= 1
        return replace(item, content=(quote.inner_start, end), directness="direct_quote")
    return None


def _dateline_in_source(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'LONDON (Reuters) - Donald Trump said': the speaker starts after the dateline's dash."""
    if item.source is None or item.source[1] > cue[0] or ")" not in seg.text[item.source[0] : item.source[1]]:
        return None
    tokens = seg.tokens_in(item.source[0], item.source[1])
    for k in range(min(len(tokens) - 1, 8)):
        if tokens[k].text == ")" and tokens[k + 1].text in _DASHES and k + 2 < len(tokens) \
                and tokens[k + 2].text[:1].isupper():
            start = tokens[k + 2].start
            if item.named_outlet is not None and item.named_outlet.end <= start:
                # The agency of the dateline is no speaker; it relays the whole article.
                directness = "indirect" if item.directness == "secondhand" and not item.relays else item.directness
                return replace(item, source=(start, item.source[1]), named_outlet=None, directness=directness,
                               written_source=None)
            return replace(item, source=(start, item.source[1]), written_source=None)
    return None


def _said_speaking(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'"My read of it is ...," the official said, speaking on condition of anonymity ...'.

    A participle after the cue ("speaking", "declining", "asking") describes the speaker; what
    was said is the quotation before.
    """
    if verb not in _SAID or item.source is None or item.source[1] > cue[0] or item.content[0] < cue[1]:
        return None
    after = seg.tokens_in(cue[1], sentence.end)
    # The comma may be missing: '"...," she said marveling at the results.'
    if len(after) < 2 or not (_speaker_participle(after[1]) if after[0].text == "," else _speaker_participle(after[0])):
        return None
    quotes = [q for q in seg.quotes_in(sentence.start, item.source[0]) if q.end <= item.source[0]]
    if not quotes:
        return None
    quote = quotes[-1]
    gap = seg.text[quote.end : item.source[0]].strip()
    if gap not in ("", ",") or not (gap or seg.text[quote.inner_start : quote.inner_end].rstrip().endswith(",")):
        return None  # the source must follow the quotation's comma directly
    end = quote.inner_end
    while end > quote.inner_start and seg.text[end - 1] in ",;: ":
        end -= 1
    return replace(item, content=(quote.inner_start, end), directness="direct_quote")


def _said_then_time(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> tuple[list[Token], int] | None:
    """For a speaker's "said" with its content after it: the sentence's tokens after the cue, and
    how many of them make a time phrase ("on Tuesday", "on Nov. 3"); None for any other reading."""
    if verb not in _SAID or item.source is None or item.source[1] > cue[0] or item.content[0] < cue[1]:
        return None
    after = seg.tokens_in(cue[1], min(sentence.end, cue[1] + 80))
    k = 0
    while k < len(after) and k < 6 and (after[k].lower in _TIME_PHRASE_WORDS or after[k].text.isdigit()):
        k += 1
    return after, k


def _said_time_then_aside(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> Found | None:
    """'There are signs that ..., two epidemiologists said on Tuesday, though they cautioned that ...'.

    After a time phrase, a comma and a conjunction open a clause of its own (a statement the
    rules read apart); what was said is the clause before the speaker's comma.
    """
    timed = _said_then_time(seg, sentence, item, cue, verb)
    if timed is None or item.source is None:  # (checked there already: this tells the type checker)
        return None
    after, k = timed
    if k == 0 or k + 1 >= len(after) or after[k].text != "," or after[k + 1].lower not in _ASIDE_CONJUNCTIONS:
        return None
    before = seg.tokens_in(sentence.start, item.source[0])
    if len(before) < 4 or before[-1].text != ",":
        return None
    start = sentence.start
    dateline = _DATELINE.match(seg.text, start, before[-1].start)
    if dateline is not None:
        start = dateline.end()  # "LONDON (Reuters) - There are signs ...": the dateline is no part of it
    content = _trim_span(seg.text, start, before[-1].start)
    return replace(item, content=content) if content[1] - content[0] >= 8 else None


# "LONDON (Reuters) - ", "WASHINGTON (AP) — ": a wire dateline opening a sentence.
_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{0,40}\([^()]{1,30}\)\s{0,3}[-–—]+\s")
_ASIDE_CONJUNCTIONS = frozenset({"though", "although", "but", "while", "whereas", "yet"})


def _participle_subject(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'Democrats trying to regain control of the Senate in November say they ...'.

    A subject with a participle clause after it: the rules keep the clause's last noun phrase
    ("the Senate in November"); the subject is the words before the participle.
    """
    if verb not in _SAID_OR_TOLD or item.source is None or item.source[1] > cue[0] \
            or item.source[0] <= sentence.start:
        return None
    if seg.text.find("ing ", sentence.start, item.source[0]) < 0:
        return None  # no participle before the source words (most statements): no tokens needed
    before = seg.tokens_in(sentence.start, item.source[0])
    p = next((k for k, t in enumerate(before[:4]) if t.lower.endswith("ing") and t.text[:1].islower()), None)
    if not p or not before[0].text[:1].isupper() or before[0].lower in _NOT_SUBJECT_START \
            or any(not t.text[:1].isalnum() for t in before) or any(t.lower in _AUXILIARIES for t in before) \
            or not all(t.text[:1].isalpha() for t in before[:p]) or before[p].lower in _NOT_PARTICIPLES \
            or any(t.lower in _SUBJECT_PRONOUNS or t.lower in ("am", "be", "been", "being") for t in before[:p]) \
            or before[p - 1].lower in _DETERMINERS:
        return None  # not "I am suggesting that ...", "A ..."
    return replace(item, source=(before[0].start, before[p - 1].end), written_source=None)


def _quotation_before_speaker(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> Found | None:
    """'"...," Trump recounted in an April 14 briefing.' / '"...," Carson tells Breitbart News, responding to ...'.

    A quotation closed by its comma right before the speaker is what the speaker said; words after
    the cue that open with a preposition, a participle or a listener are the occasion, not the
    content. (A clause after the cue — "that ...", a pronoun, another quotation — is left alone.)
    """
    if item.source is None or item.source[1] > cue[0] or item.content[0] < cue[1] \
            or seg.text[item.source[1] : cue[0]].strip():  # the cue right after its speaker
        return None
    first = _first_token(seg, item.content[0], item.content[1])
    if first is None or not (first.lower in _OCCASION_WORDS or _speaker_participle(first)):
        return None
    quotes = [q for q in seg.quotes_in(max(sentence.start, item.source[0] - 400), item.source[0])
              if q.end <= item.source[0] and q.closed]
    if not quotes:
        return None
    quote = quotes[-1]
    gap = seg.text[quote.end : item.source[0]].strip()
    inner = seg.text[quote.inner_start : quote.inner_end].rstrip()
    if not (gap == "," or (gap == "" and inner.endswith(","))) or len(inner.split()) < 3:
        return None  # not a scare quote ("looked ashen")
    end = quote.inner_end
    while end > quote.inner_start and seg.text[end - 1] in ",;: ":
        end -= 1
    return replace(item, content=(quote.inner_start, end), directness="secondhand" if item.relays or
                   item.named_outlet is not None else "direct_quote")


def _name_before_open_appositive(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> Found | None:
    """'"...!" John Burke, a college student visiting the center stated to ABC News.'

    An appositive whose closing comma the writer left out: the rules start the source at its
    article ("a college student ..."), losing the name before the comma. The name (capitalised
    words, the first a given name) opens the sentence or follows a closing quotation mark.
    """
    if item.source is None or item.source[1] > cue[0] or item.content[0] < item.source[0] <= item.content[1]:
        return None
    first = _first_token(seg, item.source[0], item.source[1])
    if first is None or first.lower not in ("a", "an", "the"):
        return None
    before = seg.tokens_in(max(sentence.start, item.source[0] - 80), item.source[0])
    if len(before) < 3 or before[-1].text != ",":
        return None
    k = len(before) - 1
    while k > 0 and before[k - 1].text[:1].isupper() and before[k - 1].text.isalpha():
        k -= 1
    name = before[k:-1]
    opens = k == 0 or before[k - 1].text in _QUOTE_MARKS
    # Not an opening phrase of time or place ("In June, the senator"): "In", "June" and "May" are
    # in the Census list of given names too.
    if not (2 <= len(name) <= 4 and opens and name[0].lower in given_names()) \
            or any(t.lower in function_words() or t.lower in _MONTHS for t in name) \
            or item.content[0] < name[0].start < item.content[1]:
        return None
    return replace(item, source=(name[0].start, item.source[1]), written_source=None)


_MONTHS = frozenset("""january february march april may june july august september october november
    december""".split())


# First words of the words after a cue that tell the occasion, not what was said.
_OCCASION_WORDS = frozenset("""in at during on with after before while when from for to via""".split())


def _clause_after_opening(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> Found | None:
    """'And as they prepare for the session, Republicans said Thursday they are willing to ...'.

    The rules took the opening clause (before the speaker's comma) for the content; when it
    opens with a subordinator or linking word and a pronoun or "that" follows the cue (after a
    time phrase), the clause after the cue is what was said. Also "X explained to her the
    following: “...”" and 'X said as he ..., "..."': a quotation after the cue is the content.
    """
    if verb not in _SAID_OR_VENUE or item.source is None or item.source[1] > cue[0] \
            or item.content[1] > item.source[0] or item.continuation is not None \
            or seg.quote_at(item.content[0]) is not None:
        return None  # not '"A," he said, "B."', nor "A, the lawyers said, B": the content is both
    opening = seg.tokens_in(item.content[0], item.content[1])
    if not opening or not (opening[0].lower in _NOT_SUBJECT_START or opening[0].lower in _OPENING_WORDS
                           or (opening[0].text[:1].isupper() and opening[0].lower.endswith(("ing", "ed")))):
        return None  # "At a rally, ...", "Asked about it, ...", "Holding a book, ...": an opening phrase
    after = seg.tokens_in(cue[1], min(sentence.end, cue[1] + 200))
    quotes = [q for q in seg.quotes_in(cue[1], sentence.end) if q.start >= cue[1] and q.closed]
    if quotes:
        # A quotation after a colon, or after a comma that ends a clause about the speaker.
        quote = quotes[0]
        mark = seg.text[cue[1] : quote.start].rstrip()
        if mark.endswith((":", ",")) and len(seg.text[quote.inner_start : quote.inner_end].split()) >= 4:
            end = quote.inner_end
            while end > quote.inner_start and seg.text[end - 1] in ",;: ":
                end -= 1
            return replace(item, content=(quote.inner_start, end), directness="direct_quote")
    k = 0
    while k < len(after) and k < 6 and (after[k].lower in _TIME_PHRASE_WORDS or after[k].text.isdigit()):
        k += 1
    if k >= len(after) or after[k].lower.replace("’", "'").split("'")[0] not in (_SUBJECT_PRONOUNS | {"that"}):
        return None
    start = after[k + 1].start if after[k].lower == "that" and k + 1 < len(after) else after[k].start
    return replace(item, content=(start, _end_of(seg, sentence)))


def _speaker_participle(token: Token) -> bool:
    """ "speaking", "eliciting", "referring", "adding": a participle clause about the speaker or the scene."""
    return token.lower in _SPEAKER_PARTICIPLES or (
        token.lower.endswith("ing") and token.text[:1].islower() and token.lower not in _NOT_PARTICIPLES)


def _said_when_then_clause(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> Found | None:
    """'Adelson said on Friday he met Trump ... and that ...': the content starts at "he", after the time."""
    timed = _said_then_time(seg, sentence, item, cue, verb)
    if timed is None or item.source is None:  # (checked there already: this tells the type checker)
        return None
    after, k = timed
    if k == 0 or k >= len(after) or after[k].lower.replace("’", "'").split("'")[0] not in _SUBJECT_PRONOUNS:
        return None
    start = after[k].start
    if item.content[0] == start or item.content[1] <= start:
        return None
    return replace(item, content=(start, item.content[1]))


def _venue_relay(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'Zhirinovsky said on state television', 'has said in an interview to the Figaro newspaper'.

    The outlet a speaker speaks on or to, right after the cue, relays the statement (a pundit on
    state TV is relayed by state media); also an opening "In an interview with X," before it.
    """
    if verb not in _SAID_OR_VENUE or item.source is None:
        return None
    after = seg.tokens_in(cue[1], min(sentence.end, cue[1] + 120))
    relay = _venue(seg, after)
    if relay is None:
        opening = seg.tokens_in(sentence.start, min(cue[0], item.source[0], sentence.start + 120))
        relay = _venue(seg, opening)
    if relay is None or any(r.start == relay.start for r in item.relays) or (
            item.named_outlet is not None and item.named_outlet.start == relay.start):
        return None
    directness = relayed(item.directness)
    source = item.source
    if cue[1] <= source[0] < relay.start:
        # '"...," said Graham in an interview on WEHW radio': the venue is no part of the speaker.
        inside = seg.tokens_in(source[0], min(source[1], relay.start))
        cut = next((k for k in range(1, len(inside)) if inside[k].lower in _VENUE_PREPOSITIONS
                    and all(t.lower in _VENUE_WORDS or t.lower in _VENUE_PREPOSITIONS for t in inside[k:])), None)
        if cut is not None:
            source = (source[0], inside[cut - 1].end)
        elif relay.start < source[1]:
            return None
    return replace(item, source=source, relays=(*item.relays, relay), directness=directness)


def _outlet_in_aside(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'"...," said Fauci, who was named a candidate for People magazine's award.'

    An outlet inside a relative clause about the speaker describes the speaker; it neither
    speaks nor relays. The speaker is the name before the clause.
    """
    outlet = item.named_outlet
    if outlet is None or item.source is None or not item.source[0] < outlet.start < item.source[1]:
        return None
    inside = seg.tokens_in(item.source[0], outlet.start)
    comma = next((k for k in range(1, len(inside) - 1) if inside[k].text == ","
                  and inside[k + 1].lower in _RELATIVE_WORDS), None)
    if comma is None:
        return None
    source = (item.source[0], inside[comma - 1].end)
    if any(t.lower in _SPOKE_TO for t in inside[comma + 2 :]):
        # "Darwei Kung, ..., who spoke with MarketWatch, said": the outlet spoken to relays.
        return replace(item, source=source, named_outlet=None, relays=(*item.relays, outlet),
                       directness="secondhand", written_source=None)
    directness = item.directness
    if directness == "secondhand" and not item.relays:
        directness = "direct_quote" if seg.quote_at(item.content[0]) is not None else "indirect"
    return replace(item, source=source, named_outlet=None, directness=directness, written_source=None)


_RELATIVE_WORDS = frozenset({"who", "whose", "whom", "which"})


def _document_seen_by(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'according to a copy of the letter viewed by The Verge', 'the report seen by Reuters said'.

    The document speaks; the outlet that saw or obtained it relays it (the rules read the outlet
    in the source words as the source itself).
    """
    outlet = item.named_outlet
    if outlet is None or item.source is None:
        return None
    words = seg.tokens_in(item.source[0], item.source[1])
    k = next((k for k in range(1, len(words) - 2) if words[k].lower in _SEEN and words[k + 1].lower == "by"), None)
    if k is None:
        return None
    after_by = words[k + 2 :]
    if after_by[0].lower == "the" and len(after_by) > 1 and after_by[1].start <= outlet.start:
        after_by = after_by[1:]
    if not after_by[0].start <= outlet.start < after_by[0].end + 1 and after_by[0].start != outlet.start:
        return None  # the outlet must be what saw it: "viewed by | The Verge"
    return replace(item, source=(words[0].start, words[k - 1].end), named_outlet=None,
                   relays=(*item.relays, outlet), directness="secondhand", written_source=None)


# "seen by Reuters", "obtained by CNN": an outlet that has the document relays it.
_SEEN = frozenset({"seen", "viewed", "obtained", "reviewed", "acquired", "examined"})
# Verbs of an aside that make the outlet in it the one spoken to: "who spoke to The Verge".
_SPOKE_TO = frozenset({"spoke", "speaking", "talked", "told", "shared", "gave"})


def _opening_phrase_in_source(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> Found | None:
    """'On Tuesday, during a campaign rally, Trump said ...': the speaker follows the phrase's comma.

    The rules can take a prepositional phrase that opens the sentence into the source words;
    its nouns then decide the kind ("campaign" made Trump an organisation).
    """
    if item.source is None or item.source[1] > cue[0]:
        return None
    tokens = seg.tokens_in(item.source[0], item.source[1])
    if len(tokens) < 4 or tokens[0].lower not in _OPENING_PREPOSITIONS:
        return None
    comma = max((k for k, t in enumerate(tokens) if t.text == ","), default=None)
    if comma is None or comma + 1 >= len(tokens):
        return None
    first = tokens[comma + 1]
    if not (first.text[:1].isupper() or first.lower in _SUBJECT_PRONOUNS):
        return None  # "In Ohio, a state ..., officials": a lower-case start may be the phrase's own words
    return replace(item, source=(first.start, item.source[1]), written_source=None)


def _adverb_as_source(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'the Florida Republican would only say that ...': the adverb between the modal and the verb
    is no speaker; the subject before the modal is, and the cue runs from the modal."""
    if item.source is None or item.source[1] > cue[0]:
        return None
    words = seg.tokens_in(item.source[0], item.source[1])
    if len(words) != 1 or words[0].lower not in _CUE_ADVERBS:
        return None
    before = seg.tokens_in(max(sentence.start, item.source[0] - 160), item.source[0])
    if len(before) < 2 or (before[-1].lower not in _AUXILIARIES and before[-1].lower not in _MODALS):
        return None
    k = len(before) - 1  # the subject runs back from the modal to a comma or the sentence start
    while k > 0 and before[k - 1].text[:1].isalnum() and len(before) - k < 8:
        k -= 1
    if k == len(before) - 1 or (k > 0 and before[k - 1].text != ","):
        return None  # no words between, or no clear start of the subject
    if before[k].lower in _NOT_SUBJECT_START:
        return None
    return replace(item, source=(before[k].start, before[-2].end), cue=(before[-1].start, cue[1]),
                   written_source=None)


def _weekday_in_source(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'The Frontera Farmer Foundation, the non-profit ..., on Monday announced ...' / 'The IPPF,
    in a new report Thursday says ...': a weekday read as the whole source is when, not who; the
    subject is the name that opens the sentence, up to its first comma."""
    if item.source is None or item.source[1] > cue[0]:
        return None
    words = seg.tokens_in(item.source[0], item.source[1])
    if not words or words[-1].text.lower() not in _DAY_NAMES or not words[-1].text[:1].isupper():
        return None
    if len(words) > 1:
        return None  # "The governor's office Friday": PolNeAR's source spans keep the day
    before = seg.tokens_in(sentence.start, item.source[0])
    comma = next((k for k, t in enumerate(before) if t.text == ","), None)
    if comma is None or not 1 <= comma <= 8:
        return None
    subject = before[:comma]
    while subject and (subject[0].text in _QUOTE_MARKS or subject[0].lower in _OPENING_WORDS):
        subject = subject[1:]
    if not subject or not subject[0].text[:1].isupper() or subject[0].lower in _NOT_SUBJECT_START \
            or not all(t.text[:1].isalnum() or t.text in ("'s", "’s", "-", "&", ".") for t in subject) \
            or any(t.lower in _AUXILIARIES or t.lower in _SUBORDINATORS for t in subject):
        return None
    return replace(item, source=(subject[0].start, subject[-1].end), written_source=None)


_CUE_ADVERBS = frozenset({"only", "also", "simply", "just", "merely", "still", "later", "then", "again", "further"})
_MODALS = frozenset({"would", "could", "will", "can", "did", "does", "do", "might", "should", "shall"})


def _coordinated_subject(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> Found | None:
    """'President Barack Obama met survivors ... on Thursday and said the United States must ...'.

    A speech verb with no subject of its own after "and" shares the subject that opens the
    sentence (after an opening phrase and its comma, or a wire dateline): a name, capitalised
    words with titles ("Sen. Ted Cruz"), or a subject pronoun. The rules read no speaker at all.
    """
    if item.source is not None or verb not in _COORDINATED_VERBS or item.directness != "vague":
        return None
    start = sentence.start
    dateline = _DATELINE.match(seg.text, start, cue[0])
    if dateline is not None:
        start = dateline.end()
    before = seg.tokens_in(start, cue[0])
    if len(before) < 4 or before[-1].lower != "and" or len(before) > 60:
        return None
    k = 0
    close = next((j for j, t in enumerate(before[:6]) if t.text == ")"), None)
    if before[0].text == "(" and close is not None and before[close + 1].text in _DASHES:
        k = close + 2  # "(Reuters) - Obama met ..." (no city before the agency)
    opening = next((j for j, t in enumerate(before[:12]) if t.text == ","), None)
    if k == 0 and before[0].lower in _OPENING_PREPOSITIONS and opening is not None:
        k = opening + 1  # "On Thursday, Obama met ... and said"
    if k >= len(before) - 2:
        return None
    first = before[k]
    if first.lower in ("he", "she", "they"):
        end = k + 1
    else:
        end = k
        while end < len(before) - 1 and (before[end].text[:1].isupper() or before[end].text == "."):
            end += 1
        if end == k or first.lower in _NOT_SUBJECT_START or (first.lower in ("the", "a", "an") and end == k + 1):
            return None  # not "The report was read and said nothing"
    if end >= len(before) - 1 or not before[end].text[:1].islower() or before[end].lower in _AUXILIARIES:
        return None  # the subject is followed by its own verb ("met"), lower-case
    if any(t.text in ";:" or t.lower in _SUBJECT_PRONOUNS for t in before[end:-1]):
        return None  # another clause with a subject of its own between
    quoted = seg.quote_at(item.content[0]) is not None
    return replace(item, source=(before[k].start, before[end - 1].end),
                   directness="direct_quote" if quoted else "indirect", written_source=None)


_COORDINATED_VERBS = frozenset("""said says told tells argued argues added adds claimed claims wrote explained
    insisted noted stated warned announced""".split())


def _said_to_outlet(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'Klaus Bouillon ... also said to Saarland radio: “We must ...”': the outlet spoken to relays.

    The rules take "said to" for the cue and the outlet for the start of what was said.
    """
    if verb != "to" or item.source is None or item.content[0] < cue[1]:
        return None
    after = seg.tokens_in(cue[1], min(item.content[1], cue[1] + 80))
    recipient = _recipient_outlet(seg, after)
    if recipient is None:
        return None
    outlet, j = recipient
    while j < len(after) and (after[j].text in (":", ",", "that") or after[j].text in _QUOTE_MARKS):
        j += 1
    if j >= len(after) or any(r.start == outlet.start for r in item.relays):
        return None
    directness = relayed(item.directness)
    return replace(item, content=_trim_span(seg.text, after[j].start, item.content[1]), relays=(*item.relays, outlet),
                   directness=directness, written_source=None)


# Prepositions that open a phrase of time or place before the subject ("During the debate, X said").
_OPENING_PREPOSITIONS = frozenset({"during", "at", "in", "on", "after", "before", "following", "amid", "since",
                                   "throughout", "inside", "outside"})


def _venue(seg: Segmentation, tokens: list[Token]) -> OutletMention | None:
    """An outlet after "on", "to", "with" or "during" among the first words (an interview or the like between)."""
    for k, token in enumerate(tokens[:10]):
        if token.lower not in _VENUE_PREPOSITIONS or (k and tokens[k - 1].text[:1].isalnum()
                                                       and tokens[k - 1].lower not in _VENUE_WORDS
                                                       and tokens[k - 1].lower not in _TIME_PHRASE_WORDS):
            # Only a preposition opening the words or a phrase ("On Monday night, in an ..."), or
            # after a time ("said Friday on NPR’s ...", "said Wednesday morning on MSNBC").
            # "Speaking with NME, X said", also after an opening word: "But, appearing on CNN, X said".
            if not (k >= 1 and tokens[k - 1].lower in _VENUE_PARTICIPLES
                    and all(t.lower in _OPENING_WORDS for t in tokens[: k - 1])):
                continue
        j = k + 1
        while j < len(tokens) and j - k <= 5 and (tokens[j].lower in _VENUE_WORDS
                                                  or tokens[j].lower in _VENUE_PREPOSITIONS):
            j += 1
        if j >= len(tokens) or (j == k + 1 and token.lower in ("in", "during")):
            continue  # "said in Ohio": a place, not a venue
        # The registry's outlets, and names with an outlet word ("the Daily Planet").
        start = j - 1 if tokens[j - 1].lower == "the" else j
        recipient = _recipient_outlet(seg, tokens[start : start + 8])
        if recipient is not None:
            return recipient[0]
    return None


def _anonymous_subject(seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str) -> Found | None:
    """'A person familiar with the planning for Thursday's meeting says ...': the whole phrase speaks.

    The rules keep only the last noun phrase ("Thursday's meeting"); a subject that opens the
    sentence and links its head to that phrase ("familiar with", "close to", "briefed on") is the
    speaker.
    """
    if item.source is None or item.source[1] > cue[0] or item.source[0] <= sentence.start:
        return None
    before = seg.tokens_in(sentence.start, item.source[0])
    if not 2 <= len(before) <= 12 or any(not t.text[:1].isalnum() and t.text not in ("'s", "’s") for t in before):
        return None
    if not any(before[j].lower in _ANONYMOUS_LINK and before[j + 1].lower in _LINK_PREPOSITIONS
               for j in range(len(before) - 1)):
        return None
    if before[0].lower in _NOT_SUBJECT_START:
        return None
    return replace(item, source=(before[0].start, item.source[1]), written_source=None)


# Unions the rules test against, made once (not per statement).
_SAID_OR_TOLD = _SAID | _TOLD
_SAID_OR_VENUE = _SAID | _VENUE_VERBS
_REPORT_OPENERS = _DETERMINERS | _REPORT_NOUNS

def _source_after_stripped_comma(
    seg: Segmentation, sentence: Sentence, item: Found, cue: _Offsets, verb: str
) -> Found | None:
    """'Excluding costs and businesses it has sold or closed  LSE said': where an archive left two
    spaces for a stripped comma (see :func:`_speaker_after_stripped_comma`), or after a dash closing
    an aside, the speaker starts after them."""
    if item.source is None:
        return None
    text = seg.text
    at = text.rfind("  ", item.source[0], item.source[1])
    dash = at <= item.source[0] or not text[at - 1].isalnum()
    if dash:
        # "In a briefing -- the first since X took over in March -- senior aides insisted": the
        # speaker starts after a dash that closes an aside.
        words = text[item.source[0] : item.source[1]]
        if "-" not in words and "—" not in words and "–" not in words:
            return None  # most sources: no dash at all
        at, mark = max((text.rfind(f" {m} ", item.source[0], item.source[1]), m) for m in ("--", "—", "–"))
        # Only an aside the dashes open and close before the cue, and a short speaker after it.
        if at <= item.source[0] or item.source[1] > cue[0] or text.find(f" {mark} ", sentence.start, at) < 0 \
                or "," in text[at : item.source[1]] or text.count(" ", at + 3, item.source[1]) > 4:
            return None
    start = at + 1
    while start < item.source[1] and (text[start].isspace() or text[start] in "-—–"):
        start += 1
    # A speaker starts with a capital ("LSE") or an article ("the company"), or after a dash with
    # any word ("senior aides"); "an  interview himself" or "support  --" is a typing slip.
    if not (text[start : start + 1].isupper() or text[start : item.source[1]].lower().startswith(("the ", "a ", "an "))
            or (dash and text[start : start + 1].isalpha())):
        return None
    return replace(item, source=(start, item.source[1]), written_source=None)


_RULES = (_coordinated_subject, _said_to_outlet, _dateline_in_source, _opening_phrase_in_source, _adverb_as_source,
          _weekday_in_source,
          _source_after_stripped_comma,
          _relative_clause_subject, _told_outlet, _told_listener,
          _quoted_as_saying,
          _according_to_first, _said_of, _said_speaking, _said_when_then_clause, _said_time_then_aside,
          _quotation_before_speaker, _clause_after_opening, _outlet_in_aside, _document_seen_by, _venue_relay,
          _anonymous_subject, _participle_subject, _name_before_open_appositive)
