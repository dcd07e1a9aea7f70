"""Stage 3: resolve the words naming a source into :class:`~reliability.Source` records.

Mentions of one entity are clustered ("Igor Korotchenko", "Korotchenko", "he"); pronouns and
bare descriptions ("the minister") refer back to the last named speaker. Kinds come from the
outlet registry and from role words ("ambassador" → official, "expert" → expert); unnamed
plural sources ("reports", "sources", "officials") are anonymous, and so is one unnamed holder
of a role among many ("a Finance Ministry official"); a country's name is its government
(official). docs/concepts.md lists the rules; docs/sources-evaluation.md how well they work.
Relays named beside a speaker
("on Russian Channel", "via state TV") become sources of their own, linked by ``affiliated_with``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

# Who denies a report is no relay of it; a day's name is when, not who (the repairs' lists).
from ._attribution_repairs import _DAY_NAMES, _DENIALS
from ._attributions import _QUANTITY_NOUNS, Found
from ._exceptions import InputError
from ._mojibake import repair_marks
from ._outlets import OutletMention, find_outlets, outlet_for_url
from ._records import ARTICLE_SOURCE_ID, Source, SourceKind, Span
from ._resources import _lines, function_words, given_names, lexicons
from ._segmentation import Segmentation, Token, tokenize

if TYPE_CHECKING:
    from ._html import Link

__all__ = ["Resolution", "resolve_sources"]

_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "i", "we"})
# Third-person pronouns that can stand for someone the text names only later (or never): "I"
# and "we" before any named speaker are the writer, whose statements are the article's own.
_THIRD_PERSON = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "unknown"}
# A pronoun before any named speaker is resolved forward to the first named speaker that
# follows within this many characters ('"It will fail," she said. Maria Lopez, the mayor, said').
_FORWARD_REACH = 300
# A relative clause in the words naming a source is an aside about the speaker, not the
# speaker: "The senator, who replaced Ruth Bell, said" is the senator.
_RELATIVE = frozenset({"who", "whom", "whose", "which"})
# Party labels in apposition: "Senator Dianne Feinstein, Democrat of California".
_PARTIES = frozenset({"democrat", "democratic", "republican", "independent", "libertarian", "conservative",
                      "labour", "liberal", "green"})
# Capitalised words that open sentences without being names ("When Donald Trump ...", "In May").
_OPENERS = frozenset(
    """although when while whilst in on at after before but and or if as since because though so
    yet then now also still however meanwhile for from by with without during under over about
    it its this that these those there here what who why how i we you my our his her their""".split()
)
_ANONYMOUS = frozenset(
    """sources source reports report rumors rumours insiders officials people experts analysts
    critics observers some many others someone witnesses residents authorities""".split()
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# A newsroom named by its kind alone ("the magazine", "the network"): an outlet. Not "paper" (a
# study too) nor "outlet" (read as an outlet already).
_NEWSROOM_NOUNS = frozenset({"magazine", "mag", "newspaper", "tabloid", "network", "broadcaster", "website",
                             "publication", "daily", "weekly", "station"})
# Heads for news media as a whole, and the words that may stand before them with no name.
_GENERIC_MEDIA = frozenset({"media", "press", "outlets", "newspapers", "tabloids", "broadcasters"})
_MEDIA_QUALIFIERS = frozenset({"mainstream", "local", "national", "international", "foreign", "western", "news",
                               "media", "some", "several", "many", "other", "major", "liberal", "conservative",
                               "social", "online", "u.s", "the", "of"})  # nationalities: the demonyms lexicon
# Adverbs (not in -ly) that open a sentence before its subject: "Later that week, he said".
_OPENING_ADVERBS = frozenset(
    "later earlier yesterday today tonight tomorrow afterwards afterward instead again once soon last next first"
    .split()
)
_INDEFINITE = frozenset({"a", "an", "one", "another"})
# How far back (characters) an outlet that spoke can still be "it": the next sentence or two, not
# a later paragraph about something else ("The Japanese constitution ... it does say").
_IT_REACH = 250
_NAME_LINKS = frozenset({"and", "of", "the", "in", "&"})  # "Citizens for Responsibility and Ethics in Washington"
# Words that go on a title after a role word: "Chief Executive", "Chief Operating Officer".
_TITLE_WORDS = frozenset({"executive", "operating", "financial", "technology", "information", "marketing"})
_PLACE_PREPOSITIONS = frozenset({"at", "in", "during", "after", "before", "outside", "inside", "near"})
_POSSESSIVE_DETERMINERS = frozenset({"my", "your", "his", "her", "its", "our", "their"})
# Nouns for people that are no role: "the couple said", "the retired neurosurgeon said".
_PERSON_NOUNS = frozenset(
    """couple man woman boy girl mother father son daughter wife husband brother sister
    grandmother grandfather mom dad parent actor actress singer star rapper comedian model
    athlete player coach nurse surgeon neurosurgeon teacher student owner driver
    resident victim witness survivor patient pastor priest neighbor neighbour customer shopper
    farmer chef writer author artist musician child kid teen teenager baby boyfriend girlfriend
    fiance fiancé fiancee fiancée duo trio pair investor commenter viewer reader listener caller visitor
    tourist passenger employee worker voter user fan friend relative participant respondent
    bystander passerby adult mistress lover widow widower mogul tycoon magnate businessman businesswoman
    entrepreneur billionaire millionaire celebrity socialite heiress presenter producer filmmaker designer
    dancer songstress hitmaker frontman frontwoman supermodel principal superintendent landlady veteran
    detective homeowner landlord""".split()
)
# Nouns for a group of people that a later "they" can stand for ("The family ..., which they said").
_COLLECTIVE_PEOPLE = frozenset({"family", "couple", "duo", "trio", "pair"})
# Capitalised only at a sentence start: "Many Democrats say".
_QUANTIFIERS = frozenset({"many", "some", "most", "other", "all", "both", "several", "few", "more"})
# Words that take a capital only from opening the sentence, never a name's first word.
_OPENING_NOT_NAME = _INDEFINITE | _QUANTIFIERS | frozenset(
    {"about", "each", "every", "nearly", "almost", "only", "just", "roughly", "around", "over", "fewer"})
_HOLDER_PREPOSITIONS = frozenset({"of", "for", "at", "in", "from", "with"})
# Unnamed people described only by their relation to something ("a Warren adviser", "the
# employee"): anonymous unless a role word gives them a kind.
_UNNAMED_PEOPLE = frozenset(
    """adviser advisor aide employee staffer insider source sources person people friend friends
    relative relatives acquaintance associate associates confidant confidants colleague
    colleagues member members worker workers spy spies informant informants whistleblower
    whistleblowers tipster tipsters""".split()
)
# Plural heads naming an unnamed group: "Trump aides", "his advisers", "Sanders supporters". Only
# as the head word ("She then addressed the supporters" is still "She").
_UNNAMED_GROUPS = frozenset(
    """aides advisers advisors employees staffers insiders allies supporters opponents men women parents
    community communities""".split()
)
_LINKING = frozenset({"to", "of", "for", "the", "at", "in"})
_APPOSITIVE_STARTS = frozenset({"a", "an", "the", "head", "former", "senior", "chief", "one", "another"})
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december""".split()
)
_HEAD_PREPOSITIONS = frozenset(
    {"in", "at", "of", "from", "close", "inside", "within", "familiar", "near", "on", "with", "around", "across"}
)
# Words after an unnamed source that withhold the name ("spoke on condition of anonymity").
_ANONYMITY = ("anonymity", "not authorized", "not authorised", "not to be named", "not to be identified",
              "declined to be named", "without being named", "on background", "not permitted to speak")
# Nouns for documents and studies: "FEC filings", "HSBC company records" speak for their author.
_DOCUMENT_WORDS = frozenset(
    """filing filings record records document documents data report reports study survey poll
    statement statistics figures release tracker analysis review affidavit affidavits indictment
    complaint lawsuit memo theory proposal counterproposal polls surveys analyses memos proposals""".split()
)
_TITLE_INITIALS = frozenset({"ceo", "cfo", "coo", "cto", "cmo"})
# Titles that make a capitalised name a person's even after "the" ("the Rev. X", "the Majority Leader").
_PERSON_TITLES = frozenset({"rev", "reverend", "father", "sister", "brother", "pope", "rabbi", "imam", "bishop",
                            "cardinal", "dr", "mr", "mrs", "ms", "sir", "dame", "lord", "lady", "leader", "whip",
                            "speaker", "chairman", "chairwoman", "honorable", "hon"})
# What newsrooms call their staff, beside the role lexicon's "analyst", "commentator", ...
_STAFF_TITLES = frozenset(
    "host anchor correspondent reporter contributor columnist editor presenter producer writer".split()
)
# Adjectives that open a sentence before a document noun, some of them Census surnames ("New",
# "Early"): before such a noun they name nobody.
_DOCUMENT_QUALIFIERS = frozenset({"new", "recent", "early", "earlier", "latest", "previous", "preliminary",
                                  "initial", "internal", "leaked", "several", "many", "other", "some", "multiple"})
# What a study or count found: with no author named ("industry estimates") it is anonymous.
# "studies" only here: as a document word it would name an organisation ("... Center for
# Nonproliferation Studies") and make "citing studies" a relay.
_FINDINGS = frozenset({"results", "findings", "numbers", "estimates", "projections", "studies"})
# Papers and copies that speak for an unnamed author ("a copy of the letter", "the email"); not
# document words for an organisation's name ("the Podesta emails" is no organisation).
_PAPERS = frozenset("""copy copies letter letters email emails draft drafts transcript transcripts picture
    pictures photo photos screenshot screenshots recording recordings log logs cable cables footage ad ads
    advertisement advertisements petition petitions column columns announcement announcements""".split())
_DOCUMENT_OR_FINDINGS = _DOCUMENT_WORDS | _FINDINGS | _PAPERS  # made once, not per source
_ORG_WORDS = frozenset(
    """ministry department agency office council committee party university institute company
    corporation group association foundation commission government administration police army
    military court bank organization organisation union campaign center centre media network
    federation league society laboratory laboratories lab hospital clinic school college
    academy research conference board bureau authority tribunal coalition alliance arena stadium
    museum airport zoo theatre theater cathedral library analysis analytics consulting partners
    capital holdings labs systems technologies solutions services insights associates
    communications fellowship church ministries trust fund inc inc. corp corp. ltd ltd. llc plc
    co. gmbh foods industries enterprises motors pharmaceuticals""".split()
)
# Words for a kind of organisation written straight before its name ("US bank Wells Fargo",
# "carmaker Ford"), beside _ORG_WORDS and _COMPANY_WORDS.
_ORG_APPOSITIVES = frozenset("""carmaker automaker supermarket supermarkets insurer lender giant chain maker
    publisher studio club team charity nonprofit non-profit broadcaster conglomerate pollster""".split())
# Leadership titles that make an official in government but an expert at a university or
# institute: "director of the Institute for Policy Integrity at New York University".
_LEADERSHIP = frozenset({"director", "head of", "chair", "chairman", "chairwoman", "president", "dean", "chief"})
_ACADEMIC = frozenset({"university", "college", "institute", "school", "academy", "laboratory", "research"})
# Titles that companies give their staff as well as governments theirs: beside a company word
# ("a customer support representative", "the company's vice-president") they name company staff,
# not a government official.
_CORPORATE_TITLES = frozenset({
    "representative", "vice-president", "vice president", "president", "director", "chairman", "chairwoman",
    "chair", "chief", "officer", "spokesman", "spokeswoman", "spokesperson", "deputy", "secretary", "head of",
})
_COMPANY_WORDS = frozenset(
    """company companies firm firms corporation corp. inc. inc llc ltd customer customers support sales
    marketing retailer airline airlines startup manufacturer carrier brand store restaurant hotel""".split()
)
# A relative clause that says what the speaker is or does ("Eric Herzik, who chairs the
# political science department at ...", "X, who was White House communications director")
# gives the speaker's kind even though it is cut from the name; the verb that opens it, mapped
# to the role it implies ("chairs" -> "chair"); "is", "was" take the role from the words after.
_ROLE_CLAUSE_VERBS: dict[str, str | None] = {
    "is": None, "was": None, "has": None, "had": None, "been": None, "became": None, "becomes": None,
    "serves": None, "served": None, "remains": None, "chairs": "chair", "chaired": "chair",
    "heads": "chief", "headed": "chief", "directs": "director", "directed": "director",
    "leads": "chief", "led": "chief", "teaches": "professor", "taught": "professor",
}
# Where a clause stops describing the speaker: "who is running for president" is no president.
_CLAUSE_STOPS = frozenset({"for", "against", "to", "with", "by", "about", "after", "before", "when", "since",
                           "than", "like", "that", "and", "but"})
_KIND_RANK: dict[str, int] = {"official": 3, "expert": 2, "organization": 1, "person": 0}


@dataclass(slots=True)
class _Cluster:
    id: str
    name: str
    kind: SourceKind
    mentions: list[tuple[int, int]] = field(default_factory=list)
    surname: str | None = None
    domain: str | None = None
    country: str | None = None
    state_affiliated: bool = False
    affiliated_with: str | None = None


@dataclass(slots=True)
class Resolution:
    """Sources of an article, and which source each statement and relay resolved to."""

    sources: list[Source]
    source_of: list[str | None]  # per Found: its source id
    relays_of: list[list[str]]  # per Found: ids of the relays it named, speaker to article
    article_relays: list[str]  # relays the article declares for statements naming none
    wire_relay: str | None = None  # the agency of a dateline ("MOSCOW (Sputnik) -"): relays everything
    cited_by: list[str | None] = field(default_factory=list)  # per Found: whom its source cites ("citing X")
    links: list[tuple[int, int, str]] = field(default_factory=list)  # hyperlink anchors: (start, end, source id)
    according: list[bool] = field(default_factory=list)  # per Found: its cue is "according to"
    denied: list[bool] = field(default_factory=list)  # per Found: its cue denies ("has denied reports that")


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Abbreviated titles, by the role word "the ..." uses for them ("Gov. Cole" is "the governor").
_ROLE_ALIASES = {"gov.": "governor", "sen.": "senator", "rep.": "representative", "pm": "minister",
                 "lt.": "lieutenant"}
# Role words that name no particular office: "the official said" may be any named official.
_GENERIC_HEADS = frozenset({"official", "officials", "expert", "experts", "spokesman", "spokeswoman",
                            "spokesperson", "source", "leader", "politician", "analyst", "lawmaker"})
# A full stop, "!", "?" or a line break followed by white space or the end of the text (``\s`` is
# ``str.isspace``).
_SENTENCE_STOP = re.compile(r"[.!?\n](?=\s|\Z)")


# The spaces the repaired copy pads a shortened mark or word with (see _mojibake), and any
# run of spaces beside them: one space in a name.
_PADDING = re.compile(" {2,}")


def _slug(name: str) -> str:
    return _NOT_SLUG.sub("_", name.lower()).strip("_") or "source"


class _Resolver:
    def __init__(self, text: str, segmentation: Segmentation | None = None) -> None:
        self.text = text
        # The tokens of a text with double-encoded marks are the repaired copy's (see _mojibake):
        # a name cut from a run of them reads the copy, whose offsets they index ("Sean O’Brien",
        # not the original's "Sean Oâ€™Bri"). The copy is ``text`` itself in the common case.
        self.words_text = repair_marks(text)
        self._repaired = self.words_text != text
        # The article's tokens, cut into the windows each rule reads (see ``tokens``); from the
        # segmentation when the caller has it, else tokenised once on first use.
        self._segmentation = segmentation
        self._all_tokens: list[Token] | None = segmentation.tokens if segmentation is not None else None
        self._starts: list[int] | None = segmentation.token_starts if segmentation is not None else None
        self.clusters: dict[str, _Cluster] = {}
        self.by_surname: dict[str, str] = {}
        self.last_speaker: str | None = None
        # What the named speaker set as ``last_speaker`` said in quotation marks: a pronoun inside
        # it is someone else.
        self._last_content: tuple[int, int] | None = None
        self.lex = lexicons()
        # Indexes that keep every lookup below independent of how many sources the text has
        # (a huge article naming thousands of people must stay linear time):
        self._next_suffix: dict[str, int] = {}  # slug -> the next "_n" worth trying
        self._state_media: list[str] = []  # state-media clusters, in creation order
        # Per kind, named clusters (order of creation, id), for "the minister said": entries
        # whose cluster has since risen to another kind are stale and skipped.
        self._named: dict[str, list[tuple[int, str]]] = {}
        self._order: dict[str, int] = {}
        # An unresolved pronoun's placeholder cluster waiting for a name that follows it, and
        # the placeholders merged into a named cluster since (placeholder id -> cluster id).
        self._pending: _Cluster | None = None
        self.merged: dict[str, str] = {}
        self._after_given: frozenset[str] | None = None  # see _surnames_in_text
        self._capitalised: frozenset[str] | None = None  # see _capitalised_words
        self._unregistered: dict[str, str] = {}  # slug -> cluster of an outlet the registry lacks
        # The last outlet that spoke and where, and where a named organisation last spoke, for
        # "it said" (offsets kept here: a scan of a source's mentions per "it" would be quadratic).
        self._outlet_speaker: tuple[str, int] | None = None
        self._organisation_spoke_at = -1
        self._after_given_word: dict[str, bool] = {}  # see _written_after_given_name
        # Role word -> the last unnamed holder of that role ("a spokesperson for Honda"), for
        # "the spokesperson" after it.
        self._holders: dict[str, str] = {}

    def tokens(self, start: int, end: int) -> list[Token]:
        """Exactly ``tokenize(self.text, start, end)``, cut from the article's tokens.

        Rules read a few words around each source (60 characters back, 300 forward, ...), about
        50 windows per article; tokenising each again took about a quarter of this stage. A
        window's tokens are the article's tokens inside it, except where an edge falls inside a
        word ("...rotchenko"): only that word is tokenised again, as the window cuts it.
        """
        if self._all_tokens is None or self._starts is None:
            self._all_tokens = tokenize(self.text)
            self._starts = [t.start for t in self._all_tokens]
        tokens, starts = self._all_tokens, self._starts
        lo = bisect.bisect_left(starts, start)
        head: list[Token] = []
        if lo and tokens[lo - 1].end > start:
            # ``start`` cuts a word: the window's matches from ``start`` end where that word's
            # match ends (its split-off full stop included: "Smith." is "Smith" + "."). A cut
            # quote mark ("''") may pair with the next one instead: tokenise the whole window.
            edge = tokens[lo - 1].end
            if not _is_word_char(tokens[lo - 1].text[0]):
                return tokenize(self.text, start, end)
            if lo < len(tokens) and tokens[lo].start == edge and tokens[lo].text == "." \
                    and _is_word_char(tokens[lo - 1].text[-1]):
                edge += 1
            if edge >= end:
                return tokenize(self.text, start, end)
            head = tokenize(self.text, start, edge)
            lo = bisect.bisect_left(starts, edge, lo)
        hi = bisect.bisect_left(starts, end, lo)
        if hi > lo and tokens[hi - 1].end > end:
            # ``end`` cuts the last token: the window sees only its beginning.
            return [*head, *tokens[lo : hi - 1], *tokenize(self.text, tokens[hi - 1].start, end)]
        return [*head, *tokens[lo:hi]] if head else tokens[lo:hi]

    def last_tokens(self, start: int, end: int, count: int) -> list[Token]:
        """Exactly ``self.tokens(start, end)[-count:]``.

        Rules that read the last few words before a source take a window 24-60 characters wide,
        whose start cuts a word most of the time; tokenising that word again (see ``tokens``) was
        most of their cost. When more than ``count`` tokens start inside the window and its start
        cuts no word, or cuts one that opens on a word character (``tokens`` then keeps every token
        after that word as it is), the last ``count`` of the article's tokens are the answer.
        """
        if self._all_tokens is None or self._starts is None:
            return self.tokens(start, end)[-count:]  # tokenises the article once
        tokens, starts = self._all_tokens, self._starts
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        if hi - lo > count and tokens[hi - 1].end <= end \
                and (not lo or tokens[lo - 1].end <= start or _is_word_char(tokens[lo - 1].text[0])):
            return tokens[hi - count : hi]
        return self.tokens(start, end)[-count:]

    def _add(self, cluster: _Cluster) -> _Cluster:
        self.clusters[cluster.id] = cluster
        if cluster.kind == "state_media":
            self._state_media.append(cluster.id)
        return cluster

    def _new(self, base: str, **kwargs: object) -> _Cluster:
        cid = base
        n = self._next_suffix.get(base, 2)
        # Clusters are never removed, so the first free suffix only ever grows: resuming from the
        # last one tried gives the same id as counting from 2, without rescanning
        # "source_2", "source_3", ... for each of thousands of same-named sources.
        while cid in self.clusters or cid == ARTICLE_SOURCE_ID:
            cid = f"{base}_{n}"
            n += 1
        self._next_suffix[base] = n
        return self._add(_Cluster(id=cid, **kwargs))  # type: ignore[arg-type]

    def _remember_named(self, cluster: _Cluster) -> None:
        """Index a named cluster under its (current) kind, at its place in creation order."""
        order = self._order.setdefault(cluster.id, len(self._order))
        bisect.insort(self._named.setdefault(cluster.kind, []), (order, cluster.id))

    def _remember_holder(self, cluster_id: str, lowered: list[str]) -> None:
        """Remember one unnamed holder of a role ("a spokesperson for Honda") by its role words,
        for a later "the spokesperson"."""
        for word in lowered:
            if word in self.lex.roles:
                self._holders[word] = cluster_id

    def _latest(self, cluster_id: str) -> int:
        """Where the last mention of a source so far starts."""
        return max((start for start, _ in self.clusters[cluster_id].mentions), default=-1)

    def _last_named(self, kind: str) -> str | None:
        """The most recently created named cluster of ``kind``."""
        entries = self._named.get(kind, [])
        while entries and self.clusters[entries[-1][1]].kind != kind:
            entries.pop()  # its kind rose since (kinds only rise): stale for good
        return entries[-1][1] if entries else None

    # --- outlets ------------------------------------------------------------------------------

    def outlet(self, mention: OutletMention) -> str:
        bounds = (mention.start, mention.end)
        if mention.outlet is not None:
            cid = mention.outlet.id
            if cid not in self.clusters:
                self._add(_Cluster(
                    id=cid,
                    name=mention.outlet.name,
                    kind=mention.outlet.kind,  # type: ignore[arg-type]
                    domain=mention.outlet.domains[0] if mention.outlet.domains else None,
                    country=mention.outlet.country,
                    state_affiliated=mention.outlet.state_affiliated,
                ))
            self.clusters[cid].mentions.append(bounds)
            return cid
        if mention.kind != "state_media":
            # An outlet the registry does not know, named in "Quoted from X,".
            name = self._label(mention.start, mention.end)
            # "told the Daily Planet" and "Daily Planet reported" are one outlet: one id for both.
            base = _slug(name[4:] if name[:4].lower() == "the " and name[4:5].isupper() else name)
            cluster = self.clusters.get(base) or self._new(base, name=name, kind=mention.kind)
            if cluster.kind in ("organization", "person", "unknown"):
                cluster.kind = mention.kind  # type: ignore[assignment]  # a speaker first, an outlet now
            self._unregistered[base] = cluster.id
            cluster.mentions.append(bounds)
            return cluster.id
        # A loose reference ("state TV"): the state outlet of that country already named, if any.
        for cluster in map(self.clusters.__getitem__, self._state_media):
            if cluster.kind == "state_media" and (mention.country is None or cluster.country == mention.country):
                cluster.mentions.append(bounds)
                return cluster.id
        country = mention.country
        label = f"{_COUNTRY_ADJECTIVE.get(country, '')} state media".strip() if country else "State media"
        cluster = self._new(f"state_media_{country.lower()}" if country else "state_media",
                            name=label[0].upper() + label[1:], kind="state_media",
                            country=country, state_affiliated=True)
        cluster.mentions.append(bounds)
        return cluster.id

    def link(self, link: Link) -> str:
        """The source a hyperlink cites: its registry outlet, else a source named by its domain."""
        outlet, domain = outlet_for_url(link.href)
        bounds = (link.start, link.end)
        if outlet is not None and outlet.kind not in ("blog", "social_media"):
            cid = outlet.id
            if cid not in self.clusters:
                self._add(_Cluster(
                    id=cid, name=outlet.name, kind=outlet.kind,  # type: ignore[arg-type]
                    domain=outlet.domains[0] if outlet.domains else domain,
                    country=outlet.country, state_affiliated=outlet.state_affiliated,
                ))
            self.clusters[cid].mentions.append(bounds)
            return cid
        name = domain or link.domain or link.href
        base = _slug(name)
        cluster = self.clusters.get(base)
        if cluster is None:
            # A platform (one blog, one account) is its own publisher; a government host speaks
            # for its government.
            kind = outlet.kind if outlet is not None else _domain_kind(name)
            cluster = self._new(base, name=name, kind=kind, domain=name)
        cluster.mentions.append(bounds)
        return cluster.id

    # --- speakers -----------------------------------------------------------------------------

    def speaker(self, item: Found) -> str | None:
        staff = self._outlet_staff(item) if item.named_outlet is not None else None
        if item.named_outlet is not None and staff is None:
            holder = self._unnamed_holder_before(item.source[0], staff=True) if item.source is not None else None
            if holder is not None and item.source is not None:
                # "A writer for | the NY Daily News argued": one unnamed member of the newsroom,
                # who speaks for themselves (see _outlet_staff), not the outlet; the outlet keeps
                # its mention but relays nothing.
                self.outlet(item.named_outlet)
                return self._anonymous(self._label(holder, item.source[1]), (holder, item.source[1]))
            outlet_id = self.outlet(item.named_outlet)
            self._outlet_speaker = (outlet_id, item.named_outlet.start)
            return outlet_id
        if staff is not None and item.named_outlet is not None:
            self.outlet(item.named_outlet)  # the outlet keeps its mention; its staff member speaks
        if item.source is None:
            if item.directness != "vague":
                return None
            return self._anonymous("unnamed source", item.cue or item.content)
        start, end = staff or item.source
        words = self.tokens(start, end)
        # "The WHO said": the initials, not the pronoun (cut as before after other words).
        cut = next((k for k, t in enumerate(words)
                    if k and ((t.lower in _RELATIVE and not (t.text == "WHO" and words[0].lower == "the" and k == 1))
                              or t.lower == "citing")), None)
        clause_kind = self._clause_kind(words[cut:]) if cut is not None else None
        if cut is not None:
            # "The senator, who replaced Ruth Bell, said": only the words before the clause.
            cut -= words[cut - 1].text == ","
            words = words[:cut]
            end = words[-1].end if words else end
        if len(words) > 3 and words[-1].text == ")":
            opening = next((k for k in range(len(words) - 2, max(0, len(words) - 6), -1) if words[k].text == "("), 0)
            if opening > 0 and _party_label("".join(t.text for t in words[opening + 1 : -1])):
                # "Mike Huckabee (R)", "Sen. Marco Rubio (R-Fla.)": the party label names nobody
                # (it was read as the name "R").
                words = words[:opening]
                end = words[-1].end
        if len(words) > 1 and words[-1].lower in _DAY_NAMES and words[-1].text[:1].isupper():
            # "The governor's office Friday said": the day is when, not part of the name (which
            # then ended in "Friday" and had no kind).
            words = words[:-1]
            if len(words) > 1 and words[-1].lower == "on":
                words = words[:-1]  # "an email sent to employees on Sunday"
            end = words[-1].end
        of = next((k for k in range(1, min(len(words) - 1, 5)) if words[k].lower == "of"
                   and words[k - 1].lower in _QUANTITY_NOUNS), None)
        if of is not None:
            # "52 percent of registered voters", "A majority of the members": the group is
            # the source's kind; the quantity stays in its words.
            words = words[of + 1 :]
        elif len(words) > 3:
            ratio = next((k for k in range(1, min(len(words) - 2, 4)) if words[k].lower == "in"
                          and _number(words[k - 1].lower) and _number(words[k + 1].lower)), None)
            if ratio is not None:
                # "About one in seven adults", "1 in 4 nurses": a share of a group, read as the group.
                words = words[ratio + 2 :]
        if len(words) > 1 and words[-1].lower in ("he", "she", "they") \
                and not any(t.text[:1].isupper() and t.lower not in _OPENERS and t.lower not in _DETERMINERS
                            and t.lower not in _CALENDAR for t in words[:-1]):
            # "at a private, paid speech she wanted": lower-case words glued before the pronoun.
            words = words[-1:]
            start = words[0].start
        elif words and words[0].lower in self.lex.roles:
            # '"...," Onkar Singh, Chairman of the Cycling Federation of India told Sputnik': the
            # name stands just before a title that opens the source words.
            named = self._name_before(start)
            if named:
                words = named + words
                start = words[0].start
        bounds = (start, end)
        lowered = [t.lower for t in words]
        if [t.text for t in words if t.lower != "the"] == ["WHO"]:
            # The World Health Organization by its initials, which read as the pronoun "who"
            # (no name was found in it). The one initialism the rules cannot read as a name, and
            # a frequent source in health news: named here, not in a lexicon.
            return self._the_who(bounds)
        country = _countries().get(" ".join(lowered[1:] if lowered[:1] == ["the"] else lowered))
        if country is not None:
            # "Saudi Arabia has said ...", "China warned ...": the country's government speaks.
            government = self._anonymous_like(f"country_{country.lower()}", self._label(start, end), "official", bounds)
            self.clusters[government].country = country
            return government
        holder = self._unnamed_holder_before(start)
        if holder is not None:
            # "a spokesman for | the ministry said": the source words hold only the organisation.
            holder_id = self._anonymous(self._label(holder, end), (holder, end))
            self._remember_holder(holder_id, [t.lower for t in self.tokens(holder, start)])
            return holder_id
        if len(lowered) == 1 and lowered[0] in _PRONOUNS:
            if lowered[0] == "they" and self.last_speaker is None:
                subject = self._plural_subject(bounds)
                if subject is not None:
                    return subject
            if lowered[0] in _THIRD_PERSON and self._quoted_in(start, self._last_content):
                # '"She said, ‘Mommy, ...’" Tom recalled': inside Tom's words "she" is not Tom.
                return self._anonymous_like(f"quoted_{lowered[0]}", f"{lowered[0]} (quoted)",
                                            _THIRD_PERSON[lowered[0]], bounds)
            return self._refer_back(bounds) or self._unresolved(lowered[0], bounds)
        if lowered == ["it"]:
            # "..., it said": an organisation speaks (a company, an agency, a team); the last one
            # named, else one the passage does not name.
            # An outlet that spoke last is an "it" too ("..., Der Spiegel reported. ..., it said").
            if self._outlet_speaker is not None:
                outlet, spoke_at = self._outlet_speaker
                if bounds[0] - spoke_at <= _IT_REACH and spoke_at > self._organisation_spoke_at:
                    self.clusters[outlet].mentions.append(bounds)
                    return outlet
            organisation = self._refer_back(bounds, "organization")
            if organisation is not None:
                self._organisation_spoke_at = bounds[0]
            return organisation or self._anonymous_like("unnamed_it", "it (unnamed)", "organization", bounds)
        if 2 <= len(lowered) <= 3 and lowered[0] in ("the", "this") and lowered[-1] in _NEWSROOM_NOUNS \
                and all(t.text.isalpha() and t.text.islower() for t in words[1:]):  # not "the chain's website"
            # "..., the magazine reported": the outlet that spoke last, else an outlet the passage
            # does not name (was unknown).
            if self._outlet_speaker is not None:
                outlet = self._outlet_speaker[0]
                self.clusters[outlet].mentions.append(bounds)
                return outlet
            return self._anonymous_like(f"unnamed_{lowered[-1]}", self._label(start, end), "news_outlet", bounds)
        # "Martin Luther King", "Alan King": a person's role word (not "Sen.") straight after a
        # capitalised given name, ending the name, is a surname, not a title ("Florida Sen. Marco
        # Rubio", "UN Ambassador John Bolton" go on with a name; "Roosevelt Institute" is no role).
        surname_roles = {t.start for k, (a, t) in enumerate(itertools.pairwise(words))
                         if self.lex.roles.get(t.lower) in ("official", "expert") and t.text[:1].isupper()
                         and t.text.isalpha() and a.text[:1].isupper() and a.lower in given_names()
                         and a.lower not in self.lex.roles and a.lower != "major"
                         and (k + 2 == len(words) or not words[k + 2].text[:1].isupper())}
        role_words = [t.lower for t in words if t.start not in surname_roles] if surname_roles else lowered
        kind = self._role_kind(role_words) or clause_kind or self._role_before(start) or self._role_after(end)
        if kind is None and _company_title(lowered):
            # "The chief executive of Halvorsen Corp", "the company's founder", "Tom Reyes, CEO of
            # ...": a company's executives and owners are persons (the gold set's convention), not
            # the company, nor an unknown.
            kind = "person"
        name_tokens = self._name(words, surname_roles)
        owner = [] if name_tokens else self._document_owner(words)
        name_tokens = name_tokens or owner
        member = self._member_of(words)
        if member and kind in (None, "organization"):
            # The organisation is where the person works: "Hany Farid of Dartmouth College", "Scott
            # Gottlieb of the American Enterprise Institute" are experts; others are persons.
            kind = "expert" if not _ACADEMIC.isdisjoint(t.lower for t in words) else None
        comma = next((k for k, t in enumerate(words) if t.text == ","), len(words))
        if kind is None and 0 < comma < len(words) - 1 and _research_post(lowered[comma + 1 :]):
            kind = "expert"  # "Ed Lorenzen, a senior fellow at the Brookings Institution, said"
        if 0 < comma < len(words) - 1 and (self._appositive(words[comma + 1])
                                           or self._owner_role(words[comma + 1 :])):
            # "Richard Revesz, director of the Institute ... at New York University", "Senator
            # Dianne Feinstein, Democrat of California": the name is before the appositive
            # (after it only when the appositive is the name itself: "Russia's ambassador to
            # North Korea, Alexandre Matsegora").
            name_tokens = self._name(words[:comma]) or name_tokens
        elif name_tokens and comma < len(words) and name_tokens[0].start > words[comma].start \
                and self._titled_name(words[:comma]):
            # "Vice President Joe Biden, Rubio said": the title before the comma is Biden's, so
            # only the words after it (or an appositive after the source) give Rubio's kind.
            kind = self._role_kind(lowered[comma + 1 :]) or self._role_after(end)
        # "Democratic sources", "the USAID official", "a Warren adviser": a capitalised word
        # before a lower-case head qualifies the head and names nobody.
        head_word = lowered[-1] if lowered else ""
        if (name_tokens and name_tokens[-1].end < words[-1].end and words[-1].text[:1].islower()
                and "," not in self.text[name_tokens[-1].end : words[-1].start]
                # "Alexis de Tocqueville and the ancient philosophers", "Larson and others": a
                # personal name (by the Census lists) joined to the group is one of two sources; not
                # "Warehouse and health care workers", "New Delhi and some other state governments".
                and not (any(t.lower in ("and", "or", "&") for t in words if name_tokens[-1].end <= t.start)
                         and self._personal(words, name_tokens))
                and (head_word in _ANONYMOUS or head_word in _UNNAMED_PEOPLE or head_word in _UNNAMED_GROUPS
                     or head_word in self.lex.roles
                     or (head_word.endswith("s") and head_word[:-1] in self.lex.roles)  # "Socialist lawmakers"
                     or _people_plural(head_word)  # "registered Ohio voters"
                     # "Longtime mistress says" (a headline): an opening capital on a word that is
                     # no personal name, straight before a noun for a person, names nobody.
                     or (head_word in _PERSON_NOUNS and len(words) == 2 and name_tokens == words[:1]
                         and self._opens_sentence(words[0].start)
                         and not _personal_name(words[0].lower)))):
            name_tokens = []
        # (With no name read, the first word is tested too: "Recent polls" has no name, but its
        # capital must not count as an author's below.)
        opening_common = self._opening_common_word(words, name_tokens or words[:1])
        if opening_common:
            name_tokens = []  # "Internal emails reveal": the capital is the sentence's, no name
        if name_tokens and self._unnamed_head(words):
            name_tokens = []  # "a source in the PLA", "a friend of the couple": the name is not the source's
        if member:
            name_tokens = member  # "Klaus Bouillon of Merkel's CDU party": the person, not the party
        if not name_tokens:
            # The head is the word before a head preposition ("Doctors around the world", "the
            # owner of the store"), else the last word.
            at = next((k - 1 for k in range(1, len(lowered)) if lowered[k] in _HEAD_PREPOSITIONS), len(lowered) - 1)
            head = lowered[at] if lowered else ""
            by = next((k for k in range(1, len(lowered) - 1)
                       if lowered[k] in ("from", "by", "of") and lowered[k - 1] in _DOCUMENT_OR_FINDINGS), None)
            agency = [t for t in words[by + 1 :] if t.lower != "the"] if by is not None else []
            if len(agency) == 1 and agency[0].text.isupper() and self.lex.roles.get(agency[0].lower) == "official":
                # "a report from the CDC", "data from the FBI": a government agency wrote it (the
                # agency's initials are a role word, so no name was read).
                return self._anonymous_like(f"agency_{agency[0].lower}", agency[0].text, "official", bounds)
            anonymous_words = _ANONYMOUS | _UNNAMED_PEOPLE
            # "two top epidemiologists", "prosecutors": an unnamed plural of an official's or an
            # expert's role names nobody, as "officials" does ("polls" and "groups" stay what
            # they were; so does "Stanford University researchers", whose capitals name them);
            # "a customer support representative" is unnamed company staff.
            # "Doctors in Italy" too: only capitals before the head name them.
            plural_role = self._plural_role(head) and not any(t.text[:1].isupper() for t in words[1:at])
            # "new filings", "industry estimates", "a government document", "The poll", "the
            # affidavit": a document whose author the words do not name (the gold set's convention
            # since session 4; a "the" may refer back to a document named before, which this stage
            # does not follow).
            unnamed_document = kind in (None, "organization") and head in _DOCUMENT_OR_FINDINGS \
                and not any(t.text[:1].isupper() and t.lower not in _DETERMINERS and t.lower != head
                            and not (opening_common and t is words[0])
                            for t in words)  # not "A new Gallup poll", "Ipsos poll": their authors
            # "a campaign official", "A Finance Ministry official", "an analyst at a bank": one
            # unnamed holder of a role among many is anonymous; "the minister" refers back below.
            # A company's title counts too ("A spokesperson for Honda": its staff are persons).
            one_of_many = lowered[0] in _INDEFINITE and (kind in ("official", "expert") or (
                kind == "person" and any(w in self.lex.roles for w in lowered) and self._company_staff(lowered)))
            if kind is None and head == "office" and any(w.endswith(("'s", "’s", "\ufffds")) for w in lowered[:at]):
                # "Pritzker's office said", "the governor's office": an office named for its holder
                # is an official's staff speaking for them (a company's is "the company's offices").
                kind = "official"
            if kind is None and head.endswith("ologist") and len(head) > 7:
                kind = "expert"  # "the biologist": the lexicon lists the common -ologists only
            # A singular noun for a person by its ending ("the manager", "the landlord", "the
            # activist", "the organizer"), as the plural's ending names people ("voters").
            agent = len(head) > 4 and head.isalpha() and not head.endswith("s") and head not in _ORG_WORDS \
                and head not in _CALENDAR and head not in _NUMBER_WORDS and head not in function_words() \
                and _people_plural(head + "s")
            if kind is None and (head in _PERSON_NOUNS or agent) and not any(w in anonymous_words for w in lowered):
                # "the retired neurosurgeon", "the couple": someone the article has named, or will;
                # "a woman", "a witness": one unnamed person among many (see ``one_of_many``).
                # Headlines drop the article: "Longtime mistress says" is "A longtime mistress".
                if lowered[0] in _INDEFINITE or (len(words) == 2 and words[0].text[:1].isupper()
                                                 and lowered[0] not in _DETERMINERS | _POSSESSIVE_DETERMINERS):
                    return self._anonymous(self._label(start, end), bounds)
                kind = "person"
            # "Trump aides", "his advisers"; not "She then addressed the supporters". Any other
            # plural common noun with no name is an unnamed group too ("registered Ohio voters",
            # "the protesters").
            # "nurses", "adults": the plural of a noun for people is a group of them too.
            # "The mainstream media", "the press", "news outlets", "Local media": outlets no word
            # names are an unnamed group of them (a capitalised "Kantar Media" has a name).
            # A nationality qualifies them as "British" does ("Russian media", "Israeli media").
            media = head in _GENERIC_MEDIA and all(w in _MEDIA_QUALIFIERS or w in _DETERMINERS
                                                   or w in self.lex.demonyms for w in lowered[:at])
            people = head in _UNNAMED_GROUPS or _people_plural(head) or media or (
                len(head) > 3 and head.endswith("s") and head[:-1] in _PERSON_NOUNS)
            # "Her advisers" (a possessive "her", not the pronoun) as "His advisers".
            group = people and (lowered[0] not in _PRONOUNS or (lowered[0] == "her" and len(lowered) > 1)) and (
                kind is None or any(w.endswith(("'s", "’s")) for w in lowered))  # "Senator X's aides"
            if (head in _ANONYMOUS or group or item.directness == "vague" or plural_role
                    or unnamed_document or one_of_many
                    or (kind == "person" and head in self.lex.roles and self._company_staff(lowered))
                    or (kind is None and any(w in anonymous_words for w in lowered))
                    or self._withheld(bounds)):
                group_id = self._anonymous(self._label(start, end), bounds)
                if one_of_many:
                    self._remember_holder(group_id, lowered)
                return group_id
            if lowered[:1] and lowered[0] in _DETERMINERS and kind is not None:
                # "the minister added": the last speaker of that kind, when nothing says it is
                # someone else: "the mayor" is not the prime minister named before.
                target = self._last_named(kind)
                role_holder = self._holders.get(head) if lowered[0] == "the" else None
                if role_holder is not None and (target is None or self._latest(role_holder) > self._latest(target)):
                    # "A spokesperson for Honda said ... the spokesperson added": the unnamed
                    # holder of that role, named after the last named source of its kind.
                    self.clusters[role_holder].mentions.append(bounds)
                    return role_holder
                if target is not None and self._may_be_called(target, head):
                    return self._refer_back(bounds, kind) or target
            label = self._label(start, end)
            cluster = self._new(_slug(label), name=label,
                                kind=kind or "unknown")
            cluster.mentions.append(bounds)
            return cluster.id
        if kind is None and self._group_plural(name_tokens[-1].lower) \
                and all(t.lower in _QUANTIFIERS for t in name_tokens[:-1]):
            # "many Democrats say", "Russians believe": a party's or a nation's people, nobody named.
            return self._anonymous(name_tokens[-1].text, bounds)
        joined = self._joined(words[:comma], name_tokens)
        if kind == "organization" and self._role_kind([t.lower for t in joined]) is None:
            kind = None  # "Republican Party donor Sheldon Adelson": the party is not joined to the name
        # Only the words before an appositive comma name the source ("Craig Bryan, head of the
        # National Center for ...": a person), and only the organisation words joined to the name
        # by capitalised or linking words ("Top Republican Party donor Sheldon Adelson": a person).
        # One capitalised word that is a company's ("GoPro") or "the" and initials ("the FOP").
        single_org = kind is None and ((len(name_tokens) == 1 and (
            _brand(name_tokens[0].text) or (name_tokens[0] == words[-1] and self._initialism(name_tokens[0]))))
            # "Tesco said", "Apple and Google"
            or _company(self._label(name_tokens[0].start, name_tokens[-1].end)))
        # A document names an organisation as its author ("FEC filings", "HSBC company records"),
        # unless a possessive owns it: "Garcia's data" is the person's own.
        is_org = (not member and any(t.lower in _ORG_WORDS and t.text[:1].isupper() for t in joined)) or (
            kind is None and not owner and any(t.lower in _DOCUMENT_WORDS for t in words
                                               if t.start >= name_tokens[-1].end)
        )
        if is_org and kind in (None, "organization"):
            # "the Roper Center for Public Opinion Research", "Kantar Media's political ad
            # tracker": the organisation's name runs from its first capitalised word to its last.
            capitals = [t for t in words if t.text[:1].isupper() and t.lower not in _DETERMINERS
                        and t.lower not in _CALENDAR]  # not "Friday by the U.S. Bureau of ..."
            name_tokens = capitals or name_tokens
        is_org = is_org or single_org
        advocacy = self._advocacy_name(words) if kind in (None, "organization") else []
        if advocacy:
            name_tokens, is_org = advocacy, True  # "Physicians for Social Responsibility", not "Social Responsibility"
        name = self._label(name_tokens[0].start, name_tokens[-1].end)
        if name.endswith(("'s", "’s", "\ufffds")):  # "\ufffd": a mojibake apostrophe (see _segmentation)
            name = name[:-2]  # "Kantar Media's political ad tracker"
        surname = name_tokens[-1].lower
        # An outlet the registry does not know, already named as one ("told the Daily Planet").
        cid = self._known(name_tokens) or self._unregistered.get(_slug(name))
        web = len(name_tokens) == 1 and _WEB_NAME.fullmatch(name) is not None
        if web and kind is None:
            # "Trucks.com first reported": a website that reports is a news outlet; "Amazon.com said", a company.
            kind = "news_outlet" if item.cue is not None and self.text[item.cue[0] : item.cue[1]].lower().split()[-1] \
                in _PUBLISHING else "organization"
        if cid is None and kind is None and not is_org and not member:
            is_org = self._organisation_evidence(name_tokens, item)  # "the Denver Broncos", "Acme said its ..."
        if kind is None and not is_org and not member and not owner and any(
                words[j].lower in _DOCUMENT_OR_FINDINGS and words[j + 1].lower in ("from", "by")
                for j in range(len(words) - 1) if words[j + 1].end <= name_tokens[0].start) \
                and not self._personal(words, name_tokens):
            is_org = True  # "a recent study from Gallup and West Health": no person's name wrote it
        if cid is None:
            cluster = self._new(_slug(name), name=name,
                                kind=kind or ("organization" if is_org else "person"),
                                surname=surname, domain=name.lower() if web else None)
            self._remember_named(cluster)
            # "Korotchenko" after "Igor Korotchenko"; "Wang" after "Wang Dehai" (family name first).
            for token in (name_tokens[0], name_tokens[-1]):
                self.by_surname.setdefault(token.lower, cluster.id)
            self.by_surname[" ".join(t.lower for t in name_tokens)] = cluster.id
        else:
            cluster = self.clusters[cid]
            if len(name) > len(cluster.name):
                cluster.name = name
            if kind is not None and _KIND_RANK.get(kind, 0) > _KIND_RANK.get(cluster.kind, 0):
                cluster.kind = kind
                if cluster.surname:
                    self._remember_named(cluster)
        cluster.mentions.append(bounds)
        if cluster.kind == "organization":
            self._organisation_spoke_at = start
        if cluster.kind in ("person", "official", "expert"):
            self._resolve_forward(cluster, start, item.content if item.directness == "direct_quote" else None)
            self.last_speaker = cluster.id
            # Only a quotation: the speaker is "I" in it, so "she" is someone else; in a paraphrase
            # ("Dana explains what she says went wrong") "she" is the speaker.
            self._last_content = item.content if item.directness == "direct_quote" else None
        if cluster.kind == "official" and cluster.affiliated_with is None:
            represented = self._represented_country(start, end)
            if represented is not None:
                country, bounds = represented
                cluster.affiliated_with = self._government(country)
                self.clusters[cluster.affiliated_with].mentions.append(bounds)
                cluster.country = cluster.country or country
        return cluster.id

    def _organisation_evidence(self, name_tokens: list[Token], item: Found) -> bool:
        """Whether the article treats a bare capitalised name the lexicons do not know as an organisation.

        Read from the text around the name, never from a list of organisations: a word for a kind
        of organisation straight before it ("US bank Wells Fargo", "retailer Tesco"), "the" straight
        before it ("the Denver Broncos"; a person's name takes no article), a pollster's "surveyed
        by" / "polled by", or the statement going on with "its" straight after the cue ("Acme said
        its profits ..."; a person's is "his" or "her"), or with "it", "they" or "their" after a
        one-word name that the Census lists of personal names do not know ("Nintendo says they
        will"; "Clinton said it was ..." is a person's). A single word that the article also writes after
        a capitalised given name ("Tim Cook" for "Cook") is a person's surname, whatever the rest
        says.
        """
        # The surname check comes last: it reads the whole article's words (see
        # ``_written_after_given_name``), now only for the few names the text's other signals would
        # make an organisation.
        return self._organisation_signals(name_tokens, item) \
            and not (len(name_tokens) == 1 and self._written_after_given_name(name_tokens[0].lower))

    def _organisation_signals(self, name_tokens: list[Token], item: Found) -> bool:
        """The signals of ``_organisation_evidence`` before its surname check (see there)."""
        first, last = name_tokens[0], name_tokens[-1]
        before = self.last_tokens(max(0, first.start - 24), first.start, 2)
        source_end = item.source[1] if item.source is not None else last.end
        if before and before[-1].lower == "the" and not last.text.endswith(("'s", "’s")) and last.end >= source_end \
                and not any(self._group_plural(t.lower + "s") or t.lower in self.lex.demonyms or t.text.isupper()
                            or t.lower.rstrip(".") in self.lex.roles or t.lower.rstrip(".") in _PERSON_TITLES
                            for t in name_tokens):
            # Not "The Kentucky Republican", "the CEO of a company", "the Rev. X", "The Senate
            # Majority Leader" (a title), nor a name qualifying a head after it ("The Florida
            # senator", "the Swiss wealth manager").
            return True
        if len(before) >= 2 and before[-1].lower == "by" and before[-2].lower in ("surveyed", "polled"):
            return True
        word = before[-1].text if before else ""
        if word.islower() and word != "capital" and (word in _ORG_WORDS or word in _COMPANY_WORDS
                                                     or word in _ORG_APPOSITIVES) \
                and not self._place_phrase_before(first.start):
            return True  # "US bank Wells Fargo", "retailer Tesco"; not "India's capital New Delhi"
        if item.cue is None or item.source is None or not 0 <= item.cue[0] - item.source[1] <= 1:
            return False  # only a speaker right before its cue: "Acme says its ..."
        after = [t for t in self.tokens(item.cue[1], min(len(self.text), item.cue[1] + 40)) if t.lower != "that"]
        if not after or after[0].start < item.content[0]:
            return False
        if after[0].lower == "its":
            return True
        # "it", "they", "their" are as often a person's ("Clinton said it was ...", "Koki Grassiot
        # says they ..."): they count only for one word that is neither a given name nor a surname
        # in the Census lists ("Nintendo says they will", "Tesla said it"). In the four corpora such
        # a word before "said it/they" was an organisation about six times in seven; a listed one
        # a person as often (data/lexicons/PERSONAL_NAMES.md).
        # Not a misread opening word ("It", "Some", "Don't", "Sixty-six"): a name of letters only.
        return after[0].lower in ("it", "they", "their") and len(name_tokens) == 1 and last.text.isalpha() \
            and last.lower not in _OPENERS and last.lower not in _QUANTIFIERS and last.lower not in _PARTIES \
            and last.lower not in self.lex.demonyms and not self._group_plural(last.lower) \
            and not _personal_name(last.lower)

    def _place_phrase_before(self, start: int) -> bool:
        """Whether the words just before ``start`` are a phrase of place or time that opens with a
        preposition ("(At the Monday news conference | Trump argued"): its noun is where the name
        spoke, not what the name is ("retailer | Tesco")."""
        for token in reversed(self.last_tokens(max(0, start - 60), start, 6)):
            if token.lower in _PLACE_PREPOSITIONS:
                return True
            if not token.text.isalnum():
                return False  # a comma or a bracket ends the phrase
        return False

    def _written_after_given_name(self, word: str) -> bool:
        """Whether the article writes the lower-cased ``word`` right after a capitalised word that
        may be a given name ("Cook" in "Tim Cook").

        With the segmentation, its index of words (``Segmentation.positions``, which the claims and
        features stages build anyway) gives the few places ``word`` is written; without it, an
        index of every such word is built once per article (``_surnames_in_text``). Either way
        the cost stays linear in the article.
        """
        if self._segmentation is None:
            return word in self._surnames_in_text()
        if word not in self._after_given_word:  # each word's places read once, however often asked
            tokens = self._segmentation.tokens
            self._after_given_word[word] = any(k > 0 and self._given_then_surname(tokens[k - 1], tokens[k])
                                               for k in self._segmentation.positions([word]))
        return self._after_given_word[word]

    def _given_then_surname(self, a: Token, b: Token) -> bool:
        """Whether ``b`` starts one character after ``a`` ends, both capitalised, and ``a`` may be a given name."""
        return a.text[:1].isupper() and b.text[:1].isupper() and a.text.isalpha() and len(a.text) > 1 \
            and a.lower not in _DETERMINERS and a.lower not in _OPENERS and a.lower not in _CALENDAR \
            and a.lower not in self.lex.roles and b.start - a.end == 1

    def _surnames_in_text(self) -> frozenset[str]:
        """Lower-cased words the article writes right after a capitalised word that may be a given name.

        Built once per article (linear), so the check per name costs nothing more.
        """
        if self._after_given is None:
            if self._all_tokens is None:
                self.tokens(0, 0)  # tokenises the article once (see ``tokens``)
            tokens = self._all_tokens or []
            self._after_given = frozenset(b.lower for a, b in itertools.pairwise(tokens)
                                          if self._given_then_surname(a, b))
        return self._after_given

    def _outlet_staff(self, item: Found) -> tuple[int, int] | None:
        """The person in "CNN political analyst Melissa Cunningham", "Fox News host Sean Hannity",
        "The Washington Post's Ed O'Keefe".

        Source words that go on after the outlet with a lower-case title and a capitalised name
        name someone who works there and speaks for themselves: the person (of the title's kind)
        is the source, not the outlet, which did not report the words.
        """
        assert item.named_outlet is not None
        if item.source is not None and item.source[0] < item.named_outlet.start \
                and item.named_outlet.end == item.source[1]:
            return self._staff_before_outlet(item.source, item.named_outlet.start)
        if item.source is None or not item.source[0] <= item.named_outlet.end < item.source[1]:
            return None
        after = self.tokens(item.named_outlet.end, item.source[1])
        if item.source[0] < item.named_outlet.start:
            staff = self._staff_titled_after(item.source, item.named_outlet.start, after)
            if staff is not None:
                return staff
        # "The Washington Post's Ed O'Keefe", "Euronews' political editor Darren McCaffrey": after
        # a possessive the name alone says the person is the outlet's.
        possessive = 0
        if after and after[0].text in ("'", "’"):
            possessive = 1 + (len(after) > 1 and after[1].text == "s" and after[1].start == after[0].end)
        after = after[possessive:]
        title = 0
        while title < len(after) and after[title].text[:1].islower() and after[title].text[:1].isalpha():
            title += 1
        end = item.source[1]
        if not title and after and after[0].lower in self.lex.roles and after[0].lower not in _ORG_WORDS:
            # Capitalised titles: "NRC President Iain Stewart in a press release", "ABC News Chief
            # Anchor George Stephanopoulos"; the name is the capitalised words after them, up to
            # the first lower-case word (not "CNN President On Trump", a headline).
            while title < len(after) and (after[title].lower in self.lex.roles or after[title].lower in _STAFF_TITLES):
                title += 1
            cut = next((k for k in range(title, len(after)) if not after[k].text[:1].isupper()), len(after))
            after = after[:cut]
            if title == len(after) or after[title].lower in _OPENERS:
                return None
            end = after[-1].end
        name = after[title:]
        if possessive and not title:
            # "MSNBC’s Alex Seitz-Wald and Reuters’ Luciana Lopez argued": the first name is one
            # of the outlet's staff, who speak for themselves.
            cut = next((k for k, t in enumerate(name) if t.text in (",", "and")), len(name))
            name, end = name[:cut], (name[cut - 1].end if 0 < cut < len(name) else end)
        titled = any(t.lower in self.lex.roles or t.lower in _STAFF_TITLES for t in after[:title])
        if not (titled or (possessive and not title)) or not name \
                or not all(t.text[:1].isupper() and t.text[:1].isalpha() and t.lower not in _CALENDAR for t in name):
            return None
        return after[0].start, end

    def _staff_titled_after(
        self, source: tuple[int, int], outlet_start: int, after: list[Token]
    ) -> tuple[int, int] | None:
        """The person in "Frank Bajak, the AP’s first technology editor": a capitalised name, a
        comma, "the", the outlet's possessive and a lower-case title of the newsroom's."""
        words = self.tokens(source[0], outlet_start)
        if len(words) < 3 or words[-1].lower != "the" or words[-2].text != "," \
                or not all(t.text[:1].isupper() and t.text[:1].isalpha() for t in words[:-2]):
            return None
        if len(after) < 3 or after[0].text not in ("'", "’") or after[1].text != "s":
            return None
        title = after[2:]
        while title and not title[-1].text[:1].isalnum():
            title = title[:-1]  # "..., the AP’s technology editor, on Monday"
        if not all(t.text[:1].islower() for t in title) \
                or not any(t.lower in _STAFF_TITLES or t.lower in self.lex.roles for t in title):
            return None
        return source[0], words[-3].end

    def _staff_before_outlet(self, source: tuple[int, int], outlet_start: int) -> tuple[int, int] | None:
        """The person in "Ivan Tkachev, the economics editor of RBC", "Maria Lopez, a reporter for CNN".

        A capitalised name, a comma, and a lower-case title of the newsroom's ("editor",
        "reporter", "analyst") joined to the outlet by "of", "at", "for" or "with": the person
        works there and speaks for themselves.
        """
        words = self.tokens(source[0], outlet_start)
        comma = next((k for k, t in enumerate(words) if t.text == ","), None)
        if not comma or not all(t.text[:1].isupper() and t.text[:1].isalpha() for t in words[:comma]):
            return None
        title = [t for t in words[comma + 1 :] if t.lower not in ("the", "a", "an")]
        if len(title) < 2 or title[-1].lower not in ("of", "at", "for", "with") \
                or not all(t.text[:1].islower() for t in title) \
                or not any(t.lower in _STAFF_TITLES or t.lower in self.lex.roles for t in title[:-1]):
            return None
        return source[0], words[comma - 1].end  # the name; the title after it still gives the kind

    def _represented_country(self, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
        """The country an official speaks for: "Russia's ambassador to North Korea" -> RU.

        The first country word of the source phrase (or of the few words before it) that does
        not follow "to", "in" or "at", which name a host country instead.
        """
        tokens = self.tokens(max(0, start - 30), end)
        demonyms = self.lex.demonyms
        for k, token in enumerate(tokens):
            if k > 0 and tokens[k - 1].lower in ("to", "in", "at", "from"):
                continue
            if k + 1 < len(tokens):
                two = f"{token.lower} {tokens[k + 1].lower}"
                if two in demonyms:
                    return demonyms[two], (token.start, tokens[k + 1].end)
            if token.lower in demonyms:
                return demonyms[token.lower], (token.start, token.end)
        return None

    def _government(self, country: str) -> str:
        """The source standing for a country's government, created on first use."""
        cid = f"government_{country.lower()}"
        if cid not in self.clusters:
            adjective = _COUNTRY_ADJECTIVE.get(country)
            name = f"{adjective} government" if adjective else f"Government ({country})"
            self._add(_Cluster(id=cid, name=name, kind="official", country=country))
        return cid

    def _unnamed_head(self, words: list) -> bool:  # type: ignore[type-arg]
        """An unnamed head before a preposition: "a source in the PLA", "people close to Smith",
        "a top official of India's Defence Ministry" (one of many: see ``one_of_many``)."""
        for k, token in enumerate(words):
            # "for" only after "a"/"an"/"one": "a spokesperson for Ford" is one unnamed holder of
            # a role, "Physicians for Social Responsibility" a name.
            # Not when a name follows in apposition: "A lawyer for the outlets, David Schulz".
            head_for = token.lower == "for" and words[0].lower in _INDEFINITE and not any(t.text == "," for t in words)
            if (token.lower in _HEAD_PREPOSITIONS or head_for) and k > 0:
                before = words[:k]
                one_of_many = before[0].lower in _INDEFINITE \
                    and self._role_kind([t.lower for t in before]) in ("official", "expert")
                # "organizers of Quds Day rallies", "residents of the town": a plural noun for
                # people, the head, is an unnamed group of them.
                unnamed = any(t.lower in _ANONYMOUS or t.lower in _UNNAMED_PEOPLE or self._plural_role(t.lower)
                              for t in before) or one_of_many or _people_plural(before[-1].lower)
                # "a report from the CDC", "a study by Gallup": the name after a document is its author.
                authored = before[-1].lower in _DOCUMENT_WORDS and token.lower in ("from", "by", "of")
                # A common word keeps its capital only at a sentence start ("Sources inside Trump
                # Tower", "Doctors around the world"); any other capital names someone.
                return unnamed and not authored \
                    and not any(t.text[:1].isupper() and t.lower not in _DETERMINERS
                                and not (j == 0 and self._common_plural(t.lower)) for j, t in enumerate(before))
        return False

    def _unnamed_holder_before(self, start: int, *, staff: bool = False) -> int | None:
        """Where "a spokesman for", "an official at", "a top official of" starts, just before ``start``.

        The extractor's source words can start after the preposition: "A top official of | India's
        Defence Ministry said". One unnamed holder of a role is anonymous (see ``one_of_many``);
        with ``staff``, so is one unnamed member of an outlet's newsroom ("a writer for | the NY
        Daily News").
        """
        # Most source words follow no preposition: look at the word before them first.
        if self.text[max(0, start - 6) : start].rstrip().rpartition(" ")[2].lower() not in _HOLDER_PREPOSITIONS:
            return None
        before = self.last_tokens(max(0, start - 60), start, 5)
        if len(before) < 3 or before[-1].lower not in _HOLDER_PREPOSITIONS:
            return None
        for k in range(len(before) - 2, -1, -1):
            if before[k].lower in _INDEFINITE:
                words = [t.lower for t in before[k:-1]]
                if all(t.text[:1].islower() for t in before[k + 1 : -1]) and (
                        self._role_kind(words) in ("official", "expert")
                        or (staff and not _STAFF_TITLES.isdisjoint(words))):  # "a writer for" an outlet
                    return before[k].start
                return None
        return None

    def _member_of(self, words: list[Token]) -> list[Token]:
        """The person in "Klaus Bouillon of Merkel's CDU party", "Sumesh Patel of technology provider SITA".

        A full name (two or more capitalised words, no organisation word) followed by "of", "from"
        or "at" and more words: the words after the name say where the person works, not who speaks.
        "Bank of America" and "Roper Center for ..." are one name (one word, or an organisation word).
        """
        lead = 0  # "the", "Representative", "Russian" before the name
        while lead < len(words) - 1 and (words[lead].lower in _DETERMINERS or words[lead].lower in self.lex.roles
                                         or words[lead].lower in self.lex.demonyms):
            lead += 1
        first = list(itertools.takewhile(lambda t: t.text[:1].isupper() and t.text[:1].isalpha(), words[lead:]))
        if len(first) < 2 or first[-1].lower.endswith(("'s", "’s")):
            return []
        if first[-1].lower in self.lex.roles and not any(len(t.text) == 2 and t.text[1] == "." for t in first):
            return []  # a title, not a name: "Massachusetts Secretary | of State William Galvin" (not "Peter T. King")
        after = words[lead + len(first) :]
        if len(after) < 2 or after[0].lower not in ("of", "from", "at") or any(t.lower in _ORG_WORDS for t in first):
            return []
        return first

    def _document_owner(self, words: list[Token]) -> list[Token]:
        """The owner named in the possessive before a document: "Garcia's data", "Gallup's new poll"."""
        if not words or words[-1].lower not in _DOCUMENT_OR_FINDINGS:
            return []
        for k in range(len(words) - 2, -1, -1):
            token = words[k]
            if token.text[:1].isupper() and token.lower.endswith(("'s", "’s")) and len(token.text) > 2:
                if token.lower[:-2] in _CALENDAR:
                    return []  # "Friday's announcement": when, not whose
                run = [Token(token.start, token.end - 2, token.text[:-2], token.lower[:-2])]
                j = k - 1
                while j >= 0 and words[j].text[:1].isupper() and words[j].lower not in _DETERMINERS:
                    run.insert(0, words[j])
                    j -= 1
                return run
        return []

    def _group_plural(self, word: str) -> bool:
        """ "democrats", "republicans", "russians": the plural of a party label or a nationality."""
        single = word[:-1] if word.endswith("s") else ""
        return single in _PARTIES or single in self.lex.demonyms

    @staticmethod
    def _personal(words: list[Token], name_tokens: list[Token]) -> bool:
        """Whether a name reads as a person's: a Census given name among the capitalised words up
        to it ("Alexis de Tocqueville"), a title ("Mr. Rubio"), or one word that is a Census
        surname ("Larson"). Not "New Delhi", "Warehouse"."""
        upto = [t for t in words if t.start < name_tokens[-1].end and t.text[:1].isupper()]
        return any(t.lower in given_names() or t.lower.rstrip(".") in _PERSON_TITLES for t in upto) or (
            len(name_tokens) == 1 and name_tokens[0].lower in _surnames())

    def _plural_subject(self, pronoun: tuple[int, int]) -> str | None:
        """The group a "they" before any speaker stands for: the subject that opens its sentence.

        "Israeli inventors have developed a mask ..., which they say could ..." (an unnamed group,
        anonymous), "The family is all too familiar with ..., which they said cost more" (people
        described, a person). Only a short subject whose head is a plural noun for people or a
        collective one ("family", "couple"), in the same sentence.
        """
        start = pronoun[0]
        lo = max(0, start - 300)
        cut = max(self.text.rfind(". ", lo, start), self.text.rfind("\n", lo, start))
        if cut < 0 and lo > 0:
            return None  # the sentence starts further back than we look
        tokens = self.tokens(cut + 1 if cut >= 0 else lo, start)
        for k, token in enumerate(tokens[:4]):
            low = token.lower
            if low in _COLLECTIVE_PEOPLE:
                label, kind = self._label(tokens[0].start, token.end), "person"
            elif _people_plural(low) or low in _UNNAMED_GROUPS:
                label, kind = self._label(tokens[0].start, token.end), "anonymous"
            elif token.text[:1].isupper() or low in _DETERMINERS or (k and token.text[:1].islower()
                                                                     and low.isalpha() and k < 3):
                continue  # "The", "Israeli", an adjective
            else:
                return None
            if k + 1 < len(tokens) and tokens[k + 1].lower in _RELATIVE | {","}:
                return None  # an aside or a list after the head: the subject is not that simple
            cluster = self._anonymous_like(f"subject_{_slug(label)}", label, kind, (tokens[0].start, token.end))
            self.clusters[cluster].mentions.append(pronoun)
            return cluster
        return None

    def _plural_role(self, word: str) -> bool:
        """ "doctors", "prosecutors": the plural of an official's or an expert's role word."""
        return word.endswith("s") and self.lex.roles.get(word[:-1]) in ("official", "expert")

    def _common_plural(self, word: str) -> bool:
        """A plural that names an unnamed group whether or not it opens the sentence."""
        return word in _ANONYMOUS or word in _UNNAMED_PEOPLE or word in _UNNAMED_GROUPS or self._plural_role(word)

    def _initialism(self, token: Token) -> bool:
        """ "the FOP", "The NRA", "the DNC": "the" and capital initials name an organisation.

        Without "the", capitals are as often a dateline ("PARIS"), a speaker's tag in a transcript
        ("RAMOS:"), a shouted word or a person's initials ("AOC").
        """
        word = token.text
        if not (3 <= len(word) <= 6 and word.isalpha() and word.isupper()) or token.lower in self.lex.roles \
                or token.lower in _TITLE_INITIALS:
            return False
        before = self.text[max(0, token.start - 4) : token.start]
        return before in ("the ", "The ")

    def _withheld(self, bounds: tuple[int, int]) -> bool:
        """Whether the sentence says the unnamed source's name is withheld ("on condition of anonymity")."""
        lo, hi = bounds[0], min(len(self.text), bounds[1] + 200)
        # The rest of the source's sentence: up to the first full stop after it (a stop before
        # ``hi``; the search runs one character further so the one after such a stop is seen).
        stop = _SENTENCE_STOP.search(self.text, bounds[1], hi + 1)
        if stop is not None and stop.start() < hi:
            hi = stop.start()
        window = self.text[lo:hi].lower()
        return any(phrase in window for phrase in _ANONYMITY)

    def _known(self, name_tokens: list) -> str | None:  # type: ignore[type-arg]
        """The cluster a name belongs to: the same full name, or one word of a longer name."""
        full = " ".join(t.lower for t in name_tokens)
        if full in self.by_surname:
            return self.by_surname[full]
        if len(name_tokens) == 1:
            return self.by_surname.get(full)
        cid = self.by_surname.get(name_tokens[-1].lower)
        # A longer name matches an earlier one-word mention ("Korotchenko", later "Igor Korotchenko").
        if cid is not None and len(self.clusters[cid].name.split()) == 1:
            return cid
        return None

    def _label(self, start: int, end: int) -> str:
        """The name or label of a source at ``start:end``, read from the repaired copy: clean
        marks ("Trump’s aide", not "Trumpâ\\x80\\x99s aide", whose C1 controls a report's
        reader never sees) with the copy's padding folded to one space ("O’Brien Foundation").
        Mentions keep the text as given."""
        if not self._repaired:
            return self.text[start:end]
        return _PADDING.sub(" ", self.words_text[start:end])

    def _the_who(self, bounds: tuple[int, int]) -> str:
        """The World Health Organization, named by its initials at ``bounds``: one source with
        its full name written before or after ("the WHO ..., the World Health Organization said"),
        registered as a named organisation (a later "it said" can be it)."""
        cid = self.by_surname.get("world health organization") or self.by_surname.get("world health organisation")
        if cid is None:
            cluster = self._new("world_health_organization", name="World Health Organization", kind="organization",
                                surname="organization")
            self._remember_named(cluster)
            cid = cluster.id
        for spelling in ("world health organization", "world health organisation"):
            self.by_surname.setdefault(spelling, cid)  # where a full name written later looks
        self.clusters[cid].mentions.append(bounds)
        self._organisation_spoke_at = bounds[0]
        return cid

    def _anonymous(self, label: str, bounds: tuple[int, int]) -> str:
        return self._anonymous_like("anonymous_" + _slug(label), label, "anonymous", bounds)

    def _anonymous_like(self, base: str, label: str, kind: str, bounds: tuple[int, int]) -> str:
        """One source for every mention of the same unnamed label."""
        cluster = self.clusters.get(base) or self._new(base, name=label, kind=kind)
        cluster.mentions.append(bounds)
        return cluster.id

    def _may_be_called(self, cluster_id: str, head: str) -> bool:
        """Whether "the <head>" can refer back to a named source: the mention that introduced it
        holds that role word ("Foreign Minister Ivan Petrov" is "the minister"), or no role word
        of that kind ("Prime Minister Matteo Renzi" is not "the mayor"). Generic heads
        ("official", "expert") fit anyone of their kind."""
        if head in _GENERIC_HEADS or head not in self.lex.roles:
            return True
        mentions = self.clusters[cluster_id].mentions
        if not mentions:
            return True
        # The mention that introduced the source ("Gov. Ann Cole"), not the references back to it.
        words = {_ROLE_ALIASES.get(t.lower, t.lower) for t in self.tokens(*mentions[0])}
        kind = self.lex.roles[head]
        return head in words or not any(self.lex.roles.get(w) == kind for w in words)

    def _refer_back(self, bounds: tuple[int, int], kind: str | None = None) -> str | None:
        target = self.last_speaker if kind is None else self._last_named(kind)
        if target is None:
            return None
        self.clusters[target].mentions.append(bounds)
        return target

    def _unresolved(self, pronoun: str, bounds: tuple[int, int]) -> str | None:
        """A source for "she said" before anyone is named: someone the text does not name (yet).

        It becomes the last speaker, so a later "she said" joins it, and it merges into the first
        named speaker that follows within ``_FORWARD_REACH`` characters.
        """
        kind = _THIRD_PERSON.get(pronoun)
        if kind is None:
            return None  # "I said", "we said": the writer's own statement
        if kind == "person":
            antecedent = self._antecedent(bounds[0])
            if antecedent is not None:
                return self._person(antecedent, bounds)
        if kind != "person":
            # "they" may be anyone: one unnamed group for the article, never the last speaker
            # (a later "she said" is not them).
            return self._anonymous_like(f"unnamed_{pronoun}", f"{pronoun} (unnamed)", kind, bounds)
        cluster = self._new(f"unnamed_{_slug(pronoun)}", name=f"{pronoun} (unnamed)", kind=kind)
        cluster.mentions.append(bounds)
        self._pending = cluster
        self.last_speaker = cluster.id
        return cluster.id

    def _antecedent(self, start: int) -> list | None:  # type: ignore[type-arg]
        """A person named just before a pronoun outside any report: "Nicholas Woodward, 37, ... he said".

        The nearest full name (two to four capitalised words) that opens a sentence of the same
        paragraph, within ``_FORWARD_REACH`` characters, introduced the way news introduces people
        (", 37,", ", a nurse", ", who"), with no role, organisation, outlet, country or calendar
        word in it. A bare "Los Angeles is ..." could be a place, so it is not taken.
        """
        lo = max(0, start - _FORWARD_REACH, self.text.rfind("\n", 0, start) + 1)
        tokens = self.tokens(lo, start)
        best = None
        for k, token in enumerate(tokens):
            if not token.text[:1].isupper() or (k and tokens[k - 1].text not in ".!?\"“”"):
                continue  # a name opening a sentence (or the window, at a paragraph start)
            if k == 0 and lo > 0 and self.text[lo - 1] != "\n":
                continue
            n = k
            while n < len(tokens) and n - k < 4 and tokens[n].text[:1].isupper() and tokens[n].text.isalpha():
                n += 1
            run = tokens[k:n]
            after = tokens[n + 1] if n + 1 < len(tokens) and tokens[n].text == "," else None
            if (len(run) >= 2 and after is not None
                    and (after.text.isdigit() or after.lower in ("a", "an", "who") or after.lower in self.lex.roles)
                    and not any(t.lower in self.lex.roles or t.lower in self.lex.demonyms or t.lower in _ORG_WORDS
                                or t.lower in _CALENDAR or t.lower in _DETERMINERS or t.lower in _OPENERS
                                for t in run)
                    and not find_outlets(run)):
                best = run
        return best or self._sentence_subject(tokens)

    def _sentence_subject(self, tokens: list[Token]) -> list[Token] | None:
        """The full name that is the subject of the pronoun's own sentence: "In this podcast,
        NPR's Mara Liasson discusses what she says ...".

        The sentence's first words, after an opening phrase and its comma and an outlet's
        possessive, must be two to four capitalised words starting with a given name (the
        Census list), with no role, organisation, outlet or calendar word, then a lower-case word.
        """
        k = len(tokens)
        while k > 0 and tokens[k - 1].text not in (".", "!", "?", ":"):
            k -= 1  # back to the start of the pronoun's sentence (within the window; "Correction: ...")
        words = tokens[k:]
        if words and words[0].lower in _OPENERS:
            comma = next((j for j, t in enumerate(words[:10]) if t.text == ","), None)
            if comma is None:
                return None
            words = words[comma + 1 :]
        if words and words[0].lower.endswith(("'s", "’s")) and words[0].text[:1].isupper():
            words = words[1:]  # "NPR's Mara Liasson"
        n = 0
        while n < len(words) and n < 4 and words[n].text[:1].isupper() and words[n].text.isalpha():
            n += 1
        run = words[:n]
        if n == 1:
            return self._single_name_subject(words)
        if not 2 <= n < len(words) or not words[n].text[:1].islower() or run[0].lower not in given_names() \
                or any(t.text.isupper() for t in run):  # not a headline's "FROM TODAY"
            return None
        if any(t.lower in self.lex.roles or t.lower in _ORG_WORDS or t.lower in _CALENDAR for t in run) \
                or find_outlets(run):
            return None
        return run

    def _single_name_subject(self, words: list[Token]) -> list[Token] | None:
        """A one-word name that is the subject of the pronoun's sentence, the pronoun in a later
        clause: "Ronaldo had no comment about the defeat, but he did say ...", "Clinton spoke in
        Raleigh, where she told supporters ...".

        News calls a person it has introduced by surname alone, so one capitalised word, then a
        lower-case word, with a comma before the pronoun's clause. The word must not be a word a
        sentence opens with anyway (function word, opener, pronoun, calendar word), nor a role,
        organisation word, demonym, country, outlet or unnamed group ("Officials said ..., but
        she"), nor an adverb ("Later").
        """
        if len(words) < 3 or not words[1].text.isalpha() or not words[1].text[:1].islower() \
                or not any(t.text == "," for t in words[2:]):
            return None
        word = words[0]
        lower = word.lower
        if (len(lower) < 3 or not word.text.isalpha() or word.text.isupper() or lower.endswith("ly")
                or lower in _OPENERS or lower in _DETERMINERS or lower in _CALENDAR or lower in _PRONOUNS
                or lower in _ANONYMOUS or lower in _ORG_WORDS or lower in function_words() or lower in _OPENING_ADVERBS
                or lower in self.lex.roles or lower in self.lex.demonyms or lower in _countries()
                or self._common_plural(lower) or find_outlets(words[:1])):
            return None
        return words[:1]

    def _name_before(self, start: int) -> list[Token]:
        """A full name and its comma right before ``start`` ("Onkar Singh, | Chairman of ..."), else []."""
        lo = max(0, start - 60)
        tokens = self.tokens(lo, start)
        if len(tokens) < 3 or tokens[-1].text != ",":
            return []
        k = len(tokens) - 1
        while k > 0 and len(tokens) - 1 - k < 4 and tokens[k - 1].text.isalpha() and tokens[k - 1].text[:1].isupper():
            k -= 1
        run = tokens[k:-1]
        blocked = self.lex.roles.keys() | self.lex.demonyms.keys() | _DETERMINERS | _OPENERS | _CALENDAR
        cut_word = tokens[k - 1].text[:1].isalnum() if k > 0 else lo > 0 and self.text[lo - 1].isalnum()
        if (len(run) < 2 or cut_word  # a whole name, not the tail of a longer phrase or word
                or any(t.lower in blocked for t in run) or find_outlets(run)):
            return []
        return tokens[k:]

    def _person(self, name_tokens: list, pronoun: tuple[int, int]) -> str:  # type: ignore[type-arg]
        """A person the text names outside any report, and the pronoun that reports their words."""
        cid = self._known(name_tokens)
        if cid is None:
            name = self._label(name_tokens[0].start, name_tokens[-1].end)
            cluster = self._new(_slug(name), name=name, kind="person", surname=name_tokens[-1].lower)
            self._remember_named(cluster)
            for token in (name_tokens[0], name_tokens[-1]):
                self.by_surname.setdefault(token.lower, cluster.id)
            self.by_surname[" ".join(t.lower for t in name_tokens)] = cluster.id
            cluster.mentions.append((name_tokens[0].start, name_tokens[-1].end))
        else:
            cluster = self.clusters[cid]
        cluster.mentions.append(pronoun)
        self.last_speaker = cluster.id
        return cluster.id

    def _quoted_in(self, offset: int, content: tuple[int, int] | None) -> bool:
        """Whether ``offset`` lies inside a speaker's quoted ``content``, within its quotation marks."""
        return content is not None and content[0] <= offset < content[1] \
            and self._segmentation is not None and self._segmentation.quote_at(offset) is not None

    def _resolve_forward(self, named: _Cluster, start: int, content: tuple[int, int] | None) -> None:
        """Merge a pending pronoun into ``named`` when the name follows it closely, unless the
        pronoun stands inside what ``named`` says ('"She said, ‘Mommy, ...’" Tom recalled': she is
        not Tom)."""
        pending, self._pending = self._pending, None
        if (pending is None or pending.id == named.id or pending.kind != "person"  # not plural "they"
                or start - pending.mentions[-1][1] > _FORWARD_REACH
                or self._quoted_in(pending.mentions[-1][0], content)):
            return
        named.mentions.extend(pending.mentions)
        if named.affiliated_with is None:
            named.affiliated_with = pending.affiliated_with
        self.merged[pending.id] = named.id

    def _role_before(self, start: int) -> SourceKind | None:
        """The kind of a role left just outside the source words: "Secretary of | State Hillary Clinton"."""
        before = self.last_tokens(max(0, start - 60), start, 6)
        if len(before) >= 2 and before[-1].lower == "of":
            kind = self._role_kind([before[-2].lower])
            # "Amazon vice president of | robotics Brad Porter": a company's title names its staff,
            # a person, as it does inside the source words (see _role_kind).
            if kind == "official" and self._role_kind([t.lower for t in before[-5:-1]]) == "person":
                return "person"
            return kind
        # "Russia's ambassador to | North Korea, Alexandre Matsegora": a role a few words back,
        # with only names and linking words between it and the source.
        roles = self.lex.roles
        for k in range(len(before) - 1, -1, -1):
            token = before[k]
            # A word the role lexicon lacks has no kind: most words, decided without _role_kind.
            kind = self._role_kind([token.lower]) if token.lower in roles else None
            if kind in ("official", "expert"):
                return kind
            if not (token.text[:1].isupper() or token.lower in _LINKING or token.text in (",", "'s", "’s")):
                return None
        return None

    def _role_after(self, end: int) -> SourceKind | None:
        """The kind a title in apposition gives: "Craig Bryan, head of ... at the University of Utah,"."""
        if not self.text.startswith(",", end):
            return None
        stop = self.text.find(",", end + 1, end + 120)
        tokens = self.tokens(end + 1, stop if stop > 0 else min(len(self.text), end + 80))
        words = [t.lower for t in tokens]
        if words[:1] == ["who"]:
            return self._clause_kind(tokens)
        # An appositive is a noun phrase ("a professor at ...", "head of ..."), not a clause ("he has ...").
        if not words or not (words[0] in _APPOSITIVE_STARTS or words[0] in self.lex.roles):
            return None
        kind = self._role_kind(words)
        if kind not in ("official", "expert"):
            # A person's appositive: organisation words in it say where they work, not what they are.
            kind = "expert" if _research_post(words) or any(
                w in ("university", "institute", "institution", "college", "center", "centre") for w in words) else None
        return kind

    def _clause_kind(self, tokens: list[Token]) -> SourceKind | None:
        """The kind a relative clause gives its speaker: "who chairs the ... department at the University of X"."""
        lowered = [t.lower for t in tokens]
        if len(lowered) < 3 or lowered[0] != "who" or lowered[1] not in _ROLE_CLAUSE_VERBS:
            return None
        role = _ROLE_CLAUSE_VERBS[lowered[1]]
        rest = lowered[2:]
        capitalised = {t.lower for t in tokens[2:] if t.text[:1].isupper()}
        if role is None:
            # "who is a professor", "who was White House communications director", "who served as
            # chief": a noun phrase must follow; "who is running for ...", "who has said ..." name no role.
            while rest and rest[0] in ("been", "as"):
                rest = rest[1:]
            first = rest[0] if rest else ""
            if not (first in _APPOSITIVE_STARTS or first in self.lex.roles or first in capitalised):
                return None
        cut = next((k for k, w in enumerate(rest) if w in _CLAUSE_STOPS or w == ","), len(rest))
        words = ([role] if role else []) + rest[:cut]
        kind = self._role_kind(words)
        return kind if kind in ("official", "expert") else None

    def _company_staff(self, lowered: list[str]) -> bool:
        """Whether a source's words name a company's staff: "a customer support representative",
        "Wells Fargo's head of ATM and branch banking", "Amazon vice president"."""
        # A possessive stays on its word: "the company's representative" has the token "company's".
        bare = [w.removesuffix("'s").removesuffix("’s") for w in lowered]
        if any(w in _COMPANY_WORDS for w in bare):
            return True
        known = _companies_lower()
        # A well-known company by name: two- and three-word names whole ("wells fargo"); a one-word
        # name only where this text writes it capitalised ("Apple", not "apple").
        for i, word in enumerate(bare):
            if word in known and word in self._capitalised_words():
                return True
            two = f"{lowered[i]} {bare[i + 1]}" if i + 1 < len(bare) else ""
            three = f"{lowered[i]} {lowered[i + 1]} {bare[i + 2]}" if i + 2 < len(bare) else ""
            if two in known or three in known:
                return True
        return False

    def _capitalised_words(self) -> frozenset[str]:
        """The words (lower-cased, possessive dropped) this text writes with a capital, once per text."""
        if self._capitalised is None:
            self._capitalised = frozenset(w.removesuffix("'s").removesuffix("’s").lower()
                                          for w in _WORD_RUN.findall(self.text) if w[:1].isupper())
        return self._capitalised

    def _role_kind(self, lowered: list[str]) -> SourceKind | None:
        best: SourceKind | None = None
        officials: set[str] = set()
        for i, word in enumerate(lowered):
            # A possessive stays on its word: a two-word role is read without it ("the FDIC
            # inspector general's memo"); one word keeps it ("Queen's Brian May" is no queen).
            following = lowered[i + 1].removesuffix("'s").removesuffix("’s") if i + 1 < len(lowered) else ""
            two = f"{word} {following}" if following else ""
            role = two if two in self.lex.roles else word
            kind = self.lex.roles.get(role)
            if kind == "official":
                officials.add(role)
            if kind is not None and (best is None or _KIND_RANK.get(kind, 0) > _KIND_RANK.get(best, 0)):
                best = kind  # type: ignore[assignment]
        # The head of a university department or research institute ("chairman of the computer
        # science department at Dartmouth College"); a school's department alone stays official.
        # "the dean of the School of Hotel Administration at Cornell": a unit's name in it
        # ("Administration", "Department") is no leadership role of its own.
        leaders = officials - {"department", "administration"}
        if best == "official" and leaders <= _LEADERSHIP and (leaders or "department" not in officials) \
                and not _ACADEMIC.isdisjoint(lowered):
            return "expert"
        if best == "official" and officials <= _CORPORATE_TITLES and (self._company_staff(lowered) or (
                _company_title(lowered) and _GOVERNMENT_WORDS.isdisjoint(w.removesuffix("'s").removesuffix("’s")
                                                                         for w in lowered))):
            # "a customer support representative", "the company's vice-president"; "Halvorsen's
            # chief executive" (a title only companies give).
            return "person"
        return best

    def _appositive(self, first: Token) -> bool:
        """Whether a phrase after a comma starting with ``first`` describes the name before it."""
        low = first.lower
        return (first.text[:1].islower() or low in _APPOSITIVE_STARTS or low in self.lex.roles
                or low in _TITLE_INITIALS or low in _PARTIES  # "Tom Reyes, CEO of ..."
                or (len(low) > 2 and low[0] in "rdi" and low[1] == "-"))  # "R-Fla."

    @staticmethod
    def _advocacy_name(words: list[Token]) -> list[Token]:
        """An organisation named as people for or against a cause: "Physicians for Social
        Responsibility", "Doctors Without Borders", "Citizens for Responsibility and Ethics in
        Washington" (a capitalised plural, "for", "against" or "without", then two or more
        capitalised words, one after a capitalised link). Empty when the words are not such a name."""
        k = 1 if words and words[0].lower == "the" else 0
        if len(words) < k + 3:
            return []
        head, link = words[k], words[k + 1]
        if not (head.text[:1].isupper() and head.text.isalpha() and head.lower.endswith("s")
                and head.lower not in _ANONYMOUS and link.lower in ("for", "against", "without")):
            return []
        end = k + 2
        while end < len(words) and (words[end].text[:1].isupper() or words[end].lower in _NAME_LINKS):
            end += 1
        while words[end - 1].lower in _NAME_LINKS:
            end -= 1
        capitalised = sum(1 for t in words[k + 2 : end] if t.text[:1].isupper())
        # One capitalised word is enough after a capitalised link ("Doctors Without Borders").
        enough = 1 if link.text[:1].isupper() else 2
        return list(words[k:end]) if capitalised >= enough and end == len(words) else []

    def _opening_common_word(self, words: list[Token], name_tokens: list[Token]) -> bool:
        """ "Internal emails reveal ...", "Local media reported", "Organizers of X say": one
        capitalised word that opens the sentence before a lower-case noun for a document, for
        people or for the media has its capital from the sentence, not from a name, unless
        something says it is one: initials, a brand's inner capital, a well-known company, a
        registry outlet, a role or organisation word ("Pentagon documents", "Court records"), or a
        word of the Census name lists ("Clinton emails", "Gallup data"; so "Flight logs" stays a
        name) other than a common adjective before documents ("New polls", "Early studies")."""
        if len(name_tokens) != 1 or name_tokens[0] is not words[0] or len(words) < 2:
            return False
        word = words[0]
        head = words[-1].lower
        at = next((k for k in range(1, len(words)) if words[k].lower in _HEAD_PREPOSITIONS), len(words))
        if at < len(words) and at > 1:
            head = words[at - 1].lower  # "Organizers of Quds Day rallies": the word before "of"
        if not (head in _DOCUMENT_OR_FINDINGS or head in _GENERIC_MEDIA or _people_plural(head)) \
                or words[1].text[:1].isupper() \
                or not self._opens_sentence(word.start):
            return False
        low = word.lower
        if low in _DOCUMENT_QUALIFIERS:
            return True  # "New polls", "Early studies": Census surnames too, but no name here
        return not (word.text.isupper() or _brand(word.text) or _company(word.text) or low in self.lex.roles
                    or low in _ORG_WORDS or _personal_name(low) or low in self.lex.demonyms
                    or find_outlets([word]))

    def _opens_sentence(self, offset: int) -> bool:
        """Whether only spaces and quotation marks stand between ``offset`` and the text's start or
        the end of the sentence before it."""
        before = self.text[max(0, offset - 40) : offset].rstrip(" \t\"“‘'")
        return before[-1] in ".!?\n:" if before else offset <= 40

    def _owner_role(self, words: list[Token]) -> bool:
        """Whether a phrase after a comma is a role its holder has at a named owner: "Wells Fargo's
        head of ATM and branch banking", "Amazon's chief executive" (capitalised words, a possessive,
        then a role word)."""
        for k, token in enumerate(words[:4]):
            if not token.text[:1].isupper():
                return False
            if token.text.endswith(("'s", "’s")) or (k + 1 < len(words) and words[k + 1].text in ("'s", "’s")):
                after = words[k + 1 :] if token.text.endswith(("'s", "’s")) else words[k + 2 :]
                return bool(after) and (after[0].lower in self.lex.roles or after[0].lower in _APPOSITIVE_STARTS)
        return False

    def _titled_name(self, words: list) -> bool:  # type: ignore[type-arg]
        """Whether a role word is directly followed by a name: "President Joe Biden", not "ambassador to"."""
        roles, demonyms = self.lex.roles, self.lex.demonyms
        return any(t.lower in roles and n.text[:1].isupper() and n.lower not in roles and n.lower not in demonyms
                   for t, n in itertools.pairwise(words))

    @staticmethod
    def _joined(words: list, name_tokens: list) -> list:  # type: ignore[type-arg]
        """The name with the capitalised and linking words either side of it (its organisation's words)."""
        if not name_tokens or name_tokens[0] not in words:
            return words
        lo = words.index(name_tokens[0])
        hi = lo + len(name_tokens)
        def joins(t) -> bool:  # type: ignore[no-untyped-def]
            return t.text[:1].isupper() or t.lower in _LINKING or t.lower in ("and", "&")
        while lo > 0 and joins(words[lo - 1]):
            lo -= 1
        while hi < len(words) and joins(words[hi]):
            hi += 1
        return words[lo:hi]

    def _name(self, words: list, surname_roles: Set[int] = frozenset()) -> list:  # type: ignore[type-arg]
        """The proper name in a source phrase: the last run of capitalised non-role words (a role
        word at a start in ``surname_roles`` is a surname: "Martin Luther King")."""
        runs: list[list] = [[]]  # type: ignore[type-arg]
        for k, token in enumerate(words):
            low = token.lower
            capital = token.text[:1].isupper()
            if token.start in surname_roles:
                runs[-1].append(token)
                continue
            # A plural common noun opening the phrase has its capital from the sentence start
            # ("Doctors around the world", "Aides said"); inside a name it is the name's ("the
            # Council of Economic Advisers").
            # A Census surname is a name there ("Sanders said", "Rogers told"), not people who sand.
            opening_plural = k == 0 and (
                (low.endswith("s") and (self._common_plural(low) or (
                    _people_plural(low) and (low in _PEOPLE_NTS or low not in _surnames()))))
                or low in _OPENING_NOT_NAME  # "Another commenter said", "About one in seven adults said"
                or (low.endswith("s") and low in _DOCUMENT_OR_FINDINGS))  # "Studies show", "Polls suggest"
            # "Chief Executive Herbert Diess", "Chief Financial Officer Amy Hood": the rest of a title.
            title_part = k > 0 and low in _TITLE_WORDS and (words[k - 1].lower in self.lex.roles
                                                             or words[k - 1].lower in _TITLE_WORDS)
            if capital and low not in self.lex.roles and low not in self.lex.demonyms and low not in _ANONYMOUS \
                    and low not in _STAFF_TITLES and not opening_plural and not title_part and low not in _DETERMINERS \
                    and low not in _CALENDAR and not low.endswith(("'s", "’s")):
                runs[-1].append(token)
            elif runs[-1]:
                runs.append([])
        named = [r for r in runs if r]
        if not named:
            return []
        # "Russia's ambassador to North Korea, Alexandre Matsegora": the person is the last run.
        return named[-1]

    def finish(self) -> list[Source]:
        sources = []
        name_words = {c.id: self._name_words(c) for c in self.clusters.values() if c.id not in self.merged
                      and c.surname and c.kind in ("person", "official", "expert")}
        # Every name word is found through its first run of word characters ("Smith" of
        # "Smith-Jones"), all in one index of the text, not with a scan of the text per person.
        runs = self._word_runs({lead for words in name_words.values() for w in words
                                if (lead := _lead_run(w)) is not None})
        for cluster in self.clusters.values():
            if cluster.id in self.merged:
                continue
            spans = sorted(set(cluster.mentions))
            if cluster.id in name_words:
                others = self._surname_mentions(cluster, name_words[cluster.id], runs)
                if cluster.kind == "person" and others:
                    cluster.kind = self._titled_elsewhere(cluster, others) or cluster.kind
                spans = sorted(set(spans) | others)
            sources.append(
                Source(
                    id=cluster.id,
                    name=cluster.name,
                    kind=cluster.kind,
                    domain=cluster.domain,
                    country=cluster.country,
                    state_affiliated=cluster.state_affiliated,
                    affiliated_with=cluster.affiliated_with,
                    mentions=[Span(start=s, end=e, text=self.text[s:e]) for s, e in spans],
                )
            )
        return sources

    def _titled_elsewhere(self, cluster: _Cluster, mentions: set[tuple[int, int]]) -> SourceKind | None:
        """The kind a role gives a person where the text names them outside any statement.

        "... including the House Speaker, Paul Ryan. “...,” Ryan said": the speaker's own words
        hold no role, the earlier mention does. The role must stand right before the name, with
        only capitalised or linking words between; for a person named with a given name, right
        before that given name ("President Clinton" is no title of "Hillary Clinton").
        """
        parts = cluster.name.split()
        given = parts[0].lower() if len(parts) > 1 else None
        for start, end in sorted(mentions)[:_TITLE_LOOKUPS]:
            before = self.last_tokens(max(0, start - 80), start, 7)
            if given is None:
                if before and before[-1].text[:1].isupper() and before[-1].lower in given_names():
                    before = before[:-1]  # "Paul | Ryan": the role stands before the given name
            elif self._label(start, end).lower() != given:
                if not before or before[-1].lower != given:
                    continue
                before = before[:-1]
            k = len(before)
            while k > 0 and (before[k - 1].text[:1].isupper() or before[k - 1].lower in _LINKING
                             or (k == len(before) and before[k - 1].text == ",")):
                k -= 1
            # "the House Speaker, Paul Ryan", "Sen. Paul Ryan": two-word roles included.
            kind = self._role_kind([t.lower for t in before[k:]]) if k < len(before) else None
            if kind in ("official", "expert"):
                return kind
        return None

    def _name_words(self, cluster: _Cluster) -> set[str]:
        """The words of a person's name that stand for them alone ("Korotchenko", "Igor")."""
        return {w for w in cluster.name.split() if self.by_surname.get(w.lower()) == cluster.id}

    def _word_runs(self, words: set[str]) -> dict[str, list[tuple[int, int]]]:
        r"""Where each of ``words`` occurs as a maximal run of word characters (as ``r"\w+"`` finds them).

        A few words (the usual article) are each found with ``str.find``, a fast scan in C; many
        (a text naming thousands of people) with one pass over every run, so the cost stays
        linear either way.
        """
        text = self.text
        runs: dict[str, list[tuple[int, int]]] = {}
        if len(words) > _FIND_WORDS:
            for match in _WORD_RUN.finditer(text):
                if match.group() in words:
                    runs.setdefault(match.group(), []).append(match.span())
            return runs
        for word in words:
            spans = []
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                # A maximal run: no word character either side (``\w`` is alphanumeric or "_").
                if not (start and _is_word_char(text[start - 1])) \
                        and not (end < len(text) and _is_word_char(text[end])):
                    spans.append((start, end))
                start = text.find(word, end)
            if spans:
                runs[word] = spans
        return runs

    def _surname_mentions(self, cluster: _Cluster, words: set[str],
                          runs: dict[str, list[tuple[int, int]]]) -> set[tuple[int, int]]:
        """Every other place the text names this person (by one of ``words``), so readers see all mentions."""
        found: set[tuple[int, int]] = set()
        if not words:
            return found
        ordered_words = sorted(words)
        if all(_lead_run(w) is not None for w in ordered_words):
            spans = self._whole_words(ordered_words, runs)
        else:  # a name word opening on punctuation: rare, scanned for
            pattern = r"\b(?:" + "|".join(re.escape(w) for w in ordered_words) + r")\b"
            spans = [m.span() for m in re.finditer(pattern, self.text)]
        # A match is covered when some mention starting at or before it ends at or after it:
        # mentions sorted by start with a running maximum of their ends answer that by bisection.
        ordered = sorted(cluster.mentions)
        mention_starts = [a for a, _ in ordered]
        reach = list(itertools.accumulate((b for _, b in ordered), max))
        for s, e in spans:
            k = bisect.bisect_right(mention_starts, s)
            if not (k and reach[k - 1] >= e):
                found.add((s, e))
        return found

    def _whole_words(self, words: list[str], runs: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
        r"""What ``re.finditer(r"\b(?:w1|w2|...)\b", text)`` finds for ``words`` (sorted), from ``runs``.

        A word that opens on a word character can only match where a maximal run of word
        characters starts (the ``\b`` before it) with that word's first run: "Smith-Jones" at a
        run "Smith" followed by "-Jones", then a boundary (no word character after a word that
        ends on one, "Smith-Jones"; a word character after one that ends on punctuation, "Jr.").
        Where matches overlap, the regex keeps the leftmost, and at one place the first alternative.
        """
        text = self.text
        candidates = []
        for order, word in enumerate(words):
            lead = _lead_run(word)
            assert lead is not None
            closes_on_word = _is_word_char(word[-1])
            for s, e in runs.get(lead, ()):
                end = s + len(word)
                if end == e or (text.startswith(word, s)
                                and (end < len(text) and _is_word_char(text[end])) != closes_on_word):
                    candidates.append((s, order, end))
        candidates.sort()
        spans: list[tuple[int, int]] = []
        reached = -1
        for s, _, end in candidates:
            if s >= reached:
                spans.append((s, end))
                reached = end
        return spans


_WORD_RUN = re.compile(r"\w+")
_FIND_WORDS = 40  # up to this many name words, each is looked for with str.find


# Name prefixes that take a capital inside a person's name: McCain, MacArthur, DeSantis, LeBron.
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du")


# A website's name: "Trucks.com", "RadarOnline.com".
_WEB_NAME = re.compile(r"[A-Za-z0-9-]+\.(?:com|net|org|news|info|co\.uk|tv)")
_PUBLISHING = frozenset({"reported", "reports", "report", "reporting", "wrote", "writes", "published", "publishes",
                         "revealed", "reveals", "learned", "noted"})


@functools.cache
def _countries() -> dict[str, str]:
    """Lower-cased country name -> ISO code (``data/lexicons/countries.tsv``)."""
    return {name.lower(): code for name, _, code in (line.partition("\t") for line in _lines("countries.tsv"))}



@functools.cache
def _surnames() -> frozenset[str]:
    """Surnames of the US 1990 Census, lower case (data/lexicons/PERSONAL_NAMES.md)."""
    return frozenset(_lines("surnames.txt"))


@functools.cache
def _companies() -> frozenset[str]:
    """Well-known companies (data/lexicons/companies.tsv; names that name people as often, like
    "Ford" or "Abbott", are not in it)."""
    return frozenset(line.partition("\t")[0].strip() for line in _lines("companies.tsv"))


@functools.cache
def _companies_lower() -> frozenset[str]:
    """The well-known companies' names, lower-cased (matched against a source's lowered words)."""
    return frozenset(name.lower() for name in _companies())


def _company(name: str) -> bool:
    """Whether ``name`` (possessive dropped) is a well-known company's."""
    return name.removesuffix("'s").removesuffix("’s") in _companies()


# Titles only companies give (a government's "president" or "director" stays a role word).
_COMPANY_ONLY_TITLES = frozenset({"ceo", "cfo", "coo", "cto", "cmo", "founder", "co-founder", "cofounder", "owner",
                                  "co-owner", "proprietor", "executive"})
_COMPANY_TITLE_ENDS = frozenset({"of", "at", "for", ","})
# A government body's chief executive is an official ("the agency's chief executive").
_GOVERNMENT_WORDS = frozenset({"agency", "ministry", "department", "government", "council", "commission", "authority",
                               "administration", "bureau", "service", "nhs", "city", "county", "state"})


def _company_title(lowered: list[str]) -> bool:
    """Whether the source words give a company title to one holder: "chief executive of X",
    "the company's founder", "Tom Reyes, CEO of X" (a title word followed by "of"/"at"/"for", a
    comma, or the end of the words); not "executive order" or "the executive branch"."""
    for i, word in enumerate(lowered):
        bare = word.removesuffix("'s").removesuffix("’s")
        if bare in _COMPANY_ONLY_TITLES and (i + 1 == len(lowered) or lowered[i + 1] in _COMPANY_TITLE_ENDS):
            return True
    return False


def _personal_name(word: str) -> bool:
    """Whether a lower-cased word is a given name or a surname of the Census lists."""
    return word in given_names() or word in _surnames()


# Plural nouns for people by their ending: "voters", "investors", "activists", "physicians",
# "employees"; beside them the "-ents"/"-ants" words that name people ("residents", "tenants").
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ees")
_PEOPLE_NTS = frozenset("""residents students parents patients respondents opponents clients participants
    immigrants migrants applicants tenants merchants consultants attendants defendants servants agents
    correspondents dependents descendants occupants inhabitants entrants contestants""".split())
# Words with those endings that name things ("numbers", "headquarters", "ventilators").
_THING_PLURALS = frozenset("""numbers papers orders letters matters centers centres computers headquarters
    quarters filters factors sectors indicators offers borders layers answers powers waters others towers
    chambers errors colors colours meters markers posters trailers covers headers corridors doors floors
    honors honours favors favours rumors rumours flavors vectors tractors reactors ventilators respirators
    calculators elevators simulators accelerators monitors motors lockers charters barriers shelters
    registers containers fibers fibres liters litres dollars years hours members remarks newspapers""".split())


def _people_plural(word: str) -> bool:
    """ "voters", "protesters", "residents", "freshmen": a lower-case plural noun naming people, by its ending."""
    return word.isalpha() and word.islower() and word not in _THING_PLURALS and (
        word in _PEOPLE_NTS or (len(word) > 4 and word.endswith(_PEOPLE_ENDINGS))
        or (len(word) > 5 and word.endswith("men") and word not in _NOT_PEOPLE_MEN))


# Words in "-men" that name no people ("freshmen", "congressmen" do).
_NOT_PEOPLE_MEN = frozenset({"specimen", "abdomen", "regimen", "acumen", "cyclamen"})
# How many mentions outside statements are read for a role (bounded: linear time per person).
_TITLE_LOOKUPS = 6
# Numbers in a share of a group: "one in seven adults", "1 in 4".
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten twenty hundred thousand".split())


def _party_label(label: str) -> bool:
    """ "R", "D-Md.", "I-Vt.": a US party label, alone or with the state."""
    return 0 < len(label) <= 12 and label[0] in "RDI" and (len(label) == 1 or label[1] == "-")


def _number(word: str) -> bool:
    return word in _NUMBER_WORDS or word.replace(",", "").isdigit()


def _brand(word: str) -> bool:
    """ "GoPro", "SafeGraph", "BlackRock": a capital inside one word names a company, not a person."""
    if not (word[:1].isupper() and word.isalpha()) or word.isupper() or word[:-1].isupper():
        return False  # "NATO", "CEOs"
    inner = next((k for k in range(1, len(word)) if word[k].isupper()), None)
    return inner is not None and word[:inner] not in _NAME_PREFIXES


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _lead_run(word: str) -> str | None:
    """The first run of word characters of a name word that opens on one ("Smith" of "Smith-Jones"), else None."""
    if not (word and _is_word_char(word[0])):
        return None
    match = _WORD_RUN.match(word)
    return match.group() if match else None


_COUNTRY_ADJECTIVE = {"RU": "Russian", "CN": "Chinese", "KP": "North Korean", "IR": "Iranian", "SY": "Syrian",
                      "TR": "Turkish", "VE": "Venezuelan", "CU": "Cuban", "BY": "Belarusian"}


def resolve_sources(text: str, found: list[Found], *, url: str | None = None,
                    title: str | None = None, links: Sequence[Link] = (),
                    segmentation: Segmentation | None = None) -> Resolution:
    """Resolve every statement's source and relays, and the targets of hyperlinks; add the article itself.

    ``segmentation`` is ``segment(text)`` when the caller has it: its tokens are reused instead
    of tokenising the text again.
    """
    if segmentation is not None and segmentation.text is not text and segmentation.text != text:
        raise InputError("resolve_sources: the segmentation is of another text; pass segment(text) of this text")
    resolver = _Resolver(text, segmentation)
    # Named outlets first, so a loose "state TV" joins the state broadcaster the text names.
    for item in found:
        for mention in (*item.relays, *((item.named_outlet,) if item.named_outlet else ())):
            if mention.outlet is not None and mention.outlet.id not in resolver.clusters:
                resolver.outlet(mention)
                resolver.clusters[mention.outlet.id].mentions.pop()
    source_of: list[str | None] = []
    relays_of: list[list[str]] = []
    cited_by: list[str | None] = []
    for item in found:
        sid = resolver.speaker(item)
        source_of.append(sid)
        citing = _citing(resolver, item)
        cited_by.append(resolver.speaker(citing) if citing is not None else None)
        relay_ids = []
        for mention in item.relays:
            rid = resolver.outlet(mention)
            if rid != sid and rid not in relay_ids:
                relay_ids.append(rid)
        relays_of.append(relay_ids)
        # A speaker's own venue ("on Russian Channel") is an affiliation; a relay the article
        # declares ("Quoted from X") is not.
        venues = [resolver.outlet(m) for m in item.relays if m not in item.declared]
        if sid is not None and venues and venues[0] != sid:
            cluster = resolver.clusters[sid]
            if cluster.affiliated_with is None and cluster.kind not in _OUTLET_KINDS:
                cluster.affiliated_with = venues[0]
    # A relay the article declares up front ("Quoted from X, ...") stands for every statement
    # that names no outlet of its own.
    article_relays = [resolver.outlet(m) for item in found for m in item.declared][:1]
    dateline = _dateline(resolver)
    wire_relay = resolver.outlet(dateline) if dateline is not None else None
    article = _article_source(url, title)
    link_sources = sorted((link.start, link.end, resolver.link(link)) for link in links
                          if link.domain and link.domain != article.domain and 0 <= link.start < link.end <= len(text))
    if resolver.merged:  # pronouns resolved forward: point their statements at the name
        source_of = [resolver.merged.get(sid, sid) if sid else sid for sid in source_of]
        cited_by = [resolver.merged.get(sid, sid) if sid else sid for sid in cited_by]
    sources = resolver.finish()
    sources.insert(0, article)
    according = [item.cue is not None and text[item.cue[0] : item.cue[1]].lower().startswith("according")
                 for item in found]
    denied = [item.cue is not None and text[item.cue[0] : item.cue[1]].lower().rpartition(" ")[2] in _DENIALS
              for item in found]
    return Resolution(sources, source_of, relays_of, article_relays, wire_relay, cited_by, link_sources, according,
                      denied)


_CITING_STOP = frozenset({",", ";", ":", ".", "that", "as", "and", "who", "which", "said", "says", "—", "–", "(", ")"})


def _citing(resolver: _Resolver, item: Found) -> Found | None:
    """The origin a source cites: "X reported, citing a source in the PLA, that ...".

    Looked for among the first words after the source and its cue (often the start of the content),
    and inside the source words or between them and the cue: "a Washington Post report citing
    anonymous officials", "Salceda, citing data from the State Department, said".
    """
    if item.source is None:
        return None
    text = resolver.text
    lo = max(b[1] for b in (item.source, item.cue) if b is not None)
    start = item.source[0] if item.source[1] - item.source[0] < 200 else lo
    if "citing" not in text[start : lo + 160].lower():
        return None  # the usual case, decided without tokenising the window
    tokens = resolver.tokens(start, min(len(text), lo + 160))
    before = sum(1 for t in tokens if t.start < lo)  # the source's words (and the gap to the cue)
    roles = resolver.lex.roles  # "citing a spokesman", "citing health experts"
    for k, token in enumerate(tokens[: before + 6]):
        if token.lower != "citing":
            continue
        words = []
        for t in tokens[k + 1 : k + 13]:
            if t.lower in _CITING_STOP:
                break
            words.append(t)
        # A source or a document is cited, not a reason ("citing another reason the state is hard
        # to predict", "citing concerns"): a name, or a source or document word.
        if words and any(t.text[:1].isupper() or t.lower in _ANONYMOUS or t.lower in _UNNAMED_PEOPLE
                         or t.lower in _DOCUMENT_WORDS or t.lower.rstrip("s") in roles for t in words):
            directness = "vague" if words[-1].lower in _ANONYMOUS or words[0].lower in ("a", "an") else "secondhand"
            return Found(source=(words[0].start, words[-1].end), cue=(token.start, token.end),
                         content=item.content, directness=directness)  # type: ignore[arg-type]
    return None


_DATELINE_DASHES = frozenset("-—–:")


def _dateline(resolver: _Resolver) -> OutletMention | None:
    """The agency credited in a dateline at the top: "WASHINGTON (AP) —", "New Delhi (Sputnik):".

    Wire copy reached the article through that agency, so it is a relay of every statement.
    """
    head = resolver.text[:300]
    if "(" not in head:
        return None  # no "(Agency)" credit: most articles, decided without tokenising
    for mention in find_outlets(resolver.tokens(0, len(head))):
        if mention.outlet is None:
            continue
        before = head[: mention.start].rstrip()
        after = head[mention.end :].lstrip()
        if before.endswith("(") and after.startswith(")") and after[1:].lstrip()[:1] in _DATELINE_DASHES:
            # Only a dateline: the line must start with it (a place name at most before it).
            line_start = head.rfind("\n", 0, mention.start) + 1
            if len(before) - line_start <= 40:
                return mention
    return None


def _domain_kind(domain: str) -> SourceKind:
    labels = domain.split(".")
    if "gov" in labels or "mil" in labels or labels[-1] in ("gov", "mil", "int"):
        return "official"
    if "edu" in labels or "ac" in labels[-2:]:
        return "expert"
    return "unknown"


_OUTLET_KINDS = frozenset({"news_outlet", "wire_agency", "state_media", "blog", "social_media"})


def _article_source(url: str | None, title: str | None) -> Source:
    outlet, domain = outlet_for_url(url) if url else (None, None)
    kind: SourceKind = outlet.kind if outlet is not None else "unknown"  # type: ignore[assignment]
    if outlet is not None and outlet.kind == "blog":
        name = domain or outlet.name
    else:
        name = outlet.name if outlet is not None else (domain or title or "this article")
    return Source(
        id=ARTICLE_SOURCE_ID,
        name=name,
        kind=kind,
        domain=domain,
        country=outlet.country if outlet is not None else None,
        state_affiliated=outlet.state_affiliated if outlet is not None else False,
    )




def _research_post(words: list[str]) -> bool:
    """A research post in an appositive: "a senior fellow at the Brookings Institution", "a
    scholar with the Cato Institute" (not "a fellow Republican": the noun is followed by its
    institution's preposition)."""
    return any(w in ("fellow", "scholar") and words[k + 1 : k + 2] in (["at"], ["with"], ["of"])
               for k, w in enumerate(words))
