"""`thucydides ingest` and `thucydides load`: option errors (no model is loaded)."""

from __future__ import annotations

from typer.testing import CliRunner

import thucydides.cli._ingest  # noqa: F401  (registers ingest and load)
from thucydides.cli._app import app

runner = CliRunner()


def test_ingest_needs_exactly_one_output(tmp_path):
    result = runner.invoke(app, ["ingest", "a.jsonl"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: give exactly one of --db (a DuckDB store) or --out (a Parquet folder)\n"
    )


def test_scheduler_without_dask_engine_is_refused(tmp_path):
    db = str(tmp_path / "e.duckdb")
    result = runner.invoke(app, ["ingest", "a.jsonl", "--db", db, "--scheduler", "tcp://h:1"])
    assert (result.exit_code, result.stderr) == (2, "error: --scheduler needs --engine dask\n")


def test_load_refuses_a_folder_without_parts(tmp_path):
    result = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "e.duckdb")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {tmp_path}: not a thucydides Parquet dataset (no part-* folders)\n"
    )
