"""The HTML report: one self-contained page, no external assets, no script.

The page shows the score and its label, the article with its claims, attributions and hedges
highlighted (hovering shows the reason, clicking jumps to the claim's reasons), each citation
chain drawn as an inline SVG diagram, and the explanation list.

Everything taken from the article or the report is escaped with :func:`html.escape`, and the
page declares a Content-Security-Policy that allows no script and no network fetch at all, so
a hostile article can neither inject script nor make the reader's browser call out.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from ._claim_scores import hop_name
from ._exceptions import InputError
from ._records import ARTICLE_SOURCE_ID, CitationChain, Claim, ReliabilityReport, Source, Span

__all__ = ["render_html"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_KIND_COLOUR = {
    "anonymous": "#c0392b",
    "state_media": "#d35400",
    "blog": "#e67e22",
    "social_media": "#e67e22",
    "official": "#1e8449",
    "expert": "#1e8449",
    "organization": "#1e8449",
    "wire_agency": "#2471a3",
    "news_outlet": "#2471a3",
    "person": "#566573",
    "unknown": "#566573",
}

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1c2833;background:#fbfcfc}
main{max-width:980px;margin:0 auto;padding:1.2em}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin:1.4em 0 .5em;border-bottom:1px solid #d5d8dc}
.score{display:flex;align-items:center;gap:1em;margin:.6em 0}
.score .value{font-size:2.4em;font-weight:700}
.badge{padding:.15em .6em;border-radius:1em;color:#fff;font-weight:600;text-transform:uppercase;font-size:.85em}
.badge.low{background:#c0392b}.badge.mixed{background:#b7950b}.badge.high{background:#1e8449}
.gauge{width:220px;height:10px;background:#e5e8e8;border-radius:5px;overflow:hidden}
.gauge span{display:block;height:100%}
.gauge.low span{background:#c0392b}.gauge.mixed span{background:#b7950b}.gauge.high span{background:#1e8449}
.legend span{margin-right:1em}
.article{white-space:pre-wrap;background:#fff;border:1px solid #d5d8dc;border-radius:6px;padding:1em;line-height:1.7}
a.claim{color:inherit;text-decoration:none;border-radius:3px;padding:.05em 0}
a.claim.weak{background:#fadbd8}a.claim.fair{background:#fcf3cf}a.claim.strong{background:#d5f5e3}
a.claim:hover{outline:2px solid #5d6d7e}
.src{font-weight:600;border-bottom:2px solid #2471a3}
.cue{font-style:italic;border-bottom:2px dotted #2471a3}
.hedge{text-decoration:underline wavy #d35400}
.chain{margin:.6em 0}.chain svg{max-width:100%;height:auto}.chain p{margin:.1em 0;font-size:.9em;color:#566573}
table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:.3em .4em;border-bottom:1px solid #eaeded}
.bar{display:inline-block;height:.7em;border-radius:2px}.bar.pos{background:#1e8449}.bar.neg{background:#c0392b}
.num{font-variant-numeric:tabular-nums;white-space:nowrap;text-align:right}
q{quotes:"“" "”"}.ev{color:#566573;font-size:.9em}
.claims li{margin:.5em 0;padding:.4em .6em;border-radius:6px;border:1px solid transparent}
.claims li:target{border-color:#2471a3;background:#eaf2f8}
.claims .weak b{color:#c0392b}.claims .fair b{color:#9a7d0a}.claims .strong b{color:#1e8449}
footer{color:#808b96;font-size:.85em;margin-top:2em}
"""


def _band(score: float | None) -> str:
    if score is None:
        return "fair"
    return "weak" if score < 0.4 else "fair" if score < 0.6 else "strong"


def _check_spans(report: ReliabilityReport, text: str) -> None:
    for claim in report.claims:
        for span in (claim.text, *claim.hedges):
            if text[span.start : span.end] != span.text:
                raise InputError(
                    f"the report's spans do not point into this text (claim {claim.id} at {span.start}); "
                    "render the report with the text it was scored from"
                )


def _segments(text: str, marks: list[tuple[int, int, str, str, int | None]]) -> str:
    """The article as escaped HTML, each stretch carrying every mark that covers it.

    ``marks`` are ``(start, end, css class, tooltip, claim number)``. The text is cut at every
    mark boundary, so overlapping marks never need nesting; a sweep keeps it linear in the
    number of marks plus the length of the text.
    """
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for k, (s, e, *_rest) in enumerate(marks):
        if e > s:
            opens.setdefault(s, []).append(k)
            closes.setdefault(e, []).append(k)
    cuts = sorted({0, len(text), *opens, *closes})
    active: set[int] = set()
    out: list[str] = []
    for a, b in pairwise(cuts):
        active.difference_update(closes.get(a, ()))
        active.update(opens.get(a, ()))
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        here = sorted(active)
        classes = " ".join(dict.fromkeys(marks[k][2] for k in here))
        tip = escape(" | ".join(dict.fromkeys(marks[k][3] for k in here if marks[k][3])))
        claim = next((marks[k][4] for k in here if marks[k][4] is not None), None)
        if claim is not None:
            out.append(f'<a class="{classes}" href="#claim-{claim}" title="{tip}" data-claim="{claim}">{piece}</a>')
        else:
            out.append(f'<span class="{classes}" title="{tip}">{piece}</span>')
    return "".join(out)


def _marks(report: ReliabilityReport) -> list[tuple[int, int, str, str, int | None]]:
    sources = {s.id: s for s in report.sources}
    marks: list[tuple[int, int, str, str, int | None]] = []
    for n, claim in enumerate(report.claims, 1):
        band = _band(claim.score)
        how = claim.attribution.directness.replace("_", " ") if claim.attribution else "unattributed"
        score = "" if claim.score is None else f" {claim.score:.2f} ({band})"
        first = claim.reasons[0].message if claim.reasons else ""
        why = next((r.message for r in claim.reasons if r.weight < 0), first)
        marks.append((claim.text.start, claim.text.end, f"claim {band}", f"Claim {n}{score}, {how}. {why}", n))
        att = claim.attribution
        if att is None:
            continue
        speaker = sources.get(att.source_id or "")
        who = f"{speaker.name} ({speaker.kind.replace('_', ' ')})" if speaker else "unresolved source"
        if att.source is not None:
            marks.append((att.source.start, att.source.end, "src", f"Source: {who}", n))
        if att.cue is not None:
            marks.append((att.cue.start, att.cue.end, "cue", f"Attribution cue ({how}) for {who}", n))
        for hedge in claim.hedges:
            marks.append((hedge.start, hedge.end, "hedge", "Hedge: the article does not vouch for this", n))
    for claim in report.claims:
        if claim.attribution is None:
            for hedge in claim.hedges:
                marks.append((hedge.start, hedge.end, "hedge", "Hedge: the article does not vouch for this", None))
    return marks


def _chain_svg(chain: CitationChain, sources: dict[str, Source]) -> str:
    """One chain as boxes joined by arrows, coloured by the kind of each hop."""
    boxes: list[tuple[str, str]] = []
    for hop in chain.hops:
        if hop == ARTICLE_SOURCE_ID:
            boxes.append(("this article", "#1c2833"))
            continue
        label = hop_name(hop, sources)
        label = label if len(label) <= 34 else label[:33] + "…"
        kind = sources[hop].kind if hop in sources else "unknown"
        boxes.append((label, _KIND_COLOUR.get(kind, "#566573")))
    gap, height, pad = 36, 34, 10
    widths = [max(70, int(7.2 * len(label)) + 2 * pad) for label, _ in boxes]
    total = sum(widths) + gap * (len(boxes) - 1) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chain-diagram" data-chain="{escape(chain.id)}" '
        f'width="{total}" height="{height + 4}" viewBox="0 0 {total} {height + 4}" role="img" '
        f'aria-label="{escape(" → ".join(label for label, _ in boxes))}">',
        f'<defs><marker id="arrow-{escape(chain.id)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5d6d7e"/></marker></defs>',
    ]
    x = 2
    for k, ((label, colour), width) in enumerate(zip(boxes, widths, strict=True)):
        parts.append(
            f'<g class="hop"><title>{escape(label)}</title><rect x="{x}" y="2" rx="6" width="{width}" '
            f'height="{height}" fill="{colour}"/><text x="{x + width / 2}" y="{2 + height / 2 + 5}" '
            f'text-anchor="middle" fill="#fff" font-size="13" font-family="sans-serif">{escape(label)}</text></g>'
        )
        x += width
        if k < len(boxes) - 1:
            parts.append(
                f'<line x1="{x + 2}" y1="{2 + height / 2}" x2="{x + gap - 4}" y2="{2 + height / 2}" '
                f'stroke="#5d6d7e" stroke-width="2" marker-end="url(#arrow-{escape(chain.id)})"/>'
            )
            x += gap
    parts.append("</svg>")
    return "".join(parts)


def _chains(report: ReliabilityReport) -> str:
    sources = {s.id: s for s in report.sources}
    users: dict[str, list[int]] = {}
    for n, claim in enumerate(report.claims, 1):
        if claim.attribution is not None and claim.chain_id:
            users.setdefault(claim.chain_id, []).append(n)
    chains = sorted((c for c in report.chains if c.id in users), key=lambda c: (-c.depth, c.id))
    if not chains:
        return "<p>No claim names a source, so there is no chain to draw.</p>"
    out = []
    for chain in chains:
        links = ", ".join(f'<a href="#claim-{n}">{n}</a>' for n in users[chain.id])
        relays = "relay" if chain.depth == 1 else "relays"
        out.append(
            f'<div class="chain">{_chain_svg(chain, sources)}'
            f"<p>{chain.depth} {relays} · claims {links}</p></div>"
        )
    return "".join(out)


def _quote(span: Span, limit: int = 110) -> str:
    text = " ".join(span.text.split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"<q>{escape(text)}</q>"


def _explanations(report: ReliabilityReport) -> str:
    biggest = max((abs(e.contribution) for e in report.explanations), default=0.0) or 1.0
    rows = []
    for e in report.explanations:
        width = round(80 * abs(e.contribution) / biggest)
        sign = "pos" if e.contribution >= 0 else "neg"
        evidence = "; ".join(f"{_quote(s, 80)} <span class=num>({s.start}–{s.end})</span>" for s in e.evidence[:3])
        rows.append(
            f'<tr class="explanation" data-feature="{escape(e.feature)}"><td class="num">{e.contribution:+.2f}</td>'
            f'<td><span class="bar {sign}" style="width:{width}px"></span></td>'
            f"<td>{escape(e.message)}{f'<div class=ev>{evidence}</div>' if evidence else ''}</td></tr>"
        )
    return "<table>" + "".join(rows) + "</table>"


def _claims(report: ReliabilityReport) -> str:
    items = []
    for n, claim in enumerate(report.claims, 1):
        items.append(_claim_item(report, n, claim))
    return '<ol class="claims">' + "".join(items) + "</ol>"


def _claim_item(report: ReliabilityReport, n: int, claim: Claim) -> str:
    from ._report import chain_text

    band = _band(claim.score)
    how = claim.attribution.directness.replace("_", " ") if claim.attribution else "unattributed"
    score = "–" if claim.score is None else f"{claim.score:.2f}"
    chain = chain_text(report, claim.chain_id) if claim.attribution is not None else ""
    reasons = "".join(f"<li><span class=num>{r.weight:+.2f}</span> {escape(r.message)}</li>" for r in claim.reasons)
    return (
        f'<li id="claim-{n}" class="{band}"><b>{score}</b> {band} · {escape(how)} · {_quote(claim.text, 300)}'
        + (f"<div class=ev>{escape(chain)}</div>" if chain else "")
        + (f"<ul>{reasons}</ul>" if reasons else "")
        + "</li>"
    )


def render_html(report: ReliabilityReport, text: str, *, title: str | None = None) -> str:
    """One self-contained HTML page for ``report`` on the article ``text`` it was scored from."""
    _check_spans(report, text)
    heading = escape(title) if title else "Article reliability report"
    pct = round(100 * report.score)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Reliability {report.score:.2f} ({report.label}): {heading}</title>
<style>{_STYLE}</style></head>
<body><main>
<h1>{heading}</h1>
<section class="score" id="score"><span class="value">{report.score:.2f}</span>
<span class="badge {report.label}">{report.label}</span>
<span class="gauge {report.label}" title="calibrated probability that the article is reliable">
<span style="width:{pct}%"></span></span>
<span class="ev">model {escape(report.model.name)} {escape(report.model.version)} · logit {report.logit:+.2f} = base
{report.base_value:+.2f} + the contributions below</span></section>
<h2>The article</h2>
<p class="legend ev"><span><a class="claim weak">weak claim</a></span><span><a class="claim fair">fair</a></span>
<span><a class="claim strong">strong</a></span><span class="src">source</span><span class="cue">attribution cue</span>
<span class="hedge">hedge</span> · hover a highlight for the reason, click it for the claim's details</p>
<div class="article" id="article">{_segments(text, _marks(report))}</div>
<h2>Citation chains</h2>
<section id="chains">{_chains(report)}</section>
<h2>Why this score</h2>
<section id="explanations">{_explanations(report)}</section>
<h2>Claims</h2>
<section id="claims">{_claims(report)}</section>
<footer>Made by reliability. Scores are estimates from how the article sources its claims; read the reasons.</footer>
</main></body></html>
"""
