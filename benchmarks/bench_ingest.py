"""Corpus ingest benchmark: raw spaCy against thucydides end to end, 1 and 2 workers.

    python benchmarks/bench_ingest.py                       # ~5 minutes on 2 cores
    python benchmarks/bench_ingest.py --articles 100000 --runs 2   # the peak-RSS check

Generates a synthetic news corpus (:mod:`thucydides.synth.corpus`), then, each in a fresh
process watched for memory:

- **spaCy**: the same model the coder uses, ``nlp.pipe`` over the same texts (the practical
  limit: thucydides cannot parse faster than this);
- **N workers**: ``thucydides ingest`` through the library (read JSONL, parse, code, store in
  DuckDB, merge across articles) with ``--workers N``.

Throughput leaves out the one-off start-up (loading the model) of every run. Peak RSS is
sampled every 0.1 s: the main process, and all processes of the run together; ``--rss-log
FILE`` writes every sample (CSV: run, attempt, seconds, main and total RSS in MB) to show
whether memory stays flat over a run. The markdown table is printed and written to the ingest
section of ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import multiprocessing
import platform
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- bench_ingest:start -->", "<!-- bench_ingest:end -->"


@dataclass(frozen=True)
class Result:
    """One measured run."""

    name: str
    documents: int
    sentences: int
    events: int
    seconds: float  # coding time, start-up excluded
    wall: float  # whole run
    rss_main: int  # bytes
    rss_total: int  # bytes

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds


def _raw_spacy(corpus: str, conn: Connection) -> None:
    import json

    from thucydides.nlp import BATCH_SIZE, load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline(None)
    with open(corpus, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    t0 = time.perf_counter()
    sentences = 0
    for sdoc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        sentences += sum(1 for _ in sdoc.sents)
    seconds = time.perf_counter() - t0
    conn.send(
        dict(
            documents=len(texts),
            sentences=sentences,
            events=0,
            seconds=seconds,
            wall=time.perf_counter() - started,
        )
    )


def _ingest(corpus: str, db: str, workers: int, conn: Connection) -> None:
    from thucydides.corpus import LocalEngine, PipelineStage, StoreSink, ingest

    sink = StoreSink(db)
    summary = ingest([corpus], engine=LocalEngine(PipelineStage(), workers), sink=sink)
    sink.close()
    conn.send(
        dict(
            documents=summary.coded,
            sentences=0,
            events=summary.events,
            seconds=summary.seconds - summary.startup_seconds,
            wall=summary.seconds,
        )
    )


#: Columns of the ``--rss-log`` CSV.
RSS_COLUMNS: tuple[str, ...] = ("run", "attempt", "seconds", "rss_main_mb", "rss_total_mb")


def _measure(
    name: str, target: Any, args: tuple[Any, ...], samples: list[tuple[float, int, int]]
) -> Result:
    """Run ``target`` in a fresh process; every (seconds, main, total RSS) goes to samples."""
    ctx = multiprocessing.get_context("spawn")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=target, args=(*args, send))
    proc.start()
    watched = psutil.Process(proc.pid)
    started = time.monotonic()
    rss_main = rss_total = 0
    while proc.is_alive():
        try:
            main = watched.memory_info().rss
            total = main + sum(
                c.memory_info().rss for c in watched.children(recursive=True) if c.is_running()
            )
        except psutil.Error:
            total = main = 0
        rss_main, rss_total = max(rss_main, main), max(rss_total, total)
        samples.append((time.monotonic() - started, main, total))
        if recv.poll(0.1):
            break
    out = recv.recv()
    proc.join()
    return Result(name=name, rss_main=rss_main, rss_total=rss_total, **out)


def _table(results: list[Result], sentences: int, articles: int) -> str:
    raw = next((r for r in results if r.name == "spaCy"), None)
    one = next((r for r in results if r.name == "1 worker"), None)
    lines = [
        "| run | documents/s | sentences/s | events/s | x spaCy | x 1 worker "
        "| peak RSS main | peak RSS all | wall s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        vs_raw = f"{r.docs_per_s / raw.docs_per_s:.2f}" if raw and r is not raw else "-"
        vs_one = f"{r.docs_per_s / one.docs_per_s:.2f}" if one and r.name != "spaCy" else "-"
        events = f"{r.events / r.seconds:,.0f}" if r.name != "spaCy" else "-"
        lines.append(
            f"| {r.name} | {r.docs_per_s:,.1f} | {sentences / r.seconds:,.0f} | {events} "
            f"| {vs_raw} | {vs_one} | {r.rss_main / 2**20:,.0f} MB "
            f"| {r.rss_total / 2**20:,.0f} MB | {r.wall:,.0f} |"
        )
    lines.append("")
    lines.append(
        f"{articles:,} synthetic articles ({sentences:,} sentences), measured "
        f"{dt.date.today().isoformat()} on {psutil.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; best of the repeated runs; start-up (model loading) "
        "excluded from rates, included in wall time."
    )
    return "\n".join(lines)


def _write_doc(table: str) -> None:
    block = f"{START}\n{table}\n{END}"
    if DOC.exists():
        text = DOC.read_text(encoding="utf-8")
        if START in text and END in text:
            text = re.sub(
                re.escape(START) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S
            )
        else:
            text = text.rstrip() + "\n\n## Corpus ingest\n\n" + block + "\n"
    else:
        text = "# Performance\n\n## Corpus ingest\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=2, help="best of this many runs each")
    parser.add_argument(
        "--runs", default="spacy,1,2", help="which runs: spacy and/or worker counts"
    )
    parser.add_argument("--no-write", action="store_true", help="do not update the doc")
    parser.add_argument("--rss-log", type=Path, help="write every RSS sample to this CSV file")
    args = parser.parse_args(argv)
    log: list[tuple[str, int, float, float, float]] = []

    from thucydides.synth.corpus import write_corpus

    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    with tempfile.TemporaryDirectory(prefix="bench_ingest") as tmp:
        corpus = str(Path(tmp) / "corpus.jsonl")
        write_corpus(corpus, args.articles, seed=args.seed)
        best: dict[str, Result] = {}
        for attempt in range(args.repeat):
            for run in runs:  # interleaved, so background load hits every run alike
                samples: list[tuple[float, int, int]] = []
                if run == "spacy":
                    res = _measure("spaCy", _raw_spacy, (corpus,), samples)
                else:
                    db = str(Path(tmp) / f"events-{run}-{attempt}.duckdb")
                    n = int(run)
                    name = f"{n} worker{'s' if n > 1 else ''}"
                    res = _measure(name, _ingest, (corpus, db, n), samples)
                    Path(db).unlink(missing_ok=True)
                log.extend(
                    (res.name, attempt, round(t, 2), round(m / 2**20, 1), round(a / 2**20, 1))
                    for t, m, a in samples
                )
                print(
                    f"{res.name}: {res.docs_per_s:,.1f} documents/s, "
                    f"peak RSS {res.rss_total / 2**20:,.0f} MB",
                    file=sys.stderr,
                    flush=True,
                )
                if res.name not in best or res.seconds < best[res.name].seconds:
                    best[res.name] = res
    sentences = best["spaCy"].sentences if "spaCy" in best else 0
    if not sentences:
        sentences = _count_sentences(args.articles, args.seed)
    table = _table(list(best.values()), sentences, args.articles)
    print(table)
    if args.rss_log:
        with args.rss_log.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(RSS_COLUMNS)
            writer.writerows(log)
    if not args.no_write:
        _write_doc(table)


def _count_sentences(articles: int, seed: int) -> int:
    """Sentences of the corpus as spaCy's sentencizer-free rule approximates them (no model)."""
    from thucydides.synth.corpus import generate

    return sum(
        len(re.findall(r"[.!?](?:\"|\s|$)", r["text"])) for r in generate(articles, seed=seed)
    )


if __name__ == "__main__":
    main()
