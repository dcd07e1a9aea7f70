"""Draw fresh passages for the provenance gold set, independently of the library.

    python tests/provenance_sample.py --seed 404 --count 40 [--shared ../shared]

Articles are drawn at random, in turn from each corpus the issue names (PolNeAR train and dev,
ReCOVery, Horne 2017, FakeNewsAMT/Celebrity), skipping articles the gold set already points
into. In each article the text is cut into sentences with a plain regular expression (never the
library's segmenter or extractor, so the sample does not depend on what the library can read),
and one sentence holding a reporting word is picked at random, together with the next sentence
when it is short or the picked one ends inside an open quotation. The script prints each
passage's corpus, file (or ReCOVery row), offsets, hash and text, ready to be annotated by hand
in ``tests/data/provenance_gold.json``; nothing is written.

An article with no sentence holding a reporting word is skipped (the draw moves to the next
article of that corpus), so the sample is of sentences that report something, as the gold set
is meant to be.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "data" / "provenance_gold.json"

# A plain list of reporting words; deliberately not the library's cue lexicon.
REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|according to|reported|reports|reportedly|citing|cited|"
    r"quoted|stated|announced|claimed|claims|added|explained|wrote|tweeted|confirmed|"
    r"insisted|argued|noted|warned|suggested|revealed|admitted|denied)\b",
    re.IGNORECASE,
)
# A sentence ends at . ! or ? (with closing quotes/brackets) followed by white space and a
# capital letter, a quotation mark or a digit, or at a blank line. Crude on purpose.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z\"“‘'0-9])|\n\s*\n")
MAX_SENTENCE = 600


def _articles(shared: Path) -> dict[str, list[tuple[str, int | None]]]:
    """Per corpus, (path inside the corpus, CSV row or None), sorted for a stable draw."""
    polnear = shared / "data/polnear"
    horne = shared / "data/horne2017-fakenewsdata1"
    amt = shared / "data/fakenewsamt-celebrity"
    recovery = shared / "data/recovery/recovery_news_reconstructed.csv"
    csv.field_size_limit(1 << 30)
    with recovery.open(encoding="utf-8", newline="") as handle:
        rows = [int(r["row_id"]) for r in csv.DictReader(handle) if r["body_text"].strip()]
    return {
        "polnear": sorted((str(p.relative_to(polnear)), None)
                          for split in ("train", "dev") for p in (polnear / split / "text").glob("*.txt")),
        "recovery": [("recovery_news_reconstructed.csv", row) for row in sorted(rows)],
        "horne2017": sorted((str(p.relative_to(horne)), None) for p in (horne / "raw").glob("*/*/*.txt")),
        "fakenewsamt": sorted((str(p.relative_to(amt)), None) for p in (amt / "raw").glob("*/*/*.txt")),
    }


def _text(shared: Path, corpus: str, path: str, row: int | None, cache: dict[int, str]) -> str:
    from provenance_eval import _ROOTS  # the same roots the evaluation reads

    full = shared / _ROOTS[corpus] / path
    if row is None:
        return full.read_text(encoding="utf-8", errors="replace")
    if not cache:
        with full.open(encoding="utf-8", newline="") as handle:
            cache.update({int(r["row_id"]): r["body_text"] for r in csv.DictReader(handle)})
    return cache[row]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    # Trim white space at both ends so the offsets point at words.
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def sample(shared: Path, seed: int, count: int) -> list[dict]:  # type: ignore[type-arg]
    """Up to ``count`` passages drawn with ``seed`` (fewer when every corpus's pool runs out)."""
    rng = random.Random(seed)
    used = {(p["corpus"], p["path"], p.get("row")) for p in json.loads(GOLD.read_text("utf-8"))["passages"]}
    pools = {name: [a for a in items if (name, *a) not in used] for name, items in _articles(shared).items()}
    for items in pools.values():
        rng.shuffle(items)
    order = ["polnear", "recovery", "horne2017", "fakenewsamt"]
    cache: dict[int, str] = {}
    drawn: list[dict] = []  # type: ignore[type-arg]
    turn = 0
    while len(drawn) < count and any(pools.values()):
        corpus = order[turn % len(order)]
        turn += 1
        while pools[corpus]:
            path, row = pools[corpus].pop()
            text = _text(shared, corpus, path, row, cache)
            spans = _sentences(text)
            candidates = [i for i, (s, e) in enumerate(spans)
                          if e - s <= MAX_SENTENCE and REPORTING.search(text, s, e)]
            if not candidates:
                continue
            i = rng.choice(candidates)
            start, end = spans[i]
            piece = text[start:end]
            # Take the next sentence too when this one is short or leaves a quotation open.
            if i + 1 < len(spans) and (end - start < 60 or piece.count("“") > piece.count("”")
                                       or piece.count('"') % 2 == 1):
                end = spans[i + 1][1]
            piece = text[start:end]
            drawn.append({"corpus": corpus, "path": path, "row": row, "start": start, "end": end,
                          "sha256": hashlib.sha256(piece.encode()).hexdigest()[:16], "text": piece})
            break
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="folder holding data/<corpus>")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, default=40)
    args = parser.parse_args()
    for n, passage in enumerate(sample(Path(args.shared), args.seed, args.count)):
        print(json.dumps({"n": n, **passage}, ensure_ascii=False))


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
