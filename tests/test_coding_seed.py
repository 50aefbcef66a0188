"""Acceptance: the seed article (issue #2) and the project's sample article."""

from __future__ import annotations

import pytest

from thucydides.evaluation import gold_to_document, load_gold, score

pytestmark = pytest.mark.slow


def _code(pipeline, gold_docs):
    docs = [gold_to_document(g) for g in gold_docs]
    return [e for _, events in pipeline.code_documents(docs) for e in events]


def test_seed_meets_the_issue_2_floor(pipeline, shared):
    gold = load_gold(shared / "gold" / "seed" / "armenia_russia.gold.jsonl")
    events = _code(pipeline, gold)
    report = score(gold, events)
    matched = {m.gold_id: m for m in report.matches}
    assert report.tp >= 10, report.misses
    assert report.fp <= 2, report.false_positives
    assert report.duplicates == 0
    for gid in ("E1", "E3", "E4"):
        assert matched[gid].attributes.date_ok, gid
    for gid in ("E3", "E4", "E6", "E7"):
        assert matched[gid].attributes.aux_ok, gid


def test_sample_article_scores_f1_at_least_0_9(pipeline):
    from tests.conftest import SAMPLES

    gold = load_gold(SAMPLES / "armenia_csto_2024.gold.jsonl")
    report = score(gold, _code(pipeline, gold))
    assert report.f1 is not None and report.f1 >= 0.9, (report.misses, report.false_positives)
