"""Sources and chains against the hand-annotated gold passages (tests/data/provenance_gold.json).

The floors are pinned in tests/quality/provenance.json; see tests/provenance_eval.py for the
figures and `python tests/provenance_eval.py --verbose` for every disagreement.
"""

from __future__ import annotations

import json

import provenance_eval
import quality_gate


def test_gold_set_is_large_and_well_formed():
    passages = provenance_eval.gold_passages()
    assert len(passages) >= 60
    assert len({p["id"] for p in passages}) == len(passages)
    assert {p["corpus"] for p in passages} >= {"polnear", "recovery", "horne2017", "fakenewsamt"}
    kinds = {k for p in passages for k in p["sources"].values()}
    assert {"state_media", "wire_agency", "anonymous", "official", "news_outlet"} <= kinds
    assert sum(len(c["hops"]) > 1 for p in passages for c in p["chains"]) >= 20  # relayed claims


def test_sources_and_chains_meet_the_pinned_floors(shared):
    passages = provenance_eval.gold_passages()
    files = [*provenance_eval.corpus_files(shared, passages), provenance_eval.GOLD]
    result = provenance_eval.evaluate(shared, passages)
    figures = result.figures()
    quality_gate.check("provenance", figures, quality_gate.hash_files(files))
    # The pipeline must beat the simple baselines it is compared with.
    assert figures["kind_accuracy"] > figures["baseline_kind_accuracy"], json.dumps(figures)
    assert figures["hop_f1"] > figures["baseline_hop_f1"], json.dumps(figures)
