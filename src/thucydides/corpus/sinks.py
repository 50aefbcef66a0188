"""Sinks: where coded batches go. Only the ingest runner's process writes (a single writer).

- :class:`StoreSink`: an events store (DuckDB), one transaction per batch, and the corpus
  events recomputed when the ingest ends;
- :class:`ParquetSink`: a folder of Parquet *parts*, one per batch, that ``thucydides load``
  merges into a store (what a cluster run writes).

Both are resumable: :meth:`already_coded` names the documents of a batch stored earlier with
the same text (content hash) and coder version, which the runner then skips.

A Parquet dataset is a folder of ``part-NNNNNNNN/`` folders, each holding ``documents``,
``events``, ``event_actors`` and ``mentions`` ``.parquet`` files whose columns are those of the
store's tables (``store/SCHEMA.md``). A part is written under a temporary name and renamed
when complete, so a killed run leaves no half-written part.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import duckdb

from thucydides.corpus.merge import WINDOW_DAYS, MergeStats, ensure_tables, merge_corpus_events
from thucydides.corpus.stage import Coded
from thucydides.errors import StoreError
from thucydides.records import Document
from thucydides.store import EventStore

#: DuckDB's memory limit for the writer (its default is 80% of RAM). 512 MB keeps the writing
#: process, which may also hold the spaCy model (~300 MB), well under the 2 GB RSS budget of
#: the corpus-ingest issue; DuckDB spills to disk beyond it.
MEMORY_LIMIT = "512MB"

#: The store's coded tables, children first (deleted in this order, inserted in reverse).
CODED_TABLES: tuple[str, ...] = ("mentions", "event_actors", "events", "documents")

PART_PREFIX = "part-"
_PART_RE = re.compile(r"^part-(\d{8})$")
_TMP_PREFIX = ".tmp-"


def content_hash(text: str) -> str:
    """SHA-256 of a text (UTF-8), hex: the store's ``documents.content_hash``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Sink(Protocol):
    """What the runner writes coded batches to."""

    def already_coded(self, documents: Sequence[Document], coder_version: str) -> set[str]:
        """Ids of the documents stored earlier with the same text and coder version."""
        ...

    def write(self, coded: Coded, coder_version: str) -> None:
        """Store one coded batch (atomically)."""
        ...

    def finish(self, window_days: int = WINDOW_DAYS) -> MergeStats | None:
        """Complete the output (merge corpus events); None when merging happens later."""
        ...

    def close(self) -> None: ...


def open_connection(path: str) -> tuple[str, duckdb.DuckDBPyConnection]:
    """A DuckDB connection to ``path``, sharing the database an EventStore opens in-process.

    ``:memory:`` becomes a uniquely named in-memory database, so that the store and this
    connection see the same tables.
    """
    if path == ":memory:":
        path = f":memory:thucydides-{uuid.uuid4().hex}"
    try:
        con = duckdb.connect(path)
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    except (duckdb.Error, OSError) as err:
        raise StoreError(f"cannot open events store {path!r}: {err}") from err
    return path, con


def _known_ids(
    con: duckdb.DuckDBPyConnection, table: str, documents: Sequence[Document], version: str
) -> set[str]:
    if not documents:
        return set()
    rows = con.execute(
        f"SELECT b.id FROM (SELECT UNNEST($1::VARCHAR[]) AS id, UNNEST($2::VARCHAR[]) AS h) b "
        f"JOIN {table} d ON d.doc_id = b.id AND d.content_hash = b.h AND d.coder_version = $3",
        [[d.id for d in documents], [content_hash(d.text) for d in documents], version],
    ).fetchall()
    return {row[0] for row in rows}


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


class StoreSink:
    """An events store (DuckDB file or ``:memory:``) as a sink.

    Args:
        path: The database (created when missing).
    """

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path, self.con = open_connection(str(path))
        try:
            self.store = EventStore(self.path)
        except StoreError:
            self.con.close()
            raise
        ensure_tables(self.con)
        # A store that starts empty needs no resume check: ids are unique within a run.
        self._resuming = _count(self.con, "documents") > 0

    def already_coded(self, documents: Sequence[Document], coder_version: str) -> set[str]:
        if not self._resuming:
            return set()
        return _known_ids(self.con, "documents", documents, coder_version)

    def write(self, coded: Coded, coder_version: str) -> None:
        self.store.write(coded, coder_version=coder_version)

    def finish(self, window_days: int = WINDOW_DAYS) -> MergeStats:
        return merge_corpus_events(self.con, window_days=window_days)

    def close(self) -> None:
        self.store.close()
        self.con.close()


def committed_parts(folder: Path) -> list[Path]:
    """The complete parts of a Parquet dataset, in the order they were written."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and _PART_RE.match(p.name))


class ParquetSink:
    """A folder of Parquet parts (one per batch) as a sink.

    Batches go through an in-memory events store, so the Parquet columns and values are
    exactly those a DuckDB store would hold.

    Args:
        folder: The dataset folder (created when missing; new parts add to it).
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create Parquet folder {str(folder)!r}: {err}") from err
        for stale in self.folder.glob(_TMP_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)  # parts a killed run left unfinished
        parts = committed_parts(self.folder)
        self._next = int(parts[-1].name.removeprefix(PART_PREFIX)) + 1 if parts else 1
        name, self.con = open_connection(":memory:")
        self.store = EventStore(name)
        self._resuming = bool(parts)
        if parts:
            files = [str(p / "documents.parquet") for p in parts]
            self.con.execute(
                "CREATE TEMP TABLE known AS SELECT doc_id, content_hash, coder_version "
                "FROM read_parquet($1, filename = true) "
                "QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY filename DESC) = 1",
                [files],
            )

    def already_coded(self, documents: Sequence[Document], coder_version: str) -> set[str]:
        if not self._resuming:
            return set()
        return _known_ids(self.con, "known", documents, coder_version)

    def write(self, coded: Coded, coder_version: str) -> None:
        self.store.write(coded, coder_version=coder_version)
        name = f"{PART_PREFIX}{self._next:08d}"
        tmp = self.folder / f"{_TMP_PREFIX}{name}"
        try:
            tmp.mkdir()
            for table in CODED_TABLES:
                target = str(tmp / f"{table}.parquet").replace("'", "''")
                self.con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")
            tmp.rename(self.folder / name)
        except (OSError, duckdb.Error) as err:
            raise StoreError(f"cannot write Parquet part {str(tmp)!r}: {err}") from err
        finally:
            for table in CODED_TABLES:
                self.con.execute(f"DELETE FROM {table}")
        self._next += 1

    def finish(self, window_days: int = WINDOW_DAYS) -> None:
        return None

    def close(self) -> None:
        self.store.close()
        self.con.close()
