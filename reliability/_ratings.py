"""Optional, user-supplied outlet ratings: a quality score in [0, 1] per registered domain.

Two CSV layouts are read, both with a header row:

* a generic ``domain,score`` file;
* Lin et al. (2023) ``domain_pc1.csv`` (``domain,pc1``), or their ``domain_ratings.csv``, whose
  ``pc1`` column is used.

Ratings never ship with the library (the Lin et al. data has no license); a caller loads them
with :func:`load_ratings` and passes them to :class:`~reliability.Scorer`. The features
``outlet_prior`` and ``outlet_prior_known`` read them; without ratings they take their neutral
values, so the feature vector has the same shape either way.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from ._exceptions import DataError

__all__ = ["NEUTRAL_PRIOR", "OutletRatings", "load_ratings"]

#: The prior an article gets when no outlet it involves is rated.
NEUTRAL_PRIOR = 0.5
_SCORE_COLUMNS = ("score", "pc1")


class OutletRatings(Mapping[str, float]):
    """Quality scores in [0, 1] by lower-case registered domain ("reuters.com").

    A read-only mapping; :meth:`lookup` also accepts a URL or a host and tries the host, then
    each parent domain, so "news.bbc.co.uk" finds a rating for "bbc.co.uk".
    """

    def __init__(self, scores: Mapping[str, float] | Iterable[tuple[str, float]], *, name: str = "ratings") -> None:
        items = scores.items() if isinstance(scores, Mapping) else scores
        table: dict[str, float] = {}
        for domain, score in items:
            key = _normalise(domain)
            value = float(score)
            if not key:
                raise DataError(f"{name}: empty domain")
            if not (math.isfinite(value) and 0.0 <= value <= 1.0):
                raise DataError(f"{name}: score {score!r} for {domain!r} is not a number in [0, 1]")
            table[key] = value
        self._scores = table
        self.name = name

    def __getitem__(self, domain: str) -> float:
        return self._scores[_normalise(domain)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._scores)

    def __len__(self) -> int:
        return len(self._scores)

    def __repr__(self) -> str:
        return f"OutletRatings({self.name!r}, {len(self)} domains)"

    def lookup(self, url_or_domain: str | None) -> float | None:
        """The rating of the most specific rated host of ``url_or_domain``, or None."""
        if not url_or_domain:
            return None
        host = _normalise(url_or_domain)
        labels = host.split(".")
        for k in range(len(labels) - 1):
            score = self._scores.get(".".join(labels[k:]))
            if score is not None:
                return score
        return None


def _normalise(value: str) -> str:
    """"https://www.BBC.co.uk/news" -> "bbc.co.uk"; "Reuters.com" -> "reuters.com"."""
    host = value.strip().lower()
    if "://" in host:
        host = host.split("://", 1)[1]
    host = host.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    if host.startswith("www."):
        host = host[4:]
    return host.strip(".")


def load_ratings(path: str | Path) -> OutletRatings:
    """Read outlet ratings from a CSV file: ``domain,score`` or Lin et al.'s ``domain,pc1``.

    Raises :class:`~reliability.DataError` when the file lacks a ``domain`` column or a score
    column, or holds a score outside [0, 1]; ``FileNotFoundError`` when it does not exist.
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = [c.strip().lower() for c in (reader.fieldnames or [])]
        if "domain" not in columns:
            raise DataError(f"{path}: no 'domain' column in the header {columns}; expected domain,score or domain,pc1")
        score_column = next((c for c in _SCORE_COLUMNS if c in columns), None)
        if score_column is None:
            raise DataError(f"{path}: no 'score' or 'pc1' column in the header {columns}")
        original = dict(zip(columns, reader.fieldnames or [], strict=True))
        rows: list[tuple[str, float]] = []
        for line, row in enumerate(reader, 2):
            domain = (row.get(original["domain"]) or "").strip()
            raw = (row.get(original[score_column]) or "").strip()
            if not domain and not raw:
                continue
            try:
                rows.append((domain, float(raw)))
            except ValueError:
                raise DataError(f"{path}, line {line}: score {raw!r} is not a number") from None
    try:
        return OutletRatings(rows, name=path.name)
    except DataError as exc:
        raise DataError(f"{path}: {exc}") from None
