"""Reading gold documents (``*.gold.jsonl``, defined in ``shared/gold/FORMAT.md``).

Each line is validated by a pydantic model at the edge and turned into the frozen
:class:`GoldDocument` / :class:`GoldEvent` records the scorer works with. A bad line raises
:class:`~thucydides.errors.InputError` naming ``path:line``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from thucydides.errors import InputError
from thucydides.records import AUX_VALUES, Document

# FORMAT.md: dates are written at the precision known: YYYY, YYYY-MM or YYYY-MM-DD.
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# FORMAT.md: event types and codes are upper-case names (PLOVER types, ISO3/IGO codes).
_UPPER_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
# FORMAT.md: CAMEO codes are strings with leading zeros ("042"), never integers; petr_unit
# keeps a few WEIS-derived codes with a letter suffix ("174K").
_CAMEO_RE = re.compile(r"^\d{2}[0-9A-Z]{0,3}$")


@dataclass(frozen=True)
class GoldEvent:
    """One event a human coder found in a gold document; every list holds *accepted* values.

    Attributes:
        id: The event's id within its document ("E1").
        event: Accepted PLOVER types; the first is the coder's own choice.
        mode: Accepted modes; empty means modes are not scored.
        actor: Accepted actor codes; empty means the actor is not scored.
        recipient: Accepted recipient codes; empty means the recipient is not scored.
        reciprocal: Actor and recipient may be swapped, or all listed on one side.
        cameo: Accepted CAMEO codes, matched by prefix ("04" accepts "042"); empty: not scored.
        date: The event's own date (YYYY, YYYY-MM or YYYY-MM-DD), or None: not dated/scored.
        aux: Expected auxiliary mode (historical, future, hypothetical, negated) or None.
        aux_scored: Whether the gold line has an ``aux`` key at all (absent: aux not scored).
        mentions: How many times the document reports the event, or None: not scored.
        optional: Matching it is neither rewarded nor penalised.
        note: The coder's reason.
    """

    id: str
    event: tuple[str, ...]
    mode: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    reciprocal: bool = False
    cameo: tuple[str, ...] = ()
    date: str | None = None
    aux: str | None = None
    aux_scored: bool = False
    mentions: int | None = None
    optional: bool = False
    note: str = ""


@dataclass(frozen=True)
class GoldDocument:
    """One gold document: its text and every event a careful coder found in it.

    Attributes:
        id: Unique document id within the gold file.
        text: The full plain text.
        date: The document (story) date at the precision known, or None.
        source: Where text and coding come from, with the licence.
        events: The gold events, in file order.
    """

    id: str
    text: str
    date: str | None
    source: str
    events: tuple[GoldEvent, ...]


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    if not _DATE_RE.match(value):
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    padded = value + "-01-01"[len(value) - 4 :]  # "2024-05" -> "2024-05-01", only to check it
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        raise ValueError(f"date {value!r} is not a calendar date") from None
    return value


def _check_codes(values: list[str], what: str) -> list[str]:
    bad = [v for v in values if not _UPPER_RE.match(v)]
    if bad:
        raise ValueError(f"{what} {bad} are not upper-case codes")
    return values


class _EventModel(BaseModel):
    """Edge model of a gold event line (FORMAT.md "Field rules")."""

    model_config = ConfigDict(extra="allow", strict=True)

    id: str
    event: list[str] = Field(min_length=1)
    mode: list[str] = []
    actor: list[str] = []
    recipient: list[str] = []
    reciprocal: bool = False
    cameo: list[str] = []
    date: str | None = None
    aux: str | None = None
    mentions: int | None = Field(default=None, ge=1)
    optional: bool = False
    note: str = ""

    @field_validator("event")
    @classmethod
    def _types(cls, v: list[str]) -> list[str]:
        return _check_codes(v, "event types")

    @field_validator("actor", "recipient")
    @classmethod
    def _actors(cls, v: list[str]) -> list[str]:
        return _check_codes(v, "actor codes")

    @field_validator("cameo")
    @classmethod
    def _cameo(cls, v: list[str]) -> list[str]:
        bad = [c for c in v if not _CAMEO_RE.match(c)]
        if bad:
            raise ValueError(f"CAMEO codes {bad} are not CAMEO code strings ('042')")
        return v

    @field_validator("date")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        return _check_date(v)

    @field_validator("aux")
    @classmethod
    def _aux(cls, v: str | None) -> str | None:
        if v is not None and v not in AUX_VALUES:
            raise ValueError(f"aux {v!r} is not one of {list(AUX_VALUES)} or null")
        return v


class _DocumentModel(BaseModel):
    """Edge model of a gold document line."""

    model_config = ConfigDict(extra="allow", strict=True)

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    date: str | None = None
    source: str = ""
    events: list[_EventModel]

    @field_validator("date")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        return _check_date(v)


def _to_event(m: _EventModel) -> GoldEvent:
    return GoldEvent(
        id=m.id,
        event=tuple(m.event),
        mode=tuple(m.mode),
        actor=tuple(m.actor),
        recipient=tuple(m.recipient),
        reciprocal=m.reciprocal,
        cameo=tuple(m.cameo),
        date=m.date,
        aux=m.aux,
        aux_scored="aux" in m.model_fields_set,
        mentions=m.mentions,
        optional=m.optional,
        note=m.note,
    )


def _describe(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "line"
    more = f" (+{err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"


def parse_gold_line(line: str, source: str) -> GoldDocument:
    """Parse one JSONL line into a :class:`GoldDocument`; ``source`` names it in errors."""
    try:
        raw: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(raw, dict):
        raise InputError(source, "expected a JSON object (one gold document per line)")
    try:
        model = _DocumentModel.model_validate(raw)
    except ValidationError as exc:
        raise InputError(source, f"invalid gold document: {_describe(exc)}") from None
    events = tuple(_to_event(e) for e in model.events)
    ids = [e.id for e in events]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise InputError(source, f"event ids repeated within document {model.id!r}: {repeated}")
    return GoldDocument(
        id=model.id, text=model.text, date=model.date, source=model.source, events=events
    )


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8") as fh:
            yield from enumerate(fh, start=1)
    except FileNotFoundError:
        raise InputError(str(path), "no such file; give the path of a *.gold.jsonl file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory; give a *.gold.jsonl file") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "is not UTF-8 text (a gold file is JSONL)") from None


def load_gold(path: Path) -> list[GoldDocument]:
    """Read a gold JSONL file (blank lines skipped); document ids must be unique.

    Raises:
        InputError: naming ``path:line`` for the first bad line, or ``path`` when the file
            cannot be read or holds no documents.
    """
    docs: list[GoldDocument] = []
    seen: dict[str, int] = {}
    for lineno, line in _lines(path):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        doc = parse_gold_line(line, where)
        if doc.id in seen:
            raise InputError(where, f"document id {doc.id!r} already used on line {seen[doc.id]}")
        seen[doc.id] = lineno
        docs.append(doc)
    if not docs:
        raise InputError(str(path), "holds no gold documents")
    return docs


def gold_to_document(g: GoldDocument) -> Document:
    """The gold text as a pipeline :class:`~thucydides.records.Document`, ready to be coded.

    Only a full ``YYYY-MM-DD`` gold date becomes ``Document.date``. A ``YYYY`` or ``YYYY-MM``
    date gives None: inventing a day (the 1st) would make relative dates ("on Tuesday")
    resolve against a day the source never stated, and a wrong date is worse than none.
    """
    date = dt.date.fromisoformat(g.date) if g.date and len(g.date) == 10 else None
    return Document(id=g.id, text=g.text, date=date, source=g.source or None, origin=g.id)
