"""Check that a speed change leaves every report byte-identical: dump, then compare.

    # with the reference tree (e.g. main) importable:
    PYTHONPATH=/path/to/main python benchmarks/same_reports.py --dump /tmp/reports-main.jsonl
    # with the changed tree:
    PYTHONPATH=. python benchmarks/same_reports.py --against /tmp/reports-main.jsonl

Scores real articles from ``../shared/data`` (every PolNeAR text up to ``--limit``, then the Horne
2017, FakeNewsAMT and Golbeck texts, some with a made-up title and URL so those paths run too)
and writes one line per article: its name and the full JSON report (features, phrasing counts,
claims, sources, chains, explanations and evidence spans). ``--against`` scores the same articles
and reports every article whose JSON differs, with the first differing characters; it exits 1
if any does. A benchmark helper, not a test: it needs the shared corpora and takes a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reliability import Scorer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"


def articles(limit: int) -> list[tuple[str, str, str | None, str | None]]:
    """(name, text, title, url) of the articles checked, in a fixed order."""
    found = []
    polnear = sorted((SHARED / "polnear").glob("*/text/*.txt"))[:limit]
    others = []
    for folder in ("horne2017-fakenewsdata1", "fakenewsamt-celebrity", "golbeck2018-fake-vs-satire"):
        others += sorted((SHARED / folder).rglob("*.txt"))[: limit // 3]
    for n, path in enumerate([*polnear, *others]):
        if path.name.upper().startswith(("README", "SOURCE")):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if not text.strip():
            continue
        # Every third article gets a title and URL (invented here, not from the corpora).
        title = f"Report number {n}: what officials said" if n % 3 == 0 else None
        url = f"https://www.example{n % 7}.com/news/{n}" if n % 3 == 0 else None
        found.append((str(path.relative_to(SHARED)), text, title, url))
    return found


def reports(limit: int) -> list[tuple[str, str]]:
    scorer = Scorer()
    result = []
    for name, text, title, url in articles(limit):
        try:
            report = scorer.score(text, title=title, url=url).model_dump_json()
        except Exception as error:  # the error must be the same too
            report = f"{type(error).__name__}: {error}"
        result.append((name, report))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--dump", type=Path, help="write the reports to this JSONL file")
    group.add_argument("--against", type=Path, help="compare the reports with this dump")
    parser.add_argument("--limit", type=int, default=300, help="PolNeAR articles (default 300)")
    args = parser.parse_args()
    now = reports(args.limit)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for name, report in now:
                out.write(json.dumps({"name": name, "report": report}) + "\n")
        print(f"wrote {len(now)} reports to {args.dump}")
        return 0
    before = [json.loads(line) for line in args.against.read_text(encoding="utf-8").splitlines()]
    if [b["name"] for b in before] != [name for name, _ in now]:
        print("the dump holds other articles (different --limit or corpora?)")
        return 1
    differ = 0
    for b, (name, report) in zip(before, now, strict=True):
        if b["report"] != report:
            differ += 1
            at = next((i for i, (x, y) in enumerate(zip(b["report"], report, strict=False)) if x != y),
                      min(len(b["report"]), len(report)))
            print(f"DIFFERS {name} at char {at}:\n  was {b['report'][max(0, at - 80):at + 80]!r}\n"
                  f"  now {report[max(0, at - 80):at + 80]!r}")
    print(f"{len(now) - differ} of {len(now)} reports identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
