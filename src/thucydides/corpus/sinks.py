"""Sinks: where coded batches go. Only the ingest runner's process writes (a single writer).

- :class:`StoreSink`: an events store (DuckDB), one transaction per batch, and the corpus
  events recomputed when the ingest ends;
- :class:`ParquetSink`: a folder of Parquet *parts*, one per batch, that ``thucydides load``
  merges into a store (what a cluster run writes).

Both are resumable: :meth:`already_coded` names the documents of a batch stored earlier with
the same text (content hash) and coder version, which the runner then skips, and
:meth:`stored_articles` gives the stored texts to rebuild the near-duplicate index from. Both
record the articles skipped as copies of another (``article_duplicates``,
:mod:`thucydides.corpus.duplicates`).

A Parquet dataset is a folder of ``part-NNNNNNNN/`` folders, each holding ``documents``,
``events``, ``event_actors`` and ``mentions`` ``.parquet`` files whose columns are those of the
store's tables (``store/SCHEMA.md``), and ``article_duplicates.parquet`` when the batch had
copies. A part is written under a temporary name and renamed
when complete, so a killed run leaves no half-written part.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

import duckdb

from thucydides.corpus import duplicates
from thucydides.corpus.duplicates import DuplicateRow
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

#: Rows fetched per round trip when reading stored texts back (a few MB of news text).
_FETCH_ROWS = 1000

# A DuckDB memory size: a number and a unit (what SET memory_limit accepts; nothing to quote).
_LIMIT_RE = re.compile(r"^\d+(?:\.\d+)?\s*(?:[KMGT]i?B|B)$", re.IGNORECASE)

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

    def write(self, coded: Coded, coder_version: str, copies: Sequence[DuplicateRow] = ()) -> None:
        """Store one coded batch (atomically), and the copies read with it (may be empty)."""
        ...

    def stored_articles(self) -> Iterator[tuple[str, str]]:
        """``(doc_id, text)`` of every stored document, in the order they were stored."""
        ...

    def finish(self, window_days: int = WINDOW_DAYS) -> MergeStats | None:
        """Complete the output (merge corpus events); None when merging happens later."""
        ...

    def close(self) -> None: ...


def open_connection(
    path: str, memory_limit: str = MEMORY_LIMIT
) -> tuple[str, duckdb.DuckDBPyConnection]:
    """A DuckDB connection to ``path``, sharing the database an EventStore opens in-process.

    ``:memory:`` becomes a uniquely named in-memory database, so that the store and this
    connection see the same tables. ``memory_limit`` caps DuckDB's memory (``"256MB"``).
    """
    if path == ":memory:":
        path = f":memory:thucydides-{uuid.uuid4().hex}"
    if not _LIMIT_RE.match(memory_limit):
        raise StoreError(f"invalid DuckDB memory limit {memory_limit!r}: expected e.g. '512MB'")
    try:
        con = duckdb.connect(path)
        con.execute(f"SET memory_limit = '{memory_limit}'")
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


def _stream(cursor: duckdb.DuckDBPyConnection) -> Iterator[tuple[str, str]]:
    try:
        while rows := cursor.fetchmany(_FETCH_ROWS):
            for doc_id, text in rows:
                yield str(doc_id), str(text)
    finally:
        cursor.close()


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


class StoreSink:
    """An events store (DuckDB file or ``:memory:``) as a sink.

    Args:
        path: The database (created when missing).
        memory_limit: DuckDB's memory limit in this process (e.g. ``"256MB"``); DuckDB
            spills to disk beyond it.
    """

    def __init__(self, path: str | Path = ":memory:", memory_limit: str = MEMORY_LIMIT) -> None:
        self.path, self.con = open_connection(str(path), memory_limit)
        try:
            self.store = EventStore(self.path)
        except StoreError:
            self.con.close()
            raise
        ensure_tables(self.con)
        duplicates.ensure_table(self.con)
        # A store that starts empty needs no resume check: ids are unique within a run.
        self._resuming = _count(self.con, "documents") > 0

    def already_coded(self, documents: Sequence[Document], coder_version: str) -> set[str]:
        if not self._resuming:
            return set()
        return _known_ids(self.con, "documents", documents, coder_version)

    def write(self, coded: Coded, coder_version: str, copies: Sequence[DuplicateRow] = ()) -> None:
        if coded:
            self.store.write(coded, coder_version=coder_version)
        duplicates.record(self.con, copies, [doc.id for doc, _ in coded])

    def stored_articles(self) -> Iterator[tuple[str, str]]:
        if not self._resuming:
            return iter(())
        cursor = self.con.cursor()
        # rowid follows insertion: the order the articles were committed in.
        cursor.execute("SELECT doc_id, text FROM documents ORDER BY rowid")
        return _stream(cursor)

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
        duplicates.ensure_table(self.con)
        self._parts = parts
        self._resuming = bool(parts)
        if parts:
            files = [str(p / "documents.parquet") for p in parts]
            self.con.execute(
                "CREATE TEMP TABLE known AS SELECT doc_id, content_hash, coder_version "
                "FROM read_parquet($1, filename = true) "
                "QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY filename DESC) = 1",
                [files],
            )
        self._known_copies = self._recorded_copies(parts)

    @staticmethod
    def _recorded_copies(parts: list[Path]) -> dict[str, str]:
        """doc_id -> content_hash of the copies recorded in earlier parts (latest wins)."""
        files = [p / "article_duplicates.parquet" for p in parts]
        found = [str(f) for f in files if f.is_file()]
        if not found:
            return {}
        con = duckdb.connect()
        try:
            rows = con.execute(
                "SELECT doc_id, content_hash FROM read_parquet($1, filename = true) "
                "QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY filename DESC) = 1",
                [found],
            ).fetchall()
        finally:
            con.close()
        return {str(doc_id): str(digest) for doc_id, digest in rows}

    def already_coded(self, documents: Sequence[Document], coder_version: str) -> set[str]:
        if not self._resuming:
            return set()
        return _known_ids(self.con, "known", documents, coder_version)

    def stored_articles(self) -> Iterator[tuple[str, str]]:
        if not self._parts:
            return iter(())
        cursor = self.con.cursor()
        cursor.execute(
            "SELECT doc_id, text FROM read_parquet($1, filename = true, file_row_number = true) "
            "QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY filename DESC) = 1 "
            "ORDER BY filename, file_row_number",
            [[str(p / "documents.parquet") for p in self._parts]],
        )
        return _stream(cursor)

    def write(self, coded: Coded, coder_version: str, copies: Sequence[DuplicateRow] = ()) -> None:
        # A copy recorded in an earlier part with the same text is not written again.
        new = [c for c in copies if self._known_copies.get(c.doc_id) != c.content_hash]
        if not coded and not new:
            return
        if coded:
            self.store.write(coded, coder_version=coder_version)
        duplicates.record(self.con, new, [])
        tables = [*CODED_TABLES, "article_duplicates"] if new else list(CODED_TABLES)
        name = f"{PART_PREFIX}{self._next:08d}"
        tmp = self.folder / f"{_TMP_PREFIX}{name}"
        try:
            tmp.mkdir()
            for table in tables:
                target = str(tmp / f"{table}.parquet").replace("'", "''")
                self.con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")
            tmp.rename(self.folder / name)
        except (OSError, duckdb.Error) as err:
            raise StoreError(f"cannot write Parquet part {str(tmp)!r}: {err}") from err
        finally:
            for table in tables:
                self.con.execute(f"DELETE FROM {table}")
        for copy in new:
            self._known_copies[copy.doc_id] = copy.content_hash
        for doc, _ in coded:
            self._known_copies.pop(doc.id, None)
        self._next += 1

    def finish(self, window_days: int = WINDOW_DAYS) -> None:
        return None

    def close(self) -> None:
        self.store.close()
        self.con.close()
