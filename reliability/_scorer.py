"""Stage 9: the report. :class:`Scorer` loads a model once and scores many articles."""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pydantic

from ._batch import DEFAULT_BATCH_SIZE, ErrorPolicy
from ._claim_scores import score_claims
from ._exceptions import InputError, UnsupportedLanguageError
from ._explain import explain
from ._features import article_row
from ._language import detect_language, language_name
from ._model import ReliabilityModel, load_model
from ._pipeline import analyze
from ._records import Article, ReliabilityReport
from ._validation import DEFAULT_MAX_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS, check_optional, check_text

logger = logging.getLogger("reliability")

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
    non_english:
        What to do with text that is not English (the lexicons and the model are English-only):
        ``"warn"`` scores it and says so in ``report.language`` and ``report.warnings``;
        ``"raise"`` refuses it with :class:`UnsupportedLanguageError`.

    One scorer may be shared by many threads: it holds no per-article state, and the model
    loads once under a lock.
    """

    def __init__(
        self,
        model: str | Path | ReliabilityModel | None = None,
        *,
        trusted: bool = False,
        max_chars: int = DEFAULT_MAX_CHARS,
        ratings: OutletRatings | None = None,
        non_english: Literal["warn", "raise"] = "warn",
    ) -> None:
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
            raise ValueError(f"max_chars must be a positive int, not {max_chars!r}")
        if non_english not in ("warn", "raise"):
            raise ValueError(f'non_english must be "warn" or "raise", not {non_english!r}')
        self._source = model
        self.ratings = ratings
        self._trusted = trusted
        self.max_chars = max_chars
        self.non_english = non_english
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

    def _check(self, article: Article, *, checked: bool = False) -> tuple[str, list[str]]:
        """Hold an Article to the input contract (unless ``checked`` already); its language and the
        warnings it calls for."""
        if not checked:
            check_text(article.text, max_chars=self.max_chars)
            check_optional(article.title, "title", max_chars=MAX_TITLE_CHARS)
            check_optional(article.url, "url", max_chars=MAX_URL_CHARS)
        language = detect_language(article.text)
        if language == "en":
            return language, []
        name = language_name(language)
        if self.non_english == "raise" and language != "und":
            raise UnsupportedLanguageError(
                f"the text appears to be in {name} ({language}); reliability reads English only. "
                'Use Scorer(non_english="warn") to score it anyway'
            )
        logger.info("scoring text detected as %s", language)
        if language == "und":
            return language, [
                "Could not tell which language the text is in (it has almost no common English words); "
                "the score assumes English prose and may not be meaningful."
            ]
        return language, [
            f"The text appears to be in {name} ({language}), not English. The attribution cues, lexicons "
            "and model are English-only, so the score and explanations are not meaningful."
        ]

    def score(
        self,
        text: str,
        *,
        title: str | None = None,
        url: str | None = None,
        published: date | datetime | str | None = None,
        links: Sequence[Link] = (),
    ) -> ReliabilityReport:
        """Score one article; see :func:`score_article`. ``links``: hyperlinks in ``text``."""
        text = check_text(text, max_chars=self.max_chars)
        title = check_optional(title, "title", max_chars=MAX_TITLE_CHARS)
        url = check_optional(url, "url", max_chars=MAX_URL_CHARS)
        try:
            article = Article(text=text, title=title, url=url, published=published)  # type: ignore[arg-type]
        except pydantic.ValidationError:  # text, title and url are checked: only the date is left
            raise InputError(
                f"published must be a date, a datetime or an ISO 8601 string, not {published!r}"[:300]
            ) from None
        return self._score(article, links, checked=True)

    def score_html(
        self,
        html: str,
        *,
        url: str | None = None,
        title: str | None = None,
        published: date | datetime | str | None = None,
    ) -> ReliabilityReport:
        """Score a web page, its hyperlinks counted as citations; see :func:`~reliability.score_html`."""
        from ._html import parse_html

        document = parse_html(check_text(html, max_chars=self.max_chars, allow_html=True), url=url)
        return self.score(document.text, title=title or document.title, url=url, published=published,
                          links=document.links)

    def score_article(self, article: Article, *, links: Sequence[Link] = ()) -> ReliabilityReport:
        """Score an :class:`Article` record; ``links`` are hyperlinks in its text (see ``score_html``)."""
        return self._score(article, links)

    def _score(self, article: Article, links: Sequence[Link], *, checked: bool = False) -> ReliabilityReport:
        # checked: score() has already held text, title and url to the input contract, and the
        # HTML check reads up to 100 KB, so it is not run twice.
        model = self.model
        language, warnings = self._check(article, checked=checked)
        with _collector_paused():
            return self._report(model, article, links, language, warnings)

    def _report(self, model: ReliabilityModel, article: Article, links: Sequence[Link], language: str,
                warnings: list[str]) -> ReliabilityReport:
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
            language=language,
            warnings=warnings,
        )

    def score_many(
        self,
        articles: Iterable[Article | str],
        *,
        n_jobs: int | None = 1,
        batch_size: int = DEFAULT_BATCH_SIZE,
        errors: ErrorPolicy = "raise",
        scheduler: str | Any = None,
    ) -> Iterator[ReliabilityReport | Exception]:
        """Score many articles; a generator over their reports in input order.

        ``articles`` is any iterable of :class:`Article` records or texts, consumed lazily: only
        a few chunks of ``batch_size`` articles are in memory at a time, however many there are.
        ``n_jobs`` worker processes (joblib's loky; ``-1``: one per core) score chunks in
        parallel, at most two chunks per worker ahead of the consumer; results are identical to
        :meth:`score_article` one at a time. ``scheduler`` (a Dask scheduler address such as
        ``"tcp://host:8786"``, or a ``dask.distributed.Client``) runs the chunks on that
        cluster's workers instead, which need ``reliability[dask]`` installed.

        With ``errors="raise"`` (the default) an article that cannot be scored raises its error
        when the generator reaches it; with ``errors="return"`` the exception is yielded in its
        place and scoring goes on.
        """
        from ._batch import score_many

        return score_many(  # type: ignore[return-value]
            self.model, articles, options={"max_chars": self.max_chars, "non_english": self.non_english},
            n_jobs=n_jobs, batch_size=batch_size, errors=errors, scheduler=scheduler,
        )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one article is scored.

    Scoring allocates hundreds of thousands of small objects that live until the report is
    built (tokens, spans, records); the collector's generation-0 passes keep walking them, which
    measured 12-14% of the CPU time of a news article (docs/performance-history.md). Scoring creates no
    reference cycles worth collecting mid-article; whatever cyclic garbage exists is collected
    as usual once the collector runs again. The collector is switched back on only if it was on
    when this article started, so a caller who switched it off keeps it off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
