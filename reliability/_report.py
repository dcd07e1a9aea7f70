"""Rendering a report for people: plain text for terminals."""

from __future__ import annotations

from ._records import ARTICLE_SOURCE_ID, ReliabilityReport

__all__ = ["render_text"]


def _chain(report: ReliabilityReport, chain_id: str | None) -> str:
    chain = next((c for c in report.chains if c.id == chain_id), None)
    if chain is None:
        return ""
    names = {s.id: s for s in report.sources}

    def name(hop: str) -> str:
        if hop == ARTICLE_SOURCE_ID:
            return "article"
        source = names.get(hop)
        if source is None:
            return hop
        return f"{source.name} [{source.kind}]"

    return " → ".join(name(h) for h in chain.hops)


def render_text(report: ReliabilityReport, *, top: int = 5) -> str:
    """The score, the top reasons, and each claim with its chain."""
    lines = [
        f"Reliability: {report.score:.2f} ({report.label})   model: {report.model.name} {report.model.version}",
        *(f"Warning: {warning}" for warning in report.warnings),
        "",
        "Top reasons:",
    ]
    for e in report.explanations[:top]:
        sign = "+" if e.contribution >= 0 else "−"
        lines.append(f"  {sign}{abs(e.contribution):.2f}  {e.message}")
        for span in e.evidence[:2]:
            quoted = " ".join(span.text.split())
            quoted = quoted if len(quoted) <= 100 else quoted[:99] + "…"
            lines.append(f"         “{quoted}” (chars {span.start}–{span.end})")
    lines += ["", "Claims:"]
    for claim in report.claims:
        att = claim.attribution
        how = att.directness if att else "unattributed"
        text = " ".join(claim.text.text.split())
        lines.append(f"  [{how}] {text[:110]}{'…' if len(text) > 110 else ''}")
        chain = _chain(report, claim.chain_id)
        if chain and att is not None:
            lines.append(f"      {chain}")
        if claim.hedges:
            lines.append("      hedges: " + ", ".join(h.text for h in claim.hedges))
    return "\n".join(lines) + "\n"
