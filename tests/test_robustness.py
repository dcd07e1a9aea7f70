"""Hostile and odd input: every case gives a valid report or a documented error, in linear time,
the same from many threads as from one. The texts are written for these tests."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import reliability
from reliability import (
    EmptyTextError,
    HtmlInputError,
    InputError,
    InputTooLargeError,
    InvalidCharacterError,
    ReliabilityReport,
    Scorer,
    UnsupportedLanguageError,
)

NEWS = (
    'Mayor Lena Ortiz said on Monday that the bridge would reopen in May. "We are on schedule," '
    "she told reporters. According to Reuters, the repairs cost $40 million. There are reports "
    "that the contractor was paid twice, which the city denies."
)


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer()


def spans_of(report: ReliabilityReport):
    """Every Span anywhere in a report."""
    for claim in report.claims:
        yield claim.text
        yield from claim.hedges
        if claim.attribution is not None:
            att = claim.attribution
            yield from (s for s in (att.source, att.cue, att.content) if s is not None)
    for source in report.sources:
        yield from source.mentions
    for explanation in report.explanations:
        yield from explanation.evidence


def assert_valid(report: ReliabilityReport, text: str) -> None:
    for span in spans_of(report):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    assert 0.0 <= report.score <= 1.0
    assert ReliabilityReport.model_validate_json(report.model_dump_json()) == report


# Each hostile input and what it must produce: "report" or the documented error.
HOSTILE = {
    "nul bytes": ("The minister\x00 said\x00 that taxes would fall.\x00", "report"),
    "control characters": ("\x01\x02The\x07 minister said\x1b[31m that\x7f taxes\x0b would\x0c fall.\x85", "report"),
    "ansi escapes": ("\x1b[2J\x1b[1;31mBREAKING\x1b[0m: officials said the dam failed.", "report"),
    "lone surrogate": ("The minister said that taxes \ud800 would fall.", InvalidCharacterError),
    "low surrogate": ("\udcff" * 3 + " The minister said so.", InvalidCharacterError),
    "mixed scripts": ("The minister Иван Петров said that 税金 would fall, according to الجزيرة.", "report"),
    "emoji": ('😀😀 The coach said "we will win 🏆🔥" after the game. 👍🏽👨‍👩‍👧', "report"),
    "bidi overrides": ("The minister \u202esaid\u202c that \u2066taxes\u2069 would fall.", "report"),
    "zero-width characters": ("\u200b\u200c\u200dThe\u200b minister\u2060 said\ufeff that taxes would fall.", "report"),
    "only zero-width spaces": ("\u200b\u200b\u200b", "report"),
    "combining marks": ("The mi\u0301\u0301\u0301nister said that ta\u0336x\u0336es would fall.", "report"),
    "line separators": ("The minister said\u2028that taxes\u2029would fall.\r\nHe said more.\r", "report"),
    "very long line": ("The minister said that taxes would fall " + "and rise " * 20_000 + ".", "report"),
    "one enormous word": ("x" * 200_000, "report"),
    "unbalanced quotes": ('"The minister said "that taxes "would fall. “He added ‘no. »Nein« «oui', "report"),
    "nested quotes": ('"He said \'she said “they said ‘it is true’ ” \' " she added.', "report"),
    "only quotes": ('"' * 5000, "report"),
    "only punctuation": ("?!.,;:()[]{}…—–-" * 300, "report"),
    "parentheses": ("(" * 3000 + "The minister said so." + ")" * 3000, "report"),
    "capitals": ("THE MINISTER SAID THAT TAXES WOULD FALL. " * 200, "report"),
    "said said said": ("said " * 4000, "report"),
    "numbers only": ("1234567890 " * 500, "report"),
    "non-breaking spaces only": ("\xa0\u2003\u3000 \t\n", EmptyTextError),
    "empty": ("", EmptyTextError),
    "html document": ("<!DOCTYPE html><html><body><p>The minister said so.</p></body></html>", HtmlInputError),
    "html fragment": ('<div class="a"><p>The minister</p><p>said</p><a href="/x">so</a><br></div>', HtmlInputError),
    "prose about a tag": ("The page used a <div> element, the developer said in an interview.", "report"),
    "json blob": ('{"text": "The minister said so.", "score": 1, "nested": {"a": [1, 2, 3]}}', "report"),
    "a url": ("https://example.com/a/b?c=d&e=f#g", "report"),
    "byte order mark": ("\ufeffThe minister said that taxes would fall.", "report"),
    "private use and noncharacters": ("\ue000\uffff\U0010ffff The minister said so.", "report"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_gives_a_report_or_a_documented_error(name, scorer):
    text, expected = HOSTILE[name]
    if expected == "report":
        assert_valid(scorer.score(text, title=text[:50], url="https://example.com/x"), text)
    else:
        with pytest.raises(expected) as info:
            scorer.score(text)
        assert isinstance(info.value, InputError) and str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"text": b"The minister said so."}, TypeError),
        ({"text": None}, TypeError),
        ({"text": 42}, TypeError),
        ({"text": ["The minister said so."]}, TypeError),
        ({"text": NEWS, "title": b"bytes"}, TypeError),
        ({"text": NEWS, "url": 7}, TypeError),
        ({"text": NEWS, "title": "x\udc80"}, InvalidCharacterError),
        ({"text": NEWS, "url": "https://\ud800.com"}, InvalidCharacterError),
        ({"text": NEWS, "title": "t" * 10_001}, InputTooLargeError),
        ({"text": NEWS, "published": "not a date"}, InputError),
        ({"text": NEWS, "published": 3.5e300}, InputError),
    ],
)
def test_bad_arguments_raise_documented_errors(kwargs, error, scorer):
    with pytest.raises(error):
        scorer.score(**kwargs)


def test_size_limit_is_configurable_and_exact():
    scorer = Scorer(max_chars=len(NEWS))
    assert scorer.score(NEWS).score >= 0
    with pytest.raises(InputTooLargeError, match="max_chars"):
        scorer.score(NEWS + " ")
    with pytest.raises(InputTooLargeError):
        reliability.score_article("a" * (reliability._validation.DEFAULT_MAX_CHARS + 1))
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError):
            Scorer(max_chars=bad)  # type: ignore[arg-type]


def test_score_article_record_is_checked_too(scorer):
    with pytest.raises(InvalidCharacterError):
        scorer.score_article(reliability.Article(text="The minister said \ud800 so."))


def test_extract_attributions_follows_the_contract():
    with pytest.raises(TypeError):
        reliability.extract_attributions(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(HtmlInputError):
        reliability.extract_attributions("<html><body><p>x</p></body></html>")


# --- linear time ----------------------------------------------------------------------------

# Repeated units that used to drive a stage quadratic (runs of marks with no space after them,
# one sentence of thousands of quotes or nested reports, thousands of named people).
ADVERSARIAL = {
    "straight quotes": '"',
    "quotes and spaces": '" ',
    "curly quotes": "“",
    "capitals": "ABC ",
    "said": "said ",
    "name said": "Smith said ",
    "he said quote": 'He said "yes." ',
    "spaces": " ",
    "open parentheses": "(",
    "parenthesised words": "(a) ",
    "full stops": ".",
    "exclamation marks": "!",
    "nested quotes": "\"a 'b “c ",
    "according to": "according to Reuters ",
    "distinct names": None,  # built below: every person a new surname
    # One sentence of thousands of speakers resolving to sources of the same name ("the thing",
    # "the thing_2", ...), of people before "the minister" refers back, of people before loose
    # "state TV" mentions: each used to rescan every source found so far.
    "same-named speakers": "the thing said x, ",
    "people then the minister": None,
    "people then state TV": None,
    # One sentence of the shapes the attribution repairs read (issue 4): each reads only a
    # window around its cue, not the whole sentence.
    "told an outlet": '"yes," Ana Ruiz, who ran, told the Post, ',
    "according to a report": "according to a report by Reuters, x, ",
    "outlet has learned": "Radar.com has exclusively learned, ",
    # Full stops with no space after them end sentences ("said.The"): one every few characters
    # in text without spaces, each reading back only a bounded word.
    "glued full stops": "said.The",
    "glued stops in a link": "x.Ab/",
    # Double-encoded marks, read back at the input (_mojibake): apostrophes move a bounded tail.
    "double-encoded quotes": "\u00e2\u0080\u009cYes,\u00e2\u0080\u009d says Ola. ",
    "double-encoded apostrophes": "don\u00e2\u0080\u0099t\u00e2\u0080\u0099s",
    # Session 8's review: runs of every double-encoded form with no space, one endless word of
    # apostrophes (each tail moved at most 40 characters), and the E2 80 forms that are no mark.
    "mojibake runs": ("\u00e2\u20ac\u0153\u00e2\u20ac\u00e2\u20ac\u2122\u00c2\u00a0\u00c2 "
                      "\u00e2\u0080\u009d\u00e2\u20ac\ufffd"),
    "mojibake in one word": "O\u00e2\u20ac\u2122B",
    "bullets and primes": "\u00e2\u20ac\u00a2 said\u00e2\u20ac\u00b2s ",
    # Reports inside quotations and documents as subjects (session 8's repairs).
    "quoted reports": '"My doctor told me so," Ana said. ',
    "document reports": "Flight logs show the jet landed, ",
}


def _distinct_names(n_chars: int) -> str:
    parts, i = [], 0
    while sum(map(len, parts)) < n_chars:
        surname = "".join("bcdfgklmnprst"[(i // 13**k) % 13] + "aeiou"[(i // 5**k) % 5] for k in range(4)).title()
        parts.append(f"Officer {surname} said it. ")
        i += 1
    return "".join(parts)


def _people_then(tail: str, n_chars: int) -> str:
    """One sentence: Minister Smith, half the text of distinct people, then ``tail`` repeated."""
    people = _distinct_names(n_chars // 2).replace("Officer ", "").replace(". ", ", ")
    return "Minister Bob Smith said it, " + people + tail * (n_chars // 2 // len(tail)) + "."


def _text(name: str, n_chars: int) -> str:
    unit = ADVERSARIAL[name]
    if name == "people then the minister":
        return _people_then("the minister said so, ", n_chars)
    if name == "people then state TV":
        return _people_then("Iranian state TV said x, Russian state TV said y, ", n_chars)
    if unit is None:
        return _distinct_names(n_chars)
    return "Start. " + unit * (n_chars // len(unit))


def _cost(scorer: Scorer, text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        scorer.score(text)
        best = min(best, time.process_time() - start)
    return best / len(text)


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_cost_grows_linearly(name, scorer):
    """Per-character cost at 8× the size is at most 1.5× (a quadratic stage would give ~8×).

    CPU time, the best of a few runs, so other processes on the machine add noise but no bias
    towards failing; a measurement over the bound is repeated before the test fails.
    """
    small, large = _text(name, 2_000), _text(name, 16_000)
    ratios = []
    for _ in range(3):
        ratio = _cost(scorer, large, 2) / _cost(scorer, small, 5)
        ratios.append(ratio)
        if ratio <= 1.5:
            break
    assert min(ratios) <= 1.5, f"{name}: per-character cost ratio {ratios}"


# --- concurrency ----------------------------------------------------------------------------


def test_one_scorer_shared_by_eight_threads_matches_sequential_use():
    texts = [NEWS, *(HOSTILE[k][0] for k in ("emoji", "nested quotes", "mixed scripts", "capitals"))]
    texts += ["Der Minister sagte, dass die Steuern sinken werden, aber die Kritiker sind nicht überzeugt."]
    jobs = [(texts[i % len(texts)], f"Title {i % 3}") for i in range(48)]
    expected = [Scorer().score(text, title=title) for text, title in jobs]
    shared = Scorer()  # model not loaded yet: the threads race to load it
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda job: shared.score(job[0], title=job[1]), jobs))
    assert got == expected


# --- language -------------------------------------------------------------------------------

FOREIGN = {
    "de": "Der Bürgermeister sagte am Montag, dass die Brücke im Mai wieder geöffnet wird. Die Reparatur "
    "kostet nach Angaben der Stadt vierzig Millionen Euro, aber es gibt Berichte über doppelte Zahlungen.",
    "fr": "Le maire a déclaré lundi que le pont rouvrira en mai. Selon la ville, les réparations coûtent "
    "quarante millions d'euros, mais des rapports font état de paiements en double pour les travaux.",
    "es": "El alcalde dijo el lunes que el puente volverá a abrir en mayo. Según la ciudad, las reparaciones "
    "cuestan cuarenta millones de euros, pero hay informes de pagos dobles al contratista.",
    "it": "Il sindaco ha detto lunedì che il ponte riaprirà a maggio. Secondo il comune, le riparazioni "
    "costano quaranta milioni di euro, ma ci sono notizie di pagamenti doppi all'impresa.",
    "ru": "Мэр заявил в понедельник, что мост откроется в мае. По данным города, ремонт стоит сорок "
    "миллионов евро, но есть сообщения о двойных платежах подрядчику.",
    "zh": "市长周一表示，这座桥将于五月重新开放。据市政府称，维修费用为四千万欧元，但有报道称承包商获得了双重付款。",
}


@pytest.mark.parametrize("code", list(FOREIGN))
def test_non_english_text_is_detected_and_reported(code, scorer):
    report = scorer.score(FOREIGN[code])
    assert report.language == code
    assert report.warnings and "not English" in report.warnings[0]
    from reliability._report import render_text

    assert "Warning: The text appears to be in" in render_text(report)
    with pytest.raises(UnsupportedLanguageError, match=code):
        Scorer(non_english="raise").score(FOREIGN[code])


def test_english_is_english(scorer, example_article):
    title, body = example_article
    for text in (NEWS, body, "Taxes will fall.", HOSTILE["mixed scripts"][0]):
        report = scorer.score(text, title=title)
        assert report.language == "en" and report.warnings == []
    assert Scorer(non_english="raise").score(NEWS).language == "en"


def test_english_corpus_articles_are_english(shared):
    """No English article of the shared corpora is taken for another language."""
    import json

    from reliability._language import detect_language

    seen = 0
    for path in sorted((shared / "data").glob("*/articles.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text") or ""
                if text.strip():
                    seen += 1
                    assert detect_language(text) == "en", (path.parent.name, text[:80])
    if not seen:
        pytest.skip("no articles.jsonl corpora under ../shared/data")


SHORT = {
    "de": "Die Regierung hat am Montag neue Regeln für den Verkehr in der Stadt angekündigt.",
    "fr": "Le gouvernement a annoncé lundi de nouvelles règles pour la circulation dans les villes du pays.",
    "es": "El gobierno anunció el lunes nuevas reglas para el tráfico en las ciudades del país.",
    "it": "Il governo ha annunciato lunedì nuove regole per il traffico nelle città del paese e delle regioni.",
    "pt": "O governo anunciou na segunda-feira novas regras para o trânsito nas cidades do país e dos estados.",
    "nl": "De regering heeft maandag nieuwe regels voor het verkeer in de steden van het land aangekondigd.",
    "sv": "Regeringen meddelade på måndagen nya regler för trafiken i städerna och det är inte klart när.",
    "pl": "Rząd ogłosił w poniedziałek nowe zasady ruchu w miastach, które nie są jeszcze jasne dla kierowców.",
    "id": "Pemerintah mengumumkan aturan baru untuk lalu lintas di kota yang akan berlaku pada bulan depan.",
    "tr": "Hükümet pazartesi günü şehirlerde trafik için yeni kurallar açıkladı ve bu kurallar çok daha sıkı olacak.",
    "ja": "政府は月曜日、都市の交通に関する新しい規則を発表したが、詳細はまだ明らかになっていない。",
    "ko": "정부는 월요일 도시 교통에 관한 새로운 규칙을 발표했지만 세부 사항은 아직 명확하지 않다.",
    "el": "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέους κανόνες για την κυκλοφορία στις πόλεις της χώρας.",
    "und-Arab": "أعلنت الحكومة يوم الاثنين عن قواعد جديدة لحركة المرور في المدن ولم تتضح التفاصيل بعد.",
    "en": "The government announced new rules for traffic in the cities on Monday, officials said.",
}


@pytest.mark.parametrize("code", list(SHORT))
def test_language_of_one_sentence(code):
    from reliability._language import detect_language

    assert detect_language(SHORT[code]) == code


@pytest.mark.parametrize(
    "text",
    [
        "I don't do earmarks. I've never done one. I'm not going to do one.",  # "do" is Polish too
        "Says Texas ranks 44th nationally in education funding per pupil.",  # "per" is Italian too
        "Officer Jana Duty said in Houston that 52 percent of cases were closed.",
    ],
)
def test_short_english_with_foreign_looking_words_is_english(text):
    from reliability._language import detect_language

    assert detect_language(text) == "en"


def test_no_character_that_is_not_a_letter_lower_cases_to_one():
    """``detect_language`` lower-cases a sample whose letters are all ASCII in one call and then
    reads its runs of A-Z and a-z: the same runs as lower-casing word by word only while no
    character outside ASCII that is neither a letter nor a digit lower-cases to a letter or a
    digit. A change in Python's Unicode tables that broke this would show here."""
    import sys

    changed = [
        hex(point) for point in range(0x80, sys.maxunicode + 1)
        if not (char := chr(point)).isalnum() and char.lower() != char
        and any(c.isalnum() or c.isascii() for c in char.lower())
    ]
    assert changed == []
