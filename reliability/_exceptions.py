"""The one exception tree of the library.

    ReliabilityError
    ├── InputError (ValueError)            bad article input
    │   ├── EmptyTextError                 empty or whitespace-only text
    │   └── InputTooLargeError             text over the configured size limit
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


class DataError(ReliabilityError, ValueError):
    """A data file (lexicon, outlet registry, ratings, labelled dataset) is malformed."""


class ModelError(ReliabilityError):
    """The model cannot be loaded or used."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """No model file exists at the given path."""


class ModelVersionError(ModelError):
    """The model was built by other library or scikit-learn versions, or for other features."""
