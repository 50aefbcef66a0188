"""The events store: writing, re-coding, reading back, failures and persistence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.errors import StoreError
from thucydides.records import Actor, Document, Event, Location, Mention
from thucydides.store import EventStore

TEXT = "Pashinyan visited Moscow. Putin did not meet him. Later they signed a deal."


def doc(doc_id: str = "d1", text: str = TEXT) -> Document:
    return Document(
        id=doc_id,
        text=text,
        date=dt.date(2024, 5, 9),
        title="A visit",
        url="https://example.org/a",
        source="Example News",
        origin="a.txt",
    )


def event(
    doc_id: str = "d1",
    event_id: str = "e1",
    sentence: int = 0,
    start: int = 0,
    aux: str | None = None,
    date: str | None = "2024-05",
) -> Event:
    return Event(
        doc_id=doc_id,
        event_id=event_id,
        event="CONSULT",
        mode="visit",
        cameo="042",
        actor=(
            Actor("ARM", "GOV", "Nikol Pashinyan", "Pashinyan", "kb:pashinyan"),
            Actor(None, None, None, "his delegation"),
        ),
        recipient=(Actor("RUS", None, "Russia", "Moscow"),),
        context=("diplomatic", "military"),
        quad=1,
        goldstein=1.9,
        plover_score=0.1 + 0.2,
        date=date,
        date_precision="month" if date else None,
        aux=aux,  # type: ignore[arg-type]
        mentions=(
            Mention(sentence, start, start + 25, TEXT[start : start + 25], "visited", start + 10),
            Mention(sentence + 2, 51, 75, TEXT[51:75], "signed"),
        ),
        location=Location("Moscow", "RUS", 55.75, None),
        confidence=0.87,
    )


def bare_event(doc_id: str = "d1", event_id: str = "e0") -> Event:
    """An event with every optional field empty (and no mentions)."""
    return Event(doc_id=doc_id, event_id=event_id, event="AGREE", mode=None, cameo="057")


@pytest.fixture
def store() -> EventStore:
    return EventStore()


def test_events_round_trip_exactly(store: EventStore) -> None:
    events = [event(event_id="e1", start=0), event(event_id="e2", sentence=1, start=26)]
    store.write([(doc(), events)], coder_version="plover.v1")
    assert store.events(doc_id="d1") == events


def test_event_with_empty_fields_round_trips(store: EventStore) -> None:
    events = [event(), bare_event()]
    store.write([(doc(), events)])
    assert store.events() == events


def test_events_are_read_in_first_mention_order(store: EventStore) -> None:
    late, early = event(event_id="late", sentence=1, start=26), event(event_id="early")
    store.write([(doc(), [late, early])])
    assert store.events() == [early, late]


def test_documents_round_trip(store: EventStore) -> None:
    bare = Document(id="d0", text="")
    store.write([(doc(), []), (bare, [])])
    assert store.documents() == [bare, doc()]


def test_recoding_a_document_replaces_its_events(store: EventStore) -> None:
    store.write([(doc(), [event(event_id="e1"), event(event_id="e2", sentence=1, start=26)])])
    store.write([(doc(), [event(event_id="e3")])])
    assert store.events() == [event(event_id="e3")]
    assert store.counts() == {"documents": 1, "events": 1, "mentions": 2, "actors": 3}


def test_recoding_the_same_events_does_not_duplicate(store: EventStore) -> None:
    store.write([(doc(), [event()])])
    store.write([(doc(), [event()])])
    assert store.counts() == {"documents": 1, "events": 1, "mentions": 2, "actors": 3}


def test_two_documents_are_independent(store: EventStore) -> None:
    store.write([(doc("d1"), [event("d1")]), (doc("d2"), [event("d2")])])
    store.write([(doc("d2"), [])])
    assert store.events() == [event("d1")]
    assert store.events(doc_id="d2") == []
    assert [d.id for d in store.documents()] == ["d1", "d2"]


def test_negated_events_are_stored_but_left_out_by_default(store: EventStore) -> None:
    kept, negated = event(event_id="e1"), event(event_id="e2", sentence=1, start=26, aux="negated")
    store.write([(doc(), [kept, negated])])
    assert store.events() == [kept]
    assert store.events(doc_id="d1", include_negated=True) == [kept, negated]
    assert store.counts()["events"] == 2


def test_event_filed_under_another_document_is_refused(store: EventStore) -> None:
    store.write([(doc("d1"), [event("d1")])])
    with pytest.raises(StoreError, match=r"'e1' belongs to document 'd2'.*document 'd1'"):
        store.write([(doc("d1"), [event("d2")])])
    assert store.events() == [event("d1")]


def test_failure_during_conversion_writes_nothing(store: EventStore) -> None:
    store.write([(doc("d1"), [event("d1")])])
    broken = object()  # not an Event: converting it raises AttributeError
    batch = [(doc("d1"), []), (doc("d2"), [broken])]
    with pytest.raises(StoreError, match=r"^cannot write to events store ':memory:': "):
        store.write(batch)  # type: ignore[arg-type]
    assert store.events() == [event("d1")]
    assert store.documents() == [doc("d1")]


def test_failure_mid_transaction_rolls_back(store: EventStore) -> None:
    store.write([(doc("d1"), [event("d1", "old")])])
    twice = event("d1", "new")
    twice = Event(**{**twice.__dict__, "mentions": twice.mentions[:1] * 2})  # same sentence twice
    with pytest.raises(StoreError, match="cannot write to events store"):
        store.write([(doc("d2"), [event("d2")]), (doc("d1"), [twice])])
    assert store.events() == [event("d1", "old")]
    assert store.counts() == {"documents": 1, "events": 1, "mentions": 2, "actors": 3}


def test_non_duckdb_file_gives_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n")
    with pytest.raises(StoreError) as caught:
        EventStore(path)
    message = str(caught.value)
    assert message.startswith(f"cannot open events store {str(path)!r}: ")
    assert "\n" not in message


def test_file_store_persists_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    events = [event(), event(event_id="e2", sentence=1, start=26, aux="negated")]
    with EventStore(path) as store:
        store.write([(doc(), events)], coder_version="plover.v1")
    with EventStore(path) as store:
        assert store.events(include_negated=True) == events
        assert store.documents() == [doc()]


def test_store_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with EventStore(path) as store:
        store._con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 0, this thucydides reads version 1"):
        EventStore(path)


def test_documents_row_records_hash_and_coder(store: EventStore) -> None:
    store.write([(doc(text="abc"), [])], coder_version="plover.v1")
    row = store._con.execute("SELECT content_hash, coder_version FROM documents").fetchall()
    assert row == [
        ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "plover.v1")
    ]


def test_event_row_denormalises_first_actor_recipient_and_day(store: EventStore) -> None:
    store.write([(doc(), [event(date="2024-05"), bare_event()])])
    rows = store._con.execute(
        "SELECT event_id, actor_code, actor_sector, recipient_code, day, num_mentions "
        "FROM events ORDER BY event_id"
    ).fetchall()
    assert rows == [
        ("e0", None, None, None, dt.date(2024, 5, 9), 0),
        ("e1", "ARM", "GOV", "RUS", dt.date(2024, 5, 1), 2),
    ]
