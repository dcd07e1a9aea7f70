"""Where relations are lost after their cue is found: content and source boundaries, by shape.

    python benchmarks/attribution_boundaries.py [DIR] [--examples N] [--seed S]

DIR has the PolNeAR layout (default: PolNeAR train in ``../shared/data/polnear/train``; study
train, measure on dev). Predicted statements are matched one to one to gold relations by their
cues (greedily by decreasing character Jaccard, a pair only at Jaccard >= 0.5, as the overlap
mode of ``reliability evaluate-attributions``). For every matched pair it checks what the
relation measure checks: the contents overlap (Jaccard >= 0.5), and the sources overlap or are
both absent. The pairs that fail are counted by shape:

* **content**: which side of the cue each content lies on (``before`` / ``after`` / ``around``
  it), and how the predicted span differs from the gold one: ``longer`` or ``shorter`` at its
  start and/or end, ``shifted``, ``disjoint``; ``gold 2+`` when the gold content has more than
  one piece (a quotation continued past its speaker, an interrupted paraphrase);
* **source** (for pairs whose content matched): ``missing`` (gold has one, the reading none),
  ``extra`` (the reading has one, gold none), or a wrong span, by side and shape as above.

The headline line gives relation F1 counted over these pairs, and what it would be if every
cue-matched pair also matched as a relation (the ceiling of boundary work with the present
cues). ``--examples N`` prints N random failures of each of the largest groups, with their
spans, for reading. A diagnostic, not a benchmark of speed.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reliability._attribution_eval import (  # noqa: E402
    OVERLAP,
    Fragments,
    Relation,
    _extract,
    _jaccard,
    _trimmed,
    load_gold,
)


def _range(fragments: Fragments) -> tuple[int, int]:
    return min(a for a, _ in fragments), max(b for _, b in fragments)


def _side(span: tuple[int, int], cue: tuple[int, int]) -> str:
    if span[1] <= cue[0]:
        return "before"
    if span[0] >= cue[1]:
        return "after"
    return "around"


def _shape(pred: tuple[int, int], gold: tuple[int, int]) -> str:
    """How the predicted span differs from the gold one (a slack of two characters either side)."""
    (ps, pe), (gs, ge) = pred, gold
    if pe <= gs or ge <= ps:
        return "disjoint"
    ends = []
    if ps < gs - 2:
        ends.append("longer at start")
    elif ps > gs + 2:
        ends.append("shorter at start")
    if pe > ge + 2:
        ends.append("longer at end")
    elif pe < ge - 2:
        ends.append("shorter at end")
    if not ends:
        return "same bounds, other pieces"
    grows = {e.split()[0] for e in ends}
    return ", ".join(ends) if len(grows) == 1 else "shifted"


def _show(text: str, fragments: Fragments | None) -> str:
    return " | ".join(text[a:b] for a, b in fragments)[:160] if fragments else "-"


def _cue_pairs(text: str, predicted: list[Relation], gold: tuple[Relation, ...]) -> list[tuple[int, int]]:
    scored = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if p.cue is None or g.cue is None:
                continue
            v = _jaccard(_trimmed(text, p.cue), _trimmed(text, g.cue))
            if v >= OVERLAP:
                scored.append((v, i, j))
    scored.sort(key=lambda s: -s[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default=str(REPO.parent / "shared/data/polnear/train"))
    parser.add_argument("--examples", type=int, default=0, help="failures to print per group")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    groups: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for article in load_gold(args.directory):
        text = article.text
        predicted = _extract(text)
        counts["gold"] += len(article.relations)
        counts["predicted"] += len(predicted)
        for i, j in _cue_pairs(text, predicted, article.relations):
            p, g = predicted[i], article.relations[j]
            assert p.cue is not None and g.cue is not None
            counts["cue-matched"] += 1
            cue = _range(p.cue)
            content_ok = _jaccard(_trimmed(text, p.content), _trimmed(text, g.content)) >= OVERLAP
            if p.source is None or g.source is None:
                source_ok = p.source is None and g.source is None
            else:
                source_ok = _jaccard(_trimmed(text, p.source), _trimmed(text, g.source)) >= OVERLAP
            key: tuple[str, str] | None = None
            if not content_ok:
                pc, gc = _range(p.content), _range(g.content)
                pieces = ", gold 2+" if len(g.content) > 1 else ""
                key = ("content", f"pred {_side(pc, cue)} / gold {_side(gc, cue)} the cue: {_shape(pc, gc)}{pieces}")
            elif not source_ok:
                if p.source is None:
                    key = ("source", "missing")
                elif g.source is None:
                    key = ("source", "extra")
                else:
                    ps, gs = _range(p.source), _range(g.source)
                    key = ("source", f"pred {_side(ps, cue)} / gold {_side(gs, cue)} the cue: {_shape(ps, gs)}")
            if key is None:
                counts["relation-matched"] += 1
                continue
            counts[f"{key[0]} fails"] += 1
            groups[key] += 1

            examples[key].append(
                f"    cue {_show(text, p.cue)!r}\n"
                f"      pred source {_show(text, p.source)!r} content {_show(text, p.content)!r}\n"
                f"      gold source {_show(text, g.source)!r} content {_show(text, g.content)!r}"
            )
    matched, gold, predicted = counts["cue-matched"], counts["gold"], counts["predicted"]
    relation = counts["relation-matched"]
    print(f"{gold} gold relations, {predicted} predicted, {matched} matched by their cue; of these "
          f"{relation} also as relations, {counts['content fails']} fail on the content, "
          f"{counts['source fails']} (content right) on the source")
    # Counted over cue-matched pairs only: the evaluation's relation measure, which does not need
    # the cue, finds a few more (relations whose cue is missed or misplaced).
    print(f"relation F1 over cue-matched pairs {2 * relation / (gold + predicted):.4f}; "
          f"if every cue-matched pair matched as a relation: {2 * matched / (gold + predicted):.4f}")
    rng = random.Random(args.seed)
    for role in ("content", "source"):
        print(f"\n{role} failures by shape:")
        for (r, shape), n in groups.most_common():
            if r != role:
                continue
            print(f"  {n:5d}  {shape}")
            if args.examples and n >= 10:
                for line in rng.sample(examples[(r, shape)], min(args.examples, n)):
                    print(line)


if __name__ == "__main__":
    main()
