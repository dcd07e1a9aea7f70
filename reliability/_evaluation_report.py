"""The evaluation report page: one self-contained HTML file with inline SVG plots.

Needs matplotlib, the optional extra ``pip install 'reliability[report]'``.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

import numpy as np

from ._evaluation import EvaluationReport
from ._exceptions import ReliabilityError

__all__ = ["write_report"]


def _pyplot():  # type: ignore[no-untyped-def]
    try:
        import matplotlib
    except ImportError as exc:
        raise ReliabilityError(
            "the HTML report needs matplotlib: pip install 'reliability[report]'"
        ) from exc
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _roc_pr(plt: Any, curves: dict[str, Any], scheme: str) -> tuple[str, str]:
    from sklearn.metrics import precision_recall_curve, roc_curve

    roc, ax_roc = plt.subplots(figsize=(4.2, 4))
    pr, ax_pr = plt.subplots(figsize=(4.2, 4))
    for who, style in (("model", "-"), ("baseline", "--")):
        entry = curves.get(f"{scheme}/{who}")
        if entry is None:
            continue
        y, logits, _ = entry
        fpr, tpr, _ = roc_curve(y, logits)
        ax_roc.plot(fpr, tpr, style, label="this model" if who == "model" else "TF-IDF baseline")
        precision, recall, _ = precision_recall_curve(y, logits)
        ax_pr.plot(recall, precision, style, label="this model" if who == "model" else "TF-IDF baseline")
    ax_roc.plot([0, 1], [0, 1], ":", color="grey")
    ax_roc.set(xlabel="false positive rate", ylabel="true positive rate", title=f"ROC ({scheme})")
    ax_pr.set(xlabel="recall (reliable)", ylabel="precision", title=f"Precision–recall ({scheme})")
    ax_roc.legend(loc="lower right")
    ax_pr.legend(loc="lower left")
    result = _svg(roc), _svg(pr)
    plt.close(roc)
    plt.close(pr)
    return result


def _reliability_diagram(plt: Any, curves: dict[str, Any], scheme: str) -> str:
    y, _, p = curves[f"{scheme}/model"]
    edges = np.linspace(0, 1, 11)
    index = np.clip(np.digitize(p, edges[1:-1]), 0, 9)
    mids, rates, counts = [], [], []
    for b in range(10):
        mask = index == b
        if mask.any():
            mids.append(p[mask].mean())
            rates.append(y[mask].mean())
            counts.append(int(mask.sum()))
    fig, ax = plt.subplots(figsize=(4.2, 4))
    ax.plot([0, 1], [0, 1], ":", color="grey")
    ax.plot(mids, rates, "o-")
    for m, r, c in zip(mids, rates, counts, strict=True):
        ax.annotate(str(c), (m, r), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set(xlabel="mean predicted P(reliable)", ylabel="observed share reliable")
    ax.set_title(f"Reliability diagram ({scheme})")
    out = _svg(fig)
    plt.close(fig)
    return out


def _confusion(plt: Any, curves: dict[str, Any], scheme: str) -> str:
    from sklearn.metrics import confusion_matrix

    y, _, p = curves[f"{scheme}/model"]
    matrix = confusion_matrix(y, (p >= 0.5).astype(int), labels=[0, 1])
    fig, ax = plt.subplots(figsize=(3.6, 3.2))
    ax.imshow(matrix, cmap="Blues")
    for (i, j), value in np.ndenumerate(matrix):
        ax.text(j, i, str(value), ha="center", va="center")
    ax.set_xticks([0, 1], ["unreliable", "reliable"])
    ax.set_yticks([0, 1], ["unreliable", "reliable"])
    ax.set(xlabel="predicted (P ≥ 0.5)", ylabel="label", title=f"Confusion ({scheme})")
    out = _svg(fig)
    plt.close(fig)
    return out


def _weights(plt: Any, model: Any) -> str:
    names = model.feature_names
    coef = model.pipeline.named_steps["classifier"].classifier_.coef_[0]
    order = np.argsort(coef)
    fig, ax = plt.subplots(figsize=(6, 0.22 * len(names) + 1))
    ax.barh([names[i] for i in order], coef[order], color=["#c0392b" if c < 0 else "#2e86c1" for c in coef[order]])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set(xlabel="weight on the standardised feature (log-odds of reliable)", title="Feature weights")
    out = _svg(fig)
    plt.close(fig)
    return out


def write_report(report: EvaluationReport, curves: dict[str, Any], directory: str | Path, *, model: Any = None) -> Path:
    """Write ``index.html`` (plots inline, no external assets) and ``report.json`` to ``directory``."""
    plt = _pyplot()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "report.json").write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
    roc, pr = _roc_pr(plt, curves, "grouped")
    figures = [roc, pr, _reliability_diagram(plt, curves, "grouped"), _confusion(plt, curves, "grouped")]
    if model is not None:
        figures.append(_weights(plt, model))
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in report.warnings) or "<li>none</li>"
    datasets = ", ".join(f"{html.escape(k)} ({v})" for k, v in report.datasets.items())
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>reliability evaluation</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #222; }}
pre {{ background: #f6f6f6; padding: 1rem; overflow-x: auto; }}
.figures {{ display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }}
.figures svg {{ max-width: 100%; height: auto; }}
</style></head><body>
<h1>Evaluation</h1>
<p>Data: {datasets}; {report.n_groups} groups (outlets). Data sha256 <code>{report.data_sha256[:16]}…</code>.
Settings: <code>{html.escape(str(report.settings))}</code>.</p>
<p>"grouped" keeps every outlet on one side of each fold and is the figure to believe; "random" is for
contrast; "lodo:X" trains on the other datasets and tests on X. The baseline is TF-IDF + logistic regression
on the same folds.</p>
<pre>{html.escape(report.table())}</pre>
<h2>Warnings</h2><ul>{warnings}</ul>
<h2>Plots (grouped folds)</h2>
<div class="figures">{"".join(figures)}</div>
</body></html>
"""
    path = directory / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
