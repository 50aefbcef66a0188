"""The scorer against the real converted gold sets in the shared folder (skipped without it).

Predictions built from each gold event's own first accepted values must score P = R = 1.0: the
gold README states this of a scorer that follows FORMAT.md.
"""

from __future__ import annotations

from typing import cast

import pytest

from thucydides.evaluation import GoldDocument, load_gold, score
from thucydides.evaluation.paths import gold_dir
from thucydides.records import Actor, Aux, Event, Mention

GOLD = gold_dir()
SETS = (
    "plover_gsr/plover_gsr.dev.gold.jsonl",
    "petr2_gsr/petr2_gsr.dev.gold.jsonl",
    "seed/armenia_russia.gold.jsonl",
)


def first_accepted(docs: list[GoldDocument]) -> list[Event]:
    """One prediction per gold event (optional ones too), from its first accepted values."""
    preds = []
    for doc in docs:
        for g in doc.events:
            mention = Mention(sentence=0, start=0, end=1, text=doc.text[:1], trigger="x")
            preds.append(
                Event(
                    doc_id=doc.id,
                    event_id=f"{doc.id}/{g.id}",
                    event=g.event[0],
                    mode=g.mode[0] if g.mode else None,
                    cameo=g.cameo[0] if g.cameo else "",
                    actor=tuple(Actor(code=c) for c in g.actor[:1]),
                    recipient=tuple(Actor(code=c) for c in g.recipient[:1]),
                    date=g.date,
                    aux=cast("Aux | None", g.aux),  # load_gold checked it against AUX_VALUES
                    mentions=(mention,) * (g.mentions or 1),
                )
            )
    return preds


@pytest.mark.skipif(
    GOLD is None,
    reason="shared gold folder not found beside the repository "
    "(set THUCYDIDES_SHARED to its parent folder)",
)
@pytest.mark.parametrize("name", SETS)
def test_first_accepted_values_score_perfectly(name: str) -> None:
    assert GOLD is not None
    docs = load_gold(GOLD / name)
    report = score(docs, first_accepted(docs))
    assert (report.precision, report.recall, report.duplicates, report.fp) == (1.0, 1.0, 0, 0)
    for accuracy in (
        report.mode_accuracy,
        report.cameo_accuracy,
        report.date_accuracy,
        report.aux_accuracy,
    ):
        assert accuracy in (None, 1.0)
    assert report.mention_count_mae in (None, 0.0)


@pytest.mark.skipif(GOLD is None, reason="shared gold folder not found")
def test_seed_counts_match_the_gold_readme() -> None:
    assert GOLD is not None
    (doc,) = load_gold(GOLD / "seed/armenia_russia.gold.jsonl")
    required = sum(1 for e in doc.events if not e.optional)
    assert (len(doc.events), required) == (17, 11)  # README "Counts": 17 events, 11 required
