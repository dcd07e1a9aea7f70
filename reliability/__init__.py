"""reliability: how far a news article can be trusted, and why.

    >>> from reliability import score_article
    >>> report = score_article(text, title=title)          # doctest: +SKIP
    >>> report.score, report.label, report.explanations[0].message   # doctest: +SKIP

The public surface is this module; everything else is private. Heavy modules (scikit-learn,
the model, the lexicons) load on first use, not at import.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from ._exceptions import (
    DataError,
    EmptyTextError,
    HtmlInputError,
    InputError,
    InputTooLargeError,
    InvalidCharacterError,
    ModelError,
    ModelNotFoundError,
    ModelVersionError,
    ReliabilityError,
    UnsupportedLanguageError,
)
from ._records import (
    Article,
    Attribution,
    CitationChain,
    Claim,
    ClaimReason,
    Explanation,
    LabelledArticle,
    ModelInfo,
    ReliabilityReport,
    Source,
    Span,
)
from ._version import __version__

if TYPE_CHECKING:
    from ._evaluation import EvaluationReport, evaluate
    from ._html import score_html
    from ._model import ReliabilityModel, TrainedModel, load_model
    from ._pipeline import extract_attributions
    from ._ratings import OutletRatings, load_ratings
    from ._report import render_report
    from ._scorer import Scorer, score_article
    from ._training import train
    from ._transformer import ArticleFeatures

__all__ = [
    "Article",
    "ArticleFeatures",
    "Attribution",
    "CitationChain",
    "Claim",
    "ClaimReason",
    "DataError",
    "EmptyTextError",
    "EvaluationReport",
    "Explanation",
    "HtmlInputError",
    "InputError",
    "InputTooLargeError",
    "InvalidCharacterError",
    "LabelledArticle",
    "ModelError",
    "ModelInfo",
    "ModelNotFoundError",
    "ModelVersionError",
    "OutletRatings",
    "ReliabilityError",
    "ReliabilityModel",
    "ReliabilityReport",
    "Scorer",
    "Source",
    "Span",
    "TrainedModel",
    "UnsupportedLanguageError",
    "__version__",
    "evaluate",
    "extract_attributions",
    "load_model",
    "load_ratings",
    "render_report",
    "score_article",
    "score_html",
    "train",
]

_LAZY = {
    "ArticleFeatures": "._transformer",
    "ReliabilityModel": "._model",
    "TrainedModel": "._model",
    "EvaluationReport": "._evaluation",
    "evaluate": "._evaluation",
    "load_model": "._model",
    "extract_attributions": "._pipeline",
    "OutletRatings": "._ratings",
    "load_ratings": "._ratings",
    "score_html": "._html",
    "render_report": "._report",
    "Scorer": "._scorer",
    "score_article": "._scorer",
    "train": "._training",
}

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'reliability' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
