"""Stage 9: the report. :class:`Scorer` loads a model once and scores many articles."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ._claim_scores import score_claims
from ._explain import explain
from ._features import article_row
from ._model import ReliabilityModel, load_model
from ._pipeline import analyze
from ._records import Article, ReliabilityReport
from ._validation import DEFAULT_MAX_CHARS, check_text

if TYPE_CHECKING:
    from ._html import Link
    from ._ratings import OutletRatings

__all__ = ["Scorer", "score_article"]


class Scorer:
    """Scores articles with one model, loaded on first use and then reused.

    Parameters
    ----------
    model:
        A path to a model file (with its ``.card.json`` beside it), a loaded
        :class:`ReliabilityModel`, or ``None`` for the bundled default model.
    trusted:
        Load a model file whose sha256 does not match its card. Model files are pickles and
        run code when loaded: only for files you vouch for.
    max_chars:
        Longest article text accepted; longer text raises :class:`InputTooLargeError`.
    ratings:
        Outlet ratings from :func:`~reliability.load_ratings`, feeding the ``outlet_prior``
        feature; ``None`` leaves it neutral.
    """

    def __init__(
        self,
        model: str | Path | ReliabilityModel | None = None,
        *,
        trusted: bool = False,
        max_chars: int = DEFAULT_MAX_CHARS,
        ratings: OutletRatings | None = None,
    ) -> None:
        self._source = model
        self.ratings = ratings
        self._trusted = trusted
        self.max_chars = max_chars
        self._model: ReliabilityModel | None = model if isinstance(model, ReliabilityModel) else None
        self._lock = threading.Lock()

    @property
    def model(self) -> ReliabilityModel:
        """The model, loaded on first use."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    path = None if self._source is None else Path(self._source)  # type: ignore[arg-type]
                    self._model = load_model(path, trusted=self._trusted)
        return self._model

    def score(
        self,
        text: str,
        *,
        title: str | None = None,
        url: str | None = None,
        published: date | datetime | str | None = None,
    ) -> ReliabilityReport:
        """Score one article; see :func:`score_article`."""
        article = Article(text=check_text(text, max_chars=self.max_chars), title=title, url=url,
                          published=published)  # type: ignore[arg-type]
        return self.score_article(article)

    def score_article(self, article: Article, *, links: Sequence[Link] = ()) -> ReliabilityReport:
        """Score an :class:`Article` record; ``links`` are hyperlinks in its text (see ``score_html``)."""
        model = self.model
        analysis = analyze(article, links=links)
        row, evidence = article_row(analysis, ratings=self.ratings)
        logit, base, contributions, values = model.decompose(row)
        evidence = evidence + [[] for _ in range(len(values) - len(evidence))]  # style_score has no span
        score = model.probability(logit)
        return ReliabilityReport(
            score=score,
            label=model.label(score),
            logit=logit,
            base_value=base,
            claims=score_claims(analysis.claims, analysis.chains, analysis.sources),
            sources=analysis.sources,
            chains=analysis.chains,
            explanations=explain(analysis, model.feature_names, values, contributions, evidence,
                                 typical=model.typical_values),
            features={name: float(v) for name, v in zip(model.feature_names, values, strict=True)},
            model=model.info(),
        )


_DEFAULT: Scorer | None = None


def score_article(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: date | datetime | str | None = None,
    model: str | Path | ReliabilityModel | None = None,
    ratings: OutletRatings | None = None,
) -> ReliabilityReport:
    """Score how far an article can be trusted, and explain why.

    ``model`` is a model path or a loaded model; by default the bundled model, loaded once
    per process and reused. ``ratings`` (from :func:`~reliability.load_ratings`) feed the
    ``outlet_prior`` feature.
    """
    scorer = default_scorer() if model is None and ratings is None else Scorer(model, ratings=ratings)
    return scorer.score(text, title=title, url=url, published=published)


def default_scorer() -> Scorer:
    """The process-wide scorer with the bundled model, created on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Scorer()
    return _DEFAULT
