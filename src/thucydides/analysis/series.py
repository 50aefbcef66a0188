"""Dyad time series: how two actors treated each other, period by period.

    series = relations(store, "ARM", "RUS", by="month")
    series.goldstein_mean      # net cooperation per month, one value per period
    series.to_csv(sys.stdout)

The conventions (which events count, how they are weighted, what "net cooperation" means) are
in ``docs/analysis.md``; in short, every period carries event counts by quad class and PLOVER
type, and the summed and mean Goldstein and PLOVER scores of its events, each event weighted by
its mentions, by its article, or once per distinct event.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from thucydides.analysis._db import (
    check_by,
    check_weight,
    connect,
    dyad_events_sql,
    period_range,
    window,
)

#: Quad classes as stored in ``events.quad``: 0 statement, 1 verbal cooperation, 2 material
#: cooperation, 3 verbal conflict, 4 material conflict (records.Event.quad).
QUAD_CLASSES: tuple[int, ...] = (0, 1, 2, 3, 4)
QUAD_NAMES: dict[int, str] = {
    0: "statement",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# 97.5th percentile of the standard normal: the two-sided 95% band of the mean.
_Z95 = 1.959964


@dataclass(frozen=True)
class DyadSeries:
    """The relations of a dyad as a time series, one value per period in each column.

    Periods with no event are present (with zero counts and None means), from the first to the
    last period with an event, or over ``since``..``until`` when given.

    Attributes:
        a: First actor code (``ARM``); the actor of a directed dyad.
        b: Second actor code (``RUS``); the recipient of a directed dyad.
        by: Period size: ``day``, ``week`` (ISO, from Monday), ``month`` or ``year``.
        directed: True for events of ``a`` towards ``b`` only; False for both directions.
        weight: How events are weighted: ``mentions``, ``articles`` or ``events``.
        periods: First day of each period.
        events: Event rows in each period (unweighted).
        volume: Summed weight of the events of each period.
        quads: Quad class (0-4) -> unweighted event count per period.
        types: PLOVER event type -> unweighted event count per period.
        goldstein_sum: Weighted sum of Goldstein scores: net cooperation with volume.
        goldstein_mean: Weighted mean Goldstein score (None with no scored event): the
            volume-free net cooperation used for trends and change detection.
        goldstein_se: Standard error of ``goldstein_mean`` (weighted variance over Kish's
            effective sample size), None with fewer than two scored events.
        plover_sum: Weighted sum of PLOVER scores.
        plover_mean: Weighted mean PLOVER score (None with no scored event).
        scored_weight: Summed weight of the events with a Goldstein score (the denominator of
            ``goldstein_mean``).
        scored_weight_sq: Summed squared weight of those events (for effective sample sizes).
        goldstein_sq: Weighted sum of squared Goldstein scores (for variances).
    """

    a: str
    b: str
    by: str
    directed: bool
    weight: str
    periods: tuple[dt.date, ...]
    events: tuple[int, ...]
    volume: tuple[float, ...]
    quads: Mapping[int, tuple[int, ...]]
    types: Mapping[str, tuple[int, ...]]
    goldstein_sum: tuple[float, ...]
    goldstein_mean: tuple[float | None, ...]
    goldstein_se: tuple[float | None, ...]
    plover_sum: tuple[float, ...]
    plover_mean: tuple[float | None, ...]
    scored_weight: tuple[float, ...] = field(repr=False)
    scored_weight_sq: tuple[float, ...] = field(repr=False)
    goldstein_sq: tuple[float, ...] = field(repr=False)

    def __len__(self) -> int:
        return len(self.periods)

    @property
    def total_events(self) -> int:
        return sum(self.events)

    @property
    def quad_net(self) -> tuple[int, ...]:
        """Cooperative minus conflictual event counts per period (quads 1+2 minus 3+4)."""
        q = self.quads
        return tuple(q[1][i] + q[2][i] - q[3][i] - q[4][i] for i in range(len(self.periods)))

    def band(self, z: float = _Z95) -> tuple[tuple[float | None, ...], tuple[float | None, ...]]:
        """Lower and upper confidence bounds of ``goldstein_mean`` (95% by default)."""
        low: list[float | None] = []
        high: list[float | None] = []
        for mean, se in zip(self.goldstein_mean, self.goldstein_se, strict=True):
            if mean is None or se is None:
                low.append(None)
                high.append(None)
            else:
                low.append(mean - z * se)
                high.append(mean + z * se)
        return tuple(low), tuple(high)

    def mean_between(self, start: int, stop: int) -> float | None:
        """Weighted mean Goldstein score over periods ``start:stop`` (indices)."""
        weight = sum(self.scored_weight[start:stop])
        return sum(self.goldstein_sum[start:stop]) / weight if weight > 0 else None

    def rows(self) -> list[dict[str, Any]]:
        """One dict per period (the CSV/JSON form), type counts as ``type_<TYPE>`` columns."""
        low, high = self.band()
        out = []
        for i, period in enumerate(self.periods):
            row: dict[str, Any] = {
                "period": period.isoformat(),
                "events": self.events[i],
                "volume": _round(self.volume[i]),
                "goldstein_sum": _round(self.goldstein_sum[i]),
                "goldstein_mean": _round(self.goldstein_mean[i]),
                "goldstein_low": _round(low[i]),
                "goldstein_high": _round(high[i]),
                "plover_sum": _round(self.plover_sum[i]),
                "plover_mean": _round(self.plover_mean[i]),
                "quad_net": self.quad_net[i],
            }
            for quad in QUAD_CLASSES:
                row[f"quad{quad}"] = self.quads[quad][i]
            for name in sorted(self.types):
                row[f"type_{name}"] = self.types[name][i]
            out.append(row)
        return out

    def to_csv(self, out: IO[str]) -> None:
        """Write :meth:`rows` as CSV with a header (empty cells for None)."""
        rows = self.rows()
        names = list(rows[0]) if rows else ["period", "events"]
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def relations(
    store_or_path: Any,
    a: str,
    b: str,
    by: str = "month",
    directed: bool = False,
    weight: str = "mentions",
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    *,
    compound: bool = False,
) -> DyadSeries:
    """The dyad's events as a time series.

    Args:
        store_or_path: An open :class:`~thucydides.store.EventStore`, a DuckDB connection, or
            the path of a store file (opened read-only).
        a: First actor code; the actor when ``directed``.
        b: Second actor code; the recipient when ``directed``.
        by: Period size: ``day``, ``week``, ``month`` or ``year``.
        directed: Only events of ``a`` towards ``b`` (else both directions).
        weight: ``mentions`` (sentences reporting the event in its article, GDELT's
            NumMentions), ``articles`` (each stored event row counts once, NumArticles) or
            ``events`` (each distinct day/actor/recipient/CAMEO event counts once).
        since: First period included (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
        until: Last period included, same forms (``2024-06`` runs to the end of June).
        compound: Also count events where the pair is among several actors or recipients
            (found through ``event_actors``; slower). By default the first actor and first
            recipient decide, as in SCHEMA.md's dyad query.

    Raises:
        ConfigError: an unknown ``by`` or ``weight``, or a malformed date.
        StoreError: the store cannot be opened.
    """
    check_by(by)
    check_weight(weight)
    a, b = a.strip().upper(), b.strip().upper()
    start, end = window(since, until)
    rows = _aggregate(store_or_path, a, b, by, directed, weight, start, end, compound)
    if start is not None and end is not None:
        periods = period_range(start, end - dt.timedelta(days=1), by)
    elif rows:
        first = start or min(r[0] for r in rows)
        last = (end - dt.timedelta(days=1)) if end is not None else max(r[0] for r in rows)
        periods = period_range(first, last, by)
    else:
        periods = []
    return _build(a, b, by, directed, weight, periods, rows)


# Per (period, type, quad): event count, Σw, Σw over scored events, Σw², Σw·g, Σw·g², Σw·p,
# Σw over PLOVER-scored events.
_AGGREGATES = """
    count(*),
    sum(w),
    coalesce(sum(w) FILTER (WHERE goldstein IS NOT NULL), 0),
    coalesce(sum(w * w) FILTER (WHERE goldstein IS NOT NULL), 0),
    coalesce(sum(w * goldstein), 0),
    coalesce(sum(w * goldstein * goldstein), 0),
    coalesce(sum(w * plover_score), 0),
    coalesce(sum(w) FILTER (WHERE plover_score IS NOT NULL), 0)
"""


def _aggregate(
    store_or_path: Any,
    a: str,
    b: str,
    by: str,
    directed: bool,
    weight: str,
    start: dt.date | None,
    end: dt.date | None,
    compound: bool,
) -> list[tuple[Any, ...]]:
    inner, params = dyad_events_sql(a, b, directed, by, start, end, weight, compound)
    # date_trunc('week', ...) starts weeks on Monday, as ISO 8601 does.
    sql = f"""
        SELECT date_trunc('{by}', day)::DATE AS period, event, quad, {_AGGREGATES}
        FROM ({inner}) GROUP BY ALL ORDER BY period
    """
    with connect(store_or_path) as con:
        return con.execute(sql, params).fetchall()


def _build(
    a: str,
    b: str,
    by: str,
    directed: bool,
    weight: str,
    periods: list[dt.date],
    rows: list[tuple[Any, ...]],
) -> DyadSeries:
    index = {p: i for i, p in enumerate(periods)}
    n = len(periods)
    events = [0] * n
    sums: defaultdict[str, list[float]] = defaultdict(lambda: [0.0] * n)
    quads = {q: [0] * n for q in QUAD_CLASSES}
    types: dict[str, list[int]] = {}
    keys = ("volume", "w_scored", "w_sq", "g_sum", "g_sq", "p_sum", "w_plover")
    for period, event, quad, count, *values in rows:
        i = index.get(period)
        if i is None:
            continue
        events[i] += count
        for key, value in zip(keys, values, strict=True):
            sums[key][i] += float(value or 0.0)
        if quad in quads:
            quads[quad][i] += count
        if event is not None:
            types.setdefault(event, [0] * n)[i] += count
    g_mean, g_se, p_mean = [], [], []
    for i in range(n):
        w, w2 = sums["w_scored"][i], sums["w_sq"][i]
        mean = sums["g_sum"][i] / w if w > 0 else None
        g_mean.append(mean)
        g_se.append(_standard_error(w, w2, sums["g_sq"][i], mean))
        wp = sums["w_plover"][i]
        p_mean.append(sums["p_sum"][i] / wp if wp > 0 else None)
    return DyadSeries(
        a=a,
        b=b,
        by=by,
        directed=directed,
        weight=weight,
        periods=tuple(periods),
        events=tuple(events),
        volume=tuple(sums["volume"]),
        quads={q: tuple(v) for q, v in quads.items()},
        types={t: tuple(v) for t, v in sorted(types.items())},
        goldstein_sum=tuple(sums["g_sum"]),
        goldstein_mean=tuple(g_mean),
        goldstein_se=tuple(g_se),
        plover_sum=tuple(sums["p_sum"]),
        plover_mean=tuple(p_mean),
        scored_weight=tuple(sums["w_scored"]),
        scored_weight_sq=tuple(sums["w_sq"]),
        goldstein_sq=tuple(sums["g_sq"]),
    )


def _standard_error(w: float, w2: float, g_sq: float, mean: float | None) -> float | None:
    """SE of a weighted mean: sqrt(weighted variance / Kish effective n); None when n < 2."""
    if mean is None or w <= 0 or w2 <= 0:
        return None
    n_eff = w * w / w2
    if n_eff < 2 - 1e-9:
        return None
    variance = max(g_sq / w - mean * mean, 0.0) * n_eff / (n_eff - 1)
    return math.sqrt(variance / n_eff)


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(
    values: tuple[float | None, ...] | list[float | None], lo: float = -10.0, hi: float = 10.0
) -> str:
    """One character per value on the ``lo``..``hi`` scale (Goldstein's), a space for None."""
    out = []
    for value in values:
        if value is None:
            out.append(" ")
            continue
        share = (min(max(value, lo), hi) - lo) / (hi - lo)
        out.append(_SPARKS[min(int(share * len(_SPARKS)), len(_SPARKS) - 1)])
    return "".join(out)
