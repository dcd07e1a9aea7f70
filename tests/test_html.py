from __future__ import annotations

import pytest

from reliability import score_html
from reliability._html import parse_html

PAGE = """<!doctype html><html><head><title>Dam fears grow</title>
<style>p { color: red }</style><script>var s = "<p>hidden</p>";</script></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Dam fears grow</h1>
<p>The dam is cracked, <a href="https://www.reuters.com/world/dam">Reuters reported</a> on Monday.</p>
<p>Engineers   found three new fissures, according to
   <a href="https://www.usbr.gov/report.pdf">a federal report</a>.</p>
<p>The reservoir holds <b>two</b> billion cubic metres, <a href="https://alice.blogspot.com/p">one blog</a> claims.</p>
<p>Minister Ana Vidal said that the dam would hold.<br>More soon.</p>
</article></body></html>"""


def test_visible_text_paragraphs_and_links():
    doc = parse_html(PAGE, url="https://example-news.com/story")
    assert "hidden" not in doc.text and "color" not in doc.text
    assert "\n\nThe dam is cracked, Reuters reported on Monday.\n\n" in doc.text
    assert "Engineers found three new fissures" in doc.text  # whitespace collapsed
    assert "holds two billion" in doc.text
    assert "would hold.\nMore soon." in doc.text
    assert doc.title == "Dam fears grow"
    anchors = {doc.text[link.start : link.end]: link for link in doc.links}
    assert anchors["Reuters reported"].domain == "reuters.com"
    assert anchors["a federal report"].domain == "usbr.gov"
    assert anchors["one blog"].domain == "alice.blogspot.com"
    assert anchors["Home"].href == "https://example-news.com/"  # relative link resolved


def test_links_count_as_citations():
    report = score_html(PAGE, url="https://example-news.com/story")
    names = {s.id: s for s in report.sources}
    chains = {c.id: c for c in report.chains}

    def chain_of(words: str) -> list[str]:
        claim = next(c for c in report.claims if words in c.text.text)
        return [names[h].domain or names[h].name if h != "article" else h for h in chains[claim.chain_id].hops]

    assert chain_of("three new fissures") == ["usbr.gov", "article"]
    assert names[next(k for k, s in names.items() if s.domain == "usbr.gov")].kind == "official"
    assert chain_of("two billion cubic metres") == ["alice.blogspot.com", "article"]
    assert chain_of("The dam is cracked")[0] == "reuters.com"
    # A link to the page's own site is navigation, not a citation.
    assert not any(s.domain == "example-news.com" and s.id != "article" for s in report.sources)
    for source in report.sources:
        for m in source.mentions:
            assert m.text  # spans point into the extracted text


def test_html_input_contract():
    with pytest.raises(TypeError):
        parse_html(b"<p>x</p>")  # type: ignore[arg-type]
    from reliability import EmptyTextError

    with pytest.raises(EmptyTextError):
        score_html("<html><script>only code</script></html>")


def test_cli_scores_html_with_ratings(tmp_path, capsys):
    from reliability import ReliabilityReport
    from reliability.cli import main

    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    ratings = tmp_path / "ratings.csv"
    ratings.write_text("domain,score\nreuters.com,0.9\n", encoding="utf-8")
    assert main(["score", str(page), "--html", "--url", "https://example-news.com/s",
                 "--ratings", str(ratings), "--json"]) == 0
    report = ReliabilityReport.model_validate_json(capsys.readouterr().out)
    assert report.features["outlet_prior_known"] == 1.0
    assert any(s.domain == "usbr.gov" for s in report.sources)
    bad = tmp_path / "bad.csv"
    bad.write_text("domain,score\nreuters.com,9\n", encoding="utf-8")
    assert main(["score", str(page), "--html", "--ratings", str(bad)]) == 1
    assert "[0, 1]" in capsys.readouterr().err


@pytest.mark.parametrize("piece", ["<a ", "<!--", "<", "<a x=", "</"])
def test_hostile_markup_stays_fast(piece):
    # The standard parser is quadratic on '<' that no '>' follows; 200,000 characters of that
    # take minutes unless defused, and a fraction of a second when they are.
    import time

    html = "<p>Officials said that it rained.</p>" + piece * (200_000 // len(piece))
    started = time.perf_counter()
    doc = parse_html(html)
    assert time.perf_counter() - started < 10
    assert doc.text.startswith("Officials said that it rained.")


def test_links_do_not_nest():
    doc = parse_html('<p>See <a href="https://a.com/1">one <a href="https://b.org/2">two</a> three</a>.</p>')
    found = [(doc.text[link.start : link.end], link.domain) for link in doc.links]
    assert found == [("one", "a.com"), ("two", "b.org")]
