"""The input contract: what text the library accepts, and the error for what it does not.

Accepted: any ``str`` that holds something besides whitespace, up to ``max_chars`` characters
(:data:`DEFAULT_MAX_CHARS` unless the caller sets another limit). NUL and other control
characters, emoji, mixed scripts, very long lines and unbalanced quotation marks are accepted
and scored. Refused, each with its own :class:`InputError`:

- non-``str`` text, title or URL: ``TypeError`` (decode bytes first);
- empty or whitespace-only text: :class:`EmptyTextError`;
- text over the limit: :class:`InputTooLargeError`;
- lone surrogates (``"\\ud800"``, what ``errors="surrogateescape"`` makes of undecodable bytes):
  :class:`InvalidCharacterError`, because no report holding them can be written as UTF-8 JSON;
- HTML markup: :class:`HtmlInputError`, pointing to ``score_html``.

Every check is one linear pass at most; the HTML check reads a bounded prefix and counts tags
with a pattern that cannot backtrack past the next ``<`` or ``>``.
"""

from __future__ import annotations

import itertools
import re

from ._exceptions import EmptyTextError, HtmlInputError, InputTooLargeError, InvalidCharacterError

__all__ = ["DEFAULT_MAX_CHARS", "MAX_TITLE_CHARS", "MAX_URL_CHARS", "check_optional", "check_text", "looks_like_html"]

#: Longest article text accepted by default (characters). Scorer(max_chars=...) changes it.
DEFAULT_MAX_CHARS = 5_000_000
#: Longest title and URL accepted (characters): a title is a line, a URL a few hundred bytes.
MAX_TITLE_CHARS = 10_000
MAX_URL_CHARS = 10_000

_SURROGATE = re.compile("[\ud800-\udfff]")

# Tags of elements that carry page structure or prose in HTML. A news article about web pages
# may mention one or two; a page's markup has dozens. The attribute part is bounded and stops
# at the next angle bracket, so the scan stays linear.
_TAG = re.compile(
    r"<(?:/?(?:html|head|body|div|span|p|a|br|hr|script|style|meta|link|table|tr|td|th|li|ul|ol|"
    r"h[1-6]|article|section|header|footer|nav|main|aside|iframe|img|figure|figcaption|form|"
    r"input|button|strong|em|b|i|u|blockquote|noscript|svg|time)\b[^<>]{0,2000}>|!--|!doctype\b)",
    re.IGNORECASE,
)
_DOCUMENT_START = re.compile(r"\s*<(?:!doctype\s+html|html\b|\?xml\b)", re.IGNORECASE)
#: How many tags make a text HTML rather than prose that mentions a tag.
HTML_MIN_TAGS = 5
# The HTML check reads this much of the text; markup shows at the top of a page.
_HTML_SAMPLE = 100_000


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML markup (a document, or a fragment with several tags)."""
    if _DOCUMENT_START.match(text):
        return True
    tags = _TAG.finditer(text, 0, _HTML_SAMPLE)
    return sum(1 for _ in itertools.islice(tags, HTML_MIN_TAGS)) >= HTML_MIN_TAGS


def _check_surrogates(value: str, what: str) -> None:
    found = _SURROGATE.search(value)
    if found is not None:
        raise InvalidCharacterError(
            f"{what} holds a lone surrogate (U+{ord(found.group()):04X}) at character {found.start()}: "
            "it is not valid Unicode, usually undecodable bytes read with errors='surrogateescape'; "
            "decode the bytes with errors='replace' instead"
        )


def check_text(text: object, *, max_chars: int = DEFAULT_MAX_CHARS, allow_html: bool = False) -> str:
    """Return ``text`` if it can be scored, else raise a clear error."""
    if not isinstance(text, str):
        raise TypeError(f"article text must be str, not {type(text).__name__}; decode bytes first")
    if len(text) > max_chars:  # before any pass over the text: refuse huge input in O(1)
        raise InputTooLargeError(
            f"article text has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it, or raise the limit with Scorer(max_chars=...)"
        )
    if not text.strip():
        raise EmptyTextError("article text is empty or only whitespace; there is nothing to score")
    _check_surrogates(text, "article text")
    if not allow_html and looks_like_html(text):
        raise HtmlInputError(
            "article text looks like HTML markup, not prose; pass the page to "
            "reliability.score_html(html, url=...) to extract the article (and use its links "
            "as citations), or strip the markup first"
        )
    return text


def check_optional(value: object, what: str, *, max_chars: int) -> str | None:
    """Check a title or URL: ``None`` or a ``str`` of valid Unicode within ``max_chars``."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str or None, not {type(value).__name__}")
    if len(value) > max_chars:
        raise InputTooLargeError(f"{what} has {len(value):,} characters, over the limit of {max_chars:,}")
    _check_surrogates(value, what)
    return value
