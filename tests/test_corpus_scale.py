"""The real pipeline at scale: a run killed with SIGKILL and resumed, worker processes, Dask.

Each test starts real processes that load spaCy (1-2 s each), so all are marked slow.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from thucydides.synth.corpus import write_corpus

# Runs the CLI whether or not cli/__init__ already imports the ingest commands.
_CLI = (
    "import sys; import thucydides.cli._ingest; from thucydides.cli._app import app; "
    "app(args=sys.argv[1:])"
)

SHORT_DOCS = [
    ("a1", "Armenia's Prime Minister visited Moscow on May 9. Russia criticized Armenia.", "Wire"),
    ("a2", "Armenian Prime Minister Nikol Pashinyan visited Moscow on Thursday.", "Post"),
    ("a3", "France imposed sanctions on Iran on May 8.", "Wire"),
    ("a4", "Iran was hit by new French sanctions on May 8, officials said.", "Herald"),
    ("a5", "Azerbaijan accused Armenia of shelling its positions.", "Post"),
    ("a6", "The weather was mild in Yerevan.", "Herald"),
]


def _tables(db: Path) -> dict[str, list[tuple]]:
    import duckdb

    queries = {
        "documents": "SELECT doc_id, content_hash, coder_version FROM documents ORDER BY ALL",
        "events": "SELECT * FROM events ORDER BY ALL",
        "event_actors": "SELECT * FROM event_actors ORDER BY ALL",
        "mentions": "SELECT * FROM mentions ORDER BY ALL",
        "corpus_events": "SELECT * FROM corpus_events ORDER BY ALL",
        "corpus_event_members": "SELECT * FROM corpus_event_members ORDER BY ALL",
    }
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in queries.items()}
    finally:
        con.close()


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", _CLI, *args]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    write_corpus(path, 240, seed=7)
    return path


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("full") / "events.duckdb"
    subprocess.run(_cli("ingest", str(corpus), "--db", str(db), "--quiet"), check=True)
    return db


@pytest.mark.slow
def test_sigkilled_run_resumed_ends_with_the_uninterrupted_events(corpus, uninterrupted, tmp_path):
    db = tmp_path / "events.duckdb"
    args = _cli("ingest", str(corpus), "--db", str(db), "--batch-size", "8")
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    first = proc.stderr.readline()  # printed after the first batch is committed
    assert first.startswith("ingest: 8 documents"), first
    time.sleep(0.7)  # let a few more batches commit, and kill one mid-way
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = _tables(db)
    assert 8 <= len(partial["documents"]) < 240
    resumed = subprocess.run([*args, "--quiet"], check=True)
    assert resumed.returncode == 0
    assert _tables(db) == _tables(uninterrupted)


@pytest.mark.slow
def test_two_worker_processes_give_the_events_of_one(corpus, uninterrupted, tmp_path):
    db = tmp_path / "events.duckdb"
    subprocess.run(
        _cli("ingest", str(corpus), "--db", str(db), "--workers", "2", "--quiet"), check=True
    )
    assert _tables(db) == _tables(uninterrupted)


@pytest.mark.slow
def test_dask_local_cluster_gives_the_events_of_the_local_engine(tmp_path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    src = tmp_path / "docs.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": i, "text": t, "date": "2024-05-10", "source": s}) + "\n"
            for i, t, s in SHORT_DOCS
        )
    )
    local_db = tmp_path / "local.duckdb"
    subprocess.run(_cli("ingest", str(src), "--db", str(local_db), "--quiet"), check=True)

    parts = tmp_path / "events.parquet"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        subprocess.run(
            _cli(
                "ingest", str(src), "--engine", "dask", "--scheduler", cluster.scheduler_address,
                "--out", str(parts), "--batch-size", "2", "--quiet",
            ),
            check=True,
        )  # fmt: skip
    dask_db = tmp_path / "dask.duckdb"
    subprocess.run(_cli("load", str(parts), "--db", str(dask_db), "--quiet"), check=True)
    local, dask = _tables(local_db), _tables(dask_db)
    assert len(local["events"]) >= 4
    assert len(local["corpus_events"]) < len(local["events"])  # the May 8 sanctions merge
    assert dask == local
