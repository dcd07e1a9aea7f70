"""An installed (non-editable) package carries the default model and the data files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import reliability

REPO = Path(__file__).resolve().parent.parent


def test_installed_package_carries_model_and_data():
    package_dir = Path(reliability.__file__).resolve().parent
    if package_dir.parent == REPO:
        pytest.skip("reliability is imported from the source tree, not from an installed wheel")
    for package, files in {
        "reliability._data": ["outlets.json", "lexicons/cue_verbs.txt", "examples/blog-arctic-icebreakers.txt"],
        "reliability._models": ["default.joblib", "default.card.json"],
    }.items():
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.submodule_search_locations, package
        root = Path(next(iter(spec.submodule_search_locations)))
        for name in files:
            assert (root / name).is_file(), f"{package}/{name} missing from the installed package"


def test_every_lexicon_is_declared_as_package_data():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"reliability._data" = ["*.json", "*.md", "lexicons/*", "examples/*"]' in pyproject
    assert all(p.parent.name in ("lexicons", "examples", "data") for p in (REPO / "data").rglob("*") if p.is_file())
