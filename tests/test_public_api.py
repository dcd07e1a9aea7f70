from __future__ import annotations

import subprocess
import sys

import reliability


def test_all_is_the_public_surface():
    public = {name for name in dir(reliability) if not name.startswith("_")} | {"__version__"}
    assert set(reliability.__all__) == public
    for name in reliability.__all__:
        assert getattr(reliability, name) is not None


def test_exception_tree():
    assert issubclass(reliability.ModelNotFoundError, reliability.ReliabilityError)
    assert issubclass(reliability.ModelNotFoundError, FileNotFoundError)
    assert issubclass(reliability.InputTooLargeError, reliability.ReliabilityError)
    assert issubclass(reliability.EmptyTextError, ValueError)


def test_import_is_light():
    heavy = "('sklearn', 'joblib', 'tldextract', 'numpy')"
    code = f"import sys, reliability; print(' '.join(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_input_contract():
    import pytest

    with pytest.raises(TypeError):
        reliability.score_article(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(reliability.EmptyTextError):
        reliability.score_article("   \n ")
    with pytest.raises(reliability.InputTooLargeError):
        reliability.Scorer(max_chars=10).score("The minister said that taxes would fall.")
