"""The events behind a number: which of a dyad's events moved its score most, with evidence.

An event's *contribution* is ``weight * (goldstein - baseline)``: how far it pulls the weighted
mean Goldstein score away from a baseline (the mean before a shift, or the dyad's mean). Events
are ranked by contribution in the direction asked for, each with the first sentence that
reports it, its trigger, and its document's title and link.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from thucydides.analysis._db import check_weight, connect, dyad_events_sql, window

Direction = Literal["cooperative", "conflictual", "any"]


@dataclass(frozen=True)
class EvidenceEvent:
    """One stored event with the evidence for it.

    Attributes:
        doc_id: Its document.
        event_id: Its id within the document.
        day: Its date (``events.day``).
        actor: First actor code.
        recipient: First recipient code.
        event: PLOVER type.
        mode: PLOVER mode, or None.
        cameo: CAMEO code.
        goldstein: Goldstein score.
        weight: Its weight in the series.
        contribution: ``weight * (goldstein - baseline)``.
        sentence: The first sentence that reports it ("" when it has no mention).
        trigger: The words that signal it in that sentence.
        title: Its document's title, or None.
        url: Its document's address, or None.
        source: Its document's outlet, or None.
    """

    doc_id: str
    event_id: str
    day: dt.date
    actor: str | None
    recipient: str | None
    event: str
    mode: str | None
    cameo: str
    goldstein: float
    weight: float
    contribution: float
    sentence: str
    trigger: str
    title: str | None
    url: str | None
    source: str | None


def movers(
    store_or_path: Any,
    a: str,
    b: str,
    *,
    baseline: float = 0.0,
    direction: Direction = "any",
    n: int = 5,
    directed: bool = False,
    weight: str = "mentions",
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> list[EvidenceEvent]:
    """The ``n`` events of the dyad that pulled its mean Goldstein score most from ``baseline``.

    ``direction="conflictual"`` ranks the most negative contributions first,
    ``"cooperative"`` the most positive, ``"any"`` the largest in absolute value. Ties go to the
    earlier event.
    """
    check_weight(weight)
    start, end = window(since, until)
    # by=None: events of any date precision count here; a month-precision event is evidence too.
    inner, params = dyad_events_sql(a.upper(), b.upper(), directed, None, start, end, weight)
    rank = {
        "conflictual": "contribution ASC",
        "cooperative": "contribution DESC",
        "any": "abs(contribution) DESC",
    }[direction]
    sql = f"""
        WITH ev AS ({inner})
        SELECT ev.doc_id, ev.event_id, ev.day, ev.actor_code, ev.recipient_code, ev.event,
               ev.mode, ev.cameo, ev.goldstein, ev.w, ev.w * (ev.goldstein - ?) AS contribution,
               coalesce(m.text, ''), coalesce(m.trigger, ''), d.title, d.url, d.source
        FROM ev
        LEFT JOIN mentions m ON m.doc_id = ev.doc_id AND m.event_id = ev.event_id AND m.seq = 0
        LEFT JOIN documents d ON d.doc_id = ev.doc_id
        WHERE ev.goldstein IS NOT NULL
        ORDER BY {rank}, ev.day, ev.doc_id, ev.event_id
        LIMIT ?
    """
    with connect(store_or_path) as con:
        rows = con.execute(sql, [*params, baseline, n]).fetchall()
    return [EvidenceEvent(*row) for row in rows]
