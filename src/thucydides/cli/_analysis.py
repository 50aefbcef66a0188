"""`thucydides relations`, `report`, `network`, `shifts` and `synth-history`.

thucydides relations ARM RUS --db events.duckdb
thucydides relations ARM RUS --by month --format csv
thucydides report ARM RUS --db events.duckdb -o arm-rus.html
thucydides network --db events.duckdb --since 2024-01 -o net.html
thucydides network --db events.duckdb --region EUR --region MEA -o net.graphml
thucydides shifts --db events.duckdb --since 2024-01
thucydides synth-history --db history.duckdb
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from thucydides.cli._app import app
from thucydides.cli._app import err as _err
from thucydides.errors import ThucydidesError

DbOpt = Annotated[Path, typer.Option("--db", help="The events store (DuckDB file).")]
ByOpt = Annotated[str, typer.Option("--by", help="Period: day, week, month or year.")]
WeightOpt = Annotated[
    str, typer.Option("--weight", help="Weight events by mentions, articles or events.")
]
SinceOpt = Annotated[
    str | None, typer.Option("--since", help="First period (YYYY, YYYY-MM or YYYY-MM-DD).")
]
UntilOpt = Annotated[
    str | None, typer.Option("--until", help="Last period, included (same forms).")
]
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="Output format: table, jsonl or csv.")
]
_FORMATS = ("table", "jsonl", "csv")
DEFAULT_DB = Path("events.duckdb")


def _check_format(fmt: str) -> None:
    if fmt not in _FORMATS:
        _err(f"--format: unknown format {fmt!r}; choose one of {', '.join(_FORMATS)}")
        raise typer.Exit(2)


@app.command("relations")
def relations_cmd(
    a: Annotated[str, typer.Argument(help="First actor code (e.g. ARM).")],
    b: Annotated[str, typer.Argument(help="Second actor code (e.g. RUS).")],
    db: DbOpt = DEFAULT_DB,
    by: ByOpt = "month",
    directed: Annotated[
        bool, typer.Option("--directed", help="Only events of A towards B.")
    ] = False,
    weight: WeightOpt = "mentions",
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Print a dyad's relations over time: a summary and sparkline, or the series as CSV/JSONL.

    Example: thucydides relations ARM RUS --db events.duckdb --by month --format csv
    """
    _check_format(fmt)
    from thucydides.analysis import detect_shifts, relations, sparkline, summarize

    try:
        series = relations(
            db, a, b, by=by, directed=directed, weight=weight, since=since, until=until
        )
    except ThucydidesError as exc:
        _err(str(exc))
        raise typer.Exit(1) from None
    if fmt == "csv":
        series.to_csv(sys.stdout)
        return
    if fmt == "jsonl":
        for row in series.rows():
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    typer.echo(summarize(series, detect_shifts(series)))
    if not len(series):
        return
    typer.echo(f"\n{series.periods[0]} {sparkline(series.goldstein_mean)} {series.periods[-1]}")
    typer.echo("(mean Goldstein per period, -10 ▁ … █ +10)\n")
    low, high = series.band()
    typer.echo(f"{'period':<11}{'events':>7}{'mean':>8}{'95% band':>17}{'coop':>6}{'confl':>6}")
    for i, period in enumerate(series.periods):
        mean = series.goldstein_mean[i]
        band = "" if low[i] is None else f"{low[i]:+.1f}..{high[i]:+.1f}"
        coop = series.quads[1][i] + series.quads[2][i]
        conflict = series.quads[3][i] + series.quads[4][i]
        typer.echo(
            f"{period.isoformat():<11}{series.events[i]:>7}"
            f"{'' if mean is None else f'{mean:+.2f}':>8}{band:>17}{coop:>6}{conflict:>6}"
        )


@app.command("report")
def report_cmd(
    a: Annotated[str, typer.Argument(help="First actor code (e.g. ARM).")],
    b: Annotated[str, typer.Argument(help="Second actor code (e.g. RUS).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")],
    db: DbOpt = DEFAULT_DB,
    by: ByOpt = "month",
    weight: WeightOpt = "mentions",
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Write a self-contained HTML report on a dyad (plots, shifts, evidence, alliances).

    Example: thucydides report ARM RUS --db events.duckdb -o arm-rus.html
    """
    from thucydides.analysis import build_report, render_report

    try:
        report = build_report(db, a, b, by=by, weight=weight, since=since, until=until)
        output.write_text(render_report(report), encoding="utf-8")
    except ThucydidesError as exc:
        _err(str(exc))
        raise typer.Exit(1) from None
    except OSError as exc:
        _err(f"{output}: cannot write the report: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    typer.echo(report.summary)
    typer.echo(f"wrote {output}")


@app.command("network")
def network_cmd(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write: .html, .graphml or .json.")
    ],
    db: DbOpt = DEFAULT_DB,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actors: Annotated[
        str | None,
        typer.Option(
            help="Only dyads among these codes, comma-separated (an IGO code stands "
            "for its members), e.g. ARM,AZE,RUS or CSTO."
        ),
    ] = None,
    types: Annotated[
        str | None, typer.Option("--type", help="Only these PLOVER types, comma-separated.")
    ] = None,
    quads: Annotated[
        str | None, typer.Option("--quad", help="Only these quad classes (0-4), comma-separated.")
    ] = None,
    regions: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            metavar="CODE",
            help="Only dyads within these CAMEO regions (repeatable or comma-separated), "
            "e.g. --region EUR --region MEA; an IGO counts when all its members do.",
        ),
    ] = None,
    min_events: Annotated[int, typer.Option(help="Leave out dyads with fewer events.")] = 1,
    memberships: Annotated[
        bool, typer.Option(help="Add IGO membership edges from the knowledge base.")
    ] = True,
) -> None:
    """Export the network of dyads (and IGO memberships) as HTML, GraphML or JSON.

    Example: thucydides network --db events.duckdb --since 2024-01 --region EUR -o net.html
    """
    from thucydides.analysis import network, render_network_html, to_graphml, to_json

    suffix = output.suffix.lower()
    writers = {".html": render_network_html, ".graphml": to_graphml, ".json": to_json}
    if suffix not in writers:
        _err(f"--output: {output} must end in .html, .graphml or .json")
        raise typer.Exit(2)
    try:
        quad_list = [int(q) for q in _split(quads) or []] if quads else None
    except ValueError:
        _err(f"--quad: {quads!r} is not a list of numbers 0-4")
        raise typer.Exit(2) from None
    try:
        net = network(
            db,
            since=since,
            until=until,
            actors=_split(actors),
            types=_split(types),
            quads=quad_list,
            regions=_split(",".join(regions)) if regions else None,
            min_events=min_events,
            memberships=memberships,
        )
        output.write_text(writers[suffix](net), encoding="utf-8")
    except ThucydidesError as exc:
        _err(str(exc))
        raise typer.Exit(1) from None
    except OSError as exc:
        _err(f"{output}: cannot write the network: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    typer.echo(f"wrote {output}: {len(net.nodes)} nodes, {len(net.edges)} edges")


def _split(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


@app.command("shifts")
def shifts_cmd(
    db: DbOpt = DEFAULT_DB,
    by: ByOpt = "month",
    weight: WeightOpt = "mentions",
    since: SinceOpt = None,
    until: UntilOpt = None,
    top: Annotated[int, typer.Option(help="Show at most this many shifts.")] = 20,
    evidence: Annotated[
        int, typer.Option(help="Events shown behind each shift (table format).")
    ] = 3,
    fmt: FormatOpt = "table",
) -> None:
    """List the dyads whose relations changed most, with the events behind each shift.

    Example: thucydides shifts --db events.duckdb --since 2024-01
    """
    _check_format(fmt)
    from thucydides.analysis import actor_name, movers, shifts

    try:
        found = shifts(db, by=by, weight=weight, since=since, until=until)[:top]
    except ThucydidesError as exc:
        _err(str(exc))
        raise typer.Exit(1) from None
    rows = [
        {
            "a": s.a,
            "b": s.b,
            "at": s.at.isoformat(),
            "before": round(s.before, 3),
            "after": round(s.after, 3),
            "delta": round(s.delta, 3),
            "p_value": s.p_value,
            "events_before": s.events_before,
            "events_after": s.events_after,
        }
        for s in found
    ]
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row) + "\n")
        return
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(
            sys.stdout, fieldnames=list(rows[0]) if rows else ["a", "b"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        return
    if not found:
        typer.echo("No significant shift.")
    for s in found:
        typer.echo(
            f"{actor_name(s.a)}–{actor_name(s.b)}: more {s.direction} from {s.at:%Y-%m} "
            f"(mean Goldstein {s.before:+.2f} -> {s.after:+.2f}, p = {s.p_value:.3f}, "
            f"{s.events_before}/{s.events_after} events)"
        )
        for m in movers(
            db,
            s.a,
            s.b,
            baseline=s.before,
            direction="cooperative" if s.delta > 0 else "conflictual",
            n=evidence,
            weight=weight,
            since=s.at,
            until=s.segment_end - dt.timedelta(days=1),
        ):
            typer.echo(
                f"    {m.day} {m.goldstein:+.1f} {m.sentence.strip()}"
                f"{'  <' + m.url + '>' if m.url else ''}"
            )


@app.command("synth-history")
def synth_history_cmd(
    db: DbOpt,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same history).")] = 0,
) -> None:
    """Write a synthetic multi-year event history into a store (for demos and benchmarks).

    Example: thucydides synth-history --db history.duckdb
    """
    from thucydides.store import EventStore
    from thucydides.synth.history import generate_history

    try:
        with EventStore(db) as store:
            count = generate_history(store, seed=seed)
    except ThucydidesError as exc:
        _err(str(exc))
        raise typer.Exit(1) from None
    typer.echo(f"wrote {count} synthetic events to {db}")
