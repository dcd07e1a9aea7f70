"""The gate mechanism itself (the gates live in the tests that measure)."""

from __future__ import annotations

import json

import pytest
import quality_gate


@pytest.fixture
def gates(tmp_path, monkeypatch):
    monkeypatch.setattr(quality_gate, "GATES", tmp_path)
    return tmp_path


def test_check_passes_at_or_above_floors_and_fails_below(gates):
    quality_gate.pin("g", {"f1": 0.8123}, "abc", command="test")
    assert json.loads((gates / "g.json").read_text())["floors"] == {"f1": 0.812}
    quality_gate.check("g", {"f1": 0.8123}, "abc")
    with pytest.raises(AssertionError, match="below the pinned floors"):
        quality_gate.check("g", {"f1": 0.80}, "abc")
    with pytest.raises(AssertionError, match="data changed"):
        quality_gate.check("g", {"f1": 0.9}, "other")


def test_negative_figures_round_down_and_slack_applies(gates):
    quality_gate.pin("g", {"margin": -0.0144, "auc": 0.8841}, "abc", command="test", slack=0.005)
    floors = json.loads((gates / "g.json").read_text())["floors"]
    assert floors == {"margin": -0.02, "auc": 0.879}
    quality_gate.check("g", {"margin": -0.0144, "auc": 0.8841}, "abc")


def test_pin_never_lowers_a_floor(gates):
    quality_gate.pin("g", {"f1": 0.8}, "abc", command="test")
    quality_gate.pin("g", {"f1": 0.85}, "abc", command="test")
    with pytest.raises(ValueError, match="refusing to lower"):
        quality_gate.pin("g", {"f1": 0.7}, "abc", command="test")
