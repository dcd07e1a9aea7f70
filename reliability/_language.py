"""Which language an article is written in, roughly and cheaply.

The lexicons and the model are English-only, so the scorer needs to know when it is handed
something else. Script counts settle non-Latin text; for Latin text the share of each
language's frequent function words (``data/lexicons/stopwords.tsv``) decides. The check reads
at most the first :data:`SAMPLE_CHARS` characters, so it costs the same on any input size.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter

__all__ = ["SAMPLE_CHARS", "detect_language", "language_name"]

#: How much of the text the check reads.
SAMPLE_CHARS = 20_000

_LETTERS = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# Script by code-point range; the code is the BCP 47 language (or "und-<Script>" where a
# script alone does not tell the language).
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x04FF, "und-Cyrl"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "und-Arab"),
    (0x0900, 0x097F, "und-Deva"),
    (0x0E00, 0x0E7F, "th"),
    (0x3040, 0x30FF, "ja"),
    (0x4E00, 0x9FFF, "zh"),
    (0xAC00, 0xD7AF, "ko"),
)

_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "pl": "Polish", "id": "Indonesian",
    "tr": "Turkish", "ru": "Russian", "el": "Greek", "he": "Hebrew", "th": "Thai",
    "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "und-Cyrl": "a Cyrillic-script language",
    "und-Arab": "an Arabic-script language", "und-Deva": "a Devanagari-script language",
    "und": "an undetermined language",
}

# Below this many letters, or Latin-script words, the check does not guess: a headline-length
# text is called English. Below _MIN_WORDS_UNDETERMINED words it never answers "und".
_MIN_LETTERS = 20
_MIN_WORDS = 12
_MIN_WORDS_UNDETERMINED = 30


@functools.cache
def _stopwords() -> dict[str, frozenset[str]]:
    from ._exceptions import DataError
    from ._resources import data_dir

    text = data_dir().joinpath("lexicons").joinpath("stopwords.tsv").read_text(encoding="utf-8")
    lists: dict[str, frozenset[str]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        code, sep, words = line.partition("\t")
        if not sep or not words.split():
            raise DataError(f"lexicons/stopwords.tsv: line {number} needs a language code, a tab and words")
        lists[code.strip()] = frozenset(words.lower().split())
    if "en" not in lists:
        raise DataError("lexicons/stopwords.tsv has no English (en) line")
    return lists


@functools.cache
def _stopword_index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The Latin-script languages in file order, and for each of their function words the
    positions of the languages that list it: one look-up per distinct word counts them all."""
    codes = tuple(code for code in _stopwords() if code != "ru")
    index: dict[str, list[int]] = {}
    for k, code in enumerate(codes):
        for word in _stopwords()[code]:
            index.setdefault(word, []).append(k)
    return codes, {word: tuple(ks) for word, ks in index.items()}


def language_name(code: str) -> str:
    """A readable name for a code :func:`detect_language` returns."""
    return _NAMES.get(code, code)


def detect_language(text: str) -> str:
    """``"en"``, another ISO 639-1 code, ``"und-<Script>"``, or ``"und"`` when it cannot tell.

    Short texts (fewer than 20 letters, or 12 Latin-script words) count as English: too little to judge.
    """
    sample = text[:SAMPLE_CHARS]
    # When no character outside ASCII is a letter or digit (most news: curly quotes and dashes
    # are neither), the runs of letters are the runs of A-Z and a-z, which a plain range finds
    # faster than the Unicode-aware pattern.
    only_ascii_letters = not any(map(str.isalnum, _NON_ASCII.findall(sample)))
    # With ASCII letters only, the sample is lower-cased at once: the runs of A-Z and a-z in the
    # lower-cased sample are the runs of the sample, lower-cased (no character outside ASCII that
    # is neither a letter nor a digit lower-cases to a letter), and one str.lower over the sample
    # costs less than one per word.
    words = _ASCII_LETTERS.findall(sample.lower()) if only_ascii_letters else _LETTERS.findall(sample)
    letters = "".join(words)
    ascii_only = letters.isascii()
    scripts: dict[str, int]
    if ascii_only:  # most news (curly quotes are not letters): all Latin, counted without a Python loop
        latin, scripts = len(letters), {}
    else:
        latin, scripts = _script_counts(words)
    kana, han = scripts.get("ja", 0), scripts.get("zh", 0)
    if kana and kana * 20 >= kana + han:
        # Kana (at least 5% of the CJK characters) mark Japanese, whose kanji count towards it.
        scripts["ja"] = kana + scripts.pop("zh", 0)
    other = max(scripts.items(), key=lambda kv: kv[1], default=("und", 0))
    if latin + other[1] < _MIN_LETTERS:
        return "en"
    if other[1] > latin:
        if other[0] == "und-Cyrl" and _share(words, _stopwords().get("ru", frozenset())) >= 0.1:
            return "ru"
        return other[0]
    latin_words = words if ascii_only else [w for w in words if ord(w[0]) < 0x0250]
    lowered = Counter(latin_words if only_ascii_letters else map(str.lower, latin_words))
    n_lowered = lowered.total()
    if n_lowered < _MIN_WORDS:
        return "en"  # one headline-like sentence: too few function words to call it anything else
    codes, index = _stopword_index()
    counts = [0] * len(codes)
    for word in lowered.keys() & index.keys():  # the function words only, found by a set operation in C
        for k in index[word]:
            counts[k] += lowered[word]
    hits = dict(zip(codes, counts, strict=True))
    english = hits.get("en", 0) / n_lowered
    best, best_hits = max(hits.items(), key=lambda kv: kv[1])
    best_share = best_hits / n_lowered
    if best != "en" and best_hits >= 3 and best_share >= 0.08 and best_share > 1.5 * english:
        return best
    if english >= 0.08 or n_lowered < _MIN_WORDS_UNDETERMINED:
        return "en"
    # English prose runs at 30-45% function words; a long text with hardly any function words
    # of any listed language (lists, tables, boilerplate) is not confidently anything.
    return "und" if best_share < 0.08 else best


def _script_counts(words: list[str]) -> tuple[int, dict[str, int]]:
    """Letters in Latin script, and letters per other script of :data:`_SCRIPTS`."""
    # Words in ASCII (nearly all of them in Latin-script text) are counted in C; only the others
    # are read character by character.
    latin = sum(map(len, filter(str.isascii, words)))
    scripts: dict[str, int] = {}
    for word in itertools.filterfalse(str.isascii, words):
        for char in word:  # by character: Japanese mixes kanji and kana within one word
            point = ord(char)
            if point < 0x0250:
                latin += 1
                continue
            for lo, hi, code in _SCRIPTS:
                if lo <= point <= hi:
                    scripts[code] = scripts.get(code, 0) + 1
                    break
    return latin, scripts


def _share(words: list[str], stops: frozenset[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for w in words if w.lower() in stops) / len(words)
