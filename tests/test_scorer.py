"""Scorer internals that the public-API tests do not see."""

from __future__ import annotations

import gc

import pytest

from reliability import Scorer

TEXT = "The minister said on Tuesday that taxes would fall, according to Reuters."


@pytest.mark.parametrize("enabled", [True, False])
def test_scoring_leaves_the_garbage_collector_as_it_found_it(enabled):
    scorer = Scorer()
    (gc.enable if enabled else gc.disable)()
    try:
        scorer.score(TEXT)
        assert gc.isenabled() is enabled
        with pytest.raises(TypeError):
            scorer.score(b"bytes")  # type: ignore[arg-type]
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_scoring_gives_the_same_report_with_the_collector_on_or_off():
    scorer = Scorer()
    report = scorer.score(TEXT)
    gc.disable()
    try:
        assert scorer.score(TEXT) == report
    finally:
        gc.enable()


def test_the_collector_comes_back_when_scoring_fails(monkeypatch):
    import reliability._scorer as scorer_module

    def broken(*args, **kwargs):
        raise RuntimeError("a stage failed")

    monkeypatch.setattr(scorer_module, "analyze", broken)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="a stage failed"):
        Scorer().score(TEXT)
    assert gc.isenabled()
