"""The ingest runner with an in-process stand-in stage: resume, idempotence, sinks, summary.

The stand-in codes "X visited Y" sentences without spaCy, so these tests take milliseconds;
tests/test_corpus_scale.py runs the real pipeline in processes and on Dask.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from thucydides.corpus import (
    LocalEngine,
    ParquetSink,
    StoreSink,
    ingest,
    load_parquet,
)
from thucydides.corpus.engines import ordered_map
from thucydides.records import Actor, Document, Event, Mention

_VISIT = re.compile(r"([A-Z][a-z]+) visited ([A-Z][a-z]+)")


class VisitStage:
    """Codes every "X visited Y" as a CONSULT event from X to Y (codes: first 3 letters)."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, documents: Sequence[Document]) -> list[list[Event]]:
        self.batches.append([d.id for d in documents])
        return [self._code(d) for d in documents]

    def version(self) -> str:
        return "visit-stage.v1"

    @staticmethod
    def _code(doc: Document) -> list[Event]:
        events = []
        for n, m in enumerate(_VISIT.finditer(doc.text)):
            events.append(
                Event(
                    doc_id=doc.id,
                    event_id=f"e{n}",
                    event="CONSULT",
                    mode="visit",
                    cameo="042",
                    actor=(Actor(code=m[1][:3].upper(), text=m[1]),),
                    recipient=(Actor(code=m[2][:3].upper(), text=m[2]),),
                    date=doc.date.isoformat() if doc.date else None,
                    date_precision="day" if doc.date else None,
                    mentions=(Mention(0, m.start(), m.end(), m[0], "visited", m.start()),),
                )
            )
        return events


def _write_jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _records(n: int, *, suffix: str = "") -> list[dict]:
    return [
        {
            "id": f"d{i:03d}",
            "text": f"Armenia visited Russia{suffix}. Nothing else {i}.",
            "date": f"2024-05-{1 + i % 3:02d}",
            "source": f"S{i % 2}",
        }
        for i in range(n)
    ]


def _tables(con) -> dict[str, list[tuple]]:
    queries = {
        "documents": "SELECT * EXCLUDE (coded_at) FROM documents ORDER BY ALL",
        "events": "SELECT * FROM events ORDER BY ALL",
        "event_actors": "SELECT * FROM event_actors ORDER BY ALL",
        "mentions": "SELECT * FROM mentions ORDER BY ALL",
        "corpus_events": "SELECT * FROM corpus_events ORDER BY ALL",
        "corpus_event_members": "SELECT * FROM corpus_event_members ORDER BY ALL",
    }
    return {name: con.execute(sql).fetchall() for name, sql in queries.items()}


@pytest.fixture()
def sink():
    s = StoreSink(":memory:")
    yield s
    s.close()


def test_ingest_codes_in_batches_and_merges_reports(tmp_path, sink):
    src = _write_jsonl(tmp_path / "a.jsonl", _records(5))
    stage = VisitStage()
    summary = ingest([src], engine=LocalEngine(stage), sink=sink, batch_size=2)
    assert stage.batches == [["d000", "d001"], ["d002", "d003"], ["d004"]]
    assert (summary.read, summary.coded, summary.already_stored, summary.events) == (5, 5, 0, 5)
    assert summary.merge is not None
    # Days 1, 2, 3, 1, 2 of May: one event within the 3-day window, from 5 articles, 2 sources.
    assert sink.con.execute(
        "SELECT num_mentions, num_articles, num_sources FROM corpus_events"
    ).fetchall() == [(5, 5, 2)]


def test_rerun_adds_nothing_already_stored(tmp_path, sink):
    src = _write_jsonl(tmp_path / "a.jsonl", _records(5))
    ingest([src], engine=LocalEngine(VisitStage()), sink=sink, batch_size=2)
    before = _tables(sink.con)
    stage = VisitStage()
    again = ingest([src], engine=LocalEngine(stage), sink=StoreSink(sink.path), batch_size=2)
    assert (again.read, again.coded, again.already_stored, again.events) == (5, 0, 5, 0)
    assert stage.batches == []
    assert _tables(sink.con) == before


def test_changed_text_or_coder_version_is_coded_again(tmp_path, sink):
    ingest(
        [_write_jsonl(tmp_path / "a.jsonl", _records(3))],
        engine=LocalEngine(VisitStage()),
        sink=sink,
    )
    changed = _records(3)
    changed[1]["text"] = "Russia visited Armenia."
    stage = VisitStage()
    summary = ingest(
        [_write_jsonl(tmp_path / "b.jsonl", changed)],
        engine=LocalEngine(stage),
        sink=StoreSink(sink.path),
    )
    assert stage.batches == [["d001"]]
    assert summary.already_stored == 2
    assert sink.con.execute("SELECT actor_code FROM events WHERE doc_id = 'd001'").fetchall() == [
        ("RUS",)
    ]


def test_unreadable_inputs_and_duplicate_ids_are_counted_not_fatal(tmp_path, sink):
    records = _records(2)
    records.append(dict(records[0]))  # the same id again
    src = _write_jsonl(tmp_path / "a.jsonl", records)
    summary = ingest(
        [str(tmp_path / "missing.txt"), src], engine=LocalEngine(VisitStage()), sink=sink
    )
    assert (summary.read, summary.coded) == (2, 2)
    assert dict(summary.failed) == {"duplicate-id": 1, "unreadable": 1}


def test_ordered_map_keeps_at_most_window_batches_pending():
    pending: list[int] = []
    high_water = 0

    class Future:
        def __init__(self, n: int) -> None:
            self.n = n

        def result(self) -> list[list[Event]]:
            pending.remove(self.n)
            return [[]]

    def submit(batch: list[Document]) -> Future:
        nonlocal high_water
        n = int(batch[0].id)
        pending.append(n)
        high_water = max(high_water, len(pending))
        return Future(n)

    batches = ([Document(id=str(i), text="x")] for i in range(50))
    order = [done[0].id for done, _ in ordered_map(submit, batches, window=4)]
    assert order == [str(i) for i in range(50)]
    assert high_water == 4


def test_parquet_parts_load_into_the_same_store_as_direct_ingest(tmp_path, sink):
    src = _write_jsonl(tmp_path / "a.jsonl", _records(7))
    ingest([src], engine=LocalEngine(VisitStage()), sink=sink, batch_size=3)
    parts = tmp_path / "events.parquet"
    parquet = ParquetSink(parts)
    ingest([src], engine=LocalEngine(VisitStage()), sink=parquet, batch_size=3)
    parquet.close()
    assert sorted(p.name for p in parts.iterdir()) == [
        "part-00000001",
        "part-00000002",
        "part-00000003",
    ]
    db = str(tmp_path / "loaded.duckdb")
    stats = load_parquet(parts, db)
    assert (stats.parts, stats.skipped_parts, stats.documents) == (3, 0, 7)
    again = load_parquet(parts, db)
    assert (again.parts, again.skipped_parts, again.documents) == (0, 3, 0)
    loaded = StoreSink(db)
    assert _tables(loaded.con) == _tables(sink.con)
    loaded.close()


def test_parquet_resume_skips_stored_documents_and_unfinished_parts(tmp_path):
    parts = tmp_path / "out"
    src = _write_jsonl(tmp_path / "a.jsonl", _records(4))
    first = ParquetSink(parts)
    ingest([src], engine=LocalEngine(VisitStage()), sink=first, batch_size=2)
    first.close()
    (parts / ".tmp-part-00000003").mkdir()  # what a killed run leaves behind
    more = _write_jsonl(tmp_path / "b.jsonl", _records(6))
    stage = VisitStage()
    second = ParquetSink(parts)
    summary = ingest([more], engine=LocalEngine(stage), sink=second, batch_size=2)
    second.close()
    assert stage.batches == [["d004", "d005"]]
    assert summary.already_stored == 4
    assert sorted(p.name for p in parts.iterdir()) == [
        "part-00000001",
        "part-00000002",
        "part-00000003",
    ]


def test_later_part_wins_when_a_document_was_recoded(tmp_path):
    parts = tmp_path / "out"
    sink = ParquetSink(parts)
    ingest(
        [_write_jsonl(tmp_path / "a.jsonl", _records(2))],
        engine=LocalEngine(VisitStage()),
        sink=sink,
    )
    changed = _records(2)
    changed[0]["text"] = "Russia visited Georgia."
    ingest(
        [_write_jsonl(tmp_path / "b.jsonl", changed)], engine=LocalEngine(VisitStage()), sink=sink
    )
    sink.close()
    db = str(tmp_path / "x.duckdb")
    load_parquet(parts, db)
    store = StoreSink(db)
    assert store.con.execute(
        "SELECT doc_id, actor_code, recipient_code FROM events ORDER BY doc_id"
    ).fetchall() == [("d000", "RUS", "GEO"), ("d001", "ARM", "RUS")]
    store.close()


def test_summary_names_counts_and_reasons(tmp_path, sink):
    src = _write_jsonl(tmp_path / "a.jsonl", _records(3))
    summary = ingest(
        [src, str(tmp_path / "nope.txt")],
        engine=LocalEngine(VisitStage()),
        sink=sink,
        default_date=dt.date(2024, 1, 1),
    )
    summary.seconds = 2.0
    assert summary.render() == (
        "ingest: 3 documents read in 2.0 s (local, 1 worker): 3 coded, 0 already stored, "
        "0 skipped, 0 duplicates, 1 could not be read\n"
        "ingest: could not be read: 1 unreadable\n"
        "ingest: 3 events (1.5 documents/s, 1.5 events/s)\n"
        "ingest: store holds 3 events = 1 corpus events (2 further reports of an event merged)"
    )


# A wire story of 7 paragraphs (~140 words), a syndicated copy (dateline, credit line, last
# paragraph cut), an exact copy (other id, other line breaks), a French report and another story.
# The copy's similarity, 0.941, is the MinHash estimate (fixed seed) of its overlap with the
# story (the copy lacks one of 7 paragraphs and adds a few words).
WIRE = [
    "Armenia visited Russia on Thursday for talks on the disputed border, officials said.",
    "The prime minister met his counterpart in Moscow for three hours behind closed doors.",
    "Both sides agreed to continue negotiations on the demarcation of the frontier next month.",
    "Observers said the meeting eased tensions that had risen after clashes in the spring.",
    "The foreign ministry described the talks as constructive and frank in a short statement.",
    "Opposition leaders in Yerevan criticised the government for making concessions too early.",
    "A further round of talks is expected in Minsk before the end of the year, diplomats said.",
]
STORY = "\n\n".join(WIRE)
SYNDICATED = "MOSCOW (Wire) - " + "\n\n".join(WIRE[:-1]) + "\n\n(Reporting by the Wire desk)"
FRENCH = (
    "Le premier ministre arménien s'est rendu à Moscou jeudi pour des discussions sur la "
    "frontière contestée, ont indiqué des responsables."
)
OTHER = "Georgia visited Turkey on Friday. The visit was short and ended without a statement."


def _dup_corpus(path: Path) -> str:
    return _write_jsonl(
        path,
        [
            {"id": "wire", "text": STORY, "date": "2024-05-09", "source": "Wire"},
            {"id": "fr", "text": FRENCH, "date": "2024-05-09", "source": "Le Monde"},
            {"id": "post", "text": SYNDICATED, "date": "2024-05-09", "source": "Post"},
            {"id": "herald", "text": " ".join(WIRE), "date": "2024-05-10", "source": "Herald"},
            {"id": "other", "text": OTHER, "date": "2024-05-10", "source": "Post"},
        ],
    )


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _copies(con) -> list[tuple]:
    return con.execute("SELECT * FROM article_duplicates ORDER BY doc_id").fetchall()


def test_foreign_documents_and_copies_are_counted_and_copies_recorded(tmp_path, sink):
    src = _dup_corpus(tmp_path / "a.jsonl")
    stage = VisitStage()
    summary = ingest([src], engine=LocalEngine(stage), sink=sink, batch_size=2)
    assert stage.batches == [["wire", "other"]]
    assert (summary.read, summary.coded, summary.events) == (5, 2, 2)
    assert dict(summary.skipped) == {"language": 1}
    assert dict(summary.duplicates) == {"exact": 1, "near": 1}
    assert _copies(sink.con) == [
        ("herald", "wire", "exact", 1.0, _sha(" ".join(WIRE)), f"{src}:4"),
        ("post", "wire", "near", 0.941, _sha(SYNDICATED), f"{src}:3"),
    ]
    summary.seconds = 1.0
    assert summary.render().splitlines()[:3] == [
        "ingest: 5 documents read in 1.0 s (local, 1 worker): 2 coded, 0 already stored, "
        "1 skipped, 2 duplicates, 0 could not be read",
        "ingest: skipped: 1 language",
        "ingest: duplicates: 1 exact, 1 near (not coded; listed in article_duplicates)",
    ]


def test_any_language_and_no_dedup_code_everything(tmp_path, sink):
    src = _dup_corpus(tmp_path / "a.jsonl")
    summary = ingest([src], engine=LocalEngine(VisitStage()), sink=sink, langs=None, dedup=False)
    assert (summary.read, summary.coded, sum(summary.skipped.values())) == (5, 5, 0)
    assert _copies(sink.con) == []


def test_rerun_keeps_the_recorded_copies(tmp_path, sink):
    src = _dup_corpus(tmp_path / "a.jsonl")
    ingest([src], engine=LocalEngine(VisitStage()), sink=sink)
    before = {**_tables(sink.con), "copies": _copies(sink.con)}
    again = ingest([src], engine=LocalEngine(VisitStage()), sink=StoreSink(sink.path))
    assert (again.coded, again.already_stored, again.indexed) == (0, 2, 2)
    assert dict(again.duplicates) == {"exact": 1, "near": 1}
    assert {**_tables(sink.con), "copies": _copies(sink.con)} == before


def test_resumed_run_finds_a_near_copy_of_an_article_stored_before(tmp_path):
    db = str(tmp_path / "events.duckdb")
    first = _write_jsonl(tmp_path / "a.jsonl", [{"id": "wire", "text": STORY}])
    store = StoreSink(db)
    ingest([first], engine=LocalEngine(VisitStage()), sink=store)
    store.close()
    second = _write_jsonl(
        tmp_path / "b.jsonl",
        [{"id": "wire", "text": STORY}, {"id": "post", "text": SYNDICATED}],
    )
    stage = VisitStage()
    store = StoreSink(db)
    summary = ingest([second], engine=LocalEngine(stage), sink=store)
    assert stage.batches == []
    assert (summary.indexed, summary.already_stored, dict(summary.duplicates)) == (
        1,
        1,
        {"near": 1},
    )
    assert _copies(store.con) == [
        ("post", "wire", "near", 0.941, _sha(SYNDICATED), f"{second}:2"),
    ]
    store.close()


def test_copies_travel_in_parquet_parts_to_the_loaded_store(tmp_path, sink):
    src = _dup_corpus(tmp_path / "a.jsonl")
    ingest([src], engine=LocalEngine(VisitStage()), sink=sink, batch_size=2)
    parts = tmp_path / "out"
    parquet = ParquetSink(parts)
    ingest([src], engine=LocalEngine(VisitStage()), sink=parquet, batch_size=2)
    parquet.close()
    resumed = ParquetSink(parts)  # a second run writes no part: everything is known
    again = ingest([src], engine=LocalEngine(VisitStage()), sink=resumed, batch_size=2)
    resumed.close()
    assert (again.indexed, again.already_stored) == (2, 2)
    assert sorted(p.name for p in parts.iterdir()) == ["part-00000001"]
    db = str(tmp_path / "loaded.duckdb")
    load_parquet(parts, db)
    loaded = StoreSink(db)
    assert _copies(loaded.con) == _copies(sink.con)
    assert _tables(loaded.con) == _tables(sink.con)
    loaded.close()
