"""Change detection: when did a dyad's relations shift, and is the shift more than noise?

Method (the reasons are in ``docs/analysis.md``, "Change detection"): binary segmentation of
the dyad's period series under a mean-shift model of its events' Goldstein scores. For a
segment of periods, every split between two periods is scored with a two-sample statistic,

    t(k) = |mean_after - mean_before| / sqrt(s2 * (1 / n_before + 1 / n_after)),

from weighted means, the pooled weighted variance ``s2`` and Kish's effective sample sizes
``n``; the best split is kept when a block-permutation test says its statistic is rarely
reached by chance: the segment's periods are shuffled (each period keeps its events, so events
of one news story stay together) and the maximum statistic recomputed. The test is then
repeated on each side of an accepted split. Across dyads, :func:`shifts` controls the false
discovery rate with the Benjamini-Hochberg procedure and ranks shifts by size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from thucydides.analysis._db import (
    WEIGHT_SQL,
    check_by,
    check_weight,
    connect,
    event_filter,
    period_range,
    window,
)
from thucydides.analysis.series import _AGGREGATES, DyadSeries, _build

#: Significance level of one split test. 0.01 rather than 0.05 because binary segmentation
#: tests several splits per dyad; a conventional choice (e.g. Killick & Eckley's changepoint
#: package uses penalties of comparable strictness).
ALPHA = 0.01
#: Shuffles per permutation test: p-values resolve to 0.001 and, at p = 0.01, their Monte Carlo
#: standard error is about 0.003 (sqrt(p(1-p)/999)).
PERMUTATIONS = 999
#: Events needed on each side of a split: with Goldstein scores spread over about 5 points
#: (standard deviation of the scores in coding/data/cameo.csv), 20 events give a mean to about
#: +/-1.1 points, enough to tell cooperation from conflict.
MIN_SEGMENT_EVENTS = 20
#: Periods needed on each side of a split: a single period is an outlier, not a regime.
MIN_SEGMENT_PERIODS = 2
#: Events a dyad needs before :func:`shifts` tests it (two minimal segments).
MIN_DYAD_EVENTS = 2 * MIN_SEGMENT_EVENTS
#: False discovery rate across dyads (Benjamini & Hochberg 1995, the customary 5%).
FDR = 0.05
#: Splits searched per dyad at most (binary segmentation depth).
MAX_SHIFTS = 4


@dataclass(frozen=True)
class Shift:
    """A change in a dyad's mean Goldstein score, found by :func:`detect_shifts`.

    Attributes:
        a: First actor code of the dyad.
        b: Second actor code.
        at: First day of the first period after the change.
        before: Weighted mean Goldstein score of the tested segment before ``at``.
        after: The same after ``at``.
        statistic: The split's standardised mean difference (see the module docstring).
        p_value: Block-permutation p-value of the split (the smallest possible is
            ``1 / (PERMUTATIONS + 1)``).
        events_before: Events of the segment before ``at``.
        events_after: Events of the segment from ``at`` on.
        segment_start: First day of the tested segment.
        segment_end: First day after the tested segment.
    """

    a: str
    b: str
    at: dt.date
    before: float
    after: float
    statistic: float
    p_value: float
    events_before: int
    events_after: int
    segment_start: dt.date
    segment_end: dt.date

    @property
    def delta(self) -> float:
        """``after - before``: positive when relations turned more cooperative."""
        return self.after - self.before

    @property
    def direction(self) -> str:
        return "cooperative" if self.delta > 0 else "conflictual"


def detect_shifts(
    series: DyadSeries,
    *,
    alpha: float = ALPHA,
    permutations: int = PERMUTATIONS,
    min_events: int = MIN_SEGMENT_EVENTS,
    max_shifts: int = MAX_SHIFTS,
    seed: int = 0,
) -> tuple[Shift, ...]:
    """Significant shifts of the series' mean Goldstein score, in time order."""
    stats = np.array(
        [
            series.scored_weight,
            series.scored_weight_sq,
            series.goldstein_sum,
            series.goldstein_sq,
            series.events,
        ],
        dtype=float,
    ).reshape(5, len(series))
    rng = np.random.default_rng(seed)
    found: list[Shift] = []
    pending = [(0, len(series))]
    while pending and len(found) < max_shifts:
        lo, hi = pending.pop(0)
        shift = _test_segment(series, stats, lo, hi, rng, permutations, min_events)
        if shift is None or shift[1].p_value >= alpha:
            continue
        k, result = shift
        found.append(result)
        pending.extend([(lo, k), (k, hi)])
    return tuple(sorted(found, key=lambda s: s.at))


def _test_segment(
    series: DyadSeries,
    stats: np.ndarray,
    lo: int,
    hi: int,
    rng: np.random.Generator,
    permutations: int,
    min_events: int,
) -> tuple[int, Shift] | None:
    segment = stats[:, lo:hi]
    if segment.shape[1] < 2 * MIN_SEGMENT_PERIODS:
        return None
    t_obs = _split_statistics(segment[None, :, :], min_events)[0]
    if not np.isfinite(t_obs).any():
        return None
    k = int(np.nanargmax(np.where(np.isfinite(t_obs), t_obs, -np.inf)))
    best = float(t_obs[k])
    orders = np.argsort(rng.random((permutations, segment.shape[1])), axis=1)
    shuffled = np.transpose(segment[:, orders], (1, 0, 2))  # (R, 5, P)
    t_perm = _split_statistics(shuffled, min_events)
    maxima = np.where(np.isfinite(t_perm), t_perm, -np.inf).max(axis=1)
    p_value = float((1 + np.count_nonzero(maxima >= best - 1e-12)) / (permutations + 1))
    split = lo + k + 1
    before = series.mean_between(lo, split)
    after = series.mean_between(split, hi)
    if before is None or after is None:
        return None
    end = series.periods[hi] if hi < len(series) else _after(series, hi - 1)
    return split, Shift(
        a=series.a,
        b=series.b,
        at=series.periods[split],
        before=before,
        after=after,
        statistic=best,
        p_value=p_value,
        events_before=sum(series.events[lo:split]),
        events_after=sum(series.events[split:hi]),
        segment_start=series.periods[lo],
        segment_end=end,
    )


def _after(series: DyadSeries, i: int) -> dt.date:
    from thucydides.analysis._db import add_period

    return add_period(series.periods[i], series.by)


def _split_statistics(stats: np.ndarray, min_events: int) -> np.ndarray:
    """t(k) for every split k (after period k) of each row: (R, 5, P) -> (R, P - 1).

    Splits leaving fewer than ``min_events`` events or ``MIN_SEGMENT_PERIODS`` periods on a
    side are NaN.
    """
    cum = np.cumsum(stats, axis=2)
    total = cum[:, :, -1:]
    left = cum[:, :, :-1]
    right = total - left
    w1, w2_1, s1, q1, n1 = (left[:, i, :] for i in range(5))
    w2, w2_2, s2, q2, n2 = (right[:, i, :] for i in range(5))
    with np.errstate(divide="ignore", invalid="ignore"):
        m1, m2 = s1 / w1, s2 / w2
        ss = (q1 - s1 * s1 / w1) + (q2 - s2 * s2 / w2)
        var = np.maximum(ss / (w1 + w2), 1e-9)
        neff1, neff2 = w1 * w1 / w2_1, w2 * w2 / w2_2
        t = np.abs(m2 - m1) / np.sqrt(var * (1 / neff1 + 1 / neff2))
    periods = stats.shape[2]
    k = np.arange(1, periods)
    ok = (n1 >= min_events) & (n2 >= min_events) & (w1 > 0) & (w2 > 0)
    ok &= (k >= MIN_SEGMENT_PERIODS) & (periods - k >= MIN_SEGMENT_PERIODS)
    return np.where(ok, t, np.nan)


def shifts(
    store_or_path: Any,
    *,
    by: str = "month",
    weight: str = "mentions",
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    min_events: int = MIN_DYAD_EVENTS,
    fdr: float = FDR,
    permutations: int = PERMUTATIONS,
) -> list[Shift]:
    """Shifts of every undirected dyad with enough events, largest change first.

    Dyads are read from the first actor and first recipient of each event (the store's
    denormalised codes); a dyad is kept when its first split passes the Benjamini-Hochberg
    procedure at ``fdr`` across all dyads tested.
    """
    check_by(by)
    check_weight(weight)
    start, end = window(since, until)
    series = _all_dyads(store_or_path, by, weight, start, end, min_events)
    tested: list[tuple[DyadSeries, Shift]] = []
    for one in series:
        first = detect_shifts(one, alpha=1.0, permutations=permutations, max_shifts=1)
        if first:
            tested.append((one, first[0]))
    keep = _benjamini_hochberg([shift.p_value for _, shift in tested], fdr)
    out: list[Shift] = []
    for (one, first_shift), kept in zip(tested, keep, strict=True):
        if kept:
            # Within a kept dyad, further shifts are searched at the usual per-split level.
            out.extend(detect_shifts(one, permutations=permutations) or (first_shift,))
    return sorted(out, key=lambda s: (-abs(s.delta), s.a, s.b, s.at))


def _benjamini_hochberg(p_values: list[float], q: float) -> list[bool]:
    """Which hypotheses the Benjamini-Hochberg step-up procedure rejects at level ``q``."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    cutoff = -1
    for rank, i in enumerate(order, 1):
        if p_values[i] <= q * rank / m:
            cutoff = rank
    rejected = [False] * m
    for rank, i in enumerate(order, 1):
        rejected[i] = rank <= cutoff
    return rejected


def _all_dyads(
    store_or_path: Any,
    by: str,
    weight: str,
    start: dt.date | None,
    end: dt.date | None,
    min_events: int,
) -> list[DyadSeries]:
    cond, params = event_filter(by, start, end)
    sql = f"""
        WITH rows AS (
            SELECT e.*, {WEIGHT_SQL[weight]} AS w FROM events e
            WHERE e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL
              AND e.actor_code <> e.recipient_code AND {cond}
        ),
        counted AS (
            SELECT least(actor_code, recipient_code) AS a,
                   greatest(actor_code, recipient_code) AS b, *
            FROM rows
            QUALIFY count(*) OVER (PARTITION BY a, b) >= ?
        )
        SELECT a, b, date_trunc('{by}', day)::DATE AS period, NULL, NULL, {_AGGREGATES}
        FROM counted GROUP BY ALL ORDER BY a, b, period
    """
    with connect(store_or_path) as con:
        rows = con.execute(sql, [*params, min_events]).fetchall()
    grouped: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for a, b, *rest in rows:
        grouped.setdefault((a, b), []).append(tuple(rest))
    out = []
    for (a, b), dyad_rows in grouped.items():
        first = start or min(r[0] for r in dyad_rows)
        last = (end - dt.timedelta(days=1)) if end else max(r[0] for r in dyad_rows)
        out.append(_build(a, b, by, False, weight, period_range(first, last, by), dyad_rows))
    return out
