"""Article duplicates in a corpus run: the ``article_duplicates`` table and the resumed index.

:func:`thucydides.ingest.read_corpus` skips exact and near copies of an article seen earlier
(:class:`~thucydides.ingest.ArticleDeduplicator`). The runner does not code them but records
each as a :class:`DuplicateRow` in ``article_duplicates`` (described in docs/corpus.md), so a
user sees the canonical article (stored in ``documents``) and its copies.

A resumed run must still recognise copies of articles stored by earlier runs. The index is
**rebuilt from the stored documents** when a run starts (:func:`rebuild_index`) rather than
saved beside the store: the stored documents are exactly the canonical articles committed, so
the rebuilt index can never disagree with the store (a saved index would also hold articles
read ahead but not committed when a run was killed, and would have to be rewritten after every
batch). Rebuilding costs 0.3-0.5 ms per stored article of ~130 words and about 1 ms per article
of ~900 words on the 2-core development machine (5,000 articles of ``thucydides.synth.corpus``;
reading their texts back from DuckDB took 0.02 s), i.e. minutes per million articles, small
beside coding them.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import duckdb

from thucydides.ingest import ArticleDeduplicator, DedupConfig, IngestItem

TABLE_SQL = """CREATE TABLE IF NOT EXISTS article_duplicates (
    doc_id VARCHAR PRIMARY KEY,
    duplicate_of VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL,
    content_hash VARCHAR NOT NULL,
    origin VARCHAR
)"""

COLUMNS: tuple[str, ...] = (
    "doc_id",
    "duplicate_of",
    "kind",
    "similarity",
    "content_hash",
    "origin",
)
_TYPES: tuple[str, ...] = ("VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "VARCHAR", "VARCHAR")


@dataclass(frozen=True)
class DuplicateRow:
    """A copy of a canonical article, not coded (one row of ``article_duplicates``).

    Attributes:
        doc_id: The copy's document id.
        duplicate_of: Id of the canonical article it copies (coded, in ``documents``).
        kind: ``exact`` (same text, whitespace aside) or ``near`` (syndicated copy).
        similarity: Estimated share of the smaller article found in the other (1.0 exact).
        content_hash: SHA-256 of the copy's text (UTF-8), hex, as ``documents.content_hash``.
        origin: The input it was read from, when known.
    """

    doc_id: str
    duplicate_of: str
    kind: str
    similarity: float
    content_hash: str
    origin: str | None = None

    @classmethod
    def from_item(cls, item: IngestItem) -> DuplicateRow:
        """The row of a duplicate ``read_corpus`` item (its document and duplicate fields)."""
        doc = item.document
        if doc is None or item.duplicate_of is None or item.duplicate_kind is None:
            raise ValueError("not a duplicate article")
        similarity = 1.0 if item.similarity is None else float(item.similarity)
        text_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        return cls(
            doc.id,
            item.duplicate_of,
            item.duplicate_kind,
            similarity,
            text_hash,
            doc.origin or item.source or None,
        )


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``article_duplicates`` when missing."""
    con.execute(TABLE_SQL)


def columns(rows: Sequence[DuplicateRow]) -> list[list[object]]:
    """The rows as one list per column (in :data:`COLUMNS` order)."""
    return [[getattr(row, name) for row in rows] for name in COLUMNS]


def unnest_select() -> str:
    """A SELECT of the rows given as one list parameter per column ($1..$6)."""
    pairs = zip(COLUMNS, _TYPES, strict=True)
    parts = [f"UNNEST(${n}::{t}[]) AS {c}" for n, (c, t) in enumerate(pairs, 1)]
    return "SELECT " + ", ".join(parts)


# A copy recorded earlier with the same text keeps its row (a re-run changes nothing); one
# whose text changed is recorded again.
UPSERT_SQL = (
    "INSERT INTO article_duplicates {select} ON CONFLICT (doc_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[1:])
    + " WHERE article_duplicates.content_hash <> excluded.content_hash"
)


def record(
    con: duckdb.DuckDBPyConnection, rows: Sequence[DuplicateRow], coded: Sequence[str]
) -> None:
    """Record ``rows`` and forget any earlier duplicate row of the ``coded`` documents.

    One transaction (a coded document is never listed as a copy).
    """
    if not rows and not coded:
        return
    con.begin()
    try:
        if coded:
            con.execute(
                "DELETE FROM article_duplicates WHERE doc_id IN (SELECT UNNEST(?::VARCHAR[]))",
                [list(coded)],
            )
        if rows:
            select = f"SELECT * FROM ({unnest_select()})"
            con.execute(UPSERT_SQL.format(select=select), columns(rows))
        con.commit()
    except BaseException:
        con.rollback()
        raise


@dataclass(frozen=True)
class RebuiltIndex:
    """The near-duplicate index rebuilt from the stored articles.

    Attributes:
        index: The index, holding every stored article (to pass to ``read_corpus``).
        stored_copies: Ids of stored articles that the index found to copy another stored
            one (a store written without deduplication): they are stored, not skipped.
        articles: Stored articles indexed.
        seconds: Time taken.
    """

    index: ArticleDeduplicator
    stored_copies: frozenset[str]
    articles: int
    seconds: float


def rebuild_index(
    stored: Iterable[tuple[str, str]], config: DedupConfig | None = None
) -> RebuiltIndex:
    """Index the stored ``(doc_id, text)`` articles, in the order they were stored."""
    started = time.monotonic()
    index = ArticleDeduplicator(config)
    copies: set[str] = set()
    count = 0
    for doc_id, text in stored:
        count += 1
        found = index.check(doc_id, text)
        if found.duplicate_of is not None:
            copies.add(doc_id)
    return RebuiltIndex(index, frozenset(copies), count, time.monotonic() - started)
