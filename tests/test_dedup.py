"""Merging mentions of one event within a document (no NLP needed)."""

from __future__ import annotations

import datetime as dt

from thucydides.coding.coder import EventMention
from thucydides.coding.lexicon import TriggerEntry
from thucydides.coding.ontology import default_ontology
from thucydides.dedup import merge
from thucydides.records import Actor, Document, Mention

DOC = Document(id="d", text="x" * 1000, date=dt.date(2024, 5, 9))
VISIT = TriggerEntry(id="consult.visit", lemmas=("visit",), pos=("VERB",), cameo="042")
TALKS = TriggerEntry(id="consult.talks", lemmas=("talk",), pos=("NOUN",), cameo="046")
STOP = TriggerEntry(id="sanction.stop", lemmas=("stop",), pos=("VERB",), cameo="160")
ARM, RUS, CSTO = Actor("ARM"), Actor("RUS"), Actor("CSTO")


def mention(
    entry,
    event,
    actor,
    recipient,
    *,
    at,
    aux=None,
    date="2024-05",
    explicit=False,
    anaphoric=False,
    mode=None,
):
    return EventMention(
        entry=entry,
        event=event,
        mode=mode,
        cameo=entry.cameo,
        actor=actor,
        recipient=recipient,
        aux=aux,
        date=date,
        date_precision=None if date is None else ("day" if len(date) == 10 else "month"),
        date_explicit=explicit,
        mention=Mention(
            sentence=at // 100, start=at, end=at + 50, text=f"s{at}", trigger="t", trigger_start=at
        ),
        anaphoric=anaphoric,
    )


def summary(events):
    return [
        (
            e.event,
            e.mode,
            e.cameo,
            [a.code for a in e.actor],
            [a.code for a in e.recipient],
            e.date,
            e.aux,
            [m.sentence for m in e.mentions],
        )
        for e in events
    ]


def test_mentions_of_one_event_merge_and_keep_the_most_specific_code():
    events = merge(
        DOC,
        [
            mention(VISIT, "CONSULT", (ARM,), (RUS,), at=0, mode="visit"),
            mention(TALKS, "CONSULT", (ARM,), (RUS,), at=10),
            mention(VISIT, "CONSULT", (ARM,), (RUS,), at=400, mode="visit"),
        ],
        default_ontology(),
    )
    assert summary(events) == [
        ("CONSULT", "visit", "042", ["ARM"], ["RUS"], "2024-05", None, [0, 4]),
    ]


def test_a_different_date_or_aux_keeps_events_apart():
    events = merge(
        DOC,
        [
            mention(VISIT, "CONSULT", (ARM,), (RUS,), at=0),
            mention(
                VISIT,
                "CONSULT",
                (ARM,),
                (RUS,),
                at=200,
                aux="historical",
                date="2023-12",
                explicit=True,
            ),
        ],
        default_ontology(),
    )
    assert [(e.date, e.aux) for e in events] == [("2024-05", None), ("2023-12", "historical")]


ACCUSE = TriggerEntry(id="accuse.accuse", lemmas=("accuse",), pos=("VERB",), cameo="112")
CRITICIZE = TriggerEntry(id="accuse.criticize", lemmas=("criticize",), pos=("VERB",), cameo="111")


def test_two_verbs_of_one_type_and_dyad_are_two_acts_but_a_repeated_sentence_is_one():
    events = merge(
        DOC,
        [
            mention(ACCUSE, "ACCUSE", (ARM,), (RUS,), at=0),
            mention(CRITICIZE, "ACCUSE", (ARM,), (RUS,), at=200),
            mention(ACCUSE, "ACCUSE", (ARM,), (RUS,), at=700),
        ],
        default_ontology(),
    )
    assert summary(events) == [
        ("ACCUSE", None, "112", ["ARM"], ["RUS"], "2024-05", None, [0, 7]),
        ("ACCUSE", None, "111", ["ARM"], ["RUS"], "2024-05", None, [2]),
    ]


def test_a_tenseless_restatement_joins_the_future_event_of_the_same_trigger():
    events = merge(
        DOC,
        [
            mention(STOP, "SANCTION", (ARM,), (CSTO,), at=0, aux="future", date=None),
            mention(STOP, "SANCTION", (ARM,), (CSTO,), at=300),
        ],
        default_ontology(),
    )
    assert [(e.aux, len(e.mentions)) for e in events] == [("future", 2)]


def test_a_mention_without_an_actor_joins_the_single_event_that_names_one():
    events = merge(
        DOC,
        [
            mention(VISIT, "ACCUSE", (ARM,), (RUS,), at=0),
            mention(VISIT, "ACCUSE", (), (RUS,), at=200),
        ],
        default_ontology(),
    )
    assert [([a.code for a in e.actor], len(e.mentions)) for e in events] == [(["ARM"], 2)]


def test_an_anaphoric_mention_joins_the_latest_earlier_event_of_its_type():
    events = merge(
        DOC,
        [
            mention(VISIT, "CONSULT", (ARM,), (RUS,), at=0),
            mention(TALKS, "CONSULT", (), (), at=150, anaphoric=True),
            mention(TALKS, "CONSULT", (), (), at=5, anaphoric=True),
        ],
        default_ontology(),
    )
    assert summary(events)[0][-1] == [0, 1]


def test_event_ids_are_stable_across_runs():
    ms = [mention(VISIT, "CONSULT", (ARM,), (RUS,), at=0)]
    assert (
        merge(DOC, ms, default_ontology())[0].event_id
        == merge(DOC, ms, default_ontology())[0].event_id
    )
