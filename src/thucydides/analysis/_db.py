"""Shared plumbing of the analysis stage: connections, periods and the dyad filter in SQL.

Every analysis query reads the store's tables (``SCHEMA.md`` in ``thucydides.store``) through
one DuckDB connection: the one of an open :class:`~thucydides.store.EventStore`, or a read-only
connection to a database file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import duckdb

from thucydides.errors import ConfigError, StoreError

By = Literal["day", "week", "month", "year"]
BY_VALUES: tuple[str, ...] = ("day", "week", "month", "year")

Weight = Literal["mentions", "articles", "events"]
WEIGHT_VALUES: tuple[str, ...] = ("mentions", "articles", "events")

# SQL for each weighting of an event row (see docs/analysis.md, "Weights"). ``e`` is the events
# table. "events" counts each (day, actor, recipient, CAMEO code) once, GDELT's own key for
# merging reports of one event (GDELT 1.0 codebook, "root event" de-duplication), until the
# store merges events across articles (SCHEMA.md, "Planned").
WEIGHT_SQL: dict[str, str] = {
    "mentions": "greatest(e.num_mentions, 1)::DOUBLE",
    "articles": "1.0::DOUBLE",
    "events": ("1.0 / count(*) OVER (PARTITION BY e.day, e.actor_code, e.recipient_code, e.cameo)"),
}

# Date precisions fine enough to place an event in a period of each size: a year-precision
# event would otherwise pile up in January (events.day is the first day of the coded period).
_PRECISIONS: dict[str, tuple[str, ...]] = {
    "day": ("day",),
    "week": ("day",),
    "month": ("day", "month"),
    "year": ("day", "month", "year"),
}

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")

Connection = duckdb.DuckDBPyConnection


def check_by(by: str) -> None:
    if by not in BY_VALUES:
        raise ConfigError(f"by: unknown period {by!r}; choose one of {', '.join(BY_VALUES)}")


def check_weight(weight: str) -> None:
    if weight not in WEIGHT_VALUES:
        raise ConfigError(
            f"weight: unknown weighting {weight!r}; choose one of {', '.join(WEIGHT_VALUES)}"
        )


@contextmanager
def connect(store_or_path: Any) -> Iterator[Connection]:
    """A connection to the store: an open ``EventStore``'s own, or a read-only one to a file.

    Raises:
        StoreError: the file is missing or is not a DuckDB database.
    """
    con = getattr(store_or_path, "connection", None) or getattr(store_or_path, "_con", None)
    if isinstance(con, duckdb.DuckDBPyConnection):
        yield con
        return
    if isinstance(store_or_path, duckdb.DuckDBPyConnection):
        yield store_or_path
        return
    path = Path(store_or_path)
    if not path.is_file():
        raise StoreError(f"events store {str(path)!r} does not exist; create it with `code --db`")
    try:
        own = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise StoreError(f"cannot open events store {str(path)!r}: {first}") from err
    try:
        yield own
    finally:
        own.close()


def period_bounds(value: str | dt.date, name: str) -> tuple[dt.date, dt.date]:
    """First day of the period a partial date names, and the first day after it.

    ``"2024"`` is the year 2024, ``"2024-01"`` January 2024, ``"2024-01-15"`` that day.

    Raises:
        ConfigError: the value is not such a date.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value + dt.timedelta(days=1)
    match = _PARTIAL_DATE.match(value.strip())
    try:
        if not match:
            raise ValueError(value)
        year, month, day = match.groups()
        if day is not None:
            start = dt.date(int(year), int(month), int(day))
            return start, start + dt.timedelta(days=1)
        if month is not None:
            start = dt.date(int(year), int(month), 1)
            return start, add_period(start, "month")
        start = dt.date(int(year), 1, 1)
        return start, dt.date(int(year) + 1, 1, 1)
    except ValueError:
        raise ConfigError(
            f"{name}: {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None


def window(
    since: str | dt.date | None, until: str | dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """``[start, end)`` of ``since``..``until``, both inclusive of the periods they name."""
    start = period_bounds(since, "since")[0] if since is not None else None
    end = period_bounds(until, "until")[1] if until is not None else None
    if start is not None and end is not None and end <= start:
        raise ConfigError(f"until ({until}) is before since ({since})")
    return start, end


def period_start(day: dt.date, by: str) -> dt.date:
    """The first day of the period of size ``by`` that holds ``day`` (weeks start on Monday)."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return dt.date(day.year, 1, 1)


def add_period(start: dt.date, by: str) -> dt.date:
    """The first day of the period after the one starting on ``start``."""
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    if by == "month":
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return dt.date(start.year + 1, 1, 1)


def period_range(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """Every period start from the period of ``first`` to that of ``last``, both included."""
    out: list[dt.date] = []
    current, end = period_start(first, by), period_start(last, by)
    while current <= end:
        out.append(current)
        current = add_period(current, by)
    return out


def event_filter(
    by: str | None, start: dt.date | None, end: dt.date | None, alias: str = "e"
) -> tuple[str, list[Any]]:
    """The WHERE conditions every analysis applies to event rows, and their parameters.

    Negated events are left out (they did not happen), as are events with no date and, when
    ``by`` is given, events dated less precisely than the period size.
    """
    conds = [f"{alias}.aux IS DISTINCT FROM 'negated'", f"{alias}.day IS NOT NULL"]
    if by is not None:
        precisions = ", ".join(f"'{p}'" for p in _PRECISIONS[by])
        conds.append(f"coalesce({alias}.date_precision, 'day') IN ({precisions})")
    params: list[Any] = []
    if start is not None:
        conds.append(f"{alias}.day >= ?")
        params.append(start)
    if end is not None:
        conds.append(f"{alias}.day < ?")
        params.append(end)
    return " AND ".join(conds), params


# The events columns analyses read; DuckDB then leaves the context lists and locations unread.
EVENT_COLUMNS = (
    "doc_id, event_id, day, event, mode, cameo, quad, goldstein, plover_score, num_mentions, "
    "actor_code, recipient_code"
)


def dyad_events_sql(
    a: str,
    b: str,
    directed: bool,
    by: str | None,
    start: dt.date | None,
    end: dt.date | None,
    weight: str,
    compound: bool = False,
) -> tuple[str, list[Any]]:
    """A query of the dyad's event rows (:data:`EVENT_COLUMNS`) with their weight ``w``.

    An event belongs to the dyad when its first actor and first recipient are the pair (the
    denormalised ``events.actor_code``/``recipient_code``, read with no join). With
    ``compound``, also when any of its actors and any of its recipients are (compound events,
    found through ``event_actors``: a join that took about 7 s on 10 million events in
    ``benchmarks/bench_relations.py``, which is why it is not the default). Undirected dyads
    take both directions.
    """
    pairs = [(a, b)] if directed or a == b else [(a, b), (b, a)]
    first = " OR ".join("(e.actor_code = ? AND e.recipient_code = ?)" for _ in pairs)
    first_params: list[Any] = [code for pair in pairs for code in pair]
    cond, cond_params = event_filter(by, start, end)
    weight_sql = WEIGHT_SQL[weight]
    if not compound:
        sql = f"""
            SELECT {_prefixed("e")}, {weight_sql} AS w FROM events e WHERE ({first}) AND {cond}
        """
        return sql, [*first_params, *cond_params]
    having = " OR ".join(
        "(bool_or(role = 'actor' AND code = ?) AND bool_or(role = 'recipient' AND code = ?))"
        for _ in pairs
    )
    # Only rows naming a or b decide whether an event pairs them; bool_or(seq > 0) keeps the
    # compound events (the others are found by the first-code condition).
    sql = f"""
        WITH compound AS (
            SELECT doc_id, event_id FROM event_actors
            WHERE code IN (?, ?)
            GROUP BY doc_id, event_id
            HAVING bool_or(seq > 0) AND ({having})
        ),
        rows AS (
            SELECT {_prefixed("e")} FROM events e WHERE ({first}) AND {cond}
            UNION ALL
            SELECT {_prefixed("e")} FROM events e
            SEMI JOIN compound c ON e.doc_id = c.doc_id AND e.event_id = c.event_id
            WHERE NOT coalesce({first}, false) AND {cond}
        )
        SELECT e.*, {weight_sql} AS w FROM rows e
    """
    params = [a, b, *first_params, *first_params, *cond_params, *first_params, *cond_params]
    return sql, params


def _prefixed(alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in EVENT_COLUMNS.split(","))
