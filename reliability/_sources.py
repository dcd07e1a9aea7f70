"""Stage 3: resolve the words naming a source into :class:`~reliability.Source` records.

Mentions of one entity are clustered ("Igor Korotchenko", "Korotchenko", "he"); pronouns and
bare descriptions ("the minister") refer back to the last named speaker. Kinds come from the
outlet registry and from role words ("ambassador" → official, "expert" → expert); unnamed
plural sources ("reports", "sources", "officials") are anonymous. Relays named beside a speaker
("on Russian Channel", "via state TV") become sources of their own, linked by ``affiliated_with``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from ._attributions import Found
from ._outlets import OutletMention, outlet_for_url
from ._records import ARTICLE_SOURCE_ID, Source, SourceKind, Span
from ._resources import lexicons
from ._segmentation import tokenize

__all__ = ["Resolution", "resolve_sources"]

_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "i", "we"})
_ANONYMOUS = frozenset(
    """sources source reports report rumors rumours insiders officials people experts analysts
    critics observers some many others someone witnesses residents""".split()
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_ORG_WORDS = frozenset(
    """ministry department agency office council committee party university institute company
    corporation group association foundation commission government administration police army
    military court bank organization organisation union campaign center centre""".split()
)
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


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "source"


class _Resolver:
    def __init__(self, text: str) -> None:
        self.text = text
        self.clusters: dict[str, _Cluster] = {}
        self.by_surname: dict[str, str] = {}
        self.last_speaker: str | None = None
        self.lex = lexicons()

    def _new(self, base: str, **kwargs: object) -> _Cluster:
        cid = base
        n = 2
        while cid in self.clusters or cid == ARTICLE_SOURCE_ID:
            cid = f"{base}_{n}"
            n += 1
        cluster = _Cluster(id=cid, **kwargs)  # type: ignore[arg-type]
        self.clusters[cid] = cluster
        return cluster

    # --- outlets ------------------------------------------------------------------------------

    def outlet(self, mention: OutletMention) -> str:
        bounds = (mention.start, mention.end)
        if mention.outlet is not None:
            cid = mention.outlet.id
            if cid not in self.clusters:
                self.clusters[cid] = _Cluster(
                    id=cid,
                    name=mention.outlet.name,
                    kind=mention.outlet.kind,  # type: ignore[arg-type]
                    domain=mention.outlet.domains[0] if mention.outlet.domains else None,
                    country=mention.outlet.country,
                    state_affiliated=mention.outlet.state_affiliated,
                )
            self.clusters[cid].mentions.append(bounds)
            return cid
        if mention.kind != "state_media":
            # An outlet the registry does not know, named in "Quoted from X,".
            name = self.text[mention.start : mention.end]
            base = _slug(name)
            cluster = self.clusters.get(base) or self._new(base, name=name, kind=mention.kind)
            cluster.mentions.append(bounds)
            return cluster.id
        # A loose reference ("state TV"): the state outlet of that country already named, if any.
        for cluster in self.clusters.values():
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

    # --- speakers -----------------------------------------------------------------------------

    def speaker(self, item: Found) -> str | None:
        if item.named_outlet is not None:
            return self.outlet(item.named_outlet)
        if item.source is None:
            if item.directness != "vague":
                return None
            return self._anonymous("unnamed source", item.cue or item.content)
        start, end = item.source
        words = [t for t in tokenize(self.text, start, end)]
        lowered = [t.lower for t in words]
        if len(lowered) == 1 and lowered[0] in _PRONOUNS:
            return self._refer_back(item.source)
        kind = self._role_kind(lowered)
        name_tokens = self._name(words)
        if not name_tokens:
            head = lowered[-1] if lowered else ""
            if head in _ANONYMOUS or item.directness == "vague":
                return self._anonymous(self.text[start:end], item.source)
            if lowered[:1] and lowered[0] in _DETERMINERS and kind is not None:
                # "the minister added": the last speaker of that kind.
                found = self._refer_back(item.source, kind)
                if found is not None:
                    return found
            cluster = self._new(_slug(self.text[start:end]), name=self.text[start:end],
                                kind=kind or "unknown")
            cluster.mentions.append(item.source)
            return cluster.id
        name = self.text[name_tokens[0].start : name_tokens[-1].end]
        surname = name_tokens[-1].lower
        is_org = any(t.lower in _ORG_WORDS for t in name_tokens)
        cid = self._known(name_tokens)
        if cid is None:
            cluster = self._new(_slug(name), name=name,
                                kind=kind or ("organization" if is_org else "person"),
                                surname=surname)
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
        cluster.mentions.append(item.source)
        if cluster.kind in ("person", "official", "expert"):
            self.last_speaker = cluster.id
        return cluster.id

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

    def _anonymous(self, label: str, bounds: tuple[int, int]) -> str:
        base = "anonymous_" + _slug(label)
        cluster = self.clusters.get(base) or self._new(base, name=label, kind="anonymous")
        cluster.mentions.append(bounds)
        return cluster.id

    def _refer_back(self, bounds: tuple[int, int], kind: str | None = None) -> str | None:
        if kind is None:
            target = self.last_speaker
        else:
            target = next(
                (c.id for c in reversed(self.clusters.values()) if c.kind == kind and c.surname), None
            )
        if target is None:
            return None
        self.clusters[target].mentions.append(bounds)
        return target

    def _role_kind(self, lowered: list[str]) -> SourceKind | None:
        best: SourceKind | None = None
        for i, word in enumerate(lowered):
            two = f"{word} {lowered[i + 1]}" if i + 1 < len(lowered) else ""
            kind = self.lex.roles.get(two) or self.lex.roles.get(word)
            if kind is not None and (best is None or _KIND_RANK.get(kind, 0) > _KIND_RANK.get(best, 0)):
                best = kind  # type: ignore[assignment]
        return best

    def _name(self, words: list) -> list:  # type: ignore[type-arg]
        """The proper name in a source phrase: the last run of capitalised non-role words."""
        runs: list[list] = [[]]  # type: ignore[type-arg]
        for token in words:
            low = token.lower
            capital = token.text[:1].isupper()
            if capital and low not in self.lex.roles and low not in self.lex.demonyms \
                    and low not in _DETERMINERS and not low.endswith(("'s", "’s")):
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
        runs = self._word_runs()
        for cluster in self.clusters.values():
            spans = sorted(set(cluster.mentions))
            if cluster.surname and cluster.kind in ("person", "official", "expert"):
                spans = sorted(set(spans) | self._surname_mentions(cluster, runs))
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

    def _word_runs(self) -> dict[str, list[tuple[int, int]]]:
        """Where each maximal run of word characters occurs, read once for all clusters."""
        runs: dict[str, list[tuple[int, int]]] = {}
        for match in _WORD_RUN.finditer(self.text):
            runs.setdefault(match.group(), []).append(match.span())
        return runs

    def _surname_mentions(self, cluster: _Cluster, runs: dict[str, list[tuple[int, int]]]) -> set[tuple[int, int]]:
        """Every other place the text names this person, so readers see all mentions."""
        assert cluster.surname is not None
        found: set[tuple[int, int]] = set()
        covered = cluster.mentions
        words = {w for w in cluster.name.split() if self.by_surname.get(w.lower()) == cluster.id}
        if not words:
            return found
        if all(_WORD_RUN.fullmatch(w) for w in words):
            # A word-character-only name between word boundaries is exactly a maximal run, so
            # the runs read once answer this without scanning the text again per person.
            spans = sorted(span for w in words for span in runs.get(w, ()))
        else:  # a name like "Smith-Jones": the boundaries fall inside runs
            pattern = r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b"
            spans = [m.span() for m in re.finditer(pattern, self.text)]
        # A match is covered when some mention starting at or before it ends at or after it:
        # mentions sorted by start with a running maximum of their ends answer that by bisection.
        ordered = sorted(covered)
        mention_starts = [a for a, _ in ordered]
        reach = list(itertools.accumulate((b for _, b in ordered), max))
        for s, e in spans:
            k = bisect.bisect_right(mention_starts, s)
            if not (k and reach[k - 1] >= e):
                found.add((s, e))
        return found


_WORD_RUN = re.compile(r"\w+")

_COUNTRY_ADJECTIVE = {"RU": "Russian", "CN": "Chinese", "KP": "North Korean", "IR": "Iranian", "SY": "Syrian",
                      "TR": "Turkish", "VE": "Venezuelan", "CU": "Cuban", "BY": "Belarusian"}


def resolve_sources(text: str, found: list[Found], *, url: str | None = None,
                    title: str | None = None) -> Resolution:
    """Resolve every statement's source and relays; add the article itself."""
    resolver = _Resolver(text)
    # Named outlets first, so a loose "state TV" joins the state broadcaster the text names.
    for item in found:
        for mention in (*item.relays, *((item.named_outlet,) if item.named_outlet else ())):
            if mention.outlet is not None and mention.outlet.id not in resolver.clusters:
                resolver.outlet(mention)
                resolver.clusters[mention.outlet.id].mentions.pop()
    source_of: list[str | None] = []
    relays_of: list[list[str]] = []
    for item in found:
        sid = resolver.speaker(item)
        source_of.append(sid)
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
    sources = resolver.finish()
    sources.insert(0, _article_source(url, title))
    return Resolution(sources, source_of, relays_of, article_relays)


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
