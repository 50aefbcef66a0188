"""The store sink's DuckDB memory limit: the default, a chosen one, and a refused one."""

from __future__ import annotations

import pytest

from thucydides.corpus import StoreSink
from thucydides.errors import StoreError


def _limit(sink: StoreSink) -> str:
    row = sink.con.execute("SELECT current_setting('memory_limit')").fetchone()
    assert row is not None
    return str(row[0])


def test_store_sink_caps_duckdb_at_512_mb_by_default() -> None:
    sink = StoreSink()
    try:
        assert _limit(sink) == "488.2 MiB"  # DuckDB reports 512 MB in MiB
    finally:
        sink.close()


def test_store_sink_takes_a_lower_memory_limit() -> None:
    sink = StoreSink(memory_limit="256MB")
    try:
        assert _limit(sink) == "244.1 MiB"
    finally:
        sink.close()


def test_store_sink_refuses_a_memory_limit_that_is_not_a_size() -> None:
    with pytest.raises(StoreError, match="invalid DuckDB memory limit '256MB; DROP'"):
        StoreSink(memory_limit="256MB; DROP")
