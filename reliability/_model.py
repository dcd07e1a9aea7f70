"""Stage 7: the trained model, its card, and how it is saved and loaded.

A model is a scikit-learn pipeline ``features → StandardScaler → LogisticRegression`` plus a
Platt calibration fitted on out-of-fold logits, score thresholds for the labels, and a card
(a JSON sidecar ``<name>.card.json``) that records versions, feature names, training data,
licenses, the data hash, metrics and the artifact's sha256.

Model files are pickles, and a pickle can run code. Loading therefore (1) checks the artifact
against the sha256 on its card, which catches a file changed after it was saved, and (2)
unpickles with an allowlist of the few types a reliability model is made of (a scikit-learn
pipeline of :class:`ArticleFeatures`, ``StandardScaler`` and ``LogisticRegression`` over
numeric numpy arrays), which stops a foreign file shipped with a matching card from running
code: any other global, object arrays, and arrays too large to be a model are refused. Only
``trusted=True``, for a file the caller vouches for, skips both.

Scoring needs only the fitted arrays (``_scoring_view.ScoringView``), and importing
scikit-learn takes 1-2 s, so :func:`load_model` unpickles with inert stand-ins in place of the
allowlisted scikit-learn classes, reads the arrays from their state, and leaves the real
pipeline to be unpickled (same allowlist, sha256 checked again) when
:attr:`ReliabilityModel.pipeline` is first read.
"""

from __future__ import annotations

import functools
import hashlib
import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from ._exceptions import ModelError, ModelNotFoundError, ModelVersionError
from ._records import Label, ModelInfo
from ._scoring_view import Pickled, ScoringView, view_of_classifier, view_of_state

__all__ = [
    "ReliabilityModel", "TrainedModel", "calibrate", "card_path", "default_model_path", "fit_calibration", "load_model",
]

CARD_SUFFIX = ".card.json"
DEFAULT_MODEL = "default.joblib"


def card_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".joblib") + CARD_SUFFIX)


def default_model_path() -> Path:
    from ._resources import models_dir

    return Path(str(models_dir().joinpath(DEFAULT_MODEL)))


class ReliabilityModel:
    """A trained, calibrated model with its card.

    Scoring reads only the model's :class:`~reliability._scoring_view.ScoringView` (its fitted
    arrays) and never needs scikit-learn. A model loaded from a file therefore holds that view
    and unpickles the scikit-learn pipeline itself only when :attr:`pipeline` is first read (for
    training, evaluation or inspection); a model built from a pipeline derives the view from it.
    """

    def __init__(
        self,
        pipeline: Any,
        calibration: dict[str, Any],
        thresholds: tuple[float, float],
        card: dict[str, Any] | None = None,
    ) -> None:
        # pipeline: sklearn Pipeline: ("features", ArticleFeatures), ("classifier", StyleStackedClassifier)
        self._pipeline = pipeline
        self.calibration = calibration  # {"method": "sigmoid", "a", "b"} or {"method": "isotonic", "x", "y"}
        self.thresholds = thresholds  # score < low → "low"; score ≥ high → "high"
        self.card: dict[str, Any] = card if card is not None else {}
        self._view: ScoringView | None = None
        self._source: tuple[Path, bool] | None = None  # (file, trusted) the pipeline is unpickled from

    @classmethod
    def _from_file(cls, view: ScoringView, calibration: dict[str, Any], thresholds: tuple[float, float],
                   card: dict[str, Any], path: Path, trusted: bool) -> ReliabilityModel:
        model = cls(None, calibration, thresholds, card)
        model._view, model._source = view, (path, trusted)
        return model

    def __repr__(self) -> str:
        return f"ReliabilityModel(name={self.card.get('name', 'unnamed')!r}, thresholds={self.thresholds!r})"

    def for_scoring(self) -> ReliabilityModel:
        """A copy that holds only what scoring reads (the view, calibration, thresholds, card).

        What worker processes receive: a few kilobytes of arrays that unpickle without
        scikit-learn, so a worker starts faster and never imports it.
        """
        copy = ReliabilityModel(None, self.calibration, self.thresholds, self.card)
        copy._view = self.scoring_view
        return copy

    @property
    def pipeline(self) -> Any:
        """The scikit-learn pipeline, unpickled from the model file on first use."""
        if self._pipeline is None:
            if self._source is None:
                raise ModelError("this copy of the model holds only what scoring needs, not its pipeline; "
                                 "load the model file for training or evaluation")
            path, trusted = self._source
            payload = _load_payload(path, trusted=trusted, card=self.card)
            pipeline = payload["pipeline"]
            clf = pipeline.named_steps["classifier"] if hasattr(pipeline, "named_steps") else None
            if self._view is not None and (clf is None or not _view_of(clf).equals(self._view)):
                raise ModelError(f"{path} changed since it was loaded: its pipeline no longer matches the model")
            self._pipeline = pipeline
        return self._pipeline

    @property
    def scoring_view(self) -> ScoringView:
        """The fitted arrays that score with this model (see :mod:`reliability._scoring_view`)."""
        if self._view is None:
            self._view = _view_of(self.pipeline.named_steps["classifier"])
        return self._view

    @property
    def input_names(self) -> list[str]:
        """Every column the model reads: named features, the style profile, then the hashed
        phrasing columns ``phrasing_<hex>`` (2**18 names; unpickles the pipeline)."""
        return [str(n) for n in self.pipeline.named_steps["features"].get_feature_names_out()]

    @property
    def feature_names(self) -> list[str]:
        """The explained inputs, one explanation each: named features, then the stacked
        ``style_score`` and ``phrasing_score``."""
        from ._features import FEATURE_NAMES

        return list(FEATURE_NAMES) + self.scoring_view.stacked_names

    @property
    def typical_values(self) -> np.ndarray:
        """Training means of the explained inputs (what a typical training article has)."""
        return self.scoring_view.typical_values

    def decompose(self, x: Any) -> tuple[float, float, np.ndarray, np.ndarray]:
        """Logit, base value, contributions and values of the explained inputs for one input row.

        Exact: the model is a logistic regression over standardised inputs ``z``, so
        ``logit = intercept + Σ coef·z``; the base value is the intercept (the logit of an
        article whose every input is at its training mean).
        """
        return self.scoring_view.decompose(x)

    def probability(self, logit: float) -> float:
        """The calibrated probability that the article is reliable."""
        return float(calibrate(self.calibration, np.array([logit]))[0])

    def label(self, score: float) -> Label:
        low, high = self.thresholds
        return "low" if score < low else "high" if score >= high else "mixed"

    def info(self) -> ModelInfo:
        card = self.card
        return ModelInfo(
            name=str(card.get("name", "unnamed")),
            version=str(card.get("library_version", "unknown")),
            trained_on=[str(d["name"]) for d in card.get("training_data", [])],
            metrics={k: float(v) for k, v in card.get("metrics", {}).items() if isinstance(v, (int, float))},
        )

    def save(self, path: str | Path) -> Path:
        """Write the model and its card (``<name>.card.json``) beside it; return the model path."""
        import joblib

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(
            {"pipeline": self.pipeline, "calibration": self.calibration, "thresholds": self.thresholds},
            path,
            compress=3,
        )
        card = dict(self.card)
        card["artifact_sha256"] = _sha256(path)
        card["thresholds"] = list(self.thresholds)
        card["calibration"] = {"method": self.calibration["method"]}
        card_path(path).write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        self.card = card
        return path


def calibrate(calibration: dict[str, Any], logits: np.ndarray) -> np.ndarray:
    """Map logits to calibrated probabilities (Platt sigmoid or isotonic step function)."""
    if calibration["method"] == "isotonic":
        return np.interp(logits, calibration["x"], calibration["y"])
    value = calibration["a"] * np.asarray(logits, dtype=float) + calibration["b"]
    return 0.5 * (1.0 + np.tanh(0.5 * value))  # = 1 / (1 + exp(-value)), without overflow


def fit_calibration(logits: np.ndarray, y: np.ndarray, method: str = "sigmoid") -> dict[str, Any]:
    """Fit a calibration on held-out logits (never on the logits of training articles)."""
    if method == "isotonic":
        from sklearn.isotonic import IsotonicRegression

        iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(logits, y)
        return {"method": "isotonic", "x": iso.X_thresholds_.tolist(), "y": iso.y_thresholds_.tolist()}
    if method != "sigmoid":
        raise ValueError(f"calibration must be 'sigmoid' or 'isotonic', not {method!r}")
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000).fit(np.asarray(logits).reshape(-1, 1), y)
    return {"method": "sigmoid", "a": float(lr.coef_[0, 0]), "b": float(lr.intercept_[0])}


#: What :func:`reliability.train` returns: the same class under the name of its role.
TrainedModel = ReliabilityModel


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


#: The only globals a reliability model file may name: what ``ReliabilityModel.save`` writes
#: (numpy 2 and numpy 1 spell the scalar constructor differently; the style-stacked classifier
#: is the default model's from version 0.1.0 on).
SAFE_GLOBALS = frozenset({
    ("joblib.numpy_pickle", "NumpyArrayWrapper"),
    ("numpy", "dtype"),
    ("numpy", "ndarray"),
    ("numpy._core.multiarray", "scalar"),
    ("numpy.core.multiarray", "scalar"),
    ("reliability._classifier", "PhrasingModel"),
    ("reliability._classifier", "StyleStackedClassifier"),
    ("reliability._features", "ArticleFeatures"),
    ("reliability._transformer", "ArticleFeatures"),
    ("sklearn.linear_model._logistic", "LogisticRegression"),
    ("sklearn.pipeline", "Pipeline"),
    ("sklearn.preprocessing._data", "StandardScaler"),
})
#: Largest array a model may hold (elements); a bigger one is a decompression bomb, not weights.
MAX_ARRAY_ELEMENTS = 10_000_000
#: Largest model card read (bytes).
MAX_CARD_BYTES = 10_000_000


class _Refused(Exception):
    """Raised inside the restricted unpickler; load_model turns it into a ModelError."""


@functools.cache
def _stand_in(module: str, name: str) -> type[Pickled]:
    return type(name, (Pickled,), {"qualname": f"{module}.{name}"})


def _safe_load(path: Path, *, stand_ins: bool = False) -> Any:
    """Unpickle a joblib file, allowing only :data:`SAFE_GLOBALS` and numeric arrays.

    With ``stand_ins`` the allowed scikit-learn and reliability classes are not imported: each
    object becomes a :class:`~reliability._scoring_view.Pickled` holding its state, from which
    the scoring view is read without importing scikit-learn. The allowlist applies all the same.
    """
    import math
    import pickle

    try:  # joblib's unpickler is public in behaviour but lives in a private-ish module
        from joblib.numpy_pickle import NumpyArrayWrapper, NumpyUnpickler, _validate_fileobject_and_memmap
    except ImportError as exc:  # pragma: no cover - depends on the installed joblib
        raise ModelError(
            f"this joblib version cannot load models safely ({exc}); pass trusted=True for a file you vouch for"
        ) from exc

    class RestrictedUnpickler(NumpyUnpickler):  # type: ignore[misc, valid-type]
        dispatch = NumpyUnpickler.dispatch.copy()

        def find_class(self, module: str, name: str) -> Any:
            if (module, name) not in SAFE_GLOBALS:
                raise _Refused(f"it refers to {module}.{name}, which no reliability model contains")
            if stand_ins and module.startswith(("sklearn.", "reliability.")):
                return _stand_in(module, name)
            return super().find_class(module, name)

        def load_build(self) -> None:
            state, instance = self.stack[-1], self.stack[-2]
            if isinstance(instance, NumpyArrayWrapper):
                # Object arrays are read with plain pickle.load, outside this allowlist.
                dtype = state.get("dtype") if isinstance(state, dict) else None
                shape = state.get("shape") if isinstance(state, dict) else None
                if dtype is None or getattr(dtype, "hasobject", True):
                    raise _Refused("it holds an array of Python objects, which no reliability model contains")
                if not isinstance(shape, tuple) or math.prod(int(n) for n in shape) > MAX_ARRAY_ELEMENTS:
                    raise _Refused(f"it holds an array of shape {shape!r}, too large to be model weights")
            NumpyUnpickler.load_build(self)

        dispatch[pickle.BUILD[0]] = load_build

    with path.open("rb") as handle, _validate_fileobject_and_memmap(handle, str(path), None) as (fobj, _):
        if isinstance(fobj, str):  # joblib < 0.10 format: loaded by another, unrestricted path
            raise _Refused("it is in the joblib format from before 0.10")
        return RestrictedUnpickler(str(path), fobj, True).load()


def _sklearn_version() -> str:
    """The installed scikit-learn's version, read from its metadata: importing it takes seconds."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scikit-learn")
    except PackageNotFoundError:  # pragma: no cover - a runtime dependency
        import sklearn

        return str(sklearn.__version__)


def _read_payload(path: Path, *, trusted: bool, stand_ins: bool = False) -> dict[str, Any]:
    """The unpickled ``{"pipeline", "calibration", "thresholds"}`` of a model file, or a ModelError."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # scikit-learn's InconsistentVersionWarning becomes an error
        try:
            if trusted:
                import joblib

                payload = joblib.load(path)
            else:
                payload = _safe_load(path, stand_ins=stand_ins)
        except _Refused as exc:
            raise ModelError(
                f"refusing to load {path}: {exc}. Loading it could run code; pass trusted=True only "
                "for a file you vouch for"
            ) from None
        except ModelError:
            raise
        except Warning as exc:
            raise ModelVersionError(f"{path}: {exc}") from exc
        except Exception as exc:
            raise ModelError(f"cannot load the model {path}: {exc}") from exc
    if not isinstance(payload, dict) or not {"pipeline", "calibration", "thresholds"} <= payload.keys():
        raise ModelError(f"{path} is not a reliability model: it holds no pipeline, calibration and thresholds")
    return payload


def _load_payload(path: Path, *, trusted: bool, card: dict[str, Any]) -> dict[str, Any]:
    """The model file's payload with its real scikit-learn pipeline (read lazily, after load_model)."""
    if not trusted and card.get("artifact_sha256") != _sha256(path):
        raise ModelError(f"{path} does not match the sha256 on its card: it changed after the model was loaded")
    return _read_payload(path, trusted=trusted)


def _view_of(clf: Any) -> ScoringView:
    """The scoring view of a pipeline's classifier step, which must be the library's linear one."""
    from ._classifier import StyleStackedClassifier

    # Only the library's linear classifier has an exact additive split of its logit; refuse
    # any other rather than explain it with contributions that do not add up.
    if not isinstance(clf, StyleStackedClassifier):
        raise ModelError(
            f"{type(clf).__name__} is not the library's linear classifier, so its score has no exact "
            "additive explanation; train models with reliability.train"
        )
    return view_of_classifier(clf)


def _calibration_and_thresholds(payload: dict[str, Any], path: Path) -> tuple[dict[str, Any], tuple[float, float]]:
    calibration, thresholds = payload["calibration"], payload["thresholds"]
    numbers = (int, float, np.floating)
    ok = isinstance(calibration, dict) and (
        (calibration.get("method") == "sigmoid" and all(isinstance(calibration.get(k), numbers) for k in "ab"))
        or (calibration.get("method") == "isotonic" and all(isinstance(calibration.get(k), list) for k in "xy"))
    )
    if not ok or not (isinstance(thresholds, tuple | list) and len(thresholds) == 2
                      and all(isinstance(t, numbers) for t in thresholds)):
        raise ModelError(f"{path} is not a reliability model: its calibration or thresholds are malformed")
    return calibration, (float(thresholds[0]), float(thresholds[1]))


def load_model(path: str | Path | None = None, *, trusted: bool = False) -> ReliabilityModel:
    """Load a model and check it against its card.

    Raises :class:`ModelNotFoundError` when the file or its card is missing,
    :class:`ModelError` when the file does not match the sha256 on its card or names anything
    but the types a reliability model is made of (pass ``trusted=True`` only for files you vouch
    for: unpickling them runs their code), and :class:`ModelVersionError` when it was built by
    other versions or for other features.

    A model file written by :meth:`ReliabilityModel.save` is read, under the same allowlist,
    without importing scikit-learn: scoring needs only the fitted arrays, and the pipeline
    itself is unpickled when :attr:`ReliabilityModel.pipeline` is first read.
    """
    from . import __version__
    from ._features import INPUT_NAMES
    from ._style import PHRASING_COLUMNS

    path = Path(path) if path is not None else default_model_path()
    if not path.is_file():
        raise ModelNotFoundError(
            f"no model file at {path}; train one with `reliability train` or omit it for the default"
        )
    card_file = card_path(path)
    if not card_file.is_file():
        raise ModelNotFoundError(f"model {path} has no card at {card_file}; models are saved with their card")
    try:
        if card_file.stat().st_size > MAX_CARD_BYTES:
            raise ValueError(f"it is over {MAX_CARD_BYTES:,} bytes")
        card = json.loads(card_file.read_text(encoding="utf-8"))
        if not isinstance(card, dict):
            raise ValueError("it is not a JSON object")
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the model card {card_file}: {exc}") from exc
    if not trusted and card.get("artifact_sha256") != _sha256(path):
        raise ModelError(
            f"{path} does not match the sha256 on its card: the file was changed or is not the model "
            "its card describes. Loading a model runs code; pass trusted=True only for a file you vouch for"
        )
    installed = _sklearn_version()
    if card.get("sklearn_version") != installed:
        raise ModelVersionError(
            f"{path} was trained with scikit-learn {card.get('sklearn_version')}, this is {installed}; "
            "install the version on the card or retrain the model"
        )
    if list(card.get("feature_names", [])) != list(INPUT_NAMES) or card.get("phrasing_columns") != PHRASING_COLUMNS:
        raise ModelVersionError(
            f"{path} was trained on other features than this library version ({__version__}) computes; retrain it"
        )
    if not trusted:
        payload = _read_payload(path, trusted=False, stand_ins=True)
        pickled = payload["pipeline"]
        if isinstance(pickled, Pickled) and pickled.state.get("_sklearn_version", installed) != installed:
            raise ModelVersionError(f"{path} was pickled by scikit-learn {pickled.state['_sklearn_version']}, "
                                    f"this is {installed}; retrain the model")
        try:
            view = view_of_state(pickled)
        except ValueError as exc:
            raise ModelError(f"{path} is not a usable reliability model: {exc}") from None
        calibration, thresholds = _calibration_and_thresholds(payload, path)
        if view is not None and (not view.consistent or view.n_inputs != len(INPUT_NAMES)):
            raise ModelError(f"{path} is not a usable reliability model: its arrays do not fit "
                             f"{len(INPUT_NAMES)} input columns")
        if view is not None:
            return ReliabilityModel._from_file(view, calibration, thresholds, card, path, trusted=False)
        # Not the library's own pipeline layout: unpickle it for real (same allowlist).
    payload = _read_payload(path, trusted=trusted)
    calibration, thresholds = _calibration_and_thresholds(payload, path)
    return ReliabilityModel(payload["pipeline"], calibration, thresholds, card)
