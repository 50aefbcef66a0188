"""Matching predicted events to gold events within one document (FORMAT.md, "Scoring").

A prediction is *compatible* with a gold event when its type is accepted, its actor and
recipient codes hit the accepted lists (an empty list is not scored; with ``reciprocal`` the
prediction's actor and recipient codes are pooled, so the sides may be swapped or all parties
listed as actors), and its date does not disagree at the coarser precision of the two.

The one-to-one assignment is an optimal one, found by the Hungarian algorithm over lexicographic
weights: first as many *required* gold events as possible are matched, then as many left-over
predictions as possible are absorbed by distinct *optional* gold events (so that fewer are
duplicates), and only then does attribute agreement (mode, CAMEO, date, aux) choose among the
equally good assignments. Documents are small (tens of events), so the O(n^3) cost is nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.evaluation.gold import GoldEvent
from thucydides.records import Event

# Attribute checks that break ties between equally large matchings: mode, cameo, date, aux.
_QUALITY_MAX = 4


@dataclass(frozen=True)
class Attributes:
    """How a prediction fares on the attributes scored on true positives (None: not scored).

    Attributes:
        mode_ok: Prediction mode is one of the gold modes (gold lists modes).
        cameo_ok: Prediction CAMEO code starts with an accepted code (gold lists codes).
        cameo_root_ok: Its first two digits equal the root of an accepted code.
        date_ok: Prediction date, cut to the gold precision, equals the gold date (gold dated).
        aux_ok: Prediction aux equals gold aux, null == null (gold line has an aux key).
        mention_error: ``len(prediction mentions) - gold mentions`` (gold counts mentions).
    """

    mode_ok: bool | None
    cameo_ok: bool | None
    cameo_root_ok: bool | None
    date_ok: bool | None
    aux_ok: bool | None
    mention_error: int | None

    def quality(self) -> int:
        """How many scored attributes agree (the tie-break weight)."""
        return sum(1 for ok in (self.mode_ok, self.cameo_ok, self.date_ok, self.aux_ok) if ok)


def codes(actors: Sequence[object]) -> frozenset[str]:
    """The non-null codes of a side of a prediction."""
    return frozenset(c for a in actors if (c := getattr(a, "code", None)))


def _hits(accepted: tuple[str, ...], predicted: frozenset[str]) -> bool:
    return not accepted or not predicted.isdisjoint(accepted)


def dates_agree(gold: str | None, predicted: str | None) -> bool:
    """Whether two dates agree at the coarser precision of the two; null never disagrees."""
    if gold is None or predicted is None:
        return True
    predicted = predicted[:10]
    width = min(len(gold), len(predicted))
    return gold[:width] == predicted[:width]


def compatible(gold: GoldEvent, pred: Event) -> bool:
    """Whether ``pred`` may be matched to ``gold`` (FORMAT.md matching rule)."""
    if pred.event not in gold.event or not dates_agree(gold.date, pred.date):
        return False
    actors, recipients = codes(pred.actor), codes(pred.recipient)
    if gold.reciprocal:
        pooled = actors | recipients
        return _hits(gold.actor, pooled) and _hits(gold.recipient, pooled)
    return _hits(gold.actor, actors) and _hits(gold.recipient, recipients)


def attributes(gold: GoldEvent, pred: Event) -> Attributes:
    """Score the attributes of a matched prediction against its gold event."""
    cameo = pred.cameo or ""
    date = pred.date[:10] if pred.date else None
    return Attributes(
        mode_ok=(pred.mode in gold.mode) if gold.mode else None,
        cameo_ok=any(cameo.startswith(c) for c in gold.cameo) if gold.cameo else None,
        cameo_root_ok=(len(cameo) >= 2 and any(cameo[:2] == c[:2] for c in gold.cameo))
        if gold.cameo
        else None,
        date_ok=(date is not None and len(date) >= len(gold.date) and date.startswith(gold.date))
        if gold.date
        else None,
        aux_ok=(pred.aux == gold.aux) if gold.aux_scored else None,
        mention_error=(len(pred.mentions) - gold.mentions) if gold.mentions is not None else None,
    )


@dataclass(frozen=True)
class Assignment:
    """The outcome of matching one document.

    Attributes:
        pairs: ``(gold index, prediction index)`` for every one-to-one match (required gold
            events are true positives; optional ones absorb their prediction).
        absorbed: Prediction indices compatible with optional gold events only.
        duplicates: ``(prediction index, gold index)``: left over although compatible with a
            required gold event (the first such event in gold order is named).
        false_positives: Prediction indices compatible with no gold event.
    """

    pairs: tuple[tuple[int, int], ...]
    absorbed: tuple[int, ...]
    duplicates: tuple[tuple[int, int], ...]
    false_positives: tuple[int, ...]


def assign(gold: Sequence[GoldEvent], preds: Sequence[Event]) -> Assignment:
    """Match one document's predictions to its gold events optimally (see module docstring)."""
    compat = [[compatible(g, p) for p in preds] for g in gold]
    needs_slot = [
        any(compat[i][j] for i, g in enumerate(gold) if not g.optional) for j in range(len(preds))
    ]
    n_required = sum(1 for g in gold if not g.optional)
    w_optional = _QUALITY_MAX * n_required + 1  # beats any sum of tie-break points
    w_required = w_optional * (len(gold) - n_required + 1)  # beats all optional slots together
    weights = [
        [
            (w_required + attributes(g, p).quality() if not g.optional else w_optional)
            if compat[i][j] and needs_slot[j]
            else 0
            for j, p in enumerate(preds)
        ]
        for i, g in enumerate(gold)
    ]
    pairs = tuple(
        (i, j)
        for i, j in enumerate(max_weight_assignment(weights))
        if j is not None and weights[i][j] > 0
    )
    taken = {j for _, j in pairs}
    absorbed, duplicates, false_positives = [], [], []
    for j in range(len(preds)):
        if j in taken:
            continue
        if needs_slot[j]:
            first = next(i for i, g in enumerate(gold) if not g.optional and compat[i][j])
            duplicates.append((j, first))
        elif any(compat[i][j] for i in range(len(gold))):
            absorbed.append(j)
        else:
            false_positives.append(j)
    return Assignment(pairs, tuple(absorbed), tuple(duplicates), tuple(false_positives))


def max_weight_assignment(weights: Sequence[Sequence[int]]) -> list[int | None]:
    """For each row, the column it is assigned to in a maximum-weight assignment.

    Rows and columns may differ in number; every row of the smaller side is assigned (to a
    zero-weight cell when nothing better exists, which callers treat as "unmatched"). The
    Hungarian algorithm with potentials (shortest augmenting paths), on costs ``-weight``.
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return [None] * n_rows
    if n_rows > n_cols:  # the algorithm needs rows <= columns: solve the transpose
        transposed = [[weights[i][j] for i in range(n_rows)] for j in range(n_cols)]
        result: list[int | None] = [None] * n_rows
        for j, i in enumerate(max_weight_assignment(transposed)):
            if i is not None:
                result[i] = j
        return result
    return _hungarian([[-w for w in row] for row in weights], n_rows, n_cols)


def _hungarian(cost: list[list[int]], n: int, m: int) -> list[int | None]:
    """Minimum-cost assignment of n rows to m >= n columns (1-based potentials u, v)."""
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: row (1-based) holding column j; 0 = free
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        col0 = 0
        min_v = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[col0] = True
            r0, delta, col1 = owner[col0], inf, 0
            for col in range(1, m + 1):
                if used[col]:
                    continue
                reduced = cost[r0 - 1][col - 1] - u[r0] - v[col]
                if reduced < min_v[col]:
                    min_v[col], way[col] = reduced, col0
                if min_v[col] < delta:
                    delta, col1 = min_v[col], col
            for col in range(m + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    min_v[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:  # flip the augmenting path
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    result: list[int | None] = [None] * n
    for col in range(1, m + 1):
        if owner[col]:
            result[owner[col] - 1] = col - 1
    return result
