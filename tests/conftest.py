"""Shared fixtures. The public corpora live in ../shared beside the repository (CI and the
team's machines); tests that read them skip with a reason when they are absent."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RELIABILITY_SHARED", REPO.parent / "shared"))
SEED = SHARED / "examples" / "seed-north-korea-volunteers.txt"
EXAMPLE = REPO / "data" / "examples" / "blog-arctic-icebreakers.txt"


def need(path: Path) -> Path:
    """``path`` if it exists, else skip the test with the reason."""
    if not path.exists():
        pytest.skip(f"{path} not found: the shared corpora are only present in CI and on the team's machines")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return need(SHARED)


@pytest.fixture(scope="session")
def seed_article() -> tuple[str, str]:
    """The seed article as (title, body): its first line is the title."""
    text = need(SEED).read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    return title.strip(), body


@pytest.fixture(scope="session")
def example_article() -> tuple[str, str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    return title.strip(), body


@pytest.fixture(scope="session")
def polnear_dev() -> Path:
    return need(SHARED / "data" / "polnear" / "dev")


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    """A copy of the bundled model and its card, free to tamper with."""
    from reliability._model import card_path, default_model_path

    path = tmp_path / "m.joblib"
    shutil.copy(default_model_path(), path)
    shutil.copy(card_path(default_model_path()), card_path(path))
    return path
