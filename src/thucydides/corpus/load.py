"""Loading a Parquet dataset (what ``thucydides ingest --out`` writes) into an events store.

    thucydides load events.parquet/ --db events.duckdb

Parts already loaded into the store are skipped (``corpus_loads`` records them), so a load can
be repeated or resumed. The new parts are loaded in one transaction: each of their documents
replaces the stored document of the same id, and when several new parts hold one document the
latest part wins, as if the batches had been written to the store one after the other. The
copies recorded in the parts go to ``article_duplicates`` (a copy already recorded with the same
text keeps its row; a document loaded as coded loses its row). The corpus events are then
recomputed (:mod:`thucydides.corpus.merge`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from thucydides.corpus.duplicates import COLUMNS as COPY_COLUMNS
from thucydides.corpus.duplicates import UPSERT_SQL
from thucydides.corpus.merge import WINDOW_DAYS, MergeStats
from thucydides.corpus.sinks import CODED_TABLES, StoreSink, committed_parts
from thucydides.errors import InputError, StoreError

_LOADS_SQL = """CREATE TABLE IF NOT EXISTS corpus_loads (
    dataset VARCHAR NOT NULL,
    part VARCHAR NOT NULL,
    documents INTEGER NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (dataset, part)
)"""

# The part folder a Parquet file lies in (read_parquet's filename column).
_PART_OF = r"regexp_extract(filename, '(part-[0-9]+)[/\\][a-z_]+\.parquet$', 1)"


@dataclass(frozen=True)
class LoadStats:
    """What a load did.

    Attributes:
        parts: Parts loaded now.
        skipped_parts: Parts found already loaded.
        documents: Documents loaded now (each replaces any stored one of the same id).
        merge: The corpus events recomputed after loading.
    """

    parts: int
    skipped_parts: int
    documents: int
    merge: MergeStats


def load_parquet(
    folder: str | Path, db: str | Path, *, window_days: int = WINDOW_DAYS
) -> LoadStats:
    """Merge a Parquet dataset's new parts into the store at ``db``.

    Raises:
        InputError: ``folder`` is not a dataset folder (no ``part-*`` folders).
        StoreError: the store cannot be opened or written.
    """
    path = Path(folder)
    parts = committed_parts(path)
    if not parts:
        raise InputError(str(folder), "not a thucydides Parquet dataset (no part-* folders)")
    dataset = str(path.resolve())
    sink = StoreSink(db)
    try:
        con = sink.con
        con.execute(_LOADS_SQL)
        done = {
            row[0]
            for row in con.execute(
                "SELECT part FROM corpus_loads WHERE dataset = ?", [dataset]
            ).fetchall()
        }
        new = [p for p in parts if p.name not in done]
        documents = _load_parts(con, dataset, new) if new else 0
        merge = sink.finish(window_days)
    except duckdb.Error as err:
        raise StoreError(f"cannot load {str(folder)!r} into {str(db)!r}: {err}") from err
    finally:
        sink.close()
    return LoadStats(len(new), len(parts) - len(new), documents, merge)


def _files(parts: list[Path], table: str) -> list[str]:
    return [str(p / f"{table}.parquet") for p in parts]


def _load_parts(con: duckdb.DuckDBPyConnection, dataset: str, parts: list[Path]) -> int:
    con.begin()
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE load_winners AS "
            f"SELECT doc_id, max({_PART_OF}) AS part "
            "FROM read_parquet($1, filename = true) GROUP BY doc_id",
            [_files(parts, "documents")],
        )
        for table in CODED_TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM load_winners)")
        for table in reversed(CODED_TABLES):
            con.execute(
                f"INSERT INTO {table} BY NAME "
                f"SELECT * EXCLUDE (filename, part) FROM ("
                f"  SELECT *, {_PART_OF} AS part FROM read_parquet($1, filename = true)"
                f") x SEMI JOIN load_winners w ON x.doc_id = w.doc_id AND x.part = w.part",
                [_files(parts, table)],
            )
        _load_copies(con, parts)
        con.execute(
            "INSERT INTO corpus_loads "
            "SELECT $1, p.part, count(w.doc_id), now()::TIMESTAMP "
            "FROM (SELECT UNNEST($2::VARCHAR[]) AS part) p "
            "LEFT JOIN load_winners w USING (part) GROUP BY p.part",
            [dataset, [p.name for p in parts]],
        )
        row = con.execute("SELECT count(*) FROM load_winners").fetchone()
        con.execute("DROP TABLE load_winners")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return int(row[0]) if row else 0


def _load_copies(con: duckdb.DuckDBPyConnection, parts: list[Path]) -> None:
    """The new parts' ``article_duplicates`` rows (latest part wins), less loaded documents."""
    files = [f for f in _files(parts, "article_duplicates") if Path(f).is_file()]
    if files:
        select = (
            f"SELECT {', '.join(COPY_COLUMNS)} FROM read_parquet($1, filename = true) "
            "QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY filename DESC) = 1"
        )
        con.execute(UPSERT_SQL.format(select=select), [files])
    con.execute("DELETE FROM article_duplicates WHERE doc_id IN (SELECT doc_id FROM load_winners)")
