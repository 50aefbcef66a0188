"""The store's schema document agrees with the database it describes."""

from __future__ import annotations

import re
from pathlib import Path

import thucydides.store
from thucydides.store import SCHEMA_VERSION, EventStore

SCHEMA_MD = Path(thucydides.store.__file__).with_name("SCHEMA.md")


def documented_columns() -> dict[str, list[str]]:
    """Table -> columns, from each ``### table`` heading and the first cell of its table rows."""
    tables: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in SCHEMA_MD.read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"^### (\w+)\s*$", line):
            current = tables.setdefault(heading.group(1), [])
        elif line.startswith("| column |"):
            continue
        elif line.startswith("## "):
            current = None
        elif (row := re.match(r"^\| (\w+) \|", line)) and current is not None:
            current.append(row.group(1))
    return tables


def test_schema_doc_lists_every_column_of_every_table() -> None:
    with EventStore() as store:
        rows = store._con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall()
    actual: dict[str, list[str]] = {}
    for table, column in rows:
        actual.setdefault(table, []).append(column)
    assert documented_columns() == actual


def test_new_store_records_schema_version() -> None:
    with EventStore() as store:
        rows = store._con.execute("SELECT key, value FROM meta").fetchall()
    assert rows == [("schema_version", str(SCHEMA_VERSION))]
