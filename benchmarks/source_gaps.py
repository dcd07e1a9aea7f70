"""Where sources are lost or left unknown, counted over the corpora rather than a gold sample.

    python benchmarks/source_gaps.py [--shared ../shared] [--count 4000] [--seed 7] [--top 25]
    python benchmarks/source_gaps.py --show 'said|Cap Cap'   # print the sentences of one group

Sentences are drawn as ``tests/provenance_sample.py`` draws gold passages (one sentence holding
a reporting word per article, in turn from PolNeAR, ReCOVery, Horne 2017 and
FakeNewsAMT/Celebrity, the next sentence added when the first is short or leaves a quotation
open), from articles the gold set does NOT point into, so no gold passage (and no held-out
sample) is read. Each passage is analysed alone, as the evaluation analyses a gold passage, and
three tallies come out, most frequent first:

* **(a) reporting words with no statement**: a reporting word of the sampler's list that no
  extracted statement's cue or source covers ("according to reports") and that lies outside
  every statement's content, grouped by the word and the shape of the two words before it
  (``Cap`` a capitalised word, ``Q`` a quotation mark, ``,`` a comma, other words as written,
  lower-cased);
* **(a2) statements with no source**: an extracted statement with a cue but no source, grouped
  by its cue and the shape of the two words before it (impersonal reports such as "it was
  reported" belong here rightly; a lost subject does not);
* **(b) sources left ``unknown``**: every resolved source of kind ``unknown``, grouped by its
  head word (the last word of its name, lower-cased; ``Cap`` when capitalised).

The frequency of a group in the corpora is the expected gain of fixing it on a fresh sample. A
diagnostic, not a test: it needs the shared corpora. With the default seed the pools hold 3,220
passages (PolNeAR and FakeNewsAMT run out first); they are analysed in about ten seconds.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from provenance_sample import REPORTING, sample  # noqa: E402

from reliability._pipeline import analyze  # noqa: E402
from reliability._records import Article  # noqa: E402

_WORD = re.compile(r"[A-Za-z][\w'’.-]*|[\"“”‘’]|[,;:()]")
_QUOTES = frozenset("\"“”‘’")


def draw(shared: Path, seed: int, count: int) -> list[tuple[str, str]]:
    """(where, passage) pairs drawn as the gold sampler draws them, from articles outside the gold set."""
    return [(f"{p['corpus']}:{p['path']}:{p['row'] if p['row'] is not None else ''}:{p['start']}", p["text"])
            for p in sample(shared, seed, count)]


def _shape(before: str) -> str:
    words = _WORD.findall(before)[-2:]
    shape = []
    for word in words:
        if word in _QUOTES:
            shape.append("Q")
        elif word[0].isupper():
            shape.append("Cap")
        else:
            shape.append(word.lower())
    return " ".join(shape) or "^"


def tally(passages: list[tuple[str, str]]) -> tuple[Counter[str], Counter[str], Counter[str],
                                                     dict[str, list[str]], dict[str, int]]:
    missed: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    sourceless: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    totals = {"passages": len(passages), "reporting words": 0, "sources": 0}
    for where, text in passages:
        analysis = analyze(Article(text=text))
        covered = []
        for found in analysis.found:
            for span in (found.cue, found.source, found.content):
                if span is not None:
                    covered.append(span)
            if found.continuation is not None:
                covered.append(found.continuation)
        for match in REPORTING.finditer(text):
            totals["reporting words"] += 1
            if any(s < match.end() and match.start() < e for s, e in covered):
                continue
            key = f"{match.group(0).lower()}|{_shape(text[:match.start()])}"
            missed[key] += 1
            examples[key].append(f"{where}\t{text}")
        for found in analysis.found:
            if found.source is None and found.cue is not None:
                cue = text[found.cue[0]:found.cue[1]].lower()
                key = f"nosource|{cue}|{_shape(text[:found.cue[0]])}"
                sourceless[key] += 1
                examples[key].append(f"{where}\t{text}")
        for source in analysis.sources:
            if source.id == "article":
                continue
            totals["sources"] += 1
            if source.kind == "unknown":
                last = source.name.split()[-1] if source.name.split() else ""
                key = "unknown|" + ("Cap" if last[:1].isupper() else last.lower())
                unknown[key] += 1
                examples[key].append(f"{where}\t{source.name}\t{text}")
    return missed, sourceless, unknown, examples, totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="folder holding data/<corpus>")
    parser.add_argument("--count", type=int, default=4000, help="passages to draw (the pools hold about 3,200)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the draw (not a gold sample's seed)")
    parser.add_argument("--top", type=int, default=25, help="groups to print per tally")
    parser.add_argument("--show", action="append", default=[], help="print the passages of this group")
    args = parser.parse_args()
    passages = draw(Path(args.shared), args.seed, args.count)
    missed, sourceless, unknown, examples, totals = tally(passages)
    print(f"{totals['passages']} passages, {totals['reporting words']} reporting words, "
          f"{sum(missed.values())} with no statement; {totals['sources']} sources, "
          f"{sum(unknown.values())} unknown")
    print("\n(a) reporting words with no statement, by word | two words before")
    for key, n in missed.most_common(args.top):
        print(f"{n:6d}  {key}")
    print("\n(a2) statements with a cue and no source, by cue | two words before")
    for key, n in sourceless.most_common(args.top):
        print(f"{n:6d}  {key}")
    print("\n(b) sources left unknown, by head word")
    for key, n in unknown.most_common(args.top):
        print(f"{n:6d}  {key}")
    for key in args.show:
        print(f"\n== {key}")
        for line in examples.get(key, []):
            print(line.replace("\n", " "))


if __name__ == "__main__":
    main()
