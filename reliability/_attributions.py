"""Stage 2: find reported statements (who said what, by which cue, how directly).

Rules over tokens of one sentence at a time, driven by the lexicons in ``data/lexicons``:

* cue verbs with the source on their left ("Korotchenko said", "Hugh Hill, a doctor, said") or,
  after a quotation or comma, on their right ("...," said Korotchenko);
* passive reports ("This was confirmed by the expert"), "according to X", "X told Y that";
* vague attributions ("there are reports that", "sources say", "reportedly", "is known to"),
  also inside quotations, where they become nested statements of the speaker;
* relays named beside the source ("on Russian Channel", "via state TV", "Quoted from X,").

Each statement becomes a :class:`Found` (offsets only); :func:`to_attribution` turns it into the
public :class:`~reliability.Attribution` record once its source is resolved.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ._outlets import OutletMention, find_outlets
from ._records import Attribution, Directness, Span
from ._resources import lexicons
from ._segmentation import Segmentation, Sentence, Token, tokenize

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
    reportedly allegedly earlier first separately still now today yesterday""".split()
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_RELAY_PREPOSITIONS = frozenset({"on", "via", "in", "at", "during", "through", "from", "to"})
_ANONYMOUS_HEADS = frozenset(
    """sources source reports report rumors rumours insiders officials people experts analysts
    critics observers some many others someone witnesses residents""".split()
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})
_QUOTE_MARKS = frozenset('"“”„«»')
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


def _span(text: str, bounds: tuple[int, int]) -> Span:
    return Span(start=bounds[0], end=bounds[1], text=text[bounds[0] : bounds[1]])


def to_attribution(text: str, found: Found, source_id: str | None) -> Attribution:
    """The public record for ``found``."""
    return Attribution(
        source=_span(text, found.source) if found.source else None,
        cue=_span(text, found.cue) if found.cue else None,
        content=_span(text, found.content),
        directness=found.directness,
        source_id=source_id,
    )


def _is_word(token: Token) -> bool:
    return token.text[:1].isalnum()


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

    def __init__(
        self, seg: Segmentation, sentence: Sentence, previous: Sentence | None, outlets: list[OutletMention]
    ) -> None:
        self.text = seg.text
        self.sentence = sentence
        self.previous = previous
        self.tokens = seg.tokens_in(sentence.start, sentence.end)
        quote = seg.quote_at(sentence.start)
        self.quotes = [quote] if quote is not None else []
        self.quotes += [q for q in seg.quotes_in(sentence.start, sentence.end) if q is not quote]
        starts = [t.start for t in self.tokens]
        self.in_quote = _covered(starts, [(q.inner_start, q.inner_end) for q in self.quotes])
        self.outlets = outlets
        # Outlet mentions come left to right without overlaps, so both their starts and their
        # ends increase, and the mentions inside a stretch of text are one slice (bisection).
        self._outlet_starts = [m.start for m in outlets]
        self._outlet_ends = [m.end for m in outlets]
        self.in_outlet = _covered(starts, [(m.start, m.end) for m in self.outlets])
        self.lex = lexicons()

    # --- noun phrases -------------------------------------------------------------------------

    def _np_ok(self, i: int) -> bool:
        t = self.tokens[i]
        if self.in_outlet[i]:
            return True
        return (
            _is_word(t)
            and not self.in_quote[i]
            and t.lower not in _STOP
            and (t.lower not in self.lex.cue_verbs or t.text[:1].isupper())
        ) or t.text in ("'s", "’s", "-", "&")

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

    def left_np(self, i: int) -> tuple[int, int] | None:
        """Token range [lo, hi) of the source phrase ending just before token ``i``."""
        hi = i
        while hi > 0 and self.tokens[hi - 1].lower in _ADVERBS:
            hi -= 1
        lo = hi
        while lo > 0 and hi - lo < 14 and (self._np_ok(lo - 1) or self._noun_use(lo - 1, i)):
            lo -= 1
        # "Hugh Hill, a doctor, said": the aside between commas belongs to the source.
        if lo == hi and hi > 0 and self.tokens[hi - 1].text == ",":
            inner_hi = hi - 1
            inner_lo = inner_hi
            while inner_lo > 0 and inner_hi - inner_lo < 10 and (
                self._np_ok(inner_lo - 1) or self.tokens[inner_lo - 1].lower in ("who", "which")
            ):
                inner_lo -= 1
            if inner_lo > 0 and self.tokens[inner_lo - 1].text == ",":
                name_hi = inner_lo - 1
                name_lo = name_hi
                while name_lo > 0 and name_hi - name_lo < 6 and self._np_ok(name_lo - 1):
                    name_lo -= 1
                if name_lo < name_hi and self.tokens[name_lo].text[:1].isupper():
                    lo, hi = name_lo, inner_hi
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

    def right_np(self, i: int) -> tuple[int, int] | None:
        """Token range of the source phrase starting just after token ``i``."""
        lo = i + 1
        hi = lo
        while hi < len(self.tokens) and hi - lo < 14:
            t = self.tokens[hi]
            if self._np_ok(hi) or t.lower in ("to", "of", "for"):
                hi += 1
            elif t.text == "," and hi + 1 < len(self.tokens) and self.tokens[hi + 1].text[:1].isupper() \
                    and self._has_role(lo, hi):
                hi += 1  # "the Russian military expert, Igor Korotchenko"
            else:
                break
        while hi > lo and self.tokens[hi - 1].lower in ("to", "of", "for"):
            hi -= 1
        if lo == hi or not self._has_content_word(lo, hi):
            return None
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

    def content_after(self, k: int) -> tuple[int, int] | None:
        """Content from token ``k`` to the sentence end; a quotation right there is the content."""
        while k < len(self.tokens) and self.tokens[k].text in (",", ":", "that", "-", "—"):
            if self.tokens[k].text == "that" and k + 1 < len(self.tokens) and not _is_word(self.tokens[k + 1]):
                break
            k += 1
        if k >= len(self.tokens):
            return None
        quote = next((q for q in self.quotes if q.start == self.tokens[k].start), None)
        if quote is not None:
            return _quote_content(self.text, quote.inner_start, min(quote.inner_end, self.sentence.end))
        bounds = _trim(self.text, self.tokens[k].start, self.sentence.end)
        return bounds if bounds[1] > bounds[0] else None

    def content_before(self, lo: int) -> tuple[int, int] | None:
        """Content before the source at token ``lo``: a quotation, or the clause up to a comma."""
        if lo == 0:
            return None
        prev = self.tokens[lo - 1]
        quote = next((q for q in self.quotes if q.end in (prev.end, prev.start + 1, prev.start)), None)
        if quote is None and prev.text == "," and lo >= 2:
            quote = next((q for q in self.quotes if q.end in (prev.start, self.tokens[lo - 2].end)), None)
        if quote is not None:
            return _quote_content(self.text, quote.inner_start, quote.inner_end)
        if prev.text not in (",", "-", "—"):
            return None
        bounds = _trim(self.text, self.sentence.start, prev.start)
        return bounds if bounds[1] > bounds[0] else None

    # --- rules --------------------------------------------------------------------------------

    def run(self) -> list[Found]:
        found: list[Found] = []
        declared = self._declared_relays()
        for i, token in enumerate(self.tokens):
            if self.in_quote[i]:
                continue
            if token.lower == "according" and i + 1 < len(self.tokens) and self.tokens[i + 1].lower == "to":
                item = self._according_to(i)
            elif token.lower in self.lex.cue_verbs and not token.text[:1].isupper():
                item = self._cue(i)
            else:
                continue
            if item is not None:
                found.append(_with_relays(item, declared))
        found.extend(self._vague(found))
        return _dedupe(found)

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
            content = _trim(self.text, self.sentence.start, self.tokens[i].start)
            content = content if content[1] > content[0] else None
        if content is None:
            return None
        return self._make(source, cue, content, relays)

    def _cue(self, i: int) -> Found | None:
        tokens = self.tokens
        token = tokens[i]
        lemma = self.lex.cue_lemma[token.lower]
        prev = tokens[i - 1].lower if i > 0 else ""
        if prev in _DETERMINERS or prev == "to" or prev in ("would", "could", "should", "will", "might", "may"):
            return None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        cue = (token.start, token.end)
        # Passive: "This was confirmed (directly) by X" / "it was reported that".
        aux = i - 1
        while aux >= 0 and tokens[aux].lower in _ADVERBS:
            aux -= 1
        if aux >= 0 and tokens[aux].lower in _PASSIVE_AUX:
            return self._passive(i, aux, cue)
        venue: tuple[OutletMention, ...] = ()
        if nxt is not None and nxt.lower in ("by", "to", "in", "for", "as", "about", "on", "at", "during") \
                and lemma != "tell" and not (nxt.lower == "as" and lemma == "describe"):
            # "said on Rossiya 1 that ...", "said in a statement that ...": an adjunct, then the content.
            # Without "that" ("said to be", "reported on", "a report by") it is no report of speech.
            k = next((k for k in range(i + 2, min(len(tokens), i + 10)) if tokens[k].lower == "that"), None)
            if k is None or nxt.lower in ("by", "to", "for", "as", "about") or self._noun_use(i, i + 2) \
                    or any(self.in_quote[j] or tokens[j].text in _QUOTE_MARKS for j in range(i + 1, k + 1)):
                return None
            venue = self.outlets_within(tokens[i].end, tokens[k].start)
            np = self.left_np(i)
            content = self.content_after(k)
            if np is None or content is None:
                return None
            (lo, hi), relays = self.split_relays(*np)
            return self._make(self.bounds(lo, hi), cue, content, relays + venue)
        followed_by_clause = nxt is None or nxt.text in (",", ":", ".", "that") or nxt.text in _QUOTE_MARKS
        if lemma not in _SAY_CLASS and not followed_by_clause and not self._quote_follows(i) and lemma != "describe":
            if not self._that_within(i, 4):
                return None
        # Source on the left: "Korotchenko said", "he also said".
        np = self.left_np(i)
        if np is not None:
            (lo, hi), relays = self.split_relays(*np)
            source = self.bounds(lo, hi)
            if nxt is None or nxt.text == ".":
                content = self.content_before(np[0])
            else:
                k = i + 1
                if lemma == "tell":
                    relays = relays + self._told_relays(i)
                    k = self._skip_object(i)
                content = self.content_after(k)
                if content is None:
                    content = self.content_before(np[0])
            if content is None:
                return None
            return self._make(source, cue, content, relays)
        # Source on the right after a quotation or comma: '"...," said Korotchenko.'
        if i > 0 and (tokens[i - 1].text in (",", "—", "-") or tokens[i - 1].text in _QUOTE_MARKS):
            np = self.right_np(i)
            if np is None:
                return None
            (lo, hi), relays = self.split_relays(*np)
            content = self.content_before(i)
            if content is None:
                return None
            return self._make(self.bounds(lo, hi), cue, content, relays)
        return None

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

    def _that_within(self, i: int, n: int) -> bool:
        return any(t.lower == "that" for t in self.tokens[i + 1 : i + 1 + n])

    def _quote_follows(self, i: int) -> bool:
        k = i + 1
        while k < len(self.tokens) and self.tokens[k].text in (",", ":"):
            k += 1
        return k < len(self.tokens) and self.tokens[k].text in _QUOTE_MARKS

    def _skip_object(self, i: int) -> int:
        """After "told", skip the hearer ("told reporters that", "told Reuters on Monday")."""
        k = i + 1
        while k < len(self.tokens) and k - i < 8 and self.tokens[k].lower != "that" \
                and self.tokens[k].text not in (",", ":") and self.tokens[k].text not in _QUOTE_MARKS:
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
    ) -> Found:
        outlet = self.outlet_in(*source)
        words = self.text[source[0] : source[1]].lower().split()
        head = words[-1] if words else ""
        named = any(
            w[:1].isupper() and w.lower() not in _ANONYMOUS_HEADS and w.lower() not in _DETERMINERS
            for w in self.text[source[0] : source[1]].split()
        )
        quoted = self._quoted_share(content) >= 0.3
        lemma = self.lex.cue_lemma.get(self.text[cue[0] : cue[1]].lower(), "")
        directness: Directness
        if head in _ANONYMOUS_HEADS and not named:
            directness = "vague"
        elif outlet is not None or lemma in _RELAYING or relays:
            directness = "direct_quote" if quoted and outlet is None else "secondhand"
        elif quoted:
            directness = "direct_quote"
        else:
            directness = "indirect"
        return Found(source, cue, content, directness, relays, outlet)

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
        for q in self.quotes:
            if q.inner_start <= start and end <= q.inner_end:
                return 1.0  # the content is the quotation
            if len(self.text[q.inner_start : q.inner_end].split()) > 2:  # a word or two is a scare quote
                covered += max(0, min(end, q.inner_end) - max(start, q.inner_start))
        return covered / (end - start)

    def _vague(self, found: list[Found]) -> list[Found]:
        """Vague attributions; inside quotations they are the speaker's own nested statements."""
        result: list[Found] = []
        lowered = [t.lower for t in self.tokens]
        phrases = _vague_phrases()
        cue_starts = {f.cue[0] for f in found if f.cue}
        for i in range(len(self.tokens)):
            for phrase in phrases.get(lowered[i], ()):
                if tuple(lowered[i : i + len(phrase)]) != phrase:
                    continue
                j = i + len(phrase)
                if self.tokens[i].start in cue_starts:
                    break
                cue = (self.tokens[i].start, self.tokens[j - 1].end)
                source = next(
                    ((t.start, t.end) for t in self.tokens[i:j] if t.lower in _ANONYMOUS_HEADS), None
                )
                if phrase[0] in ("according",) or i == 0 or not _is_word(self.tokens[i - 1]) \
                        or self.tokens[i - 1].lower in ("that", "and", "but"):
                    content = self.content_after(j)
                else:
                    content = self.content_before(i) or self.content_after(j)
                if content is not None:
                    if self.in_quote[i]:
                        content = self._clip_to_quoted_sentence(content, self.tokens[i].start)
                    result.append(Found(source, cue, content, "vague"))
                break
        if any(f.cue is not None for f in found + result):
            return result
        # "reportedly", "is known to": the whole sentence is vaguely attributed.
        for i, low in enumerate(lowered):
            hit = None
            if low in _VAGUE_ADVERBS:
                hit = (i, i + 1)
            elif low in _VAGUE_AUX and i + 2 < len(lowered) and lowered[i + 1] in _VAGUE_PARTICIPLES \
                    and lowered[i + 2] == "to":
                hit = (i, i + 3)
            if hit is not None:
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
    directness: Directness = "secondhand" if item.directness in ("direct_quote", "indirect") else item.directness
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
    mentions = find_outlets(seg.tokens)  # once per article; each sentence takes its slice
    starts = [m.start for m in mentions]
    for sentence in seg.sentences:
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end, lo)
        found.extend(_SentenceRules(seg, sentence, previous, mentions[lo:hi]).run())
        previous = sentence
    found.extend(_speaker_before_quote(seg, found))
    found.sort(key=lambda f: (f.content[0], f.content[1]))
    return found


def _speaker_before_quote(seg: Segmentation, found: list[Found]) -> list[Found]:
    """A paragraph that is only a quotation, after a line ending "X said:", is X's."""
    result = []
    covered = {f.content for f in found}
    by_end = {f.cue[1]: f for f in found if f.cue is not None and f.source is not None}
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
    return result
