"""The dedup stage: mentions of one event become one event.

Within a document, two mentions report the same event when they have the same PLOVER type,
the same actor codes, the same recipient codes, the same auxiliary mode and dates that do not
disagree (compared at the coarser precision; an undated mention agrees with any date). Then:

- a mention with no auxiliary mode and an inferred date joins the single event of the same
  trigger entry that has one ("announced it *would stop* paying fees" ... "the decision *to
  stop* paying fees"): the later mention restates the event without its tense;
- a mention with no actor (or no recipient) joins the single event that differs only by
  naming it ("accusations against Russian peacekeepers" ... "Armenia accused Russia");
- an anaphoric mention ("*the negotiations* took place") joins the latest earlier event of
  its type.

Events that differ in date or auxiliary mode stay apart: the December visit is not the May
visit. Merging across articles is a later stage (corpus ingest).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from thucydides.coding.coder import MISSION_ENTRIES, THREAT_OF, EventMention
from thucydides.coding.ontology import Ontology
from thucydides.records import Actor, Document, Event, Mention


@dataclass
class _Cluster:
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    @property
    def event(self) -> str:
        return self.first.event

    @property
    def actors(self) -> frozenset[str]:
        # the union: a mention absorbed with an unnamed side ("stormed a flotilla") names
        # less, never other parties
        return frozenset().union(*(_codes(m.actor) for m in self.mentions))

    @property
    def recipients(self) -> frozenset[str]:
        return frozenset().union(*(_codes(m.recipient) for m in self.mentions))

    @property
    def aux(self) -> str | None:
        return self.first.aux

    @property
    def date(self) -> str | None:
        for m in self.mentions:
            if m.date_explicit:
                return m.date
        return self.first.date

    @property
    def explicit(self) -> bool:
        return any(m.date_explicit for m in self.mentions)


def merge(
    doc: Document,
    mentions: Sequence[EventMention],
    ontology: Ontology,
    contexts: Sequence[str] = (),
) -> list[Event]:
    """Merge a document's event mentions into events, in order of first mention."""
    ordered = sorted(mentions, key=lambda m: m.mention.trigger_start or m.mention.start)
    clusters: list[_Cluster] = []
    anaphora: list[EventMention] = []
    for m in ordered:
        if m.anaphoric:
            anaphora.append(m)
            continue
        target = next((c for c in clusters if _same_event(c, m)), None)
        if target is None:
            clusters.append(_Cluster([m]))
        else:
            target.mentions.append(m)

    clusters = _absorb(clusters, _tenseless_restatement)
    clusters = _absorb(clusters, _unnamed_party)
    for m in anaphora:
        pos = m.mention.trigger_start or m.mention.start
        earlier = [
            c for c in clusters if c.event == m.event and (c.first.mention.trigger_start or 0) < pos
        ]
        if m.actor or m.recipient:
            # "killed in the strikes", coded with the strikes' parties: their event
            earlier = [
                c
                for c in earlier
                if c.actors == _codes(m.actor) and c.recipients == _codes(m.recipient)
            ]
            if not earlier:
                clusters.append(_Cluster([m]))
                continue
        if earlier:
            earlier[-1].mentions.append(m)

    events = [_build(doc, c, ontology, contexts) for c in clusters]
    return sorted(events, key=lambda e: (e.mentions[0].start, e.mentions[0].sentence))


def _same_event(c: _Cluster, m: EventMention) -> bool:
    return (
        c.event == m.event
        and c.actors == _codes(m.actor)
        and c.recipients == _codes(m.recipient)
        and c.aux == m.aux
        and _dates_agree(c.date, m.date)
        and not _two_acts_in_one_sentence(c, m)
        and _restates(c, m)
    )


def _restates(c: _Cluster, m: EventMention) -> bool:
    """Whether ``m`` can be a report of the cluster's act: told with the same trigger entry,
    in a repeated sentence, or as a noun ("the expulsion") on either side. Two different
    verbs ("accused Rabat of ..." and later "called the move blackmail") are two acts of the
    same type and dyad, as the development articles' gold codes them (strict F1 0.595 ->
    0.604 on them when they stopped merging; keeping nouns apart too raised the seed's
    mention-count error from 0.27 to 0.36)."""
    if any(x.entry.id == m.entry.id or x.mention.text == m.mention.text for x in c.mentions):
        return True
    return _nominal(m) or any(_nominal(x) for x in c.mentions)


def _nominal(m: EventMention) -> bool:
    return "NOUN" in m.entry.pos


def _two_acts_in_one_sentence(c: _Cluster, m: EventMention) -> bool:
    """ "announced Britain's expulsion of 23 diplomats and suspended high-level contacts":
    one sentence reporting two acts of the same type, told apart by their modes. A story
    repeats an event in other sentences, seldom twice in one."""
    return any(
        x.mention.sentence == m.mention.sentence
        and x.mode is not None
        and m.mode is not None
        and x.mode != m.mode
        for x in c.mentions
    )


def _tenseless_restatement(small: _Cluster, big: _Cluster) -> bool:
    return (
        small.aux is None
        and big.aux in ("future", "historical")
        and not small.explicit
        and _dates_agree(small.date, big.date)
        and small.event == big.event
        and small.actors == big.actors
        and small.recipients == big.recipients
        and {m.entry.id for m in small.mentions} <= {m.entry.id for m in big.mentions}
    )


def _unnamed_party(small: _Cluster, big: _Cluster) -> bool:
    if small.event != big.event or small.aux != big.aux or small is big:
        return False
    if not _dates_agree(small.date, big.date):
        return False
    actors_ok = small.actors == big.actors or (not small.actors and bool(big.actors))
    recips_ok = small.recipients == big.recipients or (
        not small.recipients and bool(big.recipients)
    )
    return actors_ok and recips_ok and (not small.actors or not small.recipients)


def _absorb(clusters: list[_Cluster], rule: Callable[[_Cluster, _Cluster], bool]) -> list[_Cluster]:
    """Merge each cluster into the single other cluster ``rule(small, big)`` accepts."""
    out = list(clusters)
    for small in list(out):
        targets = [big for big in out if big is not small and rule(small, big)]
        if len(targets) == 1:
            targets[0].mentions.extend(small.mentions)
            targets[0].mentions.sort(key=lambda m: m.mention.trigger_start or 0)
            out.remove(small)
    return out


def _build(doc: Document, c: _Cluster, ontology: Ontology, contexts: Sequence[str]) -> Event:
    base = max(c.mentions, key=lambda m: (len(m.cameo), -(m.mention.trigger_start or 0)))
    if not base.actor or not base.recipient:
        named = [m for m in c.mentions if m.actor and m.recipient]
        base = named[0] if named else base
    finer = [
        m
        for m in c.mentions
        if m.cameo[:2] == base.cameo[:2] and _specificity(m)[:2] > _specificity(base)[:2]
    ]
    if finer:
        # a mention that names no party may still say what kind of act it was: "shelled
        # Douma, *violating* a truce" is 196, not the root's unspecified 190
        base = max(finer, key=_specificity)
    code = ontology.cameo(base.cameo)
    mode = base.mode or next((m.mode for m in c.mentions if m.mode), None)
    event = c.event
    if (
        c.aux == "future"
        and event in THREAT_OF
        and any(m.modal_future for m in c.mentions)
        and not all(m.entry.id in MISSION_ENTRIES for m in c.mentions)
    ):
        # "Armenia would leave the CSTO": an announced conflictual act is a threat (CAMEO 13)
        code = ontology.cameo(THREAT_OF[event])
        event, mode = code.plover_event or "THREATEN", code.plover_mode or None
    dated = next((m for m in c.mentions if m.date_explicit), c.first)
    mentions = _one_per_sentence([m.mention for m in c.mentions])
    conf = 1.0
    for m in c.mentions:
        conf *= 1.0 - m.confidence
    context = tuple(dict.fromkeys([*_split(code.plover_context), *contexts]))
    actor = _best(c.mentions, "actor")
    recipient = _best(c.mentions, "recipient")
    event_id = _event_id(doc.id, event, actor, recipient, dated.date, c.aux, mentions[0])
    return Event(
        doc_id=doc.id,
        event_id=event_id,
        event=event,
        mode=mode,
        cameo=code.code,
        actor=actor,
        recipient=recipient,
        context=context,
        quad=code.quad,
        goldstein=code.goldstein,
        plover_score=ontology.plover_score(event, mode),
        date=dated.date,
        date_precision=dated.date_precision,  # type: ignore[arg-type]
        aux=c.aux,  # type: ignore[arg-type]
        mentions=tuple(mentions),
        confidence=round(1.0 - conf, 3),
    )


def _specificity(m: EventMention) -> tuple[int, bool, int]:
    """How specific a mention's CAMEO code is, to compare codes of one root: longer first,
    then not the root's "unspecified" code (190 < 196), then the earlier mention."""
    return (len(m.cameo), not m.cameo.endswith("0"), -(m.mention.trigger_start or 0))


def _best(mentions: Sequence[EventMention], side: str) -> tuple[Actor, ...]:
    """The fullest naming of one side: the mention whose entities carry the most names."""
    options = [getattr(m, side) for m in mentions if getattr(m, side)]
    if not options:
        return ()
    return max(options, key=lambda actors: sum(a.name is not None for a in actors))


def _one_per_sentence(mentions: Sequence[Mention]) -> list[Mention]:
    seen: set[int] = set()
    out = []
    for m in sorted(mentions, key=lambda m: (m.start, m.trigger_start or 0)):
        if m.sentence not in seen:
            seen.add(m.sentence)
            out.append(m)
    return out


def _codes(actors: Sequence[Actor]) -> frozenset[str]:
    return frozenset(a.code for a in actors if a.code)


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _split(context: str | None) -> list[str]:
    if not context:
        return []
    return [c.strip() for c in context.replace(",", ";").split(";") if c.strip()]


def _event_id(
    doc_id: str,
    event: str,
    actor: Sequence[Actor],
    recipient: Sequence[Actor],
    date: str | None,
    aux: str | None,
    first: Mention,
) -> str:
    key = "|".join(
        [
            doc_id,
            event,
            ",".join(sorted(a.code or "" for a in actor)),
            ",".join(sorted(a.code or "" for a in recipient)),
            date or "",
            aux or "",
            str(first.trigger_start if first.trigger_start is not None else first.start),
        ]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
