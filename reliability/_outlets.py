"""Finding outlets in text and in URLs, from the registry in ``data/outlets.json``.

Names are matched as token sequences (longest match first, at most a few tokens, so a scan is
linear in the text). Short or all-capital aliases ("AP", "RT") match only in their exact case;
longer names match in any case. Loose references to state media ("Russian state TV", "the
Kremlin-backed broadcaster") resolve to an unnamed state outlet with the country the text gives.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ._resources import Outlet, lexicons, outlets
from ._segmentation import Token, tokenize

__all__ = ["OutletMention", "find_outlets", "outlet_by_first_word", "outlet_for_url", "registered_domain"]


@dataclass(frozen=True, slots=True)
class OutletMention:
    """An outlet named in the text: ``outlet`` is None for loose state-media references."""

    start: int
    end: int
    outlet: Outlet | None
    kind: str
    country: str | None
    state_affiliated: bool


def _key(words: list[str], exact: bool) -> tuple[str, ...]:
    return tuple(words) if exact else tuple(w.lower() for w in words)


@dataclass(frozen=True, slots=True)
class _Index:
    exact: dict[tuple[str, ...], Outlet]
    folded: dict[tuple[str, ...], Outlet]
    written: dict[tuple[str, ...], tuple[str, ...]]  # folded key -> the name as the registry writes it
    loose: dict[tuple[str, ...], str]  # state-media phrase tokens -> the phrase
    demonyms: dict[tuple[str, ...], str]
    domains: dict[str, Outlet]
    longest: int
    first_words: frozenset[str]  # lower-cased first word of every name and phrase: a cheap pre-filter
    # Lower-cased word prefixes of every registry name: a scan extends a candidate only while it
    # is a prefix of some name, instead of trying every length up to ``longest``.
    prefixes: frozenset[tuple[str, ...]]
    loose_first: frozenset[str]  # first words of the loose state-media phrases
    demonym_first: frozenset[str]  # first words of the country words


def _double_encoded(names: tuple[str, ...]) -> list[str]:
    """The names with non-ASCII letters as a UTF-8 file read as Windows-1252 writes them
    ("LibÃ©ration" for "Libération"; 13 of the corpora's articles are double-encoded so)."""
    variants = []
    for name in names:
        if not name.isascii():
            try:
                variants.append(name.encode("utf-8").decode("cp1252"))
            except UnicodeDecodeError:  # a byte that Windows-1252 leaves undefined
                continue
    return variants


@functools.cache
def _index() -> _Index:
    exact: dict[tuple[str, ...], Outlet] = {}
    folded: dict[tuple[str, ...], Outlet] = {}
    written: dict[tuple[str, ...], tuple[str, ...]] = {}
    domains: dict[str, Outlet] = {}
    longest = 1
    for outlet in outlets():
        for name in (*(names := (outlet.name, *outlet.aliases)), *_double_encoded(names)):
            words = [t.text for t in tokenize(name)]
            if not words:
                continue
            longest = max(longest, len(words))
            is_exact = len(name) <= 3 or name.isupper()
            table = exact if is_exact else folded
            table.setdefault(_key(words, is_exact), outlet)
            if not is_exact:
                written.setdefault(_key(words, False), tuple(words))
        for domain in outlet.domains:
            domains.setdefault(domain, outlet)
            folded.setdefault((domain,), outlet)  # "rt.com" named in running text
    lex = lexicons()
    loose = {tuple(t.lower for t in tokenize(p)): p for p in lex.state_media_phrases}
    demonyms = {tuple(t.lower for t in tokenize(d)): c for d, c in lex.demonyms.items()}
    longest = max(longest, *(len(k) for k in loose), *(len(k) for k in demonyms))
    first_words = frozenset(
        [k[0].lower() for k in exact] + [k[0] for k in folded] + [k[0] for k in loose] + [k[0] for k in demonyms]
    )
    prefixes = frozenset(
        key[:n] for key in (*(tuple(w.lower() for w in k) for k in exact), *folded) for n in range(1, len(key) + 1)
    )
    return _Index(exact, folded, written, loose, demonyms, domains, longest, first_words, prefixes,
                  frozenset(k[0] for k in loose), frozenset(k[0] for k in demonyms))


@functools.cache
def _by_first_word() -> dict[str, Outlet]:
    """Each capitalised first word of a registry name or alias that starts one outlet's names only
    ("Radar" of "Radar Online" and "Radar magazine", "Star" of "Star (magazine)")."""
    seen: dict[str, set[str]] = {}
    outlet_of: dict[str, Outlet] = {}
    # A word shared by several outlets' names still names the one called by it and what it is
    # ("Star (magazine)", alias "Star magazine"; not "Star Tribune").
    called: dict[str, set[str]] = {}
    own: dict[str, Outlet] = {}
    for outlet in outlets():
        for name in (outlet.name, *outlet.aliases):
            words = name.split()
            first = words[0]
            if first[:1].isupper() and first.isalpha() and len(first) > 1:
                seen.setdefault(first, set()).add(outlet.id)
                outlet_of[first] = outlet
                if len(words) == 2 and words[1].strip("()").lower() in _PUBLICATION_KINDS:
                    called.setdefault(first, set()).add(outlet.id)
                    own[first] = outlet
    return {w: outlet_of[w] if len(ids) == 1 else own[w] for w, ids in seen.items()
            if len(ids) == 1 or len(called.get(w, ())) == 1}


# What a periodical is, written after its name: "Star (magazine)", "Star magazine" ("Daily" and
# "Online" end the names of other outlets that start with the same word: "China Daily").
_PUBLICATION_KINDS = frozenset({"magazine", "newspaper", "tabloid"})


def outlet_by_first_word(word: str) -> Outlet | None:
    """The one outlet whose names start with ``word`` as written ("Radar" -> Radar Online), if any.

    For a clipped name right after "told" ('one spy previously told Radar.'); elsewhere a
    capitalised word is too often something else.
    """
    return _by_first_word().get(word)


def find_outlets(tokens: list[Token]) -> list[OutletMention]:
    """Outlets named in a token sequence, left to right, without overlaps."""
    index = _index()
    found: list[OutletMention] = []
    i = 0
    first_words = index.first_words
    while i < len(tokens):
        lower = tokens[i].lower
        if lower not in first_words and not ("." in lower and _undotted(lower) in first_words) and not (
                lower.endswith(_POSSESSIVES) and lower[:-2] in first_words):  # "NPR’s", "CNN's"
            i += 1
            continue
        mention = _match_at(tokens, i, index)
        if mention is None or (tokens[i].text in _TIME_ZONES and _after_clock(tokens, i)):
            i += 1  # "at 9 p.m. ET": a time zone, not Entertainment Tonight
            continue
        found.append(mention[0])
        i = mention[1]
    return found


# Time zones written like an outlet's initials, and what stands before them in a time of day.
_TIME_ZONES = frozenset({"ET", "PT", "CT", "MT", "EST", "EDT", "PST", "PDT", "GMT", "BST", "CET"})
_CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "noon", "midnight"})


def _after_clock(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` follows a time of day ("9 p.m. ET", "4 pm ET", "noon ET")."""
    j = i - 1
    if j >= 0 and tokens[j].text == ".":
        j -= 1  # "p.m" "." "ET": the tokeniser keeps the last full stop apart
    return j >= 0 and tokens[j].lower in _CLOCK_WORDS


def _match_at(tokens: list[Token], i: int, index: _Index) -> tuple[OutletMention, int] | None:
    named = _match_name(tokens, i, index)
    if named is not None:
        return named
    limit = min(len(tokens), i + index.longest)
    # Loose state-media phrase, optionally preceded by a country word.
    if tokens[i].lower not in index.loose_first and tokens[i].lower not in index.demonym_first:
        return None
    for k in range(i, min(limit, i + 3)):
        country = index.demonyms.get(tuple(t.lower for t in tokens[i:k])) if k > i else None
        if k > i and country is None:
            continue
        if tokens[k].lower not in index.loose_first:
            continue
        for j in range(min(len(tokens), k + 4), k, -1):
            if tuple(t.lower for t in tokens[k:j]) in index.loose:
                # "state-run news agency RIA Novosti", "State media Xinhua": the name in
                # apposition says which state outlet is meant.
                appositive = _match_name(tokens, j, index) if j < len(tokens) else None
                if appositive is not None:
                    m = appositive[0]
                    return OutletMention(tokens[i].start, m.end, m.outlet, m.kind, m.country, m.state_affiliated), \
                        appositive[1]
                mention = OutletMention(tokens[i].start, tokens[j - 1].end, None, "state_media", country, True)
                return mention, j
    return None


# Initials with full stops: "A.F.P" (the tokeniser keeps the last full stop apart), "U.P.I".
_INITIALS = re.compile(r"(?:\w\.)+\w\.?")


def _undotted(word: str) -> str:
    """ "A.F.P" -> "AFP": the registry writes agencies' initials without full stops."""
    return word.replace(".", "") if "." in word and _INITIALS.fullmatch(word) else word


_POSSESSIVES = ("'s", "’s")


def _distinctive(word: str, index: _Index) -> bool:
    """A one-word outlet name no ordinary word is spelt as: an exact-case alias or initials
    ("NPR", "CNN", "MSNBC"), or a capital inside the word ("HuffPost", "BuzzFeed")."""
    return (word,) in index.exact or any(c.isupper() for c in word[1:])


# Outlets named "The" + a word that running text also writes, capitalised, for a place or a thing.
_COMMON_AFTER_THE = frozenset({"atlantic", "hill", "sun", "nation", "national", "australian", "independent",
                               "star", "world", "week", "day", "mirror", "globe"})


def _match_name(tokens: list[Token], i: int, index: _Index) -> tuple[OutletMention, int] | None:
    """The longest registry name or alias starting at token ``i`` (an exact-case name first)."""
    first = tokens[i].text
    # Names are capitalised in running text; "rt.com" style domains are not; "the" before a
    # registry name that begins with "The" may be ("the Guardian"), if the next word is not.
    if not (first[:1].isupper() or "." in first
            or (first == "the" and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper())):
        return None
    limit = min(len(tokens), i + index.longest)
    best: tuple[Outlet, int] | None = None
    possessive = False  # the name's last word carries a possessive: "the Washington Post’s unit"
    folded_key: tuple[str, ...] = ()
    for j in range(i + 1, limit + 1):
        lower = tokens[j - 1].lower
        if lower.endswith(_POSSESSIVES) and (*folded_key, lower[:-2]) in index.prefixes and (
                j > i + 1 or _distinctive(tokens[i].text[:-2], index)):
            # A possessive ends the name: "the Washington Post’s investigative unit", "The New
            # York Times's report" (the tokeniser keeps "’s" on its word). A one-word name only
            # when it cannot be an ordinary word: "NPR’s", "CNN's", "HuffPost's", not "People's"
            # or "Time's".
            lower, possessive = lower[:-2], True
        folded_key += (_undotted(lower),)
        if folded_key not in index.prefixes:
            break
        words = tuple(_undotted(t.text) for t in tokens[i:j])
        if possessive:
            words = (*words[:-1], words[-1][:-2])
        outlet = index.exact.get(words)
        if outlet is None and j == i + 1 and folded_key[0] in index.domains:
            outlet = index.domains[folded_key[0]]  # "told hollywoodlife.com": domains are written in lower case
        if outlet is None:
            outlet = index.folded.get(folded_key)
            # Names keep their capitals in running text: "The Nation" is an outlet, "The nation's
            # leaders" is not. Only the case of a word the registry capitalises is checked.
            form = index.written.get(folded_key, ())
            # A leading "The" is the one word running text writes in lower case: "according to
            # the Guardian", "told the Daily Beast".
            if outlet is not None and any(
                w[:1].isupper() and not t[:1].isupper() and not (k == 0 and t == "the")
                for k, (w, t) in enumerate(zip(form, words, strict=False))
            ):
                outlet = None
        if outlet is not None:
            best = (outlet, j)
        if possessive:
            break
    last = j  # the last word looked at: the possessive one when ``possessive``
    if best is not None and first == "the" and (
            (best[1] < len(tokens) and tokens[best[1]].text[:1].isupper())
            or (best[1] == i + 2 and tokens[i + 1].lower in _COMMON_AFTER_THE)):
        # "the National Rifle Association" is not The National followed by more words, and
        # "across the Atlantic", "on the Hill", "the Sun Belt" are no outlets; capitalised "The
        # Atlantic" at the start of a name still is.
        best = None
    if best is None:
        return None
    outlet, j = best
    # The mention stops before a possessive that ends the matched name.
    end = tokens[j - 1].end - (2 if possessive and j == last else 0)
    mention = OutletMention(tokens[i].start, end, outlet, outlet.kind, outlet.country, outlet.state_affiliated)
    return mention, j


@functools.cache
def _extractor():  # type: ignore[no-untyped-def]
    import tldextract  # deferred: building the suffix trie costs time, and most calls never need it

    # Offline: no suffix-list download, no cache directory; private domains keep blog hosts apart.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def registered_domain(url: str) -> str | None:
    """The publisher's registered domain ("a.blogspot.com", "bbc.co.uk"), or None."""
    result = _extractor()(url)
    domain = result.top_domain_under_public_suffix
    return domain.lower() if domain else None


def outlet_for_url(url: str) -> tuple[Outlet | None, str | None]:
    """The registry outlet publishing at ``url`` (also by platform suffix), and its domain."""
    parts = _extractor()(url)
    domain = parts.top_domain_under_public_suffix.lower() or None
    if domain is None:
        return None, None
    index = _index()
    # The most specific registered host first ("folha.uol.com.br" before "uol.com.br"),
    # then the platform a private suffix belongs to ("blogspot.com" for "a.blogspot.com").
    labels = [p for p in parts.subdomain.lower().split(".") if p and p != "www"]
    candidates = [".".join([*labels[k:], domain]) for k in range(len(labels))] + [domain, parts.suffix.lower()]
    outlet = next((index.domains[c] for c in candidates if c in index.domains), None)
    return outlet, domain
