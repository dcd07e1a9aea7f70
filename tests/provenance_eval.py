"""Evaluate sources and citation chains against the gold passages in ``tests/data/provenance_gold.json``.

    python tests/provenance_eval.py [--shared ../shared] [--verbose]

Each gold passage points into a public corpus by file (or CSV row) and character offsets; the
corpus text stays in ``../shared``. The passage alone is analysed, and two figures come out:

* ``kind_accuracy`` — for every gold source (a phrase of the passage and its kind), the
  resolved source whose mentions overlap that phrase must have that kind (a missing source is
  wrong). ``source_recall`` is the share of gold sources resolved at all, and
  ``kind_accuracy_found`` the accuracy over those: it separates this stage from the
  attribution extractor, which decides whether a source is found;
* ``hop_f1`` — for every gold chain (a phrase inside the claim, and its hops from origin to the
  last relay before the article), the claim's predicted chain is compared position by position:
  a hop counts when the predicted source at that position has a mention overlapping the gold
  phrase for it. Precision over predicted hops, recall over gold hops, micro-averaged.
  ``hop_f1_found`` is the same over the claims that got a chain at all (the attribution
  extractor found a statement there).

Beside them, two simple baselines on the same passages: ``baseline_kind_accuracy`` (the outlet
registry for outlet names, ``person`` for everything else) and ``baseline_hop_f1`` (chains of
the speaker alone, no relays).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "data" / "provenance_gold.json"
_ROOTS = {
    "polnear": "data/polnear",
    "recovery": "data/recovery",
    "horne2017": "data/horne2017-fakenewsdata1",
    "fakenewsamt": "data/fakenewsamt-celebrity",
}

if str(REPO) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(REPO))
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))


@dataclass
class Result:
    kind_total: int = 0
    kind_correct: int = 0
    kind_found: int = 0  # gold sources the pipeline resolved at all
    baseline_kind_correct: int = 0
    hop_tp: int = 0
    hop_pred: int = 0
    hop_gold: int = 0
    found_tp: int = 0  # the same counts over chains whose claim has a predicted chain at all
    found_pred: int = 0
    found_gold: int = 0
    base_tp: int = 0
    base_pred: int = 0
    errors: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "kind_accuracy": self.kind_correct / max(1, self.kind_total),
            "kind_accuracy_found": self.kind_correct / max(1, self.kind_found),
            "source_recall": self.kind_found / max(1, self.kind_total),
            "hop_f1": _f1(self.hop_tp, self.hop_pred, self.hop_gold),
            "hop_f1_found": _f1(self.found_tp, self.found_pred, self.found_gold),
            "baseline_kind_accuracy": self.baseline_kind_correct / max(1, self.kind_total),
            "baseline_hop_f1": _f1(self.base_tp, self.base_pred, self.hop_gold),
        }


def _f1(tp: int, pred: int, gold: int) -> float:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def gold_passages(path: Path = GOLD) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(path.read_text(encoding="utf-8"))["passages"]


def corpus_files(shared: Path, passages: list[dict]) -> list[Path]:  # type: ignore[type-arg]
    """The corpus files the gold set points into (for the quality gate's data hash)."""
    return sorted({shared / _ROOTS[p["corpus"]] / p["path"] for p in passages})


_CSV_CACHE: dict[Path, dict[int, str]] = {}


def passage_text(shared: Path, passage: dict) -> str:  # type: ignore[type-arg]
    path = shared / _ROOTS[passage["corpus"]] / passage["path"]
    if passage.get("row") is None:
        text = path.read_text(encoding="utf-8", errors="replace")
    else:
        if path not in _CSV_CACHE:
            csv.field_size_limit(1 << 30)
            with path.open(encoding="utf-8", newline="") as handle:
                _CSV_CACHE[path] = {int(r["row_id"]): r["body_text"] for r in csv.DictReader(handle)}
        text = _CSV_CACHE[path][passage["row"]]
    piece = text[passage["start"] : passage["end"]]
    digest = hashlib.sha256(piece.encode()).hexdigest()[:16]
    if digest != passage["sha256"]:
        raise ValueError(f"gold passage {passage['id']}: the corpus text changed (hash {digest})")
    return piece


def _find(text: str, phrase: str) -> tuple[int, int]:
    # "phrase#2" names the second occurrence.
    phrase, _, nth = phrase.partition("#")
    start = -1
    for _ in range(int(nth or 1)):
        start = text.find(phrase, start + 1)
        if start < 0:
            raise ValueError(f"gold phrase {phrase!r} is not in the passage")
    return start, start + len(phrase)


def _overlaps(source, bounds: tuple[int, int]) -> int:  # type: ignore[no-untyped-def]
    return max((min(m.end, bounds[1]) - max(m.start, bounds[0]) for m in source.mentions), default=0)


def _source_at(sources, bounds: tuple[int, int]):  # type: ignore[no-untyped-def]
    best = max(sources, key=lambda s: _overlaps(s, bounds), default=None)
    return best if best is not None and _overlaps(best, bounds) > 0 else None


def _baseline_kind(phrase: str) -> str:
    from reliability._outlets import find_outlets
    from reliability._segmentation import tokenize

    mentions = find_outlets(tokenize(phrase))
    return mentions[0].kind if mentions else "person"


def evaluate(shared: Path, passages: list[dict] | None = None, *, verbose: bool = False) -> Result:  # type: ignore[type-arg]
    from reliability._pipeline import analyze
    from reliability._records import ARTICLE_SOURCE_ID, Article

    result = Result()
    for passage in passages if passages is not None else gold_passages():
        text = passage_text(shared, passage)
        analysis = analyze(Article(text=text))
        sources = [s for s in analysis.sources if s.id != ARTICLE_SOURCE_ID]
        by_id = {s.id: s for s in sources}
        for phrase, kind in passage["sources"].items():
            found = _source_at(sources, _find(text, phrase))
            result.kind_total += 1
            result.kind_found += found is not None
            result.kind_correct += found is not None and found.kind == kind
            result.baseline_kind_correct += _baseline_kind(phrase.partition("#")[0]) == kind
            if found is None or found.kind != kind:
                result.errors.append(f"{passage['id']}: source {phrase!r} expected {kind}, got "
                                     f"{(found.kind, found.name) if found else None}")
        chains = {c.id: c for c in analysis.chains}
        for expected in passage["chains"]:
            anchor = _find(text, expected["claim"])
            claim = next((c for c in analysis.claims if c.text.start <= anchor[0] < c.text.end), None)
            hops = chains[claim.chain_id].hops if claim is not None and claim.chain_id in chains else []
            predicted = [h for h in hops if h != ARTICLE_SOURCE_ID]
            gold = [_find(text, h) for h in expected["hops"]]
            tp = sum(1 for hop, g in zip(predicted, gold, strict=False)
                     if hop in by_id and _overlaps(by_id[hop], g) > 0)
            result.hop_tp += tp
            result.hop_pred += len(predicted)
            result.hop_gold += len(gold)
            if predicted:
                result.found_tp += tp
                result.found_pred += len(predicted)
                result.found_gold += len(gold)
            result.base_pred += min(1, len(predicted))
            result.base_tp += int(bool(predicted and gold and predicted[0] in by_id
                                       and _overlaps(by_id[predicted[0]], gold[0]) > 0))
            if tp != len(gold) or len(predicted) != len(gold):
                names = [by_id[h].name if h in by_id else h for h in predicted]
                result.errors.append(f"{passage['id']}: chain of {expected['claim']!r} expected "
                                     f"{expected['hops']}, got {names}")
    if verbose:
        for line in result.errors:
            print(line)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="folder holding data/<corpus>")
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    parser.add_argument("--pin", action="store_true", help="pin the figures as the quality gate's floors")
    parser.add_argument("--without", action="append", default=[], metavar="SPLIT",
                        help="also print the whole set without this split (repeatable): the passages no "
                             "rule change studied, when SPLIT is the sample a round studies")
    args = parser.parse_args()
    passages = gold_passages()
    shared = Path(args.shared)
    result = evaluate(shared, passages, verbose=args.verbose)
    figures = result.figures()
    # "dev" passages guided the rules; "heldout" ones were annotated after the rules were frozen;
    # "extended" ones were sampled by pattern (state media, "citing", wire copy, anonymous
    # sources) and annotated after the issue-4 repairs of session 3 were written (some repairs then
    # studied their misses); "heldout-s3" ones were drawn at random after those were frozen;
    # "heldout-s4" to "heldout-s4e", "heldout-s5" to "heldout-s5c" and "heldout-s6" to "heldout-s12"
    # were drawn by tests/provenance_sample.py (seeds 404-418; a split not in the gold file is skipped).
    # Later splits (a new sample appended to the gold file) are printed after these, in file order.
    known = ("dev", "heldout", "extended", "heldout-s3", "heldout-s4", "heldout-s4b", "heldout-s4c",
             "heldout-s4d", "heldout-s4e", "heldout-s5", "heldout-s5b", "heldout-s5c", "heldout-s6",
             "heldout-s7", "heldout-s8", "heldout-s9", "heldout-s10", "heldout-s11", "heldout-s12")
    present = list(dict.fromkeys(p.get("split", "dev") for p in passages))
    for split in [s for s in known if s in present] + [s for s in present if s not in known]:
        part = [p for p in passages if p.get("split", "dev") == split]
        numbers = evaluate(shared, part).figures()
        print(json.dumps({"split": split, "passages": len(part), **{k: round(v, 4) for k, v in numbers.items()}}))
    if args.without:
        part = [p for p in passages if p.get("split", "dev") not in args.without]
        numbers = evaluate(shared, part).figures()
        print(json.dumps({"split": "all without " + ", ".join(args.without), "passages": len(part),
                          **{k: round(v, 4) for k, v in numbers.items()}}))
    if args.pin:
        import quality_gate

        digest = quality_gate.hash_files([*corpus_files(shared, passages), GOLD])
        # Floors on the pipeline's figures only; the baselines are there for comparison.
        system = {k: v for k, v in figures.items() if not k.startswith("baseline_")}
        print(quality_gate.pin("provenance", system, digest, command="python tests/provenance_eval.py --pin"))
    print(json.dumps({"passages": len(passages), "sources": result.kind_total, "gold_hops": result.hop_gold,
                      **{k: round(v, 4) for k, v in figures.items()}}, indent=2))


if __name__ == "__main__":
    main()
