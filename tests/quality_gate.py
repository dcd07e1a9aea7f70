"""The CI quality gate: measured figures must not drop below floors pinned in JSON.

Each gate is ``tests/quality/<name>.json``::

    {"data_sha256": "...", "floors": {"cue_f1_overlap": 0.85, ...}, "measured": {...},
     "command": "how the figures were measured"}

A test computes the figures on the real data, then calls :func:`check` with them and the hash
of the data it read. The test fails when any figure is below its floor, or when the data no
longer hashes the same (the floors then mean nothing; re-measure and re-pin). :func:`pin`
writes new floors and refuses to lower one, so a change can raise the bar but never drop it
quietly.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path

GATES = Path(__file__).resolve().parent / "quality"
TOLERANCE = 1e-9


def hash_files(paths: Iterable[Path]) -> str:
    """sha256 over the names and bytes of ``paths``, in order of file name.

    Only names count (not directories), so the hash is the same wherever the repository and
    the corpora sit and however their paths are written.
    """
    digest = hashlib.sha256()
    for path in sorted((Path(p) for p in paths), key=lambda p: (p.name, str(p.parent.name))):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def check(name: str, figures: Mapping[str, float], data_sha256: str) -> None:
    """Assert ``figures`` meet the floors of gate ``name`` on the same data."""
    gate = json.loads((GATES / f"{name}.json").read_text(encoding="utf-8"))
    assert gate["data_sha256"] == data_sha256, (
        f"quality gate {name}: the evaluation data changed (hash {data_sha256[:12]}…, pinned "
        f"{gate['data_sha256'][:12]}…); re-measure and re-pin with tests/quality_gate.py"
    )
    below = {
        key: (figures.get(key), floor)
        for key, floor in gate["floors"].items()
        if figures.get(key) is None or figures[key] < floor - TOLERANCE
    }
    assert not below, f"quality gate {name}: below the pinned floors (measured, floor): {below}"


def pin(name: str, figures: Mapping[str, float], data_sha256: str, *, command: str, slack: float = 0.0) -> Path:
    """Write gate ``name`` with floors at ``figures`` minus ``slack`` (rounded down); never lower a floor.

    ``slack`` absorbs numeric noise between machines for figures that come out of a solver.
    """
    path = GATES / f"{name}.json"
    floors = {k: _round_down(v - slack) for k, v in figures.items()}
    if path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        if old["data_sha256"] == data_sha256:
            lowered = {k: (floors.get(k), v) for k, v in old["floors"].items() if floors.get(k, -1) < v}
            if lowered:
                raise ValueError(f"refusing to lower floors of {name}: {lowered}")
    gate = {"data_sha256": data_sha256, "floors": floors, "measured": dict(figures), "command": command}
    path.write_text(json.dumps(gate, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def _round_down(value: float, places: int = 3) -> float:
    scale = 10**places
    return math.floor(value * scale) / scale
