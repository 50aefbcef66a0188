"""Memory of the ingest process as the corpus grows, without spaCy (a stand-in stage).

    python benchmarks/bench_memory.py --articles 10000,30000,100000 --rss-log rss.csv

For each corpus size, a fresh process generates a synthetic corpus
(:mod:`thucydides.synth.corpus`) and ingests it into a DuckDB file through the library
(:func:`thucydides.corpus.ingest`: read, deduplicate, batch, code, store, merge) with
``--workers`` worker processes. The stage is :class:`StandInStage`, which codes a few events
per article from the country names it finds, in microseconds, so the run shows the memory of
the reading and writing process (the one whose RSS the corpus-ingest issue bounds), not
spaCy's. A thread samples that process every ``--interval`` seconds: its RSS, the documents
stored so far, the phase (``ingest`` or ``merge``) and DuckDB's own memory
(``duckdb_memory()``). Samples go to ``--rss-log`` (CSV, one row per sample, with the corpus
size) and a table of peaks per size is printed: the peak should not grow with the corpus.

``--no-dedup`` and ``--sink null`` take the near-duplicate index or the store out of the run,
to see what each holds.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import psutil

from thucydides.corpus.duplicates import DuplicateRow
from thucydides.corpus.merge import WINDOW_DAYS, MergeStats
from thucydides.corpus.progress import IngestSummary, Progress
from thucydides.corpus.stage import Coded
from thucydides.records import Actor, Document, Event, Mention

#: Seconds between samples: fine enough to catch the merge's peak (which lasts ~30 s at
#: 100,000 articles, docs/performance.md), coarse enough that sampling costs nothing.
INTERVAL_S = 0.5

#: Event types the stand-in gives by sentence position (any five PLOVER types: the type only
#: has to differ between the sentences of an article, as the lead's and background's do).
EVENT_TYPES: tuple[str, ...] = ("CONSULT", "ACCUSE", "REQUEST", "AID", "SANCTION")

# A sentence: up to a full stop followed by a space or the end.
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")

COLUMNS: tuple[str, ...] = (
    "articles",
    "seconds",
    "phase",
    "documents",
    "rss_mb",
    "duckdb_mb",
)


@lru_cache(maxsize=1)
def _country_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    from thucydides.synth.corpus import countries

    names: dict[str, str] = {}
    for c in countries():
        for name in (c.name, c.demonym, c.capital):
            names[name] = c.code
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b"), names


@dataclass(frozen=True)
class StandInStage:
    """Codes one event per sentence naming two countries: the first two named, in order.

    The event type follows the sentence's position, the date is the publication date, so
    reports of one story (same countries, published within days) merge across articles as
    the real coder's would.
    """

    def __call__(self, documents: Sequence[Document]) -> list[list[Event]]:
        return [self._code(doc) for doc in documents]

    def version(self) -> str:
        return "stand-in.v1"

    @staticmethod
    def _code(doc: Document) -> list[Event]:
        pattern, codes = _country_pattern()
        events = []
        for n, m in enumerate(_SENTENCE.finditer(doc.text)):
            found = list(dict.fromkeys(codes[c[0]] for c in pattern.finditer(m[0])))
            if len(found) >= 2:
                events.append(
                    Event(
                        doc_id=doc.id,
                        event_id=f"e{n}",
                        event=EVENT_TYPES[n % len(EVENT_TYPES)],
                        mode=None,
                        cameo="040",
                        actor=(Actor(code=found[0], text=found[0]),),
                        recipient=(Actor(code=found[1], text=found[1]),),
                        date=doc.date.isoformat() if doc.date else None,
                        date_precision="day" if doc.date else None,
                        mentions=(Mention(n, m.start(), m.end(), m[0], "", m.start()),),
                    )
                )
        return events


class _NullSink:
    """Stores nothing (to measure the run without DuckDB)."""

    def already_coded(self, documents: Sequence[Document], coder_version: str) -> set[str]:
        return set()

    def write(self, coded: Coded, coder_version: str, copies: Sequence[DuplicateRow] = ()) -> None:
        return None

    def stored_articles(self) -> Iterator[tuple[str, str]]:
        return iter(())

    def finish(self, window_days: int = WINDOW_DAYS) -> MergeStats | None:
        return None

    def close(self) -> None:
        return None


class _Watch(Progress):
    """Progress that only remembers how many documents are stored."""

    def __init__(self) -> None:
        super().__init__(quiet=True)
        self.documents = 0
        self.phase = "ingest"

    def update(self, summary: IngestSummary) -> None:
        self.documents = summary.coded


def _sample(
    watch: _Watch, con: Any, articles: int, interval: float, out: list[dict[str, Any]]
) -> threading.Event:
    """Start sampling this process into ``out``; set the returned event to stop."""
    stop = threading.Event()
    me = psutil.Process()
    started = time.monotonic()

    def duckdb_mb() -> float:
        if con is None:
            return 0.0
        try:
            cur = con.cursor()
            row = cur.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
            cur.close()
        except Exception:  # the store may be closing
            return 0.0
        return float(row[0] or 0) / 2**20 if row else 0.0

    def run() -> None:
        while not stop.is_set():
            out.append(
                dict(
                    articles=articles,
                    seconds=round(time.monotonic() - started, 2),
                    phase=watch.phase,
                    documents=watch.documents,
                    rss_mb=round(me.memory_info().rss / 2**20, 1),
                    duckdb_mb=round(duckdb_mb(), 1),
                )
            )
            stop.wait(interval)

    threading.Thread(target=run, name="rss-sampler", daemon=True).start()
    return stop


def run_one(
    articles: int, *, workers: int, seed: int, dedup: bool, sink_kind: str, interval: float
) -> dict[str, Any]:
    """Ingest a fresh corpus of ``articles`` in this process; the samples and the counts."""
    from thucydides.corpus import LocalEngine, StoreSink, ingest
    from thucydides.synth.corpus import write_corpus

    samples: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench_memory") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, articles, seed=seed)
        store = StoreSink(Path(tmp) / "events.duckdb") if sink_kind == "store" else None
        sink: Any = store if store is not None else _NullSink()
        watch = _Watch()
        finish = sink.finish

        def finish_marked(window_days: int = WINDOW_DAYS) -> MergeStats | None:
            watch.phase = "merge"
            return finish(window_days)

        sink.finish = finish_marked
        stop = _sample(watch, store.con if store else None, articles, interval, samples)
        summary = ingest(
            [str(corpus)],
            engine=LocalEngine(StandInStage(), workers),
            sink=sink,
            dedup=dedup,
            progress=watch,
        )
        stop.set()
        sink.close()
    merge = summary.merge
    return dict(
        articles=articles,
        coded=summary.coded,
        copies=sum(summary.duplicates.values()),
        events=summary.events,
        corpus_events=merge.corpus_events if merge else 0,
        seconds=round(summary.seconds, 1),
        samples=samples,
    )


def _peaks(result: dict[str, Any]) -> str:
    samples = result["samples"]

    def peak(phase: str | None, key: str = "rss_mb") -> float:
        values = [s[key] for s in samples if phase is None or s["phase"] == phase]
        return max(values, default=0.0)

    return (
        f"| {result['articles']:,} | {result['coded']:,} | {result['events']:,} "
        f"| {result['corpus_events']:,} | {peak('ingest'):,.0f} MB | {peak('merge'):,.0f} MB "
        f"| {peak(None, 'duckdb_mb'):,.0f} MB | {result['seconds']:,.0f} |"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="10000", help="corpus sizes, comma-separated")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--interval", type=float, default=INTERVAL_S, help="seconds")
    parser.add_argument("--rss-log", type=Path, help="write every sample to this CSV file")
    parser.add_argument("--no-dedup", action="store_true", help="no near-duplicate index")
    parser.add_argument("--sink", choices=("store", "null"), default="store")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    options = dict(
        workers=args.workers,
        seed=args.seed,
        dedup=not args.no_dedup,
        sink_kind=args.sink,
        interval=args.interval,
    )
    if args.one:  # a child: one size, result as JSON on stdout
        print(json.dumps(run_one(int(args.articles), **options)))
        return
    results = []
    for size in (int(a) for a in args.articles.split(",")):
        child = [sys.executable, __file__, "--one", "--articles", str(size)]
        child += ["--workers", str(args.workers), "--seed", str(args.seed)]
        child += ["--interval", str(args.interval), "--sink", args.sink]
        child += ["--no-dedup"] if args.no_dedup else []
        out = subprocess.run(child, check=True, stdout=subprocess.PIPE, text=True).stdout
        result = json.loads(out.strip().splitlines()[-1])
        print(_peaks(result), file=sys.stderr, flush=True)
        results.append(result)
    print(
        "| articles | coded | events | corpus events | peak RSS ingest | peak RSS merge "
        "| peak DuckDB | wall s |\n|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    for result in results:
        print(_peaks(result))
    if args.rss_log:
        with args.rss_log.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, COLUMNS)
            writer.writeheader()
            for result in results:
                writer.writerows(result["samples"])


if __name__ == "__main__":
    main()
