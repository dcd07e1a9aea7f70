"""HTML input: the visible text of a page, with its hyperlinks, for scoring.

The standard library's :class:`html.parser.HTMLParser` reads the page in one pass (linear time,
no network). Block elements become paragraph breaks, ``<br>`` a line break, runs of whitespace
one space; script, style and other invisible elements are dropped. Every ``<a href>`` with
visible anchor text becomes a :class:`Link` whose anchor is a span into the produced text, so a
link can be cited like "according to X": the target's outlet joins the chain of the statement
the anchor sits in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

if TYPE_CHECKING:
    from ._model import ReliabilityModel
    from ._ratings import OutletRatings
    from ._records import ReliabilityReport

__all__ = ["HtmlDocument", "Link", "parse_html", "score_html"]

_BLOCK = frozenset(
    """p div section article header footer aside main blockquote pre ul ol li dl dt dd table tr
    h1 h2 h3 h4 h5 h6 figure figcaption hr form fieldset address details summary""".split()
)
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
                   "track", "wbr", "param"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink: its anchor text as offsets into the produced text, where it points, its domain."""

    start: int
    end: int
    href: str
    domain: str | None  # registered domain of the target; None for relative or non-web links


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """The visible text of a page, its hyperlinks and its ``<title>``."""

    text: str
    links: tuple[Link, ...]
    title: str | None


class _Extractor(HTMLParser):
    def __init__(self, base: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.parts: list[str] = []
        self.length = 0
        self.hidden = 0  # depth inside invisible elements
        self.pending_break = ""  # the strongest break owed before the next visible text
        self.open_links: list[tuple[str, int]] = []  # (href, start offset)
        self.links: list[tuple[int, int, str]] = []
        self.in_title = False
        self.title_parts: list[str] = []
        self.trailing_space = False

    # --- structure ----------------------------------------------------------------------------

    def _break(self, kind: str) -> None:
        if self.length == 0:
            return
        if kind == "\n\n" or not self.pending_break:
            self.pending_break = kind

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _INVISIBLE:
            if tag not in _VOID:
                self.hidden += 1
            return
        if tag in _BLOCK:
            self._break("\n\n")
        elif tag == "br":
            self._break("\n")
        elif tag == "a" and not self.hidden:
            # Links do not nest: a new <a> closes the open one, as browsers do. Anchors are then
            # disjoint and in text order, which lets later stages find them by bisection.
            self._close_link()
            href = next((v for k, v in attrs if k == "href" and v), None)
            if href is not None:
                self.open_links.append((href.strip(), self._next_offset()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._break("\n")
        elif tag in _BLOCK:
            self._break("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag in _BLOCK:
            self._break("\n\n")
        elif tag == "a":
            self._close_link()

    def _close_link(self) -> None:
        if self.open_links:
            href, start = self.open_links.pop()
            # Text never ends in whitespace here (spaces and breaks are written only before
            # words), so the anchor ends where the text does.
            if self.length > start:
                self.links.append((start, self.length, href))

    def _next_offset(self) -> int:
        """Where the next visible character will land (after any owed break or space)."""
        if self.pending_break:
            return self.length + len(self.pending_break)
        return self.length + (1 if self.trailing_space and self.length else 0)

    # --- text ---------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.hidden:
            return
        collapsed = _SPACE.sub(" ", data)
        if not collapsed.strip():
            self.trailing_space = self.trailing_space or bool(collapsed)
            return
        leading = collapsed[0] == " "
        words = collapsed.strip()
        if self.pending_break:
            self._emit(self.pending_break)
            self.pending_break = ""
        elif self.length and (leading or self.trailing_space):
            self._emit(" ")
        self._emit(words)
        self.trailing_space = collapsed[-1] == " "

    def _emit(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)


def _defuse(html: str) -> str:
    """Escape the ``<`` that no ``>`` follows, and unterminated comments.

    The standard parser rescans to the end of the input for every such ``<`` ("<a <a <a ..."),
    which is quadratic; as text they cost nothing and show nothing a browser would not.
    """
    last = html.rfind(">")
    if last < len(html) - 1 and "<" in html[last + 1 :]:
        html = html[: last + 1] + html[last + 1 :].replace("<", "&lt;")
    last_close = html.rfind("-->")
    opened = html.find("<!--", last_close + 3 if last_close >= 0 else 0)
    if opened >= 0:
        html = html[:opened] + html[opened:].replace("<!--", "&lt;!--")
    return html


def parse_html(html: str, *, url: str | None = None) -> HtmlDocument:
    """The visible text of ``html`` with paragraph breaks, its links and its ``<title>``.

    Relative links are resolved against ``url`` when given; a link to the page's own domain is
    kept (callers decide whether a self-link is a citation).
    """
    if not isinstance(html, str):
        raise TypeError(f"html must be a str, not {type(html).__name__}")
    from ._outlets import registered_domain

    parser = _Extractor(url)
    parser.feed(_defuse(html))
    parser.close()
    text = "".join(parser.parts)
    links = []
    for start, end, href in parser.links:
        target = urljoin(url, href) if url else href
        domain = registered_domain(target) if target.lower().startswith(("http://", "https://", "//")) else None
        links.append(Link(start, end, target, domain))
    title = " ".join("".join(parser.title_parts).split()) or None
    return HtmlDocument(text=text, links=tuple(links), title=title)


def score_html(
    html: str | Path,
    *,
    url: str | None = None,
    title: str | None = None,
    published: date | datetime | str | None = None,
    model: str | Path | ReliabilityModel | None = None,
    ratings: OutletRatings | None = None,
) -> ReliabilityReport:
    """Score a web page: its visible text, with hyperlinks counted as citations.

    ``title`` defaults to the page's ``<title>``. Spans in the report point into the extracted
    text (``parse_html(html).text``), not into the HTML.
    """
    from ._scorer import Scorer, default_scorer

    if isinstance(html, Path):
        html = html.read_text(encoding="utf-8")
    scorer = default_scorer() if model is None and ratings is None else Scorer(model, ratings=ratings)
    return scorer.score_html(html, url=url, title=title, published=published)
