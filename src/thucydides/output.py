"""Writing events out: JSONL (the FORMAT.md event record), CSV and a terminal table.

Every command that prints events shares these formats (``--format table|jsonl|csv``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO

from thucydides.records import Actor, Event

FORMATS = ("table", "jsonl", "csv")

#: CSV columns: one row per event, lists joined with ";".
CSV_COLUMNS = (
    "doc_id",
    "event_id",
    "date",
    "date_precision",
    "actor",
    "actor_sector",
    "event",
    "mode",
    "recipient",
    "recipient_sector",
    "cameo",
    "quad",
    "goldstein",
    "plover_score",
    "aux",
    "context",
    "mentions",
    "confidence",
    "trigger",
    "evidence",
)


def write_jsonl(events: Iterable[Event], out: IO[str]) -> None:
    for e in events:
        out.write(json.dumps(e.to_record(), ensure_ascii=False) + "\n")


def csv_writer(out: IO[str]) -> csv.DictWriter[str]:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    return writer


def csv_row(e: Event) -> dict[str, object]:
    first = e.mentions[0] if e.mentions else None
    return {
        "doc_id": e.doc_id,
        "event_id": e.event_id,
        "date": e.date or "",
        "date_precision": e.date_precision or "",
        "actor": _codes(e.actor),
        "actor_sector": ";".join(a.sector or "" for a in e.actor),
        "event": e.event,
        "mode": e.mode or "",
        "recipient": _codes(e.recipient),
        "recipient_sector": ";".join(a.sector or "" for a in e.recipient),
        "cameo": e.cameo,
        "quad": "" if e.quad is None else e.quad,
        "goldstein": "" if e.goldstein is None else e.goldstein,
        "plover_score": "" if e.plover_score is None else e.plover_score,
        "aux": e.aux or "",
        "context": ";".join(e.context),
        "mentions": len(e.mentions),
        "confidence": e.confidence,
        "trigger": first.trigger if first else "",
        "evidence": first.text if first else "",
    }


def render_table(events: Sequence[Event], out: IO[str], *, title: str | None = None) -> None:
    """A readable table: date, actor, event/mode, recipient, CAMEO, score, mentions, evidence."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    for col, kw in (
        ("date", {"no_wrap": True}),
        ("actor", {}),
        ("event / mode", {}),
        ("recipient", {}),
        ("cameo", {"no_wrap": True}),
        ("goldstein", {"justify": "right"}),
        ("n", {"justify": "right"}),
        ("evidence", {"ratio": 1}),
    ):
        table.add_column(col, **kw)
    for e in events:
        evidence = e.mentions[0].text if e.mentions else ""
        if len(evidence) > 110:
            evidence = evidence[:107] + "..."
        kind = e.event + (f" / {e.mode}" if e.mode else "")
        if e.aux:
            kind += f" ({e.aux})"
        table.add_row(
            e.date or "-",
            _names(e.actor),
            kind,
            _names(e.recipient),
            e.cameo,
            "" if e.goldstein is None else f"{e.goldstein:+.1f}",
            str(len(e.mentions)),
            evidence,
        )
    console = Console(file=out, width=160 if not out.isatty() else None)
    console.print(table)


def _codes(actors: Sequence[Actor]) -> str:
    return ";".join(a.code or "?" for a in actors)


def _names(actors: Sequence[Actor]) -> str:
    if not actors:
        return "-"
    return ", ".join(f"{a.code or '?'}" + (f" {a.sector}" if a.sector else "") for a in actors)
