"""Cross-article event merging: the same event reported by several articles is one event.

Two stored events (each coded from one document) are **the same corpus event** when they have

1. the same PLOVER type (``events.event``) and the same auxiliary mode (``aux``: a denied
   visit is not the visit);
2. the same set of actor codes and the same set of recipient codes (unresolved actors left
   out; order and repetition ignored), with at least one code on either side;
3. reference days within a window: sorted by reference day, each event joins the current
   group while it lies at most ``window_days`` after the group's *first* day, else it starts
   a new group (so daily reports of a long crisis do not chain into one event).

The **reference day** of an event is its own date when coded to the day; otherwise the
publication date when that falls inside the event's (month or year) date, as it does for
events the coder dates from the publication; otherwise the first day of the event's period.
Events with no code on either side, or with no reference day, are corpus events on their own.

The grouping is a deterministic function of the stored events: it is recomputed from scratch
after every ingest or load (:func:`merge_corpus_events`), so re-runs, resumed runs and the
Dask engine all end with the same corpus events. The tables it fills (``corpus_events``,
``corpus_event_members``, the view ``corpus_event_mentions``) are described in docs/corpus.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import duckdb

#: Days after a group's first reference day that a report still joins it. Three days: a
#: story is reported the day it happens and over the next day or two (later reports and
#: weekend round-ups); a judgement from news practice, not calibrated on data. GDELT merges
#: only within its 15-minute update, ICEWS within a story set.
WINDOW_DAYS = 3

#: Rows fetched and inserted per round trip while grouping (memory stays flat). 10,000 rows
#: of keys are a few MB of Python tuples; 50,000 added ~30 MB to the merge's peak RSS at
#: 100,000 articles (benchmarks/bench_memory.py) for no measurable gain in time.
_CHUNK = 10_000

_TABLES_SQL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS corpus_events (
        corpus_event_id VARCHAR PRIMARY KEY,
        event VARCHAR NOT NULL,
        aux VARCHAR,
        actor_codes VARCHAR[] NOT NULL,
        recipient_codes VARCHAR[] NOT NULL,
        mode VARCHAR,
        cameo VARCHAR NOT NULL,
        quad INTEGER,
        goldstein DOUBLE,
        plover_score DOUBLE,
        first_day DATE,
        last_day DATE,
        num_mentions INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        confidence DOUBLE NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS corpus_event_members (
        doc_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        corpus_event_id VARCHAR NOT NULL,
        ref_day DATE,
        PRIMARY KEY (doc_id, event_id)
    )""",
    """CREATE OR REPLACE VIEW corpus_event_mentions AS
        SELECT c.corpus_event_id, m.*
        FROM corpus_event_members c JOIN mentions m USING (doc_id, event_id)""",
)

# Sorted distinct actor and recipient codes of every event that has actors.
_CODES_CTE = """codes AS (
    SELECT doc_id, event_id,
        list_sort(list_distinct(list(code) FILTER (WHERE role = 'actor'))) AS actor_codes,
        list_sort(list_distinct(list(code) FILTER (WHERE role = 'recipient'))) AS recipient_codes
    FROM event_actors GROUP BY doc_id, event_id
)"""

# One row per stored event: its merge key, reference day and id, in grouping order.
_KEYS_SQL = f"""
WITH {_CODES_CTE}
SELECT e.event, e.aux,
    coalesce(c.actor_codes, []::VARCHAR[]) AS actor_codes,
    coalesce(c.recipient_codes, []::VARCHAR[]) AS recipient_codes,
    CASE
        WHEN e.date_precision = 'day' THEN e.day
        WHEN d.date IS NOT NULL AND e.date IS NOT NULL
            AND starts_with(strftime(d.date, '%Y-%m-%d'), e.date) THEN d.date
        ELSE e.day
    END AS ref_day,
    e.doc_id, e.event_id
FROM events e
JOIN documents d USING (doc_id)
LEFT JOIN codes c USING (doc_id, event_id)
ORDER BY e.event, e.aux NULLS FIRST, actor_codes, recipient_codes, ref_day NULLS LAST,
    e.doc_id, e.event_id
"""

# One row per corpus event, from its members. Every member has the same type, aux and codes;
# the CAMEO code and mode are the most frequent among the members (ties: the smallest code),
# and quad, Goldstein and PLOVER scores are those of that code.
_AGGREGATE_SQL = f"""
INSERT INTO corpus_events
WITH {_CODES_CTE},
member_events AS (
    SELECT m.corpus_event_id, m.ref_day, e.*, d.source AS doc_source,
        coalesce(c.actor_codes, []::VARCHAR[]) AS actor_codes,
        coalesce(c.recipient_codes, []::VARCHAR[]) AS recipient_codes
    FROM corpus_event_members m
    JOIN events e USING (doc_id, event_id)
    JOIN documents d USING (doc_id)
    LEFT JOIN codes c USING (doc_id, event_id)
),
typical AS (
    SELECT corpus_event_id, cameo, mode FROM (
        SELECT corpus_event_id, cameo, mode, count(*) AS n FROM member_events GROUP BY ALL
    )
    QUALIFY row_number() OVER (
        PARTITION BY corpus_event_id ORDER BY n DESC, cameo, mode NULLS LAST) = 1
)
SELECT me.corpus_event_id,
    any_value(me.event), any_value(me.aux),
    any_value(me.actor_codes), any_value(me.recipient_codes),
    any_value(t.mode), any_value(t.cameo),
    min(me.quad) FILTER (WHERE me.cameo = t.cameo),
    min(me.goldstein) FILTER (WHERE me.cameo = t.cameo),
    min(me.plover_score) FILTER (WHERE me.cameo = t.cameo),
    min(me.ref_day), max(me.ref_day),
    sum(me.num_mentions), count(DISTINCT me.doc_id), count(DISTINCT me.doc_source),
    max(me.confidence)
FROM member_events me
JOIN typical t USING (corpus_event_id)
GROUP BY me.corpus_event_id
"""


@dataclass(frozen=True)
class MergeStats:
    """What a merge produced.

    Attributes:
        events: Stored per-document events.
        corpus_events: Corpus events they were merged into.
    """

    events: int
    corpus_events: int

    @property
    def merged(self) -> int:
        """Per-document events that joined another article's report of the same event."""
        return self.events - self.corpus_events


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the corpus tables and view when missing (needs the store's tables to exist)."""
    for statement in _TABLES_SQL:
        con.execute(statement)


def merge_corpus_events(
    con: duckdb.DuckDBPyConnection, *, window_days: int = WINDOW_DAYS
) -> MergeStats:
    """Recompute ``corpus_events`` and ``corpus_event_members`` from the stored events.

    One transaction: if it is interrupted, the previous corpus events stay as they were.
    """
    ensure_tables(con)
    con.begin()
    try:
        con.execute("DELETE FROM corpus_event_members")
        con.execute("DELETE FROM corpus_events")
        events = _assign_groups(con, window_days)
        con.execute(_AGGREGATE_SQL)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    row = con.execute("SELECT count(*) FROM corpus_events").fetchone()
    return MergeStats(events=events, corpus_events=int(row[0]) if row else 0)


def _assign_groups(con: duckdb.DuckDBPyConnection, window_days: int) -> int:
    """Fill ``corpus_event_members`` (streamed in chunks); returns the events grouped."""
    cursor = con.cursor()
    cursor.execute(_KEYS_SQL)
    columns: dict[str, list[Any]] = {"doc_id": [], "event_id": [], "cid": [], "day": []}
    total = 0
    for doc_id, event_id, cid, day in _groups(_fetch(cursor), window_days):
        columns["doc_id"].append(doc_id)
        columns["event_id"].append(event_id)
        columns["cid"].append(cid)
        columns["day"].append(day)
        total += 1
        if len(columns["doc_id"]) >= _CHUNK:
            _insert_members(con, columns)
    _insert_members(con, columns)
    cursor.close()
    return total


def _fetch(cursor: duckdb.DuckDBPyConnection) -> Iterator[tuple[Any, ...]]:
    while rows := cursor.fetchmany(_CHUNK):
        yield from rows


def _groups(
    rows: Iterator[tuple[Any, ...]], window_days: int
) -> Iterator[tuple[str, str, str, dt.date | None]]:
    """(doc_id, event_id, corpus_event_id, ref_day) per row of rows sorted as _KEYS_SQL sorts.

    Rows are ``(event, aux, actor_codes, recipient_codes, ref_day, doc_id, event_id)``.
    """
    window = dt.timedelta(days=window_days)
    group_key: tuple[Any, ...] | None = None
    start: dt.date | None = None
    cid = ""
    for event, aux, actors, recipients, day, doc_id, event_id in rows:
        key = (event, aux, tuple(actors), tuple(recipients))
        if day is None or not (actors or recipients):
            yield doc_id, event_id, corpus_event_id("single", doc_id, event_id), day
            continue
        if key != group_key or start is None or day - start > window:
            group_key, start = key, day
            cid = corpus_event_id(event, aux or "", ",".join(actors), ",".join(recipients), day)
        yield doc_id, event_id, cid, day


def corpus_event_id(*parts: object) -> str:
    """A stable id for a corpus event: 16 hex digits of a SHA-1 of its key."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _insert_members(con: duckdb.DuckDBPyConnection, columns: dict[str, list[Any]]) -> None:
    if not columns["doc_id"]:
        return
    con.execute(
        "INSERT INTO corpus_event_members SELECT UNNEST($1::VARCHAR[]), UNNEST($2::VARCHAR[]), "
        "UNNEST($3::VARCHAR[]), UNNEST($4::DATE[])",
        [columns["doc_id"], columns["event_id"], columns["cid"], columns["day"]],
    )
    for values in columns.values():
        values.clear()
