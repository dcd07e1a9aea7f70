"""How much of the attribution error is the cue model's: the rules run with a perfect cue model.

    python benchmarks/cue_ceiling.py [DIR]

DIR has the PolNeAR layout (default: PolNeAR dev). Prints the figures of ``reliability
evaluate-attributions`` three times: with the shipped cue model; with an *oracle* that gives
every candidate word of the shipped model 0.97 when it lies inside a gold cue and 0.03
otherwise (the rules, the span rankers and the statement filter unchanged); and with the same
oracle over every word (function words apart), as if the candidate list were complete. The gap
between the first two is what a better cue model could win at most; what the oracle still
misses is the rules' (constructions no rule reads, cue boundaries, PolNeAR's inconsistencies).
A diagnostic: it reads the gold cues, so its figures are no result of the extractor.
``python benchmarks/attribution_errors.py DIR --oracle-cues`` says where the oracle's misses go.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "models"))

from build_cue_tagger import FUNCTION_WORDS, _cue_chars  # noqa: E402

import reliability._attributions as attributions  # noqa: E402
from reliability._attribution_eval import evaluate_attributions, load_gold  # noqa: E402
from reliability._cue_model import CueTagger, cue_tagger  # noqa: E402
from reliability._segmentation import Token, segment  # noqa: E402

SHOWN = ("cue_f1_overlap", "source_f1_overlap", "content_f1_overlap", "relation_f1", "all_f1_exact")


@dataclass(frozen=True)
class _Oracle:
    """Stands in for the cue tagger: 0.97 for a word inside a gold cue, 0.03 for any other."""

    threshold: float
    candidates: frozenset[str]
    gold: dict[tuple[int, int], set[int]]  # (token count, end of the last token) -> gold cue characters

    def probabilities(self, tokens: Sequence[Token], indices: Sequence[int], in_quote: Sequence[bool]) -> list[float]:
        chars = self.gold[(len(tokens), tokens[-1].end)]
        return [0.97 if tokens[i].start in chars else 0.03 for i in indices]


def oracle_for(directory: str | Path, shipped: CueTagger, *, every_word: bool) -> _Oracle:
    """An oracle for the articles of ``directory``, over ``shipped``'s candidates or every word."""
    gold: dict[tuple[int, int], set[int]] = {}
    words: set[str] = set()
    for article in load_gold(directory):
        tokens = segment(article.text).tokens
        gold[(len(tokens), tokens[-1].end)] = _cue_chars(article)
        words.update(t.lower for t in tokens)
    candidates = frozenset(w for w in words if w[:1].isalpha() and w not in FUNCTION_WORDS) if every_word \
        else shipped.candidates
    return _Oracle(shipped.threshold, candidates, gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default=str(REPO.parent / "shared" / "data" / "polnear" / "dev"))
    args = parser.parse_args()
    shipped = cue_tagger()
    if shipped is None:
        sys.exit("the cue model (models/cue_tagger.json) is missing")
    runs = {
        "shipped cue model": shipped,
        "oracle, same candidates": oracle_for(args.directory, shipped, every_word=False),
        "oracle, every word": oracle_for(args.directory, shipped, every_word=True),
    }
    print(f"{'':26s}" + "".join(f"{k.replace('_f1', ''):>18s}" for k in SHOWN))
    for name, tagger in runs.items():
        attributions.cue_tagger = lambda tagger=tagger: tagger  # type: ignore[assignment]
        figures = evaluate_attributions(args.directory).figures()
        print(f"{name:26s}" + "".join(f"{figures[k]:18.3f}" for k in SHOWN))


if __name__ == "__main__":
    main()
