"""Resolve a piece of text (a name or a noun phrase) on its own, with an optional context.

This is what ``thucydides actors lookup/resolve/eval`` run: an exact knowledge-base name is
answered by :meth:`KnowledgeBase.lookup` (which says which entry matched and why); anything else
is parsed and read as a noun phrase by :meth:`ActorResolver.resolve_span`. A ``context`` (a
sentence or a country hint such as "German") supplies the country of a phrase that names none
("Defense Minister" with context "German" -> DEU GOV).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from thucydides.actors.kb import KnowledgeBase
from thucydides.actors.resolver import ActorResolver
from thucydides.records import Actor

# Match kinds that place a phrase in a country (a context's state, demonym or capital).
_PLACING_KINDS = frozenset({"state", "demonym", "metonym"})


@dataclass(frozen=True)
class TextResolution:
    """What a text resolves to.

    Attributes:
        text: The text as given.
        actors: The actors it denotes (empty: unresolved; the first is the main one).
        kind: How the first actor was named (``state``, ``person``, ``sector`` ...), or None.
        reason: One line saying which entry matched and why.
    """

    text: str
    actors: tuple[Actor, ...]
    kind: str | None
    reason: str

    @property
    def actor(self) -> Actor | None:
        return self.actors[0] if self.actors else None


class TextResolver:
    """Resolves short texts against a knowledge base, parsing with a spaCy pipeline."""

    def __init__(self, nlp: Any, kb: KnowledgeBase) -> None:
        self.nlp = nlp
        self.kb = kb
        self.resolver = ActorResolver(kb)

    def resolve(
        self, text: str, date: dt.date | None = None, context: str | None = None
    ) -> TextResolution:
        """Resolve ``text`` as of ``date``; ``context`` fills in a missing country."""
        stripped = text.strip()
        found = self.kb.lookup(stripped, date) if stripped else None
        if found is not None and found.kind != "sector":
            result = TextResolution(text, (found.actor,), found.kind, found.reason)
        else:
            result = self._as_phrase(text, stripped, date)
        if context and (result.actor is None or result.actor.code is None):
            result = self._placed(result, context, date)
        return result

    def _as_phrase(self, text: str, stripped: str, date: dt.date | None) -> TextResolution:
        doc = self.nlp(stripped)
        actors = tuple(self.resolver.resolve_span(doc[:], date)) if len(doc) else ()
        if not actors:
            return TextResolution(text, (), None, "no knowledge-base name heads this phrase")
        head = doc[:].root
        first = actors[0]
        kind = _kind_of(self.kb, first)
        reason = f"noun phrase headed by {head.text!r}: " + (
            f"{first.name or first.code} ({first.entry})" if first.entry else "a role noun"
        )
        if first.sector:
            reason += f", sector {first.sector}"
        return TextResolution(text, actors, kind, reason)

    def _placed(self, result: TextResolution, context: str, date: dt.date | None) -> TextResolution:
        for match in self.resolver.find_all(self.nlp(context), date):
            if match.kind in _PLACING_KINDS and match.actor.code:
                owner = match.actor
                sector = result.actor.sector if result.actor is not None else None
                actor = Actor(owner.code, sector, owner.name, result.text.strip(), owner.entry)
                rest = result.actors[1:]
                reason = f"{result.reason}; country from the context: {match.actor.text!r}"
                return TextResolution(result.text, (actor, *rest), result.kind, reason)
        return result


def _kind_of(kb: KnowledgeBase, actor: Actor) -> str:
    if actor.entry is None:
        return "sector"
    entry = kb.entries.get(actor.entry)
    return entry.kind if entry is not None else "sector"
