"""Benchmark: `relations` on a large synthetic store (10 million events by default).

    .venv/bin/python benchmarks/bench_relations.py                 # 10M events, temp file
    .venv/bin/python benchmarks/bench_relations.py --events 1000000 --keep bench.duckdb

The store is filled with DuckDB SQL straight into the schema's tables (no Python objects):
events between 60 actor codes with a skewed choice of actor (a few dyads are busy, as in real
data), dates over 2015-2025, five events per document, and one event in twenty with a second
actor (a compound event, found through ``event_actors``). It then times
``thucydides.analysis.relations(path, "ARM", "RUS", by="month")`` opened from the file path, as
the CLI does: the first call, and the median of the following ones; then the same with
``weight="events"`` and with ``compound=True`` (the join through ``event_actors``).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from thucydides.analysis import relations
from thucydides.store import EventStore

# Sixty actor codes, most frequent first (the actor draw below favours the start of the list).
_CODE_TEXT = (
    "ARM RUS AZE USA CHN UKR FRA DEU GBR TUR IRN ISR PSE SYR IRQ SAU EGY IND PAK AFG "
    "JPN KOR PRK TWN BLR GEO KAZ KGZ TJK UZB POL ITA ESP NLD BEL SWE FIN NOR EST LVA "
    "LTU MDA ROU HUN SRB GRC CYP LBN JOR YEM QAT ARE OMN KWT BHR LBY SDN ETH NGA ZAF"
)
CODES = _CODE_TEXT.split()

_EVENTS_SQL = """
INSERT INTO events
SELECT
    'doc' || lpad((i // 5)::VARCHAR, 9, '0') AS doc_id,
    'ev' || (i % 5)::VARCHAR AS event_id,
    (i % 5)::INTEGER AS seq,
    ['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'ACCUSE', 'REJECT', 'THREATEN', 'SANCTION',
     'COERCE', 'ASSAULT'][t + 1] AS event,
    NULL AS mode,
    ['042', '051', '061', '071', '112', '120', '130', '163', '172', '190'][t + 1] AS cameo,
    [1, 1, 2, 2, 3, 3, 3, 4, 4, 4][t + 1] AS quad,
    [1.9, 3.4, 6.4, 7.4, -2.0, -4.0, -4.4, -8.0, -5.0, -10.0][t + 1] AS goldstein,
    [2.1, 4.6, 6.8, 7.4, -2.0, -4.2, -5.1, -5.2, -7.2, -9.0][t + 1] AS plover_score,
    ['diplomatic'] AS context,
    strftime(day, '%Y-%m-%d') AS date,
    'day' AS date_precision,
    CASE WHEN i % 50 = 0 THEN 'negated' END AS aux,
    day,
    actor AS actor_code, 'GOV' AS actor_sector,
    recipient AS recipient_code, 'GOV' AS recipient_sector,
    (1 + i % 3)::INTEGER AS num_mentions,
    ((i % 5) * 200)::INTEGER AS first_offset,
    NULL, NULL, NULL, NULL,
    0.9 AS confidence
FROM (
    SELECT i,
           (hash(i, 'type') % 10)::INTEGER AS t,
           DATE '2015-01-01' + (hash(i, 'day') % 4018)::INTEGER AS day,
           $codes[1 + floor(pow((hash(i, 'a') % 1000000) / 1000000.0, 2) * $n)::INTEGER]
               AS actor,
           $codes[1 + floor(pow((hash(i, 'b') % 1000000) / 1000000.0, 2) * $n)::INTEGER]
               AS recipient
    FROM range($events) r(i)
)
"""

_ACTORS_SQL = """
INSERT INTO event_actors
SELECT doc_id, event_id, 'actor', 0, actor_code, 'GOV', NULL, '', NULL FROM events
UNION ALL
SELECT doc_id, event_id, 'recipient', 0, recipient_code, 'GOV', NULL, '', NULL FROM events
UNION ALL
SELECT doc_id, event_id, 'actor', 1,
       $codes[1 + (hash(doc_id, event_id) % $n)::INTEGER], 'GOV', NULL, '', NULL
FROM events WHERE hash(doc_id, event_id, 'compound') % 20 = 0
"""


def build(path: Path, events: int) -> float:
    """Create the store at ``path`` with ``events`` synthetic events; returns seconds taken."""
    started = time.perf_counter()
    EventStore(path).close()  # the schema, exactly as the store creates it
    con = duckdb.connect(str(path))
    params = {"codes": list(CODES), "n": len(CODES), "events": events}
    con.execute(_EVENTS_SQL, params)
    con.execute(_ACTORS_SQL, {"codes": list(CODES), "n": len(CODES)})
    con.execute(
        "INSERT INTO documents SELECT DISTINCT doc_id, min(day), NULL, NULL, 'bench', 'bench', "
        "'', '', now()::TIMESTAMP, 'bench' FROM events GROUP BY doc_id"
    )
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Build (or reuse) the store at this path.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.duckdb"
        if not path.exists():
            print(f"building {args.events:,} events in {path} ...", flush=True)
            print(f"built in {build(path, args.events):.1f} s", flush=True)
        with duckdb.connect(str(path), read_only=True) as con:
            total = con.execute("SELECT count(*) FROM events").fetchone()
            pair = con.execute(
                "SELECT count(*) FROM events WHERE (actor_code, recipient_code) IN "
                "(('ARM', 'RUS'), ('RUS', 'ARM'))"
            ).fetchone()
        print(f"store: {total[0] if total else 0:,} events, ARM-RUS {pair[0] if pair else 0:,}")
        for weight, compound in (("mentions", False), ("events", False), ("mentions", True)):
            times = []
            for _ in range(args.repeat + 1):
                started = time.perf_counter()
                series = relations(
                    str(path), "ARM", "RUS", by="month", weight=weight, compound=compound
                )
                times.append(time.perf_counter() - started)
            print(
                f"relations ARM RUS by month, weight={weight}, compound={compound}: "
                f"first {times[0]:.3f} s, "
                f"median of next {args.repeat} {statistics.median(times[1:]):.3f} s "
                f"({len(series)} periods, {series.total_events:,} events)"
            )


if __name__ == "__main__":
    main()
