"""Where the attribution recall goes: the gold cues ``find_attributions`` misses, by category.

    python benchmarks/attribution_errors.py [DIR] [--examples N]

DIR has the PolNeAR layout (default: PolNeAR train in ``../shared/data/polnear/train``; the
error analysis of docs/attribution-evaluation.md is run on train, not on dev). A gold cue is
missed when no predicted cue overlaps it with character Jaccard >= 0.5 (the overlap mode of
``reliability evaluate-attributions``). Each missed cue gets two labels and is counted under both:

* **what it is** (word class, from its words alone): a verb of saying ("said", "told"), another
  cue verb of the lexicons ("criticized", "endorsed"), a verb of belief or intention ("think",
  "wants", "plans to"), a noun ("comments", "his criticism of", "a report"), "according to",
  punctuation (":" or a dash), or other (verbs and phrases none of those lists hold);
* **where it is lost** (pipeline stage): inside a quotation (the rules read cues outside them
  only); no word the cue model scores; the model scores it below the operating threshold; the
  model is sure enough but no rule reads it, split by why (no speaker phrase before the verb
  group, a passive the impersonal rule declines, no content after it, other); a rule reads it
  but with different cue boundaries; a rule reads it and a later step drops or moves it (nested
  stance, cue ranker, statement filter).

On train the cue model has seen the gold cues, so it is surer there than on new text: the
"below threshold" bucket is smaller on train than on dev, the "no rule reads it" bucket larger.
The rules themselves never saw train, so the construction counts are fair. ``--oracle-cues``
puts a perfect cue model in place of the shipped one (``benchmarks/cue_ceiling.py``), so what
is left is the rules' share. Slow (a second pass of the rules per missed cue); a diagnostic,
not a benchmark of speed.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import reliability._attributions as attributions  # noqa: E402
from reliability._attribution_eval import _jaccard, _trimmed, load_gold  # noqa: E402
from reliability._cue_model import cue_tagger, in_quote_flags  # noqa: E402
from reliability._outlets import find_outlets  # noqa: E402
from reliability._resources import lexicons  # noqa: E402
from reliability._segmentation import segment  # noqa: E402
from reliability._statement_model import statement_filter  # noqa: E402

# Verbs of belief, wish and intention PolNeAR marks as cues ("Republicans want ...").
BELIEF = frozenset(
    """think thinks thought believe believes believed want wants wanted hope hopes hoped expect expects
    expected plan plans planned know knows knew feel feels felt see sees saw fear fears feared wish
    wishes wished intend intends intended consider considers considered doubt doubts doubted prefer
    prefers preferred seem seems seemed appear appears appeared""".split()
)
PREPOSITIONS = frozenset({"in", "for", "of", "about", "on", "to", "from", "by", "with", "at", "under", "among"})
NOUN_ENDINGS = ("tion", "ment", "ism", "ance", "ence", "ity", "sal", "ure")
DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "this", "that", "no"})


def word_class(words: list[str], before: str) -> str:
    """What a gold cue is, from its own words and the word before it."""
    lex = lexicons()
    if not words:
        return "punctuation"
    if words[:2] == ["according", "to"]:
        return "according to"
    content = [w for w in words if w not in attributions._STOP and w not in DETERMINERS
               and w not in attributions._ADVERBS and w not in ("has", "have", "had")]
    main = content[0] if content else words[-1]
    if lex.cue_lemma.get(main) in attributions._SAY_CLASS:
        return "verb of saying"
    if main in BELIEF:
        return "belief/intention verb"
    if words[0] in DETERMINERS or before in DETERMINERS or before in ("'s", "’s") or main.endswith(NOUN_ENDINGS):
        return "noun"
    if main in lex.cue_verbs or main in lex.stance_verbs:
        return "other lexicon cue verb"
    if words[0] in PREPOSITIONS:
        return "a preposition ('in a report', 'for')"
    if main.endswith(("ed", "ing")) or (main.endswith("s") and not main.endswith("ss")) or before in ("to", "will",
                                                                                                        "would"):
        return "verb outside the lexicons"
    return "other words"


def no_reading_reason(rules: attributions._SentenceRules, i: int) -> str:
    """Why neither the specific rules nor the generic reading read the cue word ``i``."""
    tokens = rules.tokens
    head = i
    while head > 0 and (tokens[head - 1].lower in attributions._CUE_ADVERBS or attributions._is_adverb(tokens[head - 1])
                        or tokens[head - 1].lower in attributions._NEGATIONS):
        head -= 1
    if head > 0 and tokens[head - 1].lower in attributions._PASSIVE_AUX and not tokens[i].lower.endswith("ing"):
        return "passive the impersonal rule declines"
    last = i + 1 if i + 1 < len(tokens) and tokens[i + 1].lower in attributions._PARTICLES else i
    if rules.content_after(last + 1, keep_that=True, object_only=True) is None:
        return "no content after it"
    before = tokens[head - 1].lower if head > 0 else "<sentence start>"
    if before == "to":
        return "no speaker: an infinitive ('declined to endorse')"
    if before in ("when", "after", "while", "before", "since", "if", "as"):
        return "no speaker: a subordinate clause ('after determining')"
    if before in DETERMINERS or before in ("'s", "’s"):
        return "no speaker: a noun after a determiner ('his criticism of')"
    if before in ("that", "who", "which"):
        return "no speaker: a relative clause"
    return "no speaker phrase found or it fails the speaker check"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default=str(REPO.parent / "shared" / "data" / "polnear" / "train"))
    parser.add_argument("--examples", type=int, default=8, help="most frequent cue texts shown per bucket")
    parser.add_argument("--oracle-cues", action="store_true",
                        help="a perfect cue model in place of the shipped one (see benchmarks/cue_ceiling.py): "
                             "what is left is the rules' share")
    args = parser.parse_args()

    tagger = cue_tagger()
    keeper = statement_filter()
    if tagger is None:
        sys.exit("the cue model (models/cue_tagger.json) is missing")
    if args.oracle_cues:
        from cue_ceiling import oracle_for  # benchmarks/ is on sys.path when a benchmark runs as a script

        tagger = oracle_for(args.directory, tagger, every_word=False)
        attributions.cue_tagger = lambda: tagger  # type: ignore[assignment]
    threshold = keeper.cue_threshold if keeper is not None else tagger.threshold
    fallback = (keeper.fallback, keeper.fallback_bare) if keeper is not None else (
        attributions._FALLBACK, attributions._FALLBACK_BARE)
    by_class: Counter[str] = Counter()
    by_stage: Counter[str] = Counter()
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    total = 0
    for article in load_gold(args.directory):
        text = article.text
        seg = segment(text)
        predicted = [_trimmed(text, (f.cue,)) for f in attributions.find_attributions(seg) if f.cue]
        flags = in_quote_flags(seg)
        tokens, starts = seg.tokens, seg.token_starts
        for relation in article.relations:
            gold = _trimmed(text, relation.cue) if relation.cue else ()
            if not gold:
                continue
            total += 1
            if max((_jaccard(gold, p) for p in predicted), default=0.0) >= 0.5:
                continue
            lo = bisect.bisect_left(starts, gold[0][0])
            hi = bisect.bisect_left(starts, gold[-1][1])
            words = [t.lower for t in tokens[lo:hi] if t.text[:1].isalnum()]
            kind = word_class(words, tokens[lo - 1].lower if lo > 0 else "")
            scored = [k for k in range(lo, hi) if tokens[k].lower in tagger.candidates and not flags[k]
                      and not tokens[k].text[:1].isupper()]
            probs = tagger.probabilities(tokens, scored, flags) if scored else []
            if hi > lo and all(flags[k] for k in range(lo, hi)):
                stage = "inside a quotation"
            elif not scored:
                stage = "no word the cue model scores"
            elif max(probs) < threshold:
                stage = f"cue model below its threshold ({threshold})"
            else:
                k = scored[probs.index(max(probs))]
                sentence = seg.sentences[bisect.bisect_right([s.start for s in seg.sentences], tokens[k].start) - 1]
                first = bisect.bisect_left(starts, sentence.start)
                last = bisect.bisect_left(starts, sentence.end, first)
                asked = [j for j in range(first, last) if tokens[j].lower in tagger.candidates and not flags[j]]
                cue_probs = {tokens[j].start: p for j, p in zip(asked, tagger.probabilities(tokens, asked, flags),
                                                                strict=True)}
                rules = attributions._SentenceRules(seg, sentence, None, find_outlets(tokens[first:last]), cue_probs,
                                                    threshold, None, fallback)
                i = k - first
                readings = [f.cue for f in rules.run([i]) if f.cue is not None]
                loose = rules._cue(i, learned=True) or rules._fallback(i)  # without the operating point's gates
                if any(_jaccard(gold, _trimmed(text, (cue,))) >= 0.5 for cue in readings):
                    stage = "read, then dropped or moved (nested stance, cue ranker, filter)"
                elif readings or (loose is not None and loose.cue is not None
                                  and _jaccard(gold, _trimmed(text, (loose.cue,))) < 0.5):
                    stage = "read with other cue boundaries"
                elif loose is not None:
                    stage = "a rule reads it, but its probability is below the generic reading's thresholds"
                else:
                    stage = "sure, no rule reads it: " + no_reading_reason(rules, i)
            by_class[kind] += 1
            by_stage[stage] += 1
            texts[kind][" ".join(words) or text[gold[0][0]:gold[-1][1]]] += 1
            texts[stage][" ".join(words) or text[gold[0][0]:gold[-1][1]]] += 1
    missed = sum(by_class.values())
    print(f"{total} gold cues, {missed} missed ({missed / max(total, 1):.1%})")
    for title, counts in (("what the missed cue is", by_class), ("where it is lost", by_stage)):
        print(f"\n{title}:")
        for name, n in counts.most_common():
            common = ", ".join(f"{w} ({c})" for w, c in texts[name].most_common(args.examples))
            print(f"  {n:6d} {n / max(missed, 1):6.1%}  {name}: {common}")


if __name__ == "__main__":
    main()
