"""The README's set-up commands and Python example stay true."""

from __future__ import annotations

import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_python_examples_run(monkeypatch):
    monkeypatch.chdir(REPO)
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_setup_commands_point_at_real_files():
    commands = re.findall(r"```bash\n(.*?)```", README, re.S)
    assert "reliability score data/examples/blog-arctic-icebreakers.txt" in commands[0]
    assert (REPO / "data" / "examples" / "blog-arctic-icebreakers.txt").exists()
    assert commands[1].strip() == "pip install '.[test]' && pytest"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pytest" in ci and ".[test]" in ci
    assert os.access(REPO / ".ci" / "run", os.X_OK)
