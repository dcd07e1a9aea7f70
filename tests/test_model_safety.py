"""Hostile model files: tampered, foreign, disguised, oversized. Loading refuses them with a
ModelError and runs none of their code unless the caller passes trusted=True."""

from __future__ import annotations

import json
import os
import pickle
import shutil

import joblib
import numpy as np
import pytest

from reliability import ModelError, Scorer, load_model
from reliability._model import _sha256, card_path, default_model_path


def _forge(path, payload, *, protocol: int | None = None) -> None:
    """Write ``payload`` as a joblib file with a card that matches it (what an attacker ships)."""
    card = json.loads(card_path(default_model_path()).read_text(encoding="utf-8"))
    if protocol is None:
        joblib.dump(payload, path)
    else:
        path.write_bytes(pickle.dumps(payload, protocol=protocol))
    card["artifact_sha256"] = _sha256(path)
    card_path(path).write_text(json.dumps(card), encoding="utf-8")


class RunsCode:
    """Unpickling this calls os.system: the classic malicious pickle."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_foreign_pickle_with_a_matching_card_does_not_run(tmp_path):
    marker = tmp_path / "pwned"
    for protocol in (None, 2, 5):
        path = tmp_path / f"evil{protocol}.joblib"
        _forge(path, {"pipeline": RunsCode(marker), "calibration": (1, 0), "thresholds": (0.4, 0.6)},
               protocol=protocol)
        with pytest.raises(ModelError, match=r"posix\.system|os\.system|nt\.system"):
            load_model(path)
        with pytest.raises(ModelError):
            Scorer(path).score("The minister said that taxes would fall.")
        assert not marker.exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"pipeline": np.array([{"a": 1}], dtype=object), "calibration": (1, 0), "thresholds": (0.4, 0.6)},
        {"pipeline": [print], "calibration": (1, 0), "thresholds": (0.4, 0.6)},
        {"pipeline": __import__("collections").OrderedDict(), "calibration": (1, 0), "thresholds": (0.4, 0.6)},
    ],
    ids=["object array", "builtin function", "other class"],
)
def test_anything_but_model_types_is_refused(tmp_path, payload):
    path = tmp_path / "foreign.joblib"
    _forge(path, payload)
    with pytest.raises(ModelError, match="refusing to load"):
        load_model(path)


def test_numeric_pickle_that_is_not_a_model(tmp_path):
    path = tmp_path / "arrays.joblib"
    _forge(path, {"weights": np.zeros(3)})
    with pytest.raises(ModelError, match="not a reliability model"):
        load_model(path)


def test_decompression_bomb_array_is_refused(tmp_path):
    path = tmp_path / "bomb.joblib"
    _forge(path, {"pipeline": np.zeros(20_000_000, dtype=np.int8)})
    with pytest.raises(ModelError, match="too large"):
        load_model(path)


def test_tampered_bytes_and_truncation(model_copy):
    data = model_copy.read_bytes()
    model_copy.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="sha256"):
        load_model(model_copy)
    # Truncated and vouched for: still a clear ModelError, not an EOFError from deep inside.
    with pytest.raises(ModelError, match="cannot load"):
        load_model(model_copy, trusted=True)


@pytest.mark.parametrize("card", ["not json", "[1, 2]", '{"artifact_sha256": 5}'])
def test_broken_cards(model_copy, card):
    card_path(model_copy).write_text(card, encoding="utf-8")
    with pytest.raises(ModelError):
        load_model(model_copy)


def test_trusted_opt_in_loads_a_pickle_the_checks_would_refuse(model_copy, tmp_path):
    """A genuine model re-saved without its card hash: refused by default, loaded when vouched for."""
    payload = joblib.load(model_copy)
    resaved = tmp_path / "resaved.joblib"
    joblib.dump(payload, resaved, compress=9)
    shutil.copy(card_path(model_copy), card_path(resaved))
    with pytest.raises(ModelError, match="sha256"):
        load_model(resaved)
    model = load_model(resaved, trusted=True)
    assert model.feature_names == load_model().feature_names
    report = Scorer(resaved, trusted=True).score("The minister said that taxes would fall.")
    assert report.score == Scorer().score("The minister said that taxes would fall.").score


def test_a_genuinely_saved_model_loads_safely(tmp_path):
    """What ReliabilityModel.save writes passes the allowlist (no trusted=True needed)."""
    model = load_model()
    path = model.save(tmp_path / "copy.joblib")
    assert load_model(path).feature_names == model.feature_names
