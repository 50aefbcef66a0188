"""The ingest runner: inputs -> batches -> engine (the stage) -> sink, with progress.

1. when the sink already holds documents (a resumed run), rebuild the near-duplicate index
   from them (:mod:`thucydides.corpus.duplicates`);
2. read the inputs lazily (:func:`thucydides.ingest.read_corpus`): documents not in a wanted
   language and inputs that are not news are skipped and counted; copies (exact or near) of an
   article read or stored earlier are not coded but recorded (``article_duplicates``);
   unreadable inputs and duplicate ids are counted and reported, never fatal;
3. group documents into batches of ``batch_size``; drop those the sink already holds with
   the same text and coder version (resume);
4. the engine codes batches (in this process, a process pool or a Dask cluster), a few at a
   time, and returns them in order;
5. the sink stores each coded batch in one transaction (this process is the only writer),
   then the copies read while that batch was filled (whose canonical articles are therefore
   stored by then);
6. at the end the sink recomputes the corpus events (cross-article merge).

Only the batches in flight are held in memory, so memory does not grow with the corpus. A run
killed at any moment loses at most the batches not yet committed; running it again codes
exactly those and ends with the events of an uninterrupted run.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TextIO

from thucydides.corpus.duplicates import DuplicateRow, rebuild_index
from thucydides.corpus.engines import Engine
from thucydides.corpus.merge import WINDOW_DAYS
from thucydides.corpus.progress import IngestSummary, Progress, failure_reason
from thucydides.corpus.sinks import Sink
from thucydides.ingest import ArticleDeduplicator, FetchConfig, IngestItem
from thucydides.records import Document

#: Documents per batch (one store transaction, one task for a worker). 64 news articles are
#: ~700 sentences: enough for spaCy's batching and to amortise a transaction, few enough that
#: a killed run loses little and a worker's result stays small.
BATCH_SIZE = 64

#: Languages coded by default: the coder's lexicons and spaCy model are English.
DEFAULT_LANGS: tuple[str, ...] = ("en",)


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
    langs: Collection[str] | None = DEFAULT_LANGS,
    dedup: bool = True,
    fetch: FetchConfig | None = None,
) -> IngestSummary:
    """Code every document of ``sources`` into ``sink`` with ``engine``.

    Args:
        sources: Inputs as :func:`thucydides.ingest.read_corpus` takes them (files, folders,
            WARC, feeds, OPML, URL lists, URLs, JSONL, ``-``).
        engine: Where coding runs (entered and left here).
        sink: Where coded batches and copies are stored (not closed here).
        batch_size: Documents per batch.
        default_date: Publication date for documents without one.
        stdin: Where ``-`` reads from.
        progress: Progress reporter (default: none shown).
        window_days: Date window of the cross-article merge.
        langs: Language codes to code (ISO 639-1); None codes every language unchecked.
        dedup: Skip exact and near copies of articles read or stored earlier.
        fetch: Settings for fetching URLs (None: the defaults).

    Returns:
        The run's counts.
    """
    from thucydides.ingest import read_corpus

    progress = progress or Progress(quiet=True)
    summary = IngestSummary(engine=engine.name)
    started = time.monotonic()
    try:
        index, stored_copies = _resume_index(sink, summary) if dedup else (None, frozenset())
        with engine:
            summary.workers = engine.workers
            version = engine.version()
            summary.startup_seconds = time.monotonic() - started - summary.index_seconds
            progress.start()
            items = read_corpus(
                sources,
                default_date=default_date,
                stdin=stdin,
                langs=langs,
                dedup=index if index is not None else False,
                fetch=fetch,
            )
            batcher = _Batcher(summary, progress, stored_copies)
            batches = batcher.batches(items, batch_size, sink, version)
            for batch, events in engine.map(batches):
                sink.write(list(zip(batch, events, strict=True)), version, batcher.attached())
                summary.coded += len(batch)
                summary.events += sum(len(e) for e in events)
                progress.update(summary)
            sink.write([], version, batcher.leftover())
        summary.merge = sink.finish(window_days)
    finally:
        summary.seconds = time.monotonic() - started
        progress.stop()
    return summary


def _resume_index(sink: Sink, summary: IngestSummary) -> tuple[ArticleDeduplicator, frozenset[str]]:
    """The duplicate index holding every stored article, and the stored ones that copy others."""
    rebuilt = rebuild_index(sink.stored_articles())
    summary.indexed = rebuilt.articles
    summary.index_seconds = rebuilt.seconds
    return rebuilt.index, rebuilt.stored_copies


class _Batcher:
    """Counts what is read, batches the documents to code and holds the copies to record.

    The copies read while a batch fills are attached to it (written after it); those read
    after the last batch, or attached to a batch found entirely stored, are left over.
    """

    def __init__(
        self, summary: IngestSummary, progress: Progress, stored_copies: frozenset[str]
    ) -> None:
        self.summary = summary
        self.progress = progress
        self.stored_copies = stored_copies
        self._pending: list[DuplicateRow] = []
        self._attached: deque[list[DuplicateRow]] = deque()

    def attached(self) -> list[DuplicateRow]:
        """The copies to write with the batch just coded (batches come back in order)."""
        return self._attached.popleft()

    def leftover(self) -> list[DuplicateRow]:
        """The copies not attached to any coded batch."""
        rows, self._pending = self._pending, []
        return rows

    def documents(self, items: Iterable[IngestItem]) -> Iterator[Document]:
        """The documents to code, counting everything else."""
        for item in items:
            doc = item.document
            if item.error is not None:
                self.summary.failed[failure_reason(item.error)] += 1
                self.progress.warn(item.error)
            elif doc is None:
                self.summary.skipped[item.skipped or "unknown"] += 1
            else:
                self.summary.read += 1
                if item.skipped == "duplicate" and not self._is_stored(item, doc):
                    row = DuplicateRow.from_item(item)
                    self.summary.duplicates[row.kind] += 1
                    self._pending.append(row)
                elif item.skipped is not None and item.skipped != "duplicate":
                    self.summary.skipped[item.skipped] += 1
                else:
                    yield doc

    def _is_stored(self, item: IngestItem, doc: Document) -> bool:
        """A resumed run meets stored articles in the index: they are not copies."""
        return item.duplicate_of == doc.id or doc.id in self.stored_copies

    def batches(
        self, items: Iterable[IngestItem], size: int, sink: Sink, version: str
    ) -> Iterator[list[Document]]:
        """Batches of ``size`` documents, less those the sink already holds."""
        for batch in _new_batches(self.documents(items), size, sink, version, self.summary):
            self._attached.append(self._pending)
            self._pending = []
            yield batch


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
