"""`thucydides ingest` and `thucydides load`: inputs and option errors (no model is loaded)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re

import duckdb
from typer.testing import CliRunner

import thucydides.cli._ingest  # registers ingest and load
import thucydides.corpus
from thucydides.cli._app import app
from thucydides.cli._ingest import parse_langs

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


class _NoEvents:
    """A stand-in stage (no spaCy): every document is coded with no events."""

    def __init__(self, config: object = None) -> None:
        self.config = config

    def __call__(self, documents):
        return [[] for _ in documents]

    def version(self) -> str:
        return "no-events.v1"


PAGE = (
    "<html><head><title>Armenia freezes CSTO</title></head><body>"
    "<p>Armenia froze its membership in the CSTO on Friday, the prime minister said.</p>"
    "</body></html>"
)


def _warc_gz(path, url: str, page: str) -> None:
    body = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}".encode()
    head = (
        f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-05-09T10:00:00Z\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    path.write_bytes(gzip.compress(head.encode() + body + b"\r\n\r\n"))


def test_ingest_reads_a_folder_with_a_warc_file_and_jsonl(tmp_path, monkeypatch):
    monkeypatch.setattr(thucydides.corpus, "PipelineStage", _NoEvents)
    folder = tmp_path / "news"
    folder.mkdir()
    _warc_gz(folder / "crawl.warc.gz", "https://www.example.org/a", PAGE)
    (folder / "wire.jsonl").write_text(
        json.dumps({"id": "w1", "text": "France imposed sanctions on Iran on May 8."})
        + "\n"
        + json.dumps({"id": "w2", "text": "La France a imposé des sanctions à l'Iran le 8 mai."})
        + "\n",
        encoding="utf-8",
    )
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    db = tmp_path / "e.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    con = duckdb.connect(str(db), read_only=True)
    docs = con.execute("SELECT doc_id, source, date FROM documents ORDER BY doc_id").fetchall()
    con.close()
    assert docs == [
        ("https://www.example.org/a", "example.org", dt.date(2024, 5, 9)),
        ("w1", None, None),
    ]
    summary = re.sub(r"[0-9.,]+ s\b", "T s", result.stderr)
    summary = re.sub(r"\([0-9.,]+ documents/s, [0-9.,]+ events/s\)", "(rates)", summary)
    assert summary.splitlines()[1:] == [  # after the progress line
        "ingest: 3 documents read in T s (local, 1 worker): 2 coded, 0 already stored, "
        "2 skipped, 0 duplicates, 0 could not be read",
        "ingest: skipped: 1 language, 1 unsupported-file",
        "ingest: 0 events (rates)",
        "ingest: store holds 0 events = 0 corpus events (0 further reports of an event merged)",
    ]


def test_lang_is_repeatable_or_comma_separated_and_any_disables_the_check():
    assert parse_langs(["en,fr", "DE", "en"]) == ("en", "fr", "de")
    assert parse_langs(None) == ("en",)
    assert parse_langs(["any"]) is None


def test_bad_lang_is_refused(tmp_path):
    db = str(tmp_path / "e.duckdb")
    result = runner.invoke(app, ["ingest", "a.jsonl", "--db", db, "--lang", "en,any"])
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --lang: 'any': give ISO 639-1 codes (en, fr, ...) or 'any'\n",
    )
