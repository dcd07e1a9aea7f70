"""Per-claim scores and the report formats (text, markdown, json, html)."""

from __future__ import annotations

import math
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reliability import HtmlInputError, InputError, ReliabilityReport, render_report, score_article
from reliability._claim_scores import claim_weights

HOSTILE = (
    'The mayor said that "<script>document.title=\'pwned\'</script>" was posted on the city site. '
    'There are reports that <img src=x onerror="document.title=\'pwned\'"> appeared too. '
    "Critics may claim the **budget** is [fake](http://evil.example) | and & more."
)


@pytest.fixture(scope="module")
def seed_report(seed_article) -> tuple[str, str, ReliabilityReport]:
    title, body = seed_article
    return title, body, score_article(body, title=title)


def _claim(report: ReliabilityReport, fragment: str):
    return next(c for c in report.claims if fragment in c.text.text)


def test_every_claim_has_a_faithful_score_and_exact_evidence(seed_report):
    _, body, report = seed_report
    base = claim_weights().base
    for claim in report.claims:
        assert claim.score is not None and claim.reasons
        logit = base + sum(r.weight for r in claim.reasons)
        assert math.isclose(claim.score, 1 / (1 + math.exp(-logit)), rel_tol=1e-12)
        for reason in claim.reasons:
            assert reason.message.endswith(".")
            for span in reason.evidence:
                assert body[span.start : span.end] == span.text


def test_the_figure_is_the_weakest_claim_and_the_ambassadors_quote_is_strong(seed_report):
    _, _, report = seed_report
    figure = _claim(report, "100,000 North Korean volunteers are ready")
    assert figure.score == min(c.score for c in report.claims)
    assert figure.score < 0.1
    factors = {r.factor for r in figure.reasons}
    assert {"directness_vague", "origin_anonymous", "relays", "state_media_relay"} <= factors
    relays = next(r for r in figure.reasons if r.factor == "relays")
    assert "unnamed reports → Igor Korotchenko" in relays.message and "→ this article" in relays.message
    quote = _claim(report, "North Korean workers are highly qualified")
    assert quote.score > 0.6 and quote.attribution.directness == "direct_quote"
    assert "Alexandre Matsegora" in quote.reasons[0].message


@pytest.mark.parametrize(
    ("stronger", "weaker"),
    [
        ('"The bridge will reopen in May," said transport minister Ana Vidal.',
         "There are reports that the bridge will reopen in May."),
        ("Transport minister Ana Vidal said that the bridge will reopen in May.",
         "Transport minister Ana Vidal said that the bridge may possibly reopen in May."),
        ("According to Reuters, the bridge will reopen in May.",
         "Sources say the bridge will reopen in May."),
    ],
)
def test_claim_scores_order_the_sourcing(stronger, weaker):
    strong = score_article(stronger).claims
    weak = score_article(weaker).claims
    assert max(c.score for c in strong) > max(c.score for c in weak)


def test_text_format(seed_report):
    _, _, report = seed_report
    plain = render_report(report, "text")
    assert "Reliability: 0.0" in plain and "(low)" in plain and "\x1b[" not in plain
    chain = ("unnamed reports → Igor Korotchenko (expert) → Channel One Russia (state media) → "
             "Defense Security Asia (news outlet) → article")
    assert chain in plain
    assert "“state TV”" in plain  # evidence is quoted
    coloured = render_report(report, "text", color=True)
    assert "\x1b[31m" in coloured and coloured.count("\x1b[0m") > 5


def test_markdown_format(seed_report):
    title, _, report = seed_report
    md = render_report(report, "markdown", title=title)
    assert md.startswith("## Reliability: 0.0") and "| contribution | reason | evidence |" in md
    assert "chain: unnamed reports → Igor Korotchenko" in md
    assert len([line for line in md.splitlines() if line[:1].isdigit()]) == len(report.claims)


def test_markdown_keeps_the_article_inert():
    report = score_article(HOSTILE)
    md = render_report(report, "markdown", title="<b>hi</b>")
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "\\[fake\\](http" in md and "\\*\\*budget\\*\\*" in md


def test_json_format_round_trips(seed_report):
    _, _, report = seed_report
    assert ReliabilityReport.model_validate_json(render_report(report, "json")) == report


class _Tags(HTMLParser):
    """Every tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_html_is_self_contained_and_escapes_the_article():
    report = score_article(HOSTILE, title="<script>alert(1)</script>")
    page = render_report(report, "html", text=HOSTILE, title="<script>alert(1)</script>")
    tags = _tags(page)
    names = {tag for tag, _ in tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "base", "form"}, names
    for tag, attrs in tags:
        assert not any(key.startswith("on") for key in attrs), (tag, attrs)
        for key in ("src", "href", "action"):
            value = attrs.get(key)
            assert value is None or value.startswith("#"), (tag, key, value)  # nothing is fetched
    assert "&lt;script&gt;document.title=" in page and "&lt;img src=x onerror=" in page
    assert "script-src" not in page and "default-src 'none'" in page  # the CSP forbids every script


def test_html_draws_the_chain_and_highlights_the_claims(seed_report):
    title, body, report = seed_report
    page = render_report(report, "html", text=body, title=title)
    assert page.count('class="chain-diagram"') == len({c.chain_id for c in report.claims if c.attribution})
    assert "unnamed reports → Igor Korotchenko (expert) → Channel One Russia (state media)" in page
    for n in range(1, len(report.claims) + 1):
        assert f'href="#claim-{n}"' in page and f'id="claim-{n}"' in page
    classes = " ".join(attrs.get("class") or "" for _, attrs in _tags(page)).split()
    assert {"claim", "weak", "strong", "src", "cue", "hedge"} <= set(classes)


def test_html_needs_the_text_the_report_points_into(seed_report):
    _, body, report = seed_report
    with pytest.raises(InputError, match="pass the article text"):
        render_report(report, "html")
    with pytest.raises(InputError, match="do not point into this text"):
        render_report(report, "html", text="x" + body)
    with pytest.raises(InputError, match="unknown report format"):
        render_report(report, "pdf")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "suffix", "marker"),
    [
        (["--format", "markdown"], None, "## Reliability: "),
        (["--format", "html"], None, "<!DOCTYPE html>"),
        (["--format", "json"], None, '"explanations"'),
        ([], ".html", "<!DOCTYPE html>"),
        ([], ".md", "### Top reasons"),
        ([], ".txt", "Top reasons:"),
        (["--format", "text"], ".html", "Top reasons:"),  # an explicit format wins over the suffix
    ],
)
def test_cli_formats_and_output_file(args, suffix, marker, tmp_path, capsys):
    from conftest import EXAMPLE

    from reliability.cli import main

    out = tmp_path / f"report{suffix}" if suffix else None
    argv = ["score", str(EXAMPLE), "--first-line-title", *args, *(["-o", str(out)] if out else [])]
    assert main(argv) == 0
    written = out.read_text(encoding="utf-8") if out else capsys.readouterr().out
    assert marker in written
    if out:
        assert capsys.readouterr().out == ""
    assert "\x1b[" not in written  # never colour in a file or a pipe


def test_cli_colours_only_a_terminal(monkeypatch, capsys):
    from conftest import EXAMPLE

    from reliability.cli import main

    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["score", str(EXAMPLE), "--first-line-title"]) == 0
    assert "\x1b[31m" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["score", str(EXAMPLE), "--first-line-title"]) == 0
    assert "\x1b[" not in capsys.readouterr().out


def test_cli_unwritable_output_is_a_one_line_error(tmp_path, capsys):
    from conftest import EXAMPLE

    from reliability.cli import main

    assert main(["score", str(EXAMPLE), "-o", str(tmp_path / "missing" / "r.html")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reliability: error: cannot write") and err.count("\n") == 1


def test_the_python_example_in_docs_runs(monkeypatch):
    import re
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(repo)
    blocks = re.findall(r"```python\n(.*?)```", (repo / "docs" / "reports.md").read_text(encoding="utf-8"), re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "docs/reports.md", "exec"), {})


class _ArticleText(HTMLParser):
    """The text inside the page's article block, as a browser would show it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []
        self.tags_inside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
            self.tags_inside.append(tag)
        elif dict(attrs).get("id") == "article":
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


_PIECES = st.sampled_from([
    "The minister said that ", "There are reports that ", '"', "<script>", "</div>", "<b onclick=x>", "&amp;",
    "&lt;", "]]>", "<!--", "-->", " reportedly ", "may ", ".", "\n\n", "'", "→", "Reuters said. ",
])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=12)), min_size=1, max_size=25).map("".join))
def test_html_shows_any_article_text_exactly_and_inertly(text):
    if not text.strip():
        return
    try:
        report = score_article(text)
    except HtmlInputError:
        return  # markup given as text is refused by contract (tests/test_robustness.py)
    parser = _ArticleText()
    parser.feed(render_report(report, "html", text=text))
    assert set(parser.tags_inside) <= {"a", "span"}  # only our own highlight elements
    assert "".join(parser.parts) == text
    for fmt in ("text", "markdown", "json"):
        assert render_report(report, fmt, title=text[:40])  # type: ignore[arg-type]
