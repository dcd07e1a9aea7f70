"""Stage 9: the report. :class:`Scorer` loads a model once and scores many articles."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ._batch import DEFAULT_BATCH_SIZE, ErrorPolicy
from ._explain import explain
from ._features import compute_features
from ._model import ReliabilityModel, load_model
from ._pipeline import analyze
from ._records import Article, ReliabilityReport
from ._validation import DEFAULT_MAX_CHARS, check_text

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
    """

    def __init__(
        self,
        model: str | Path | ReliabilityModel | None = None,
        *,
        trusted: bool = False,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self._source = model
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

    def score_article(self, article: Article) -> ReliabilityReport:
        """Score an :class:`Article` record."""
        model = self.model
        analysis = analyze(article)
        values, evidence = compute_features(analysis)
        logit, base, contributions = model.decompose(values)
        score = model.probability(logit)
        return ReliabilityReport(
            score=score,
            label=model.label(score),
            logit=logit,
            base_value=base,
            claims=analysis.claims,
            sources=analysis.sources,
            chains=analysis.chains,
            explanations=explain(analysis, model.feature_names, values, contributions, evidence),
            features={name: float(v) for name, v in zip(model.feature_names, values, strict=True)},
            model=model.info(),
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

        yield from score_many(  # type: ignore[misc]
            self.model, articles, max_chars=self.max_chars, n_jobs=n_jobs, batch_size=batch_size, errors=errors,
            scheduler=scheduler,
        )


_DEFAULT: Scorer | None = None


def score_article(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: date | datetime | str | None = None,
    model: str | Path | ReliabilityModel | None = None,
) -> ReliabilityReport:
    """Score how far an article can be trusted, and explain why.

    ``model`` is a model path or a loaded model; by default the bundled model, loaded once
    per process and reused.
    """
    global _DEFAULT
    if model is not None:
        return Scorer(model).score(text, title=title, url=url, published=published)
    if _DEFAULT is None:
        _DEFAULT = Scorer()
    return _DEFAULT.score(text, title=title, url=url, published=published)
