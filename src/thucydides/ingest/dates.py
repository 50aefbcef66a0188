"""Strict publication-date parsing for the ingest stage.

Dates in inputs (JSONL ``date`` fields, HTML metadata, the ``--date`` option) must be calendar
days written ``YYYY-MM-DD``; full ISO 8601 datetimes ("2024-05-09T10:00:00Z") are accepted and
reduced to their date part. Anything looser ("May 9", "09/05/2024", "2024-5-9") is rejected rather
than guessed, because a wrong anchor date silently shifts every relative date in the document.
"""

from __future__ import annotations

import datetime as dt
import re

from thucydides.errors import InputError

__all__ = ["parse_date"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Date, then a time part introduced by 'T' or a space (ISO 8601 / RFC 3339).
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\S.*")


def parse_date(value: str, source: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` date (or an ISO datetime) or raise :class:`InputError`.

    Args:
        value: The text to parse; surrounding whitespace is ignored.
        source: The input it came from, used to name it in the error.

    Raises:
        InputError: ``invalid date 'x': expected YYYY-MM-DD``.
    """
    text = value.strip()
    try:
        if _DAY.fullmatch(text):
            return dt.date.fromisoformat(text)
        if _DATETIME.fullmatch(text):
            return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    raise InputError(source, f"invalid date {value!r}: expected YYYY-MM-DD")


def try_parse_date(value: str | None) -> dt.date | None:
    """Like :func:`parse_date` for metadata found in a page: None instead of an error."""
    if not value:
        return None
    try:
        return parse_date(value, "")
    except InputError:
        return None
