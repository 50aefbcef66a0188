"""The ingest runner: inputs -> batches -> engine (the stage) -> sink, with progress.

1. read the inputs lazily (:func:`thucydides.ingest.read_inputs`); unreadable inputs and
   duplicate ids are counted and reported, never fatal;
2. group documents into batches of ``batch_size``; drop those the sink already holds with
   the same text and coder version (resume);
3. the engine codes batches (in this process, a process pool or a Dask cluster), a few at a
   time, and returns them in order;
4. the sink stores each coded batch in one transaction (this process is the only writer);
5. at the end the sink recomputes the corpus events (cross-article merge).

Only the batches in flight are held in memory, so memory does not grow with the corpus. A run
killed at any moment loses at most the batches not yet committed; running it again codes
exactly those and ends with the events of an uninterrupted run.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from thucydides.corpus.engines import Engine
from thucydides.corpus.merge import WINDOW_DAYS
from thucydides.corpus.progress import IngestSummary, Progress, failure_reason
from thucydides.corpus.sinks import Sink
from thucydides.errors import InputError
from thucydides.records import Document

#: Documents per batch (one store transaction, one task for a worker). 64 news articles are
#: ~700 sentences: enough for spaCy's batching and to amortise a transaction, few enough that
#: a killed run loses little and a worker's result stays small.
BATCH_SIZE = 64


def ingest(
    sources: Sequence[str],
    *,
    engine: Engine,
    sink: Sink,
    batch_size: int = BATCH_SIZE,
    default_date: dt.date | None = None,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    window_days: int = WINDOW_DAYS,
) -> IngestSummary:
    """Code every document of ``sources`` into ``sink`` with ``engine``.

    Args:
        sources: Inputs as :func:`thucydides.ingest.read_inputs` takes them.
        engine: Where coding runs (entered and left here).
        sink: Where coded batches are stored (not closed here).
        batch_size: Documents per batch.
        default_date: Publication date for documents without one.
        stdin: Where ``-`` reads from.
        progress: Progress reporter (default: none shown).
        window_days: Date window of the cross-article merge.

    Returns:
        The run's counts.
    """
    from thucydides.ingest import read_inputs

    progress = progress or Progress(quiet=True)
    summary = IngestSummary(engine=engine.name)
    started = time.monotonic()
    try:
        with engine:
            summary.workers = engine.workers
            version = engine.version()
            summary.startup_seconds = time.monotonic() - started
            progress.start()
            items = read_inputs(sources, default_date=default_date, stdin=stdin)
            documents = _documents(items, summary, progress)
            batches = _new_batches(documents, batch_size, sink, version, summary)
            for batch, events in engine.map(batches):
                sink.write(list(zip(batch, events, strict=True)), version)
                summary.coded += len(batch)
                summary.events += sum(len(e) for e in events)
                progress.update(summary)
        summary.merge = sink.finish(window_days)
    finally:
        summary.seconds = time.monotonic() - started
        progress.stop()
    return summary


def _documents(
    items: Iterable[Document | InputError], summary: IngestSummary, progress: Progress
) -> Iterator[Document]:
    for item in items:
        if isinstance(item, InputError):
            summary.failed[failure_reason(item)] += 1
            progress.warn(item)
            continue
        summary.read += 1
        yield item


def _new_batches(
    documents: Iterable[Document],
    size: int,
    sink: Sink,
    version: str,
    summary: IngestSummary,
) -> Iterator[list[Document]]:
    """Batches of ``size`` documents, less those the sink already holds."""
    batch: list[Document] = []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= size:
            yield from _unstored(batch, sink, version, summary)
            batch = []
    if batch:
        yield from _unstored(batch, sink, version, summary)


def _unstored(
    batch: list[Document], sink: Sink, version: str, summary: IngestSummary
) -> Iterator[list[Document]]:
    known = sink.already_coded(batch, version)
    summary.already_stored += len(known)
    kept = [d for d in batch if d.id not in known]
    if kept:
        yield kept
