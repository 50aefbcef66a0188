"""Alliance context from the actor knowledge base: names, shared IGO memberships, suspensions.

Reads :func:`thucydides.actors.default_kb` (``actors/data/igos.yaml`` holds the membership
dates). When the knowledge base cannot be loaded, the analysis still runs: names fall back to
the codes and no memberships are shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Suspension:
    """A member's suspended participation: ``start <= date < end`` (``end`` None: ongoing)."""

    state: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class SharedMembership:
    """An IGO two states belonged to at the same time.

    Attributes:
        igo: The organization's code (``CSTO``).
        name: Its name.
        since: When both were members (the later accession).
        until: When that ended (the earlier exit), or None while both are members.
        suspensions: Spells of suspended participation of either state within that time.
    """

    igo: str
    name: str
    since: dt.date
    until: dt.date | None
    suspensions: tuple[Suspension, ...]


@dataclass(frozen=True)
class MembershipEdge:
    """A state's membership of an IGO during a period (for network graphs)."""

    state: str
    igo: str
    name: str
    suspended: bool


@dataclass(frozen=True)
class _Member:
    state: str
    joined: dt.date
    left: dt.date | None
    suspended: tuple[tuple[dt.date, dt.date | None], ...]


@dataclass(frozen=True)
class _Igo:
    code: str
    name: str
    members: tuple[_Member, ...]


@lru_cache(maxsize=1)
def _knowledge() -> tuple[dict[str, str], tuple[_Igo, ...]]:
    """(code -> name, IGOs with members) from the knowledge base; empty when it is missing."""
    try:
        from thucydides.actors import default_kb

        entries: dict[str, Any] = dict(default_kb().entries)
    except Exception:  # an unavailable or broken KB must not stop an analysis
        return {}, ()
    names: dict[str, str] = {}
    igos: list[_Igo] = []
    for entry in entries.values():
        kind, code = getattr(entry, "kind", None), getattr(entry, "code", None)
        if code is None:
            continue
        if kind in ("state", "igo", "region") and getattr(entry, "id", "").endswith(f":{code}"):
            names.setdefault(code, entry.name)
        members = getattr(entry, "members", ())
        if kind == "igo" and members:
            igos.append(
                _Igo(
                    code=code,
                    name=entry.name,
                    members=tuple(
                        _Member(m.state, m.joined, m.left, tuple(m.suspended)) for m in members
                    ),
                )
            )
    return names, tuple(sorted(igos, key=lambda i: i.code))


def actor_name(code: str) -> str:
    """The knowledge base's name for an actor code ("Armenia"), or the code itself."""
    return _knowledge()[0].get(code, code)


def shared_memberships(a: str, b: str) -> tuple[SharedMembership, ...]:
    """Every IGO in which ``a`` and ``b`` were members at the same time, by accession date."""
    out = []
    for igo in _knowledge()[1]:
        for ma in (m for m in igo.members if m.state == a):
            for mb in (m for m in igo.members if m.state == b):
                since = max(ma.joined, mb.joined)
                ends = [d for d in (ma.left, mb.left) if d is not None]
                until = min(ends) if ends else None
                if until is not None and until <= since:
                    continue
                spells = tuple(
                    Suspension(m.state, start, end)
                    for m in (ma, mb)
                    for start, end in m.suspended
                    if (until is None or start < until) and (end is None or end > since)
                )
                out.append(SharedMembership(igo.code, igo.name, since, until, spells))
    return tuple(sorted(out, key=lambda s: (s.since, s.igo)))


def membership_edges(
    states: set[str], start: dt.date | None, end: dt.date | None
) -> list[MembershipEdge]:
    """Memberships of ``states`` that overlap ``[start, end)``; suspended when a suspension
    covers the end of that window (or today, with no end)."""
    last = (end - dt.timedelta(days=1)) if end is not None else dt.date.today()
    out = []
    for igo in _knowledge()[1]:
        for m in igo.members:
            if m.state not in states:
                continue
            if (start is not None and m.left is not None and m.left <= start) or m.joined > last:
                continue
            suspended = any(s <= last and (e is None or last < e) for s, e in m.suspended)
            out.append(MembershipEdge(m.state, igo.code, igo.name, suspended))
    return sorted(set(out), key=lambda e: (e.igo, e.state))
