"""The one exception tree of the library.

    ReliabilityError
    ├── InputError (ValueError)            bad article input
    │   ├── EmptyTextError                 empty or whitespace-only text
    │   ├── InputTooLargeError             text over the configured size limit
    │   ├── InvalidCharacterError          lone surrogates: text that is not Unicode
    │   ├── HtmlInputError                 HTML markup given as plain text
    │   └── UnsupportedLanguageError       not English, when the caller asked to refuse it
    ├── DataError (ValueError)             a malformed data file (lexicon, registry, ratings, dataset)
    └── ModelError
        ├── ModelNotFoundError (FileNotFoundError)
        └── ModelVersionError              model trained with other versions or other features

Every leaf also subclasses the fitting builtin, so ``except ValueError`` keeps working for
callers who do not know this library. Messages say what to do next.
"""

from __future__ import annotations


class ReliabilityError(Exception):
    """Root of every error this library raises on purpose."""


class InputError(ReliabilityError, ValueError):
    """The article given to the library cannot be scored."""


class EmptyTextError(InputError):
    """The article text is empty or only whitespace."""


class InputTooLargeError(InputError):
    """The article text is longer than the configured limit."""


class InvalidCharacterError(InputError):
    """The text holds lone surrogates (undecodable bytes smuggled in), which no report can encode."""


class HtmlInputError(InputError):
    """The text is HTML markup; it must be converted, not scored as prose."""


class UnsupportedLanguageError(InputError):
    """The text is not English and the scorer was asked to refuse such text."""


class DataError(ReliabilityError, ValueError):
    """A data file (lexicon, outlet registry, ratings, labelled dataset) is malformed."""


class ModelError(ReliabilityError):
    """The model cannot be loaded or used."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """No model file exists at the given path."""


class ModelVersionError(ModelError):
    """The model was built by other library or scikit-learn versions, or for other features."""
