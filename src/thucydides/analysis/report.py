"""The relationship report: one self-contained HTML page about a dyad.

    report = build_report(store, "ARM", "RUS")
    Path("arm-rus.html").write_text(render_report(report), encoding="utf-8")

It holds a plain-language summary, the trend of net cooperation (mean Goldstein score) with
its 95% band and the detected shifts, the events by quad class and by PLOVER type, the events
that moved the score most with their evidence sentences and links, and the alliance context.
Plots are drawn by plotly, whose JavaScript is inlined once: the page opens offline.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from thucydides.analysis.changes import Shift, detect_shifts
from thucydides.analysis.context import SharedMembership, actor_name, shared_memberships
from thucydides.analysis.evidence import EvidenceEvent, movers
from thucydides.analysis.series import QUAD_CLASSES, QUAD_NAMES, DyadSeries, relations
from thucydides.analysis.summary import month_name, summarize

#: Events listed under "the events that moved the score most".
TOP_EVENTS = 10
#: Periods after a shift searched for the events behind it (a quarter of months): the turn
#: itself, not the later regime.
SHIFT_WINDOW_PERIODS = 3
_QUAD_COLOURS = {0: "#9e9e9e", 1: "#8fd3a8", 2: "#2e9d5b", 3: "#f2a07b", 4: "#c0392b"}


@dataclass(frozen=True)
class Report:
    """Everything the report page shows, computed from the store.

    Attributes:
        series: The dyad's time series.
        shifts: Shifts found in it, in time order.
        movers: The events that moved the score most (behind the largest shift when there is
            one), with evidence.
        memberships: Organizations both belonged to.
        summary: The plain-language summary.
    """

    series: DyadSeries
    shifts: tuple[Shift, ...]
    movers: tuple[EvidenceEvent, ...]
    memberships: tuple[SharedMembership, ...]
    summary: str


def build_report(
    store_or_path: Any,
    a: str,
    b: str,
    *,
    by: str = "month",
    weight: str = "mentions",
    directed: bool = False,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> Report:
    """Compute the report's contents (the series, shifts, movers, memberships, summary)."""
    series = relations(
        store_or_path, a, b, by=by, directed=directed, weight=weight, since=since, until=until
    )
    found = detect_shifts(series)
    top = _movers(store_or_path, series, found, since, until)
    shared = shared_memberships(series.a, series.b)
    return Report(series, found, tuple(top), shared, summarize(series, found, top, shared))


def _movers(
    store_or_path: Any,
    series: DyadSeries,
    found: tuple[Shift, ...],
    since: str | dt.date | None,
    until: str | dt.date | None,
) -> list[EvidenceEvent]:
    common: dict[str, Any] = {
        "directed": series.directed,
        "weight": series.weight,
        "n": TOP_EVENTS,
    }
    if not found:
        mean = series.mean_between(0, len(series)) or 0.0
        return movers(
            store_or_path, series.a, series.b, baseline=mean, since=since, until=until, **common
        )
    main = max(found, key=lambda s: abs(s.delta))
    i = series.periods.index(main.at)
    stop = min(i + SHIFT_WINDOW_PERIODS, len(series)) - 1
    from thucydides.analysis._db import add_period

    last = add_period(series.periods[stop], series.by) - dt.timedelta(days=1)
    return movers(
        store_or_path,
        series.a,
        series.b,
        baseline=main.before,
        direction="cooperative" if main.delta > 0 else "conflictual",
        since=main.at,
        until=last,
        **common,
    )


def render_report(report: Report) -> str:
    """The report as one HTML page with plotly.js inlined (no network needed to open it)."""
    from plotly.offline import get_plotlyjs

    s = report.series
    a, b = actor_name(s.a), actor_name(s.b)
    title = f"Relations between {a} and {b}"
    figures = [_trend_figure(report), _quad_figure(s), _type_figure(report)]
    plots = "\n".join(
        f'<div class="plot">{fig.to_html(full_html=False, include_plotlyjs=False, div_id=f"plot-{i}")}</div>'  # noqa: E501
        for i, fig in enumerate(figures)
    )
    arrow = "→" if s.directed else "↔"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<script type="text/javascript">{get_plotlyjs()}</script>
<style>{_CSS}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p class="meta">{html.escape(s.a)} {arrow} {html.escape(s.b)} · by {s.by} · weighted by
{html.escape(s.weight)} · generated {dt.date.today().isoformat()} by thucydides</p>
<p class="summary">{html.escape(report.summary)}</p>
<h2>Net cooperation</h2>
{plots}
<h2>The events that moved the score most</h2>
{_movers_table(report.movers)}
<h2>Shifts</h2>
{_shifts_table(report.shifts, s.by)}
<h2>Alliance context</h2>
{_memberships_table(report.memberships)}
<p class="meta">Net cooperation is the weighted mean Goldstein score of the period's events
(−10 conflict … +10 cooperation), with a 95% band; shifts come from binary segmentation with a
block-permutation test. See docs/analysis.md.</p>
</body></html>
"""


_CSS = """
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }
.meta { color: #666; font-size: 0.9em; }
.summary { font-size: 1.1em; line-height: 1.5; background: #f5f7fa; padding: 1em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.4em; text-align: left; vertical-align: top; }
.plot { margin-bottom: 1.5em; }
"""


def _trend_figure(report: Report) -> Any:
    import plotly.graph_objects as go

    s = report.series
    x = [p.isoformat() for p in s.periods]
    low, high = s.band()
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=x,
            y=list(high),
            mode="lines",
            line={"width": 0},
            showlegend=False,
            hoverinfo="skip",
            connectgaps=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=list(low),
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor="rgba(31,119,180,0.2)",
            name="95% band",
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=list(s.goldstein_mean),
            mode="lines+markers",
            name="mean Goldstein",
            line={"color": "#1f77b4"},
        )
    )
    for shift in report.shifts:
        fig.add_vline(x=shift.at.isoformat(), line_dash="dash", line_color="#c0392b")
        fig.add_annotation(
            x=shift.at.isoformat(),
            y=9,
            text=f"shift {shift.at:%Y-%m}",
            showarrow=False,
            font={"color": "#c0392b"},
        )
    fig.update_layout(
        title="Net cooperation (weighted mean Goldstein score)",
        yaxis={"range": [-10, 10], "title": "Goldstein"},
        height=420,
        margin={"t": 50, "b": 40},
    )
    return fig


def _quad_figure(s: DyadSeries) -> Any:
    import plotly.graph_objects as go

    x = [p.isoformat() for p in s.periods]
    fig = go.Figure()
    for quad in QUAD_CLASSES:
        fig.add_trace(
            go.Bar(
                x=x, y=list(s.quads[quad]), name=QUAD_NAMES[quad], marker_color=_QUAD_COLOURS[quad]
            )
        )
    fig.update_layout(
        barmode="stack", title="Events by quad class", height=360, margin={"t": 50, "b": 40}
    )
    return fig


def _type_figure(report: Report) -> Any:
    import plotly.graph_objects as go

    s = report.series
    fig = go.Figure()
    names = sorted(s.types)
    if report.shifts:
        main = max(report.shifts, key=lambda sh: abs(sh.delta))
        k = s.periods.index(main.at)
        for label, part in (
            (f"before {main.at:%Y-%m}", slice(0, k)),
            (f"from {main.at:%Y-%m}", slice(k, len(s))),
        ):
            fig.add_trace(
                go.Bar(
                    y=names, x=[sum(s.types[t][part]) for t in names], name=label, orientation="h"
                )
            )
    else:
        fig.add_trace(
            go.Bar(y=names, x=[sum(s.types[t]) for t in names], name="events", orientation="h")
        )
    fig.update_layout(
        barmode="group",
        title="Events by PLOVER type",
        height=max(300, 40 + 28 * len(names)),
        margin={"t": 50, "b": 40},
    )
    return fig


def _movers_table(items: tuple[EvidenceEvent, ...]) -> str:
    if not items:
        return "<p>No scored events.</p>"
    rows = []
    for m in items:
        doc = html.escape(m.title or m.doc_id)
        link = f'<a href="{html.escape(m.url)}">{doc}</a>' if m.url else doc
        rows.append(
            f"<tr><td>{m.day.isoformat()}</td><td>{html.escape(m.actor or '?')} → "
            f"{html.escape(m.recipient or '?')}</td><td>{html.escape(m.event)}"
            f"{' / ' + html.escape(m.mode) if m.mode else ''} ({html.escape(m.cameo)})</td>"
            f"<td>{m.goldstein:+.1f}</td><td>{m.contribution:+.1f}</td>"
            f"<td>{_highlight(m.sentence, m.trigger)}</td><td>{link}</td></tr>"
        )
    head = (
        "<tr><th>date</th><th>dyad</th><th>event</th><th>Goldstein</th>"
        "<th>contribution</th><th>evidence</th><th>source</th></tr>"
    )
    return f"<table>{head}{''.join(rows)}</table>"


def _highlight(sentence: str, trigger: str) -> str:
    if trigger and trigger in sentence:
        before, _, after = sentence.partition(trigger)
        return f"{html.escape(before)}<b>{html.escape(trigger)}</b>{html.escape(after)}"
    return html.escape(sentence)


def _shifts_table(shifts: tuple[Shift, ...], by: str) -> str:
    if not shifts:
        return "<p>No significant shift.</p>"
    rows = "".join(
        f"<tr><td>{month_name(s.at, by)}</td><td>{s.before:+.2f}</td><td>{s.after:+.2f}</td>"
        f"<td>{s.delta:+.2f}</td><td>{s.events_before} / {s.events_after}</td>"
        f"<td>{s.p_value:.3f}</td></tr>"
        for s in shifts
    )
    head = (
        "<tr><th>from</th><th>mean before</th><th>mean after</th><th>change</th>"
        "<th>events before / after</th><th>p</th></tr>"
    )
    return f"<table>{head}{rows}</table>"


def _memberships_table(items: tuple[SharedMembership, ...]) -> str:
    if not items:
        return "<p>No shared membership recorded in the knowledge base.</p>"
    rows = []
    for m in items:
        spells = "; ".join(
            f"{html.escape(actor_name(s.state))} suspended {s.start.isoformat()}"
            f"{' to ' + s.end.isoformat() if s.end else ' (ongoing)'}"
            for s in m.suspensions
        )
        rows.append(
            f"<tr><td>{html.escape(m.igo)}</td><td>{html.escape(m.name)}</td>"
            f"<td>{m.since.isoformat()}</td><td>{m.until.isoformat() if m.until else '—'}</td>"
            f"<td>{spells or '—'}</td></tr>"
        )
    head = (
        "<tr><th>code</th><th>organization</th><th>both members since</th><th>until</th>"
        "<th>suspensions</th></tr>"
    )
    return f"<table>{head}{''.join(rows)}</table>"
