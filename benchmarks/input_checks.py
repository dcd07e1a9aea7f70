"""How the input checks judge the shared corpora: detected languages and HTML flags.

Every corpus text is English prose, so anything but "en" and any HTML flag is a candidate false
alarm (read the printed examples to judge). Run from the repository root with ../shared present:

    python benchmarks/input_checks.py
"""

from __future__ import annotations

import collections

from reliability import datasets
from reliability._language import detect_language
from reliability._validation import looks_like_html


def main() -> None:
    total, english, html = 0, 0, 0
    odd: list[tuple[str, str, str]] = []
    for name in datasets.NAMES:
        try:
            records = datasets.load(name)
        except Exception as exc:  # a corpus that is absent here, or not articles (LIAR is claims)
            print(f"{name:12} skipped: {exc}"[:120])
            continue
        languages: collections.Counter[str] = collections.Counter()
        flagged = 0
        for record in records:
            language = detect_language(record.text)
            languages[language] += 1
            flagged += looks_like_html(record.text)
            if language != "en":
                odd.append((name, language, " ".join(record.text.split())[:100]))
        total += len(records)
        english += languages["en"]
        html += flagged
        other = {code: n for code, n in languages.items() if code != "en"}
        print(f"{name:12} {len(records):6,} texts  en {languages['en']:6,}  other {other}  html {flagged}")
    print(f"{'all':12} {total:6,} texts  en {english:6,} ({english / max(total, 1):.2%})  html {html}")
    for name, language, text in odd[:20]:
        print(f"  {name}: {language}: {text}")


if __name__ == "__main__":
    main()
