"""The core records that flow through the pipeline.

Every stage takes and returns these frozen dataclasses; pydantic appears only at the edges
(file formats, config, HTTP). The JSON form of an :class:`Event` is the *event record* of
``../shared/gold/FORMAT.md`` and is produced by :meth:`Event.to_record`.

    Document  --(nlp, actors, coding)-->  Event(actor=[Actor], mentions=[Mention])
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Aux = Literal["historical", "future", "hypothetical", "negated"]
AUX_VALUES: tuple[str, ...] = ("historical", "future", "hypothetical", "negated")
Precision = Literal["year", "month", "day"]


@dataclass(frozen=True)
class Document:
    """One news document, as ingested.

    Attributes:
        id: Stable identifier (from the input, or derived from the file name / content hash).
        text: Plain text; every character offset in the system points into this string.
        date: Publication date, or None when unknown (relative dates then stay unresolved).
        title: Headline, when the source gives one.
        url: Where the document came from, when known.
        source: Outlet or provenance note (free text).
        origin: The input it was read from (path, ``-`` for stdin, ``path:line`` for JSONL).
    """

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None


@dataclass(frozen=True)
class Actor:
    """An entity that acts or is acted upon, resolved against the knowledge base.

    Attributes:
        code: Country-or-organization code (ISO3, IGO acronym, CAMEO region code, ``NSA``), or
            None when the text names someone the knowledge base cannot place.
        sector: PLOVER sector (``GOV``, ``MIL``, ``REB`` ...) or None.
        name: Canonical name of the entity behind the code ("Nikol Pashinyan", "Russia").
        text: The words in the document that named it.
        entry: Identifier of the knowledge-base entry that resolved it (for explanations).
    """

    code: str | None
    sector: str | None = None
    name: str | None = None
    text: str = ""
    entry: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {"code": self.code, "sector": self.sector, "name": self.name, "text": self.text}


@dataclass(frozen=True)
class Mention:
    """One place in a document that reports an event.

    Attributes:
        sentence: Index of the sentence in the document (0-based).
        start: Character offset of the sentence start in ``Document.text``.
        end: Character offset of the sentence end (exclusive).
        text: The sentence text (``Document.text[start:end]``).
        trigger: The word(s) that signal the event ("visited", "the visit of").
        trigger_start: Character offset of the trigger in ``Document.text``.
    """

    sentence: int
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "trigger": self.trigger,
        }


@dataclass(frozen=True)
class Location:
    """Where an event happened, when the text says so."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Event:
    """A coded event: who did what to whom, when, with every mention that reports it.

    Attributes:
        doc_id: The document it was coded from.
        event_id: Stable id (a hash of doc id, type, actors, recipients, date and aux).
        event: PLOVER event type (one of the 16).
        mode: PLOVER mode, or None.
        context: PLOVER contexts of the document ("diplomatic", "military", ...).
        cameo: CAMEO code as a string with leading zeros ("042").
        quad: CAMEO quad class (0 statement, 1 verbal coop, 2 material coop, 3 verbal
            conflict, 4 material conflict).
        goldstein: Goldstein score of the CAMEO code (-10..10).
        plover_score: PLOVER intensity score of the type/mode.
        actor: The acting entities (several for compound actors or host-less meetings).
        recipient: The entities acted upon.
        date: The event's own date as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None.
        date_precision: ``year``, ``month`` or ``day`` (None with no date).
        aux: Auxiliary mode: historical, future, hypothetical, negated, or None.
        mentions: Every sentence that reports it, in document order.
        location: Where it happened, when known.
        confidence: The coder's confidence in [0, 1].
    """

    doc_id: str
    event_id: str
    event: str
    mode: str | None
    cameo: str
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    context: tuple[str, ...] = ()
    quad: int | None = None
    goldstein: float | None = None
    plover_score: float | None = None
    date: str | None = None
    date_precision: Precision | None = None
    aux: Aux | None = None
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
    location: Location | None = None
    confidence: float = 1.0

    @property
    def negated(self) -> bool:
        return self.aux == "negated"

    def to_record(self) -> dict[str, Any]:
        """The FORMAT.md event record (what ``--format jsonl`` prints)."""
        return {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "plover_score": self.plover_score,
            "actor": [a.to_record() for a in self.actor],
            "recipient": [a.to_record() for a in self.recipient],
            "date": self.date,
            "date_precision": self.date_precision,
            "aux": self.aux,
            "location": asdict(self.location) if self.location else None,
            "mentions": [m.to_record() for m in self.mentions],
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Event:
        """Rebuild an event from its FORMAT.md record (the inverse of :meth:`to_record`)."""

        def actors(items: list[dict[str, Any]] | None) -> tuple[Actor, ...]:
            return tuple(
                Actor(
                    code=a.get("code"),
                    sector=a.get("sector"),
                    name=a.get("name"),
                    text=a.get("text") or "",
                )
                for a in items or []
            )

        loc = rec.get("location")
        return cls(
            doc_id=str(rec["doc_id"]),
            event_id=str(rec.get("event_id") or ""),
            event=rec["event"],
            mode=rec.get("mode"),
            cameo=str(rec.get("cameo") or ""),
            actor=actors(rec.get("actor")),
            recipient=actors(rec.get("recipient")),
            context=tuple(rec.get("context") or ()),
            quad=rec.get("quad"),
            goldstein=rec.get("goldstein"),
            plover_score=rec.get("plover_score"),
            date=rec.get("date"),
            date_precision=rec.get("date_precision"),
            aux=rec.get("aux"),
            mentions=tuple(
                Mention(
                    sentence=int(m.get("sentence", 0)),
                    start=int(m.get("start", 0)),
                    end=int(m.get("end", 0)),
                    text=m.get("text", ""),
                    trigger=m.get("trigger", ""),
                )
                for m in rec.get("mentions") or []
            ),
            location=Location(**loc) if isinstance(loc, dict) else None,
            confidence=float(rec.get("confidence", 1.0)),
        )
