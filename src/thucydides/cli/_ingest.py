"""`thucydides ingest` and `thucydides load`: whole corpora into an events store.

thucydides ingest corpus/ --db events.duckdb
thucydides ingest CC-NEWS.warc.gz feeds.opml urls.txt --lang en --db events.duckdb
thucydides ingest articles.jsonl.gz --workers 2 --db events.duckdb
thucydides ingest corpus/ --engine dask --scheduler tcp://scheduler:8786 --out events.parquet/
thucydides load events.parquet/ --db events.duckdb
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from thucydides.cli._app import ActorsOpt, LexiconOpt, SpacyModelOpt, app
from thucydides.cli._app import err as _err
from thucydides.errors import ConfigError, ThucydidesError

#: ISO 639-1/-2 codes as py3langid reports them: two or three lowercase letters.
_LANG_RE = re.compile(r"^[a-z]{2,3}$")


@app.command("ingest")
def ingest_cmd(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (read recursively), WARC(.gz), RSS/Atom feeds, OPML, URL "
            "lists, http(s) URLs, .jsonl(.gz) or - for stdin."
        ),
    ],
    db: Annotated[
        Path | None, typer.Option(help="Store documents and events in this DuckDB file.")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Write Parquet parts to this folder instead (merge with `load`)."),
    ] = None,
    workers: Annotated[int, typer.Option(help="Processes that code in parallel.")] = 1,
    engine: Annotated[str, typer.Option(help="Where coding runs: local or dask.")] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (default: a local cluster of --workers)."),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(help="Documents per batch (one store transaction each).")
    ] = 64,
    date: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for documents without one.")
    ] = None,
    merge_window: Annotated[
        int, typer.Option(help="Days within which reports of one event are merged.")
    ] = 3,
    lang: Annotated[
        list[str] | None,
        typer.Option(
            help="Languages to code (ISO 639-1, repeatable or comma-separated; default en); "
            "'any' codes every document."
        ),
    ] = None,
    dedup: Annotated[
        bool,
        typer.Option(
            help="Skip exact and near copies of an article (listed in article_duplicates)."
        ),
    ] = True,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress, warnings or summary.")
    ] = False,
    spacy_model: SpacyModelOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
) -> None:
    """Code a whole corpus into an events store, resumably, in parallel.

    Documents already stored with the same text and coder version are skipped, so an
    interrupted run continues where it stopped. Documents in other languages are skipped;
    copies of an article (syndicated or repeated) are not coded but listed in the table
    article_duplicates with the article they copy. Reports of the same event in several articles
    are merged into corpus events (table corpus_events).

    Example: thucydides ingest articles.jsonl.gz --workers 2 --db events.duckdb
    """
    from thucydides.config import PipelineConfig
    from thucydides.corpus import (
        ParquetSink,
        PipelineStage,
        Progress,
        Sink,
        StoreSink,
        ingest,
        make_engine,
    )

    if (db is None) == (out is None):
        _err("give exactly one of --db (a DuckDB store) or --out (a Parquet folder)")
        raise typer.Exit(2)
    if batch_size < 1:
        _err(f"--batch-size must be at least 1, got {batch_size}")
        raise typer.Exit(2)
    try:
        default_date = _parse_cli_date(date)
        langs = parse_langs(lang)
        stage = PipelineStage(
            PipelineConfig(
                spacy_model=spacy_model,
                actor_files=tuple(actors or ()),
                lexicon_files=tuple(lexicon or ()),
            )
        )
        run_engine = make_engine(engine, stage, workers=workers, scheduler=scheduler)
        sink: Sink = StoreSink(db) if db is not None else ParquetSink(out or Path())
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(2) from err
    try:
        summary = ingest(
            inputs,
            engine=run_engine,
            sink=sink,
            batch_size=batch_size,
            default_date=default_date,
            stdin=sys.stdin,
            progress=Progress(quiet=quiet),
            window_days=merge_window,
            langs=langs,
            dedup=dedup,
        )
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(1) from err
    finally:
        sink.close()
    if not quiet:
        typer.echo(summary.render(), err=True)
    if summary.read == 0 and summary.failed:
        raise typer.Exit(1)


@app.command("load")
def load_cmd(
    dataset: Annotated[Path, typer.Argument(help="A Parquet folder written by ingest --out.")],
    db: Annotated[Path, typer.Option(help="The DuckDB store to merge it into.")],
    merge_window: Annotated[
        int, typer.Option(help="Days within which reports of one event are merged.")
    ] = 3,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Merge Parquet parts (from `ingest --out`) into a store; loaded parts are skipped.

    Example: thucydides load events.parquet/ --db events.duckdb
    """
    from thucydides.corpus import load_parquet

    try:
        stats = load_parquet(dataset, db, window_days=merge_window)
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(1) from err
    if not quiet:
        typer.echo(
            f"load: {stats.parts:,} parts ({stats.documents:,} documents) loaded, "
            f"{stats.skipped_parts:,} already loaded; store holds {stats.merge.events:,} events "
            f"= {stats.merge.corpus_events:,} corpus events",
            err=True,
        )


def _parse_cli_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from thucydides.ingest import parse_date

    return parse_date(value, "--date")


def parse_langs(values: list[str] | None) -> tuple[str, ...] | None:
    """``--lang`` values (repeated, comma-separated) as codes; None for ``any``.

    Raises:
        ConfigError: a value is not a language code, or ``any`` is mixed with codes.
    """
    if not values:
        from thucydides.corpus import DEFAULT_LANGS

        return DEFAULT_LANGS
    codes = [c.strip().lower() for v in values for c in v.split(",") if c.strip()]
    if codes == ["any"]:
        return None
    bad = [c for c in codes if c == "any" or not _LANG_RE.match(c)]
    if bad or not codes:
        raise ConfigError(
            f"--lang: {', '.join(map(repr, bad)) or 'nothing given'}: give ISO 639-1 codes "
            "(en, fr, ...) or 'any'"
        )
    return tuple(dict.fromkeys(codes))
