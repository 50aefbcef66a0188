"""`thucydides actors ...`: look up, resolve, evaluate and import actor dictionaries.

thucydides actors lookup "Nikol Pashinyan" --date 2024-05-09
thucydides actors resolve cases.jsonl --actors my_actors.yaml
thucydides actors eval ../shared/gold/train/actors/ngec_actor_cases.jsonl --misses
thucydides actors import-petrarch PETR.Validate.actors.txt -o my_actors.yaml
thucydides actors validate my_actors.yaml
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from thucydides.cli._app import app
from thucydides.cli._app import err as _err
from thucydides.errors import InputError, ThucydidesError

if TYPE_CHECKING:
    from thucydides.actors.service import TextResolution, TextResolver

actors_app = typer.Typer(
    no_args_is_help=True,
    help="The actor knowledge base: look names up, resolve phrases, import dictionaries.",
)
app.add_typer(actors_app, name="actors")

ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor dictionary (YAML, terms CSV or PETRARCH .txt)."),
]
ModelOpt = Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")]


def _date(value: str | None, where: str) -> dt.date | None:
    if value is None or not value.strip():
        return None
    from thucydides.ingest import parse_date

    return parse_date(value, where)


def _resolver(actors: list[Path] | None, spacy_model: str | None) -> TextResolver:
    from thucydides.actors import KnowledgeBase, default_kb
    from thucydides.actors.service import TextResolver
    from thucydides.nlp import load_pipeline

    kb = KnowledgeBase.load(actors) if actors else default_kb()
    return TextResolver(load_pipeline(spacy_model), kb)


def _record(res: TextResolution) -> dict[str, Any]:
    actor = res.actor
    return {
        "text": res.text,
        "code": actor.code if actor else None,
        "sector": actor.sector if actor else None,
        "name": actor.name if actor else None,
        "entry": actor.entry if actor else None,
        "kind": res.kind,
        "reason": res.reason,
        "more": [a.to_record() for a in res.actors[1:]],
    }


@actors_app.command("lookup")
def lookup_cmd(
    text: Annotated[str, typer.Argument(help="A name or noun phrase.")],
    date: Annotated[str | None, typer.Option(help="Resolve as of this date (YYYY-MM-DD).")] = None,
    context: Annotated[
        str | None, typer.Option(help="Sentence or country hint for a phrase naming none.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    actors: ActorsOpt = None,
    spacy_model: ModelOpt = None,
) -> None:
    """Print what a name resolves to: code, sector, canonical name, entry and why.

    Example: thucydides actors lookup "Nikol Pashinyan" --date 2024-05-09
    """
    try:
        when = _date(date, "--date")
        res = _resolver(actors, spacy_model).resolve(text, when, context)
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(2) from err
    rec = _record(res)
    if as_json:
        typer.echo(json.dumps(rec, ensure_ascii=False))
    else:
        for key in ("text", "code", "sector", "name", "entry", "kind", "reason"):
            typer.echo(f"{key:7} {rec[key] if rec[key] is not None else '-'}")
        for extra in rec["more"]:
            typer.echo(f"{'and':7} {extra['code']} {extra['sector'] or '-'} {extra['name'] or ''}")
    if res.actor is None:
        raise typer.Exit(1)


def _cases(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    if not path.is_file():
        raise InputError(str(path), "no such file")
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"invalid JSON: {exc.msg}") from None
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise InputError(where, 'expected an object with a "text" string')
            yield where, rec


@actors_app.command("resolve")
def resolve_cmd(
    cases: Annotated[Path, typer.Argument(help='JSONL of {"text", "date"?, "context"?}.')],
    date: Annotated[
        str | None, typer.Option(help="Date for lines without one (YYYY-MM-DD).")
    ] = None,
    actors: ActorsOpt = None,
    spacy_model: ModelOpt = None,
) -> None:
    """Resolve each line of a JSONL file; print one JSON line each (code, sector, name, ...).

    Example: thucydides actors resolve cases.jsonl > resolved.jsonl
    """
    try:
        default = _date(date, "--date")
        resolver = _resolver(actors, spacy_model)
        for where, rec in _cases(cases):
            when = _date(rec.get("date"), where) if rec.get("date") else default
            context = rec.get("context") if isinstance(rec.get("context"), str) else None
            res = resolver.resolve(rec["text"], when, context)
            sys.stdout.write(json.dumps(_record(res), ensure_ascii=False) + "\n")
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(2) from err


@actors_app.command("eval")
def eval_cmd(
    cases: Annotated[Path, typer.Argument(help="Actor cases (ngec_actor_cases.jsonl format).")],
    misses: Annotated[bool, typer.Option("--misses", help="List the cases it gets wrong.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    actors: ActorsOpt = None,
    spacy_model: ModelOpt = None,
) -> None:
    """Score actor resolution on a cases file: country-code and sector accuracy.

    Example: thucydides actors eval ../shared/gold/train/actors/ngec_actor_cases.jsonl
    """
    from thucydides.evaluation.actor_cases import load_actor_cases, score_actor_cases

    if fmt not in ("table", "json"):
        _err(f"--format: unknown format {fmt!r}; choose table or json")
        raise typer.Exit(2)
    try:
        resolver = _resolver(actors, spacy_model)

        def resolve(
            text: str, when: dt.date | None, context: str | None
        ) -> tuple[str | None, str | None]:
            actor = resolver.resolve(text, when, context).actor
            return (actor.code, actor.sector) if actor else (None, None)

        report = score_actor_cases(load_actor_cases(cases), resolve)
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(2) from err
    rows = [
        ("country code", report.code_accuracy, report.code_total),
        ("sector", report.sector_accuracy, report.sector_total),
        ("no actor", report.none_accuracy, report.none_total),
    ]
    if fmt == "json":
        summary = {"n": report.n, **{f"{k.replace(' ', '_')}_accuracy": v for k, v, _ in rows}}
        summary |= {f"{k.replace(' ', '_')}_total": n for k, _, n in rows}
        typer.echo(json.dumps(summary))
    else:
        typer.echo(f"{report.n} cases from {cases}\n")
        typer.echo(f"{'':14}{'accuracy':>9}{'n':>6}")
        for label, value, n in rows:
            shown = f"{value:.3f}" if value is not None else "-"
            typer.echo(f"{label:14}{shown:>9}{n:>6}")
    if misses:
        for r in report.results:
            if r.code_ok is False or r.sector_ok is False:
                typer.echo(f"miss {r.case_id}: {r.text!r} -> code {r.code}, sector {r.sector}")


@actors_app.command("import-petrarch")
def import_petrarch_cmd(
    files: Annotated[list[Path], typer.Argument(help="PETRARCH/TABARI actors or agents files.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the YAML here (default stdout).")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(help="actors, agents or discards (default: from the file name)."),
    ] = None,
) -> None:
    """Convert PETRARCH/TABARI dictionaries into a user dictionary for --actors.

    Example: thucydides actors import-petrarch PETR.Validate.actors.txt -o toy.yaml
    """
    from thucydides.actors import KnowledgeBase
    from thucydides.actors.petrarch import convert_dictionary, to_yaml

    if kind is not None and kind not in ("actors", "agents", "discards"):
        _err(f"--kind: unknown kind {kind!r}; choose actors, agents or discards")
        raise typer.Exit(2)
    merged: dict[str, Any] = {}
    try:
        for path in files:
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                raise InputError(str(path), f"cannot be read ({exc.strerror})") from None
            for key, value in convert_dictionary(text, path.name, kind=kind).items():
                if isinstance(value, dict):
                    merged.setdefault(key, {}).update(value)
                else:
                    merged.setdefault(key, []).extend(value)
        names = ", ".join(p.name for p in files)
        header = (
            f"# Converted by `thucydides actors import-petrarch` from {names}.\n"
            "# The source dictionaries' licence and attribution apply to this file; keep them\n"
            "# beside it. Use it with: thucydides code ... --actors THIS_FILE\n"
        )
        out = to_yaml(merged, header)
        if output is not None:
            output.write_text(out, encoding="utf-8")
            KnowledgeBase.load([output])  # fail now, naming the entry, rather than at coding time
        else:
            sys.stdout.write(out)
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(2) from err
    if output is not None:
        counts = ", ".join(f"{len(v)} {k}" for k, v in merged.items())
        typer.echo(f"wrote {output} ({counts})", err=True)


@actors_app.command("validate")
def validate_cmd(
    files: Annotated[list[Path], typer.Argument(help="User actor dictionaries to check.")],
) -> None:
    """Check user dictionaries against the package data (codes, dates, overlaps, clashes).

    Example: thucydides actors validate my_actors.yaml
    """
    from thucydides.actors import KnowledgeBase

    try:
        kb = KnowledgeBase.load(files)
    except ThucydidesError as err:
        _err(str(err))
        raise typer.Exit(1) from err
    typer.echo(f"ok: {len(kb.entries)} entries, {len(kb.index)} names")
