"""Rendering a report for people: plain text for terminals, Markdown, JSON and HTML.

:func:`render_report` picks the format. Text and Markdown say the same things (the score and label,
the top reasons with their evidence quoted, every claim with its own score and its chain drawn
``origin → relay → article``); HTML (:mod:`._render_html`) also shows the article itself with
the findings highlighted, so it needs the article text.
"""

from __future__ import annotations

from typing import Literal

from ._claim_scores import hop_name
from ._exceptions import InputError
from ._records import ARTICLE_SOURCE_ID, Claim, ReliabilityReport

__all__ = ["FORMATS", "Format", "chain_text", "render_markdown", "render_report", "render_text"]

Format = Literal["text", "json", "markdown", "html"]
FORMATS: tuple[Format, ...] = ("text", "json", "markdown", "html")

# ANSI SGR codes; used only when the caller says the output is a colour terminal.
_RED, _YELLOW, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[33m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def chain_text(report: ReliabilityReport, chain_id: str | None) -> str:
    """The chain of ``chain_id`` drawn as ``origin → relay → article`` ('' when there is none)."""
    chain = next((c for c in report.chains if c.id == chain_id), None)
    if chain is None:
        return ""
    sources = {s.id: s for s in report.sources}
    return " → ".join("article" if h == ARTICLE_SOURCE_ID else hop_name(h, sources) for h in chain.hops)


def _oneline(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _band(score: float) -> str:
    """Claim scores in three bands, as the article label uses (below 0.4, 0.4–0.6, from 0.6)."""
    return "weak" if score < 0.4 else "fair" if score < 0.6 else "strong"


def _claim_how(claim: Claim) -> str:
    return claim.attribution.directness if claim.attribution is not None else "unattributed"


def render_text(report: ReliabilityReport, *, top: int = 5, color: bool = False) -> str:
    """The score, the top reasons, and each claim with its own score and chain."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    label_colour = {"low": _RED, "mixed": _YELLOW, "high": _GREEN}[report.label]
    band_colour = {"weak": _RED, "fair": _YELLOW, "strong": _GREEN}
    lines = [
        paint(_BOLD, "Reliability: ") + paint(_BOLD + label_colour, f"{report.score:.2f} ({report.label})")
        + f"   model: {report.model.name} {report.model.version}",
        *(f"Warning: {warning}" for warning in report.warnings),
        "",
        "Top reasons:",
    ]
    for e in report.explanations[:top]:
        sign = "+" if e.contribution >= 0 else "−"
        amount = paint(_GREEN if e.contribution >= 0 else _RED, f"{sign}{abs(e.contribution):.2f}")
        lines.append(f"  {amount}  {e.message}")
        for span in e.evidence[:2]:
            lines.append(paint(_DIM, f"         “{_oneline(span.text, 100)}” (chars {span.start}–{span.end})"))
    lines += ["", "Claims (each with its own score):"]
    for claim in report.claims:
        score = "    " if claim.score is None else paint(band_colour[_band(claim.score)], f"{claim.score:.2f}")
        lines.append(f"  {score} [{_claim_how(claim)}] {_oneline(claim.text.text, 100)}")
        chain = chain_text(report, claim.chain_id)
        if chain and claim.attribution is not None:
            lines.append(f"       {chain}")
        if claim.hedges:
            lines.append("       hedges: " + ", ".join(h.text for h in claim.hedges))
        weakest = [r for r in claim.reasons if r.weight < 0][:1]
        for reason in weakest:
            lines.append(paint(_DIM, f"       why: {reason.message}"))
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Article text made inert in Markdown: no HTML, no links, no emphasis, one line."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]|#!":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(report: ReliabilityReport, *, title: str | None = None, top: int = 5) -> str:
    """The same as :func:`render_text`, as Markdown for a fact-check or an issue."""
    lines = [f"## Reliability: {report.score:.2f} ({report.label})", ""]
    if title:
        lines += [f"**Article:** {_md(title)}", ""]
    lines += [
        f"Model `{report.model.name}` {report.model.version}. Logit {report.logit:+.2f} = base "
        f"{report.base_value:+.2f} + the contributions below (all {len(report.explanations)} features).",
        "",
        "### Top reasons",
        "",
        "| contribution | reason | evidence |",
        "|---:|---|---|",
    ]
    for e in report.explanations[:top]:
        evidence = "<br>".join(f"“{_md(_oneline(s.text, 80))}” (chars {s.start}–{s.end})" for s in e.evidence[:2])
        lines.append(f"| {e.contribution:+.2f} | {_md(e.message)} | {evidence} |")
    lines += ["", "### Claims", ""]
    for n, claim in enumerate(report.claims, 1):
        score = "–" if claim.score is None else f"{claim.score:.2f} ({_band(claim.score)})"
        lines.append(f"{n}. **{score}** · {_claim_how(claim).replace('_', ' ')} · “{_md(claim.text.text)}”")
        chain = chain_text(report, claim.chain_id)
        if chain and claim.attribution is not None:
            lines.append(f"   - chain: {_md(chain)}")
        for reason in claim.reasons:
            lines.append(f"   - {reason.weight:+.2f} {_md(reason.message)}")
    return "\n".join(lines) + "\n"


def render_report(
    report: ReliabilityReport,
    format: Format = "text",
    *,
    text: str | None = None,
    title: str | None = None,
    color: bool = False,
) -> str:
    """``report`` in ``format``; HTML needs the article ``text`` the report's spans point into."""
    if format == "text":
        return render_text(report, color=color)
    if format == "json":
        return report.model_dump_json(indent=2) + "\n"
    if format == "markdown":
        return render_markdown(report, title=title)
    if format == "html":
        if text is None:
            raise InputError("the HTML report shows the article: pass the article text it was scored from")
        from ._render_html import render_html

        return render_html(report, text, title=title)
    raise InputError(f"unknown report format {format!r}; choose one of {', '.join(FORMATS)}")
