"""A plain-language summary of a dyad's relations, written from the computed numbers only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from thucydides.analysis.changes import Shift
from thucydides.analysis.context import SharedMembership, actor_name
from thucydides.analysis.evidence import EvidenceEvent
from thucydides.analysis.series import DyadSeries

# Words for a mean Goldstein score, on the scale's own bands: within +/-1 of zero the events
# balance out (Goldstein 1992 puts consultations and comments at about +/-1).
_NEUTRAL_BAND = 1.0


def month_name(day: dt.date, by: str = "month") -> str:
    """``September 2023`` for months and coarser, ``12 September 2023`` for days and weeks."""
    if by in ("day", "week"):
        return f"{day.day} {day:%B %Y}"
    if by == "year":
        return str(day.year)
    return f"{day:%B %Y}"


def tone(mean: float | None) -> str:
    if mean is None:
        return "without scored events"
    if mean > _NEUTRAL_BAND:
        return "cooperative"
    if mean < -_NEUTRAL_BAND:
        return "conflictual"
    return "mixed"


def summarize(
    series: DyadSeries,
    shifts: Sequence[Shift],
    movers: Sequence[EvidenceEvent] = (),
    memberships: Sequence[SharedMembership] = (),
) -> str:
    """A few sentences: the overall tone, the largest shift, its largest contributions, and
    the alliances the pair shares."""
    a, b = actor_name(series.a), actor_name(series.b)
    if series.total_events == 0:
        return f"No events between {a} and {b} are stored for this period."
    parts: list[str] = []
    overall = series.mean_between(0, len(series))
    first, last = series.periods[0], series.periods[-1]
    parts.append(
        f"{series.total_events} events between {a} and {b} from "
        f"{month_name(first, series.by)} to {month_name(last, series.by)}; overall they were "
        f"{tone(overall)} (mean Goldstein score {_signed(overall)})."
    )
    if shifts:
        main = max(shifts, key=lambda s: abs(s.delta))
        parts.append(
            f"Relations between {a} and {b} turned more {main.direction} from "
            f"{month_name(main.at, series.by)}: the mean Goldstein score went from "
            f"{_signed(main.before)} over {main.events_before} events to "
            f"{_signed(main.after)} over {main.events_after} events "
            f"(block-permutation test, p = {main.p_value:.3f})."
        )
        others = [s for s in shifts if s is not main]
        if others:
            listed = ", ".join(
                f"{month_name(s.at, series.by)} (more {s.direction})" for s in others
            )
            parts.append(f"Other shifts: {listed}.")
    else:
        parts.append("No significant shift in their relations was found.")
    if movers:
        listed = "; ".join(_mover_text(m) for m in movers[:3])
        parts.append(f"The largest contributions: {listed}.")
    if memberships:
        parts.append(_memberships_text(a, b, memberships))
    return " ".join(parts)


def _signed(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.1f}"


def _mover_text(m: EvidenceEvent) -> str:
    what = m.sentence.strip().rstrip(".") or f"{m.actor} {m.event} {m.recipient}"
    return f"{what} ({m.day.isoformat()}, Goldstein {m.goldstein:+.1f})"


def _memberships_text(a: str, b: str, memberships: Sequence[SharedMembership]) -> str:
    current = [m for m in memberships if m.until is None]
    if not current:
        return f"{a} and {b} share no current membership of an organization."
    items = []
    for m in current:
        spells = [s for s in m.suspensions if s.end is None]
        if spells:
            who = ", ".join(
                f"{actor_name(s.state)} suspended since {month_name(s.start)}" for s in spells
            )
            items.append(f"{m.igo} ({who})")
        else:
            items.append(m.igo)
    return f"{a} and {b} are both members of {', '.join(items)}."
