"""Conversion between the core records and the store's rows.

Writing goes column-wise: :func:`batch_columns` turns a batch of coded documents into one
:class:`Columns` per table (column name -> list of values), which the store inserts with one
statement per table. Reading goes row-wise: :func:`build_events` reassembles
:class:`~thucydides.records.Event` values from the rows of ``events``, ``event_actors`` and
``mentions``. The column names here are those of ``schema.sql``; the store checks that they
agree before it writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from ..records import Actor, Aux, Document, Event, Location, Mention, Precision

Columns = dict[str, list[Any]]
"""One table's rows, column-wise: column name -> one value per row."""

Batch = Sequence[tuple[Document, Sequence[Event]]]
"""What :meth:`EventStore.write` takes: each document with every event coded from it."""

ROLES: tuple[str, str] = ("actor", "recipient")

# ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the event date forms of ../shared/gold/FORMAT.md.
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class BatchError(ValueError):
    """A batch is inconsistent (an event filed under another document, a repeated document)."""


def period_start(date: str | None) -> dt.date | None:
    """The first day of an event date at any precision; None when absent or not a date."""
    match = _DATE_RE.match(date or "")
    if not match:
        return None
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def content_hash(text: str) -> str:
    """SHA-256 of the document text (UTF-8), hex: tells whether a re-coded text changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def batch_columns(batch: Batch, coder_version: str, coded_at: dt.datetime) -> dict[str, Columns]:
    """Every row a batch writes, per table (``documents``, ``events``, ...), column-wise."""
    tables: dict[str, Columns] = {
        name: defaultdict(list) for name in ("documents", "events", "event_actors", "mentions")
    }
    seen: set[str] = set()
    for doc, events in batch:
        if doc.id in seen:
            raise BatchError(f"document {doc.id!r} appears twice in one batch")
        seen.add(doc.id)
        _add(tables["documents"], _document_row(doc, coder_version, coded_at))
        for seq, event in enumerate(events):
            if event.doc_id != doc.id:
                raise BatchError(
                    f"event {event.event_id!r} belongs to document {event.doc_id!r}, "
                    f"but was written with document {doc.id!r}"
                )
            _add(tables["events"], _event_row(event, seq, doc.date))
            for row in _actor_rows(event):
                _add(tables["event_actors"], row)
            for row in _mention_rows(event):
                _add(tables["mentions"], row)
    return {name: dict(columns) for name, columns in tables.items()}


def _add(columns: Columns, row: dict[str, Any]) -> None:
    for name, value in row.items():
        columns[name].append(value)


def _document_row(doc: Document, coder_version: str, coded_at: dt.datetime) -> dict[str, Any]:
    return {
        "doc_id": doc.id,
        "date": doc.date,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "origin": doc.origin,
        "text": doc.text,
        "content_hash": content_hash(doc.text),
        "coded_at": coded_at,
        "coder_version": coder_version,
    }


def _event_row(event: Event, seq: int, doc_date: dt.date | None) -> dict[str, Any]:
    first_actor = event.actor[0] if event.actor else None
    first_recipient = event.recipient[0] if event.recipient else None
    loc = event.location
    return {
        "doc_id": event.doc_id,
        "event_id": event.event_id,
        "seq": seq,
        "event": event.event,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "plover_score": event.plover_score,
        "context": list(event.context),
        "date": event.date,
        "date_precision": event.date_precision,
        "aux": event.aux,
        "day": period_start(event.date) or doc_date,
        "actor_code": first_actor.code if first_actor else None,
        "actor_sector": first_actor.sector if first_actor else None,
        "recipient_code": first_recipient.code if first_recipient else None,
        "recipient_sector": first_recipient.sector if first_recipient else None,
        "num_mentions": len(event.mentions),
        "first_offset": event.mentions[0].start if event.mentions else None,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "confidence": event.confidence,
    }


def _actor_rows(event: Event) -> Iterable[dict[str, Any]]:
    for role, actors in zip(ROLES, (event.actor, event.recipient), strict=True):
        for seq, actor in enumerate(actors):
            yield {
                "doc_id": event.doc_id,
                "event_id": event.event_id,
                "role": role,
                "seq": seq,
                "code": actor.code,
                "sector": actor.sector,
                "name": actor.name,
                "text": actor.text,
                "entry": actor.entry,
            }


def _mention_rows(event: Event) -> Iterable[dict[str, Any]]:
    for seq, mention in enumerate(event.mentions):
        yield {
            "doc_id": event.doc_id,
            "event_id": event.event_id,
            "sentence": mention.sentence,
            "seq": seq,
            "start_char": mention.start,
            "end_char": mention.end,
            "text": mention.text,
            "trigger": mention.trigger,
            "trigger_start": mention.trigger_start,
        }


EventKey = tuple[str, str]
"""(doc_id, event_id): how the child tables point at their event."""


def build_events(
    event_rows: Iterable[dict[str, Any]],
    actor_rows: Iterable[dict[str, Any]],
    mention_rows: Iterable[dict[str, Any]],
) -> list[Event]:
    """Events from their rows; child rows must come in ``seq`` order, events in output order."""
    actors: dict[EventKey, dict[str, list[Actor]]] = defaultdict(lambda: {r: [] for r in ROLES})
    for row in actor_rows:
        actor = Actor(
            code=row["code"],
            sector=row["sector"],
            name=row["name"],
            text=row["text"],
            entry=row["entry"],
        )
        actors[row["doc_id"], row["event_id"]][row["role"]].append(actor)
    mentions: dict[EventKey, list[Mention]] = defaultdict(list)
    for row in mention_rows:
        mentions[row["doc_id"], row["event_id"]].append(
            Mention(
                sentence=row["sentence"],
                start=row["start_char"],
                end=row["end_char"],
                text=row["text"],
                trigger=row["trigger"],
                trigger_start=row["trigger_start"],
            )
        )
    return [_event(row, actors, mentions) for row in event_rows]


def _event(
    row: dict[str, Any],
    actors: dict[EventKey, dict[str, list[Actor]]],
    mentions: dict[EventKey, list[Mention]],
) -> Event:
    key = (row["doc_id"], row["event_id"])
    roles = actors.get(key, {r: [] for r in ROLES})
    location = None
    if row["location_name"] is not None:
        location = Location(
            name=row["location_name"],
            country=row["location_country"],
            lat=row["location_lat"],
            lon=row["location_lon"],
        )
    return Event(
        doc_id=row["doc_id"],
        event_id=row["event_id"],
        event=row["event"],
        mode=row["mode"],
        cameo=row["cameo"],
        actor=tuple(roles["actor"]),
        recipient=tuple(roles["recipient"]),
        context=tuple(row["context"]),
        quad=row["quad"],
        goldstein=row["goldstein"],
        plover_score=row["plover_score"],
        date=row["date"],
        date_precision=cast(Precision | None, row["date_precision"]),
        aux=cast(Aux | None, row["aux"]),
        mentions=tuple(mentions.get(key, ())),
        location=location,
        confidence=row["confidence"],
    )


def document_from_row(row: dict[str, Any]) -> Document:
    """A :class:`Document` from its ``documents`` row (store bookkeeping columns dropped)."""
    return Document(
        id=row["doc_id"],
        text=row["text"],
        date=row["date"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        origin=row["origin"],
    )
