"""The input contract: what text the library accepts, and the error for what it does not."""

from __future__ import annotations

from ._exceptions import EmptyTextError, InputTooLargeError

__all__ = ["DEFAULT_MAX_CHARS", "check_text"]

#: Longest article text accepted by default (characters). Scorer(max_chars=...) changes it.
DEFAULT_MAX_CHARS = 5_000_000


def check_text(text: object, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Return ``text`` if it can be scored, else raise a clear error."""
    if not isinstance(text, str):
        raise TypeError(f"article text must be str, not {type(text).__name__}; decode bytes first")
    if not text.strip():
        raise EmptyTextError("article text is empty or only whitespace; there is nothing to score")
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"article text has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it, or raise the limit with Scorer(max_chars=...)"
        )
    return text
