"""Cross-article merging: reports of one event in several articles become one corpus event."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.corpus import StoreSink, merge_corpus_events
from thucydides.records import Actor, Document, Event, Mention


def _event(
    doc_id: str,
    n: int,
    *,
    event: str = "CONSULT",
    actors: tuple[str | None, ...] = ("ARM",),
    recipients: tuple[str | None, ...] = ("RUS",),
    date: str | None = None,
    precision: str | None = None,
    aux: str | None = None,
    cameo: str = "042",
    mentions: int = 1,
) -> Event:
    return Event(
        doc_id=doc_id,
        event_id=f"{doc_id}-e{n}",
        event=event,
        mode=None,
        cameo=cameo,
        actor=tuple(Actor(code=c, text=c or "someone") for c in actors),
        recipient=tuple(Actor(code=c, text=c or "someone") for c in recipients),
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        aux=aux,  # type: ignore[arg-type]
        mentions=tuple(
            Mention(sentence=i, start=10 * i, end=10 * i + 9, text="x" * 9, trigger="met")
            for i in range(mentions)
        ),
    )


def _doc(doc_id: str, day: str, source: str | None = "Wire") -> Document:
    return Document(
        id=doc_id, text=f"text of {doc_id}", date=dt.date.fromisoformat(day), source=source
    )


@pytest.fixture()
def sink():
    s = StoreSink(":memory:")
    yield s
    s.close()


def _corpus(sink: StoreSink) -> list[tuple]:
    return sink.con.execute(
        "SELECT event, aux, actor_codes, recipient_codes, first_day::VARCHAR, "
        "last_day::VARCHAR, num_mentions, num_articles, num_sources "
        "FROM corpus_events ORDER BY first_day, event, actor_codes"
    ).fetchall()


def _members(sink: StoreSink) -> list[set[str]]:
    rows = sink.con.execute(
        "SELECT list(event_id ORDER BY event_id) FROM corpus_event_members "
        "GROUP BY corpus_event_id ORDER BY min(event_id)"
    ).fetchall()
    return [set(r[0]) for r in rows]


def test_one_event_in_three_articles_gets_gdelt_counts(sink):
    sink.write(
        [
            (
                _doc("a", "2024-05-09", "Wire"),
                [_event("a", 0, date="2024-05-09", precision="day", mentions=2)],
            ),
            (_doc("b", "2024-05-10", "Wire"), [_event("b", 0, date="2024-05", precision="month")]),
            (_doc("c", "2024-05-11", "Post"), [_event("c", 0, date="2024-05-10", precision="day")]),
        ],
        "v1",
    )
    stats = merge_corpus_events(sink.con)
    assert (stats.events, stats.corpus_events, stats.merged) == (3, 1, 2)
    assert _corpus(sink) == [
        ("CONSULT", None, ["ARM"], ["RUS"], "2024-05-09", "2024-05-10", 4, 3, 2)
    ]


def test_month_dated_report_uses_publication_day_as_reference(sink):
    # "b" says only "in May" (publication 2024-05-30): its reference day is May 30, which is
    # more than three days after May 9, so it is another event.
    sink.write(
        [
            (_doc("a", "2024-05-09"), [_event("a", 0, date="2024-05-09", precision="day")]),
            (_doc("b", "2024-05-30"), [_event("b", 0, date="2024-05", precision="month")]),
        ],
        "v1",
    )
    merge_corpus_events(sink.con)
    assert _members(sink) == [{"a-e0"}, {"b-e0"}]


def test_window_is_anchored_at_the_first_report(sink):
    days = {"a": "2024-05-01", "b": "2024-05-04", "c": "2024-05-06"}
    sink.write(
        [(_doc(k, v), [_event(k, 0, date=v, precision="day")]) for k, v in days.items()], "v1"
    )
    merge_corpus_events(sink.con, window_days=3)
    # a-b is 3 days (joins), c is 5 days after a: a new event, although only 2 after b.
    assert _members(sink) == [{"a-e0", "b-e0"}, {"c-e0"}]


def test_type_recipient_and_aux_keep_events_apart(sink):
    day = dict(date="2024-05-09", precision="day")
    sink.write(
        [
            (_doc("a", "2024-05-09"), [_event("a", 0, **day)]),
            (_doc("b", "2024-05-09"), [_event("b", 0, event="ACCUSE", cameo="112", **day)]),
            (_doc("c", "2024-05-09"), [_event("c", 0, recipients=("AZE",), **day)]),
            (_doc("d", "2024-05-09"), [_event("d", 0, aux="negated", **day)]),
        ],
        "v1",
    )
    stats = merge_corpus_events(sink.con)
    assert (stats.events, stats.corpus_events) == (4, 4)


def test_actor_order_repeats_and_unresolved_actors_are_ignored(sink):
    day = dict(date="2024-05-09", precision="day")
    sink.write(
        [
            (_doc("a", "2024-05-09"), [_event("a", 0, actors=("ARM", "FRA"), **day)]),
            (_doc("b", "2024-05-09"), [_event("b", 0, actors=("FRA", None, "ARM", "FRA"), **day)]),
        ],
        "v1",
    )
    merge_corpus_events(sink.con)
    assert _corpus(sink) == [
        ("CONSULT", None, ["ARM", "FRA"], ["RUS"], "2024-05-09", "2024-05-09", 2, 2, 1)
    ]


def test_events_without_any_code_are_never_merged(sink):
    unknown = dict(actors=(None,), recipients=(), date="2024-05-09", precision="day")
    sink.write(
        [
            (_doc("a", "2024-05-09"), [_event("a", 0, **unknown)]),
            (_doc("b", "2024-05-09"), [_event("b", 0, **unknown)]),
        ],
        "v1",
    )
    assert merge_corpus_events(sink.con).corpus_events == 2


def test_corpus_event_takes_the_most_frequent_cameo_code(sink):
    day = dict(date="2024-05-09", precision="day")
    sink.write(
        [
            (_doc("a", "2024-05-09"), [_event("a", 0, cameo="043", **day)]),
            (_doc("b", "2024-05-09"), [_event("b", 0, cameo="042", **day)]),
            (_doc("c", "2024-05-09"), [_event("c", 0, cameo="043", **day)]),
        ],
        "v1",
    )
    merge_corpus_events(sink.con)
    assert sink.con.execute("SELECT cameo FROM corpus_events").fetchall() == [("043",)]


def test_every_mention_of_a_corpus_event_is_linked(sink):
    day = dict(date="2024-05-09", precision="day")
    sink.write(
        [
            (_doc("a", "2024-05-09"), [_event("a", 0, mentions=2, **day)]),
            (_doc("b", "2024-05-09"), [_event("b", 0, **day)]),
        ],
        "v1",
    )
    merge_corpus_events(sink.con)
    rows = sink.con.execute(
        "SELECT count(DISTINCT corpus_event_id), list(doc_id || ':' || sentence ORDER BY doc_id, "
        "sentence) FROM corpus_event_mentions"
    ).fetchall()
    assert rows == [(1, ["a:0", "a:1", "b:0"])]


def test_merge_follows_recoding_and_is_repeatable(sink):
    day = dict(date="2024-05-09", precision="day")
    sink.write(
        [
            (_doc("a", "2024-05-09"), [_event("a", 0, **day)]),
            (_doc("b", "2024-05-09"), [_event("b", 0, **day)]),
        ],
        "v1",
    )
    merge_corpus_events(sink.con)
    first = sink.con.execute("SELECT * FROM corpus_events").fetchall()
    merge_corpus_events(sink.con)
    assert sink.con.execute("SELECT * FROM corpus_events").fetchall() == first
    sink.write([(_doc("b", "2024-05-09"), [])], "v1")  # b re-coded: no event any more
    merge_corpus_events(sink.con)
    assert _corpus(sink) == [
        ("CONSULT", None, ["ARM"], ["RUS"], "2024-05-09", "2024-05-09", 1, 1, 1)
    ]
