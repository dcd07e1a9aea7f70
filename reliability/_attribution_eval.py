"""Evaluate attribution extraction against gold attribution relations (PolNeAR's brat files).

A directory holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann`` (the
layout of PolNeAR, Newell et al., LREC 2018). Where an article has several annotator files, the
first in sorted order is used. The metric (also in ``docs/attribution-evaluation.md``):

* per role (cue, source, content): predicted and gold spans are matched one to one, greedily by
  decreasing character Jaccard; a pair counts when it is *exact* (equal after trimming
  whitespace and edge punctuation, quotation marks included; a span of punctuation only, like
  the ':' cue of "Kasich: ...", keeps its marks) or, in *overlap* mode, when its
  Jaccard is at least 0.5. Precision, recall and F1 are micro-averaged over articles (counts are
  summed, then divided);
* ``all_exact``: the three roles pooled, exact matching;
* relations: a predicted relation matches a gold one (one to one) when their contents overlap
  (Jaccard >= 0.5) and their sources overlap or both are absent.
"""

from __future__ import annotations

import hashlib
import logging
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ._exceptions import DataError

__all__ = ["AttributionEvaluation", "GoldArticle", "Relation", "evaluate_attributions", "load_gold", "score"]

logger = logging.getLogger("reliability")

Fragments = tuple[tuple[int, int], ...]  # a span, possibly discontinuous, as sorted (start, end) pieces
ROLES = ("cue", "source", "content")
OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class Relation:
    """One attribution relation as character fragments; ``source``/``cue`` may be absent."""

    content: Fragments
    source: Fragments | None = None
    cue: Fragments | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    relations: tuple[Relation, ...]
    annotation: Path


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class AttributionEvaluation:
    """Counts per measure (``cue_overlap``, ``source_exact``, ..., ``all_exact``, ``relation``)."""

    counts: dict[str, Counts]
    articles: int
    seconds: float
    files: tuple[Path, ...] = field(default=(), repr=False)

    def figures(self) -> dict[str, float]:
        """Flat ``{"cue_f1_overlap": 0.87, "relation_f1": ..., ...}`` for gates and JSON."""
        result: dict[str, float] = {}
        for key, counts in self.counts.items():
            if key == "relation":
                prefix, suffix = "relation", ""
            else:
                prefix, _, mode = key.rpartition("_")
                suffix = f"_{mode}"
            result[f"{prefix}_precision{suffix}"] = round(counts.precision, 4)
            result[f"{prefix}_recall{suffix}"] = round(counts.recall, 4)
            result[f"{prefix}_f1{suffix}"] = round(counts.f1, 4)
        return result

    def render(self) -> str:
        """A plain-text table, as ``reliability evaluate-attributions`` prints it."""
        lines = [f"{self.articles} articles, extraction {self.articles / max(self.seconds, 1e-9):.0f} articles/s",
                 f"{'measure':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>7}{'fn':>7}"]
        for key, c in self.counts.items():
            lines.append(f"{key:<16}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:7d}{c.fp:7d}{c.fn:7d}")
        return "\n".join(lines) + "\n"


# --- reading brat standoff ---------------------------------------------------------------------


def _parse_fragments(field_text: str, where: str) -> tuple[str, Fragments]:
    kind, _, offsets = field_text.partition(" ")
    pieces = []
    try:
        for piece in offsets.split(";"):
            start, end = piece.split()
            pieces.append((int(start), int(end)))
    except ValueError:
        raise DataError(f"{where}: malformed span offsets {offsets!r}; expected 'START END[;START END]'") from None
    return kind, tuple(sorted(pieces))


def read_ann(path: Path) -> tuple[Relation, ...]:
    """The attribution relations of one brat ``.ann`` file."""
    spans: dict[str, Fragments] = {}
    events: list[tuple[str, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, fragments = _parse_fragments(parts[1], f"{path}:{number}")
            spans[parts[0]] = fragments
        elif line.startswith("E") and len(parts) >= 2:
            events.append((f"{path}:{number}", parts[1].split()))
        # Anything else: "#" notes, and covered text continued on a new line after a newline.
    relations = []
    for where, args in events:
        roles: dict[str, list[Fragments]] = {}
        for arg in args:
            role, _, ref = arg.partition(":")
            if ref not in spans:
                raise DataError(f"{where}: relation refers to unknown span {ref!r}")
            roles.setdefault(role.rstrip("0123456789"), []).append(spans[ref])
        content = tuple(sorted(p for fr in roles.get("Content", []) for p in fr))
        if not content:
            continue  # a relation without content is not a statement we can score
        source = roles.get("Source", [None])[0]
        cue = roles.get("Cue", [None])[0]
        relations.append(Relation(content, source, cue))
    return tuple(relations)


def load_gold(directory: str | Path) -> list[GoldArticle]:
    """Articles of a PolNeAR-style split: ``text/*.txt`` with ``attributions/*_<annotator>.ann``."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise DataError(f"{root} must hold text/ and attributions/ (the PolNeAR layout: text/NAME.txt, "
                        "attributions/NAME_ANNOTATOR.ann)")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # one annotator per article: the first
    articles = []
    for name, ann in sorted(chosen.items()):
        text_file = text_dir / f"{name}.txt"
        if not text_file.exists():
            logger.warning("no text for %s; skipped", ann)
            continue
        articles.append(GoldArticle(name, text_file.read_text(encoding="utf-8"), read_ann(ann), ann))
    if not articles:
        raise DataError(f"no annotated articles found in {root}")
    return articles


def annotations_sha256(articles: Iterable[GoldArticle]) -> str:
    """SHA-256 over the annotation files' names and bytes: what a model built from them records."""
    digest = hashlib.sha256()
    for article in articles:
        digest.update(article.annotation.name.encode())
        digest.update(article.annotation.read_bytes())
    return digest.hexdigest()


# --- matching ----------------------------------------------------------------------------------


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] == "P"


def _trimmed(text: str, fragments: Fragments) -> Fragments:
    """Fragments without surrounding whitespace and edge punctuation.

    A span of punctuation only (PolNeAR's ':' and '—' cues) keeps its marks, trimmed of spaces.
    """
    result = []
    for start, end in fragments:
        s, e = start, end
        while s < e and _is_edge(text[s]):
            s += 1
        while e > s and _is_edge(text[e - 1]):
            e -= 1
        if e == s:  # punctuation only
            s, e = start, end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
        if e > s:
            result.append((s, e))
    return tuple(result)


def _length(fragments: Fragments) -> int:
    return sum(end - start for start, end in fragments)


def _jaccard(a: Fragments, b: Fragments) -> float:
    inter = 0
    for s1, e1 in a:
        for s2, e2 in b:
            inter += max(0, min(e1, e2) - max(s1, s2))
    union = _length(a) + _length(b) - inter
    return inter / union if union else 0.0


def _match(predicted: Sequence[object], gold: Sequence[object], ok: Callable[[int, int], float | None]) -> Counts:
    """One-to-one greedy matching by decreasing score; ``ok(i, j)`` is a score or None (no match)."""
    pairs = []
    for i in range(len(predicted)):
        for j in range(len(gold)):
            value = ok(i, j)
            if value is not None:
                pairs.append((value, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    tp = len(used_p)
    return Counts(tp, len(predicted) - tp, len(gold) - tp)


def _role_counts(text: str, predicted: Iterable[Fragments], gold: Iterable[Fragments], exact: bool) -> Counts:
    pred = sorted({t for t in (_trimmed(text, f) for f in predicted) if t})
    gold_ = sorted({t for t in (_trimmed(text, f) for f in gold) if t})
    if exact:
        return _match(pred, gold_, lambda i, j: 1.0 if pred[i] == gold_[j] else None)

    def overlap(i: int, j: int) -> float | None:
        value = _jaccard(pred[i], gold_[j])
        return value if value >= OVERLAP else None

    return _match(pred, gold_, overlap)


def _relation_counts(text: str, predicted: Sequence[Relation], gold: Sequence[Relation]) -> Counts:
    def ok(i: int, j: int) -> float | None:
        p, g = predicted[i], gold[j]
        content = _jaccard(_trimmed(text, p.content), _trimmed(text, g.content))
        if content < OVERLAP:
            return None
        if p.source is None and g.source is None:
            return content + 1.0
        if p.source is None or g.source is None:
            return None
        source = _jaccard(_trimmed(text, p.source), _trimmed(text, g.source))
        return content + source if source >= OVERLAP else None

    return _match(predicted, gold, ok)


def score(text: str, predicted: Sequence[Relation], gold: Sequence[Relation]) -> dict[str, Counts]:
    """The counts of one article."""
    counts: dict[str, Counts] = {}
    for role in ROLES:
        pred_spans = [s for r in predicted if (s := getattr(r, role)) is not None]
        gold_spans = [s for r in gold if (s := getattr(r, role)) is not None]
        counts[f"{role}_exact"] = _role_counts(text, pred_spans, gold_spans, exact=True)
        counts[f"{role}_overlap"] = _role_counts(text, pred_spans, gold_spans, exact=False)
    counts["all_exact"] = counts["cue_exact"] + counts["source_exact"] + counts["content_exact"]
    counts["relation"] = _relation_counts(text, predicted, gold)
    return counts


def _extract(text: str) -> list[Relation]:
    from ._pipeline import extract_attributions

    relations = []
    for a in extract_attributions(text):
        content: Fragments = ((a.content.start, a.content.end),)
        if a.continuation is not None:
            content += ((a.continuation.start, a.continuation.end),)
        relations.append(Relation(
            content,
            ((a.source.start, a.source.end),) if a.source is not None else None,
            ((a.cue.start, a.cue.end),) if a.cue is not None else None,
        ))
    return relations


def evaluate_attributions(
    directory: str | Path, *, extractor: Callable[[str], Sequence[Relation]] | None = None, limit: int | None = None
) -> AttributionEvaluation:
    """Score ``extract_attributions`` (or ``extractor``) against the gold relations in ``directory``.

    ``directory`` has the PolNeAR layout (``text/``, ``attributions/``); ``limit`` evaluates only
    the first articles in sorted order. Raises :class:`~reliability.DataError` for a directory
    without annotated articles or a malformed ``.ann`` file.
    """
    articles = load_gold(directory)[:limit]
    run = extractor or _extract
    totals: dict[str, Counts] = {}
    seconds = 0.0
    for article in articles:
        began = time.perf_counter()
        predicted = run(article.text)
        seconds += time.perf_counter() - began
        for key, counts in score(article.text, predicted, article.relations).items():
            totals[key] = totals.get(key, Counts()) + counts
    return AttributionEvaluation(totals, len(articles), seconds, tuple(a.annotation for a in articles))
