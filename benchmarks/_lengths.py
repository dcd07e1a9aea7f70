"""Articles of a chosen length for the cost-against-length benchmarks (run.py, stages.py,
bench_sources.py), built the same way everywhere so their figures compare."""

from __future__ import annotations


def joined(texts: list[str], size: int) -> str:
    """An article of at least ``size`` bytes made of whole paragraphs of ``texts``, in order,
    starting over from the first when they run out."""
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    parts, total, k = [], 0, 0
    while total < size:
        paragraph = paragraphs[k % len(paragraphs)]
        parts.append(paragraph)
        total += len(paragraph.encode()) + 1
        k += 1
    return "\n".join(parts)
