"""Stage 1: split article text into paragraphs, sentences and quotations, keeping offsets.

Everything here is a single left-to-right pass over the text (linear time, no backtracking
regular expressions). Quotations are paired per paragraph: curly quotes by direction, straight
quotes by alternation. A quotation left open at the end of a paragraph continues into the next
paragraph when that one opens with a quotation mark (the newspaper convention for quotes that run
over paragraphs); otherwise it closes at the paragraph's end, so unbalanced marks never break
anything downstream.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, compress, count, repeat
from operator import attrgetter
from typing import NamedTuple

__all__ = ["Quote", "Segmentation", "Sentence", "Token", "segment", "tokenize"]

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'

# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm st jr sr inc corp co ltd vs
    no jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s u.k u.n e.g i.e etc al rev
    pres supt dept est approx fig""".split()
)

# Names spelt with an exclamation mark, which does not end the sentence: "Biel told E! News' ...",
# "told Yahoo! News in a story", "OK! magazine". In the celebrity and political corpora these
# names are followed by more of the same sentence nearly every time (41 of 43 in FakeNewsAMT and
# PolNeAR). The outlets are in data/outlets.json.
_EXCLAIMED_NAMES = frozenset({"e", "ok", "yahoo", "hello", "jeopardy"})

# Possessive quantifiers and the look-behind keep this linear: a run of "!!!…" or "...…" with
# no space after it is tried once, from its first mark, instead of from every mark in it. The
# pattern opens with the marks themselves and looks behind only after the first one (is the
# character before it a mark too?): a pattern that opens with a character class lets the regex
# engine skip from mark to mark in C, where a leading look-behind is tried at every character
# (the same matches, found ≈ 2.5 times faster).
# A full stop with no space after it ends a sentence too when a lower-case letter precedes it and
# a capitalised word, or a quotation opening on one, follows ("Thurber said.The senator",
# 'in response.“Look, …”'); "Mr.Smith" is then kept whole by the abbreviation check.
_BOUNDARY = re.compile(r"[.!?](?<![.!?].)(?:[.!?]*+[\"'”’)\]]*+(?=\s)|(?<=[a-z]\.)(?=[“‘]?[A-Z][a-z]))")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the closing mark is missing


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class Segmentation:
    """The article split into pieces; all offsets index ``text``."""

    text: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    tokens: list[Token] = field(default_factory=list)
    _token_starts: list[int] = field(default_factory=list)
    _quote_ends: list[int] = field(default_factory=list)
    # lower-cased token -> its indices, built on first use
    _by_word: dict[str, list[int]] | None = field(default=None, compare=False, repr=False)

    @property
    def words(self) -> Iterable[str]:
        """The distinct lower-cased tokens."""
        return self._word_index().keys()

    def positions(self, words: Iterable[str]) -> list[int]:
        """Indices, in order, of the tokens whose lower-cased text is one of ``words``.

        Several stages look for the tokens that start a lexicon phrase (hedges, sensational
        words, dates); one index of the article's words answers them all, instead of one pass
        over every token per lexicon.
        """
        index = self._word_index()
        return sorted(chain.from_iterable(index[w] for w in words if w in index))

    def word_positions(self) -> dict[str, list[int]]:
        """Each distinct lower-cased token -> the indices of its tokens, in order (do not change it)."""
        return self._word_index()

    def _word_index(self) -> dict[str, list[int]]:
        if self._by_word is None:
            index: defaultdict[str, list[int]] = defaultdict(list)
            for i, token in enumerate(self.tokens):
                index[token.lower].append(i)
            self._by_word = dict(index)
        return self._by_word

    @property
    def token_starts(self) -> list[int]:
        """The start offset of every token, in order (for binary search)."""
        return self._token_starts

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens inside ``text[start:end]``, found by binary search."""
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end, lo)
        while hi > lo and self.tokens[hi - 1].end > end:
            hi -= 1
        return self.tokens[lo:hi]

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        """Quotations overlapping ``text[start:end]``."""
        ends = self._quote_ends
        k = bisect.bisect_right(ends, start)
        result = []
        while k < len(self.quotes) and self.quotes[k].start < end:
            result.append(self.quotes[k])
            k += 1
        return result

    def quote_at(self, offset: int) -> Quote | None:
        """The quotation that contains ``offset``, if any.

        Quotations never overlap, so their ends are sorted: the first one ending after ``offset``
        is the only candidate (``bisect`` finds it in C; rules call this ≈ 80 times per article).
        """
        k = bisect.bisect_right(self._quote_ends, offset)
        if k < len(self.quotes) and self.quotes[k].start <= offset:
            return self.quotes[k]
        return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed of surrounding whitespace."""
    result = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            result.append((start, end))
    return result


_MARK = re.compile("''|``|[" + OPENING + CLOSING + STRAIGHT + "]")


def _mark_at(text: str, i: int) -> int:
    """Width of a quotation mark at ``i``: 1 for the usual marks, 2 for a doubled apostrophe.

    Some archives (the New York Times in PolNeAR among them) write quotation marks as two
    apostrophes (``''Yes,'' he said``) or as two backticks opening them.
    """
    ch = text[i]
    if ch in OPENING or ch in CLOSING or ch == STRAIGHT:
        return 1
    if ch in "'`" and text[i + 1 : i + 2] == ch:
        return 2
    return 0


def _quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None  # offset of the opening mark of the quote in progress
    open_width = 1
    for index, (p_start, p_end) in enumerate(paragraphs):
        if open_at is not None and not _mark_at(text, p_start):
            # An open quote that the next paragraph does not continue ends with its paragraph.
            prev_end = paragraphs[index - 1][1]
            quotes.append(Quote(open_at, prev_end, open_at + open_width, prev_end, closed=False))
            open_at = None
        start = p_start
        if open_at is not None:
            start += _mark_at(text, p_start)  # the mark that reopens a quote continued from the last paragraph
        for match in _MARK.finditer(text, start, p_end):  # only the marks, not every character
            i, width = match.start(), match.end() - match.start()
            ch = text[i]
            if open_at is None:
                if ch in OPENING or ch == "`" or (ch in "\"'" and _opens(text, i, p_start)) \
                        or (ch in CLOSING and _misturned(text, i, p_start)):
                    open_at, open_width = i, width
            elif ch in CLOSING or ch in "\"'":
                quotes.append(Quote(open_at, i + width, open_at + open_width, i, closed=True))
                open_at = None
    if open_at is not None and paragraphs:
        end = paragraphs[-1][1]
        quotes.append(Quote(open_at, end, open_at + open_width, end, closed=False))
    return _with_single_quotes(text, paragraphs, quotes)


_SINGLE = re.compile("[\u2018\u2019']")


def _with_single_quotes(text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote]) -> list[Quote]:
    """``quotes`` and the quotations in single marks outside them ('We will win,' she said).

    A single mark is an apostrophe far more often than a quotation mark, so only a pair closed in
    its paragraph counts: an opening mark not glued to a preceding word and followed by a letter
    or digit (a straight one by a capital: "'em" and "'til" are elisions), and a closing mark not
    between two letters or digits ("don't") nor a plural possessive ("the nurses' union", an "s"
    before it and a lower-case word after it). Marks inside a double-quoted quotation are a quote
    within the quote and stay part of it.
    """
    if "'" not in text and "\u2018" not in text:
        return quotes
    found: list[Quote] = []
    doubled = iter(quotes)
    current = next(doubled, None)
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        for match in _SINGLE.finditer(text, p_start, p_end):
            i = match.start()
            while current is not None and current.end <= i:
                current = next(doubled, None)
            if current is not None and current.start <= i:
                open_at = None  # a double quotation cuts off a single one still open
                continue
            before = text[i - 1] if i > p_start else " "
            after = text[i + 1] if i + 1 < p_end else " "
            if open_at is None:
                if text[i] != "\u2019" and not before.isalnum() and (after.isupper() or after.isdigit()
                                                                        or (text[i] == "\u2018" and after.isalpha())):
                    open_at = i
            elif not (before.isalnum() and after.isalnum()) and not before.isspace() \
                    and not (before in "sS" and after == " " and text[i + 2 : i + 3].islower()):
                found.append(Quote(open_at, i + 1, open_at + 1, i, closed=True))
                open_at = None
    if not found:
        return quotes
    return sorted(quotes + found, key=lambda q: q.start)


def _misturned(text: str, i: int, p_start: int) -> bool:
    """A closing mark typed where an opening one belongs: '”Fear. I am afraid ...”'.

    With no quotation open, a closing mark that starts a word (after a space, or opening the
    paragraph) opens one; glued to the end of a word it still closes nothing.
    """
    return (i == p_start or text[i - 1].isspace()) and text[i + 1 : i + 2].isalnum()


def _opens(text: str, i: int, p_start: int) -> bool:
    """A straight quote opens when it is not glued to a preceding word (5" is inches)."""
    return i == p_start or not text[i - 1].isalnum()


def _ends_sentence(text: str, mark_start: int, para_start: int) -> bool:
    """Whether the punctuation at ``mark_start`` ends a sentence (not "Mr.", "U.S." or "E!")."""
    if text[mark_start] == "?":
        return True
    j = mark_start
    # The word before the mark, read back at most _LONGEST_WORD characters: a full stop may now
    # end a sentence with no space after it, so text without spaces ("said.The" repeated) has a
    # boundary every few characters, and an unbounded walk back from each would be quadratic.
    # No abbreviation or initials run that long.
    stop = max(para_start, mark_start - _LONGEST_WORD)
    while j > stop and not text[j - 1].isspace():
        j -= 1
    word = text[j:mark_start].lower().strip("\"'“‘(")
    if text[mark_start] == "!":
        return word not in _EXCLAIMED_NAMES
    if word in _ABBREVIATIONS:
        return False
    if mark_start + 1 < len(text) and not text[mark_start + 1].isspace() and ("/" in word or "@" in word):
        return False  # a period glued to a capital inside a link ("example.com/News.Today")
    if _name_initials(text, j, word, para_start):
        return False
    # Initials ("J. Smith") and single letters.
    return not (len(word) == 1 and word.isalpha())


_LONGEST_WORD = 64

# Initials that name places, which end sentences as often as not ("based in Washington D.C.").
_PLACE_INITIALS = frozenset({"d.c", "l.a", "n.y", "u.s.a", "e.u"})


def _name_initials(text: str, word_start: int, word: str, para_start: int) -> bool:
    """Whether ``word`` (lower-cased, without its last period) is a person's initials in a name.

    "Rep. G.K. Butterfield", "George H.W. Bush": initials of two or more letters after a title
    or a capitalised name word are followed by the surname, not a new sentence. After anything
    else ("in D.C.", "Washington, D.C.") they may end one, and do.
    """
    letters = word.split(".")
    if len(letters) < 2 or word in _PLACE_INITIALS or not all(len(c) == 1 and c.isalpha() for c in letters):
        return False
    end = word_start
    while end > para_start and text[end - 1].isspace():
        end -= 1
    start, stop = end, max(para_start, end - _LONGEST_WORD)  # bounded, as in _ends_sentence
    while start > stop and not text[start - 1].isspace():
        start -= 1
    before = text[start:end]
    if not before:
        return False
    if before.endswith(".") and before[:-1].lower() in _ABBREVIATIONS:
        return True  # a title: "Rep.", "Gov.", "Sen."
    return before[0].isupper() and before[-1].isalpha()


def _sentences(text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote]) -> list[Sentence]:
    sentences: list[Sentence] = []
    q = 0
    for index, (p_start, p_end) in enumerate(paragraphs):
        start = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            end = match.end()
            while q < len(quotes) and quotes[q].end <= end - 1:
                q += 1
            inside_quote = q < len(quotes) and quotes[q].start < end - 1 < quotes[q].end - 1
            if inside_quote or not _ends_sentence(text, match.start(), p_start):
                continue
            nxt = end
            while nxt < p_end and text[nxt].isspace():
                nxt += 1
            if nxt < p_end and text[nxt].islower():
                continue  # "the U.S. said" or an ellipsis mid-sentence
            sentences.append(Sentence(start, end, index))
            start = nxt
        if start < p_end:
            sentences.append(Sentence(start, p_end, index))
    return sentences


#: Longest sentence kept whole (characters). No sentence of the 1,761 articles in the shared
#: corpora passes 2,300; a longer one is a list, a table or hostile text. It is cut at
#: whitespace, so that statements reaching to the end of their sentence stay bounded: without
#: the cut, "A said B said C said ..." in one endless sentence makes every report quadratic.
MAX_SENTENCE_CHARS = 5_000


def _bounded(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """``sentences`` with any longer than :data:`MAX_SENTENCE_CHARS` cut into pieces."""
    if all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences):
        return sentences
    result: list[Sentence] = []
    for sentence in sentences:
        start = sentence.start
        while sentence.end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            cut = limit
            # The last whitespace in the second half of the window; a hard cut if there is none.
            while cut > start + MAX_SENTENCE_CHARS // 2 and not text[cut - 1].isspace():
                cut -= 1
            if cut == start + MAX_SENTENCE_CHARS // 2:
                cut = limit
            end = cut
            while end > start and text[end - 1].isspace():
                end -= 1
            result.append(Sentence(start, end, sentence.paragraph))
            start = cut
            while start < sentence.end and text[start].isspace():
                start += 1
        if start < sentence.end:
            result.append(Sentence(start, sentence.end, sentence.paragraph))
    return result


def segment(text: str) -> Segmentation:
    """Split ``text`` into paragraphs, sentences and quotations."""
    read = _unmangle(text, 0, len(text)) if _REPLACEMENT in text else text
    paragraphs = _paragraphs(read)
    quotes = _quotes(read, paragraphs)
    tokens, starts = _tokenize(text, 0, len(text))
    return Segmentation(
        text, paragraphs, _bounded(read, _sentences(read, paragraphs, quotes)), quotes, tokens, starts,
        [q.end for q in quotes],
    )


_REPLACEMENT = "\ufffd"


def _unmangle(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with each U+FFFD read as the quotation mark or apostrophe it likely was.

    A Windows-1252 file read as UTF-8 with ``errors="replace"`` (370 of the 652 Horne 2017 files;
    the CLI's ``--errors replace``) has U+FFFD where its curly quotes and apostrophes were:
    "\ufffdThis is not ...,\ufffd says Elliot Stabler". Between letters it was an apostrophe
    ("aren\ufffdt", "Garcia\ufffds"), as after a plural "s" before a lower-case word ("the
    candidates\ufffd comfort"); at the start of a word an opening quotation mark; elsewhere a
    closing one. The neighbours decide, read from the whole text, so a window of it reads the
    same as the whole. One character for one: offsets still index the original text, which the
    segmentation keeps; only quotations, sentences and tokens are read from the copy.
    """
    chars = list(text[start:end])
    i = text.find(_REPLACEMENT, start, end)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        plural_possessive = before in "sS" and after == " " and text[i + 2 : i + 3].islower()
        if (before.isalnum() and after.isalnum()) or plural_possessive:
            chars[i - start] = "’"
        elif (before.isspace() or before in "([—–-") and not after.isspace():
            chars[i - start] = "“"
        else:
            chars[i - start] = "”"
        i = text.find(_REPLACEMENT, i + 1, end)
    return "".join(chars)


class Token(NamedTuple):
    """A word or punctuation mark with its offsets.

    A named tuple rather than a dataclass: tokens are the most numerous objects the library
    builds (one per word), and ``tuple.__new__`` makes one in C, where a frozen dataclass's
    ``__init__`` runs Python code per field (tokenising took a third longer).
    """

    start: int
    end: int
    text: str
    lower: str  # text.lower(), computed once: every rule compares lower-cased words


# Words (with inner periods, apostrophes and hyphens: "U.S", "Korotchenko's", "state-run")
# doubled apostrophes or backticks (quotation marks in some archives) and single punctuation marks.
# A word's trailing period is captured as group 1, so that the few words ending in one are found
# without looking at every token. The quantifiers are possessive: the optional period always lets
# the greedy reading of a word succeed, so the engine never needs the backtracking positions it
# would otherwise record at every character (the same tokens, the match ≈ 13% faster).
# A period glued between a lower-case letter and a capital ("Thurber said.The senator") is
# most often a missing space after a sentence's end (74 of the 4,591 corpus articles), not an
# inner period: the word stops there, so "said" and "The" are words of their own. "U.S", "K.K",
# "Amazon.com" keep their periods; "Ph.D" and "www.NYTimes.com" become three words, which no rule
# reads as one. The test looks one character either side of the period only, never two ahead: a
# window of the article (the source rules cut theirs from the article's tokens) must tokenise
# the same whichever character its edge falls before.
_TOKEN = re.compile(r"\w++(?:(?:['’\-]|(?<![a-z])\.|\.(?![A-Z]))\w++)*+(\.)?+|''|``|[^\w\s]")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    A trailing period stays on a word only for known abbreviations ("Mr.", "Sen.").
    """
    return _tokenize(text, start, len(text) if end is None else end)[0]


def _tokenize(text: str, start: int, end: int) -> tuple[list[Token], list[int]]:
    """The tokens of ``text[start:end]`` and their start offsets.

    Tokenising is the one pass over every word that all later stages wait for, so its per-token
    work runs in C: ``map`` over the match objects' methods and ``str.lower``, and
    ``tuple.__new__`` to build the named tuples, instead of a Python loop body per token (about
    twice as fast on news articles). Only the few words ending in a period go through Python, to
    split the period off.
    """
    if text.find(_REPLACEMENT, start, end) >= 0:
        # Mojibake quotation marks and apostrophes (see _unmangle): tokenise the repaired words,
        # at the same offsets.
        piece = _unmangle(text, start, end)
        tokens, starts = _tokenize(piece, 0, len(piece))
        return [Token(t.start + start, t.end + start, t.text, t.lower) for t in tokens], [s + start for s in starts]
    matches = list(_TOKEN.finditer(text, start, end))
    starts = list(map(re.Match.start, matches))
    words = list(map(re.Match.group, matches))
    ends = list(map(re.Match.end, matches))
    tokens = list(map(_new_tuple, repeat(Token), zip(starts, ends, words, map(str.lower, words), strict=True)))
    # Words that end in a period: the regex takes it as part of the word, and it stays there only
    # for an abbreviation or an initial ("Mark Z. Barabak"); elsewhere it becomes its own token.
    split = [i for i in compress(count(), map(_LAST_GROUP, matches)) if _period_apart(words[i])]
    if not split:
        return tokens, starts
    result: list[Token] = []
    result_starts: list[int] = []
    done = 0
    for i in split:  # one slice copy per split word: linear however many periods there are
        result += tokens[done:i]
        result_starts += starts[done:i]
        s, bare = starts[i], words[i][:-1]
        result.append(_new_tuple(Token, (s, s + len(bare), bare, bare.lower())))
        result.append(_new_tuple(Token, (s + len(bare), s + len(bare) + 1, ".", ".")))
        result_starts += (s, s + len(bare))
        done = i + 1
    result += tokens[done:]
    result_starts += starts[done:]
    return result, result_starts


_new_tuple = tuple.__new__
_LAST_GROUP = attrgetter("lastindex")  # 1 when the word ends in a period, None otherwise


def _period_apart(word: str) -> bool:
    """Whether the period that ends ``word`` is a token of its own (not "Mr." nor an initial)."""
    return len(word) > 1 and word[:-1].lower() not in _ABBREVIATIONS and not (len(word) == 2 and word[0].isupper())
