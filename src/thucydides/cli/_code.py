"""`thucydides code` and `thucydides eval`.

thucydides code article.html --date 2024-05-09
thucydides code docs.jsonl --format jsonl > events.jsonl
thucydides code a.txt b.html --db events.duckdb
cat a.txt | thucydides code - --date 2024-05-09 --format csv
thucydides eval ../shared/gold/seed/armenia_russia.gold.jsonl --errors
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated

import typer

from thucydides.cli._app import ActorsOpt, LexiconOpt, SpacyModelOpt, app
from thucydides.cli._app import err as _err
from thucydides.errors import InputError, ThucydidesError
from thucydides.output import FORMATS, csv_row, csv_writer, render_table, write_jsonl
from thucydides.records import Document, Event

#: Documents parsed and stored per batch (one store transaction each).
STORE_BATCH = 64


def _parse_cli_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from thucydides.ingest import parse_date

    return parse_date(value, "--date")


FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="Output format: table, jsonl or csv.")
]


@app.command("code")
def code_cmd(
    inputs: Annotated[
        list[str], typer.Argument(help="Files (.txt, .html, .jsonl) or - for stdin.")
    ],
    date: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for documents without one.")
    ] = None,
    fmt: FormatOpt = "table",
    db: Annotated[
        Path | None, typer.Option(help="Store documents and events in this DuckDB file.")
    ] = None,
    include_negated: Annotated[
        bool, typer.Option("--include-negated", help="Also print negated events.")
    ] = False,
    min_confidence: Annotated[
        float, typer.Option(help="Leave out events below this confidence (0-1).")
    ] = 0.0,
    spacy_model: SpacyModelOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
) -> None:
    """Code news documents into events and print them (and store them with --db).

    Example: thucydides code article.html --date 2024-05-09 --format jsonl
    """
    if fmt not in FORMATS:
        _err(f"--format: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    try:
        default_date = _parse_cli_date(date)
    except InputError as err:
        _err(str(err))
        raise typer.Exit(2) from err

    from thucydides.ingest import read_inputs
    from thucydides.pipeline import Pipeline, PipelineConfig

    try:
        pipeline = Pipeline(
            PipelineConfig(
                spacy_model=spacy_model,
                actor_files=tuple(actors or ()),
                lexicon_files=tuple(lexicon or ()),
            )
        )
        _ = pipeline.coder, pipeline.nlp
        store = None
        if db is not None:
            from thucydides.store import EventStore

            store = EventStore(db)
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(2) from err

    failures = 0
    coded = 0

    files = []
    for name in inputs:
        if name != "-" and Path(name).is_dir():
            # `code` reads documents; whole folders are corpora for `thucydides ingest`
            failures += 1
            _err(f"{name}: is a directory, expected a file (use `thucydides ingest` for folders)")
        else:
            files.append(name)

    def documents() -> Iterator[Document]:
        nonlocal failures
        for item in read_inputs(files, default_date=default_date, stdin=sys.stdin):
            if isinstance(item, InputError):
                failures += 1
                _err(str(item))
            else:
                yield item

    out = sys.stdout
    writer = csv_writer(out) if fmt == "csv" else None
    table_rows: list[Event] = []
    batch: list[tuple[Document, list[Event]]] = []
    try:
        for doc, events in pipeline.code_documents(documents()):
            coded += 1
            shown = [
                e
                for e in events
                if (include_negated or not e.negated) and e.confidence >= min_confidence
            ]
            if fmt == "jsonl":
                write_jsonl(shown, out)
            elif writer is not None:
                for e in shown:
                    writer.writerow(csv_row(e))
            else:
                table_rows.extend(shown)
            if store is not None:
                batch.append((doc, events))
                if len(batch) >= STORE_BATCH:
                    store.write(batch, coder_version=pipeline.version)
                    batch = []
        if store is not None and batch:
            store.write(batch, coder_version=pipeline.version)
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(1) from err
    finally:
        if store is not None:
            store.close()
    if fmt == "table":
        render_table(table_rows, out, title=f"{len(table_rows)} events from {coded} document(s)")
    if coded == 0 and failures:
        raise typer.Exit(1)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold documents (*.gold.jsonl, FORMAT.md).")],
    predictions: Annotated[
        Path | None,
        typer.Option(help="Score these already-coded events (JSONL) instead of coding."),
    ] = None,
    by_type: Annotated[bool, typer.Option("--by-type", help="Add per-type rows.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List misses and false positives.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    spacy_model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline.")] = None,
    actors: Annotated[
        list[Path] | None, typer.Option(help="Extra actor dictionary (YAML).")
    ] = None,
) -> None:
    """Score the coder (or a file of coded events) against a gold set.

    Example: thucydides eval ../shared/gold/seed/armenia_russia.gold.jsonl --errors
    """
    from thucydides.evaluation import gold_to_document, load_gold, render_table, score

    if fmt not in ("table", "json"):
        _err(f"--format: unknown format {fmt!r}; choose table or json")
        raise typer.Exit(2)
    try:
        gold_docs = load_gold(gold)
        if predictions is not None:
            preds: Sequence[Event | dict[str, object]] = _read_predictions(predictions)
        else:
            from thucydides.pipeline import Pipeline, PipelineConfig

            pipeline = Pipeline(
                PipelineConfig(spacy_model=spacy_model, actor_files=tuple(actors or ()))
            )
            docs = [gold_to_document(g) for g in gold_docs]
            preds = [e for _, events in pipeline.code_documents(docs) for e in events]
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(2) from err
    report = score(gold_docs, preds)
    if fmt == "json":
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(render_table(report, by_type=by_type, errors=errors, gold=gold_docs))


def _read_predictions(path: Path) -> list[dict[str, object]]:
    if not path.is_file():
        raise InputError(str(path), "no such file")
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{n}", f"invalid JSON: {err.msg}") from err
            if not isinstance(rec, dict) or "doc_id" not in rec or "event" not in rec:
                raise InputError(f"{path}:{n}", "not an event record (needs doc_id and event)")
            out.append(rec)
    return out


@app.command("accuracy")
def accuracy_cmd(
    write: Annotated[
        Path | None, typer.Option(help="Write the markdown table to this file.")
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option(help="Score only these sets (repeatable).")
    ] = None,
) -> None:
    """Score the coder on every gold set (seed, sample, PLOVER/PETRARCH GSR, actors, ConfliBERT).

    Example: thucydides accuracy --write docs/accuracy.md
    """
    from thucydides.evaluation.paths import shared_dir
    from thucydides.evaluation.suite import commit_id, render_markdown, run_suite
    from thucydides.pipeline import Pipeline

    shared = shared_dir()
    if shared is None:
        _err("the shared gold data is not beside this checkout (../shared); set THUCYDIDES_SHARED")
        raise typer.Exit(2)
    repo = Path(__file__).resolve().parents[3]
    pipeline = Pipeline()
    results = run_suite(
        pipeline,
        shared,
        repo,
        only=tuple(only or ()),
        progress=lambda name: typer.echo(f"scoring {name} ...", err=True),
    )
    text = render_markdown(results, commit=commit_id(repo), coder=pipeline.version)
    if write is not None:
        write.parent.mkdir(parents=True, exist_ok=True)
        write.write_text(text, encoding="utf-8")
    typer.echo(text)
