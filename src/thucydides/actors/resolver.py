"""Resolve noun phrases of a parsed document to actors.

Two entry points over spaCy parses:

* :meth:`ActorResolver.find_all` scans a document for every name the knowledge base knows,
  longest match first, and returns the non-overlapping mentions (for indexing and candidate
  generation).
* :meth:`ActorResolver.resolve_span` reads one argument noun phrase (the subtree of a subject or
  object) and returns the entities it *denotes*: its head decides. The rules, in order:

  1. A knowledge-base name that covers the head token (matched over the whole span, so names
     with prepositions such as "International Court of Justice" survive) is the referent:
     "the Collective Security Treaty Organization, a Russia-dominated security pact" -> CSTO.
  2. Otherwise the head must be a role noun ("minister", "peacekeepers", "spokesman"): its
     country comes from names among its own modifiers (possessor, adjective, compound:
     "Armenia's Prime Minister", "Russian peacekeepers"), else from an "of"/"for" phrase ("a
     spokesman for the Chinese foreign ministry"); its sector from the role, else from that
     owner. An unknown proper name titled by a role ("Governor Vadim Shumkov") counts as the role.
  3. Anything else ("Armenia's decision", "Russia-dominated security pacts") denotes no actor.

  Appositions, relative clauses and other prepositional phrases never contribute (an apposition
  is consulted only when the head is an unknown proper name). Coordinated heads ("the European
  Union and NATO") are resolved one by one. A modifier such as "former" sets sector ELI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from thucydides.actors.kb import AliasEntry, KnowledgeBase
from thucydides.actors.normalize import norm_word
from thucydides.records import Actor

#: Words that, right before a name ("anti-Syria", "pro-Russian"), say the phrase is for or
#: against that state, not of it.
STANCE_PREFIXES = frozenset({"anti", "pro"})

# Dependents that never describe the head's identity (spaCy English dependency labels).
_DETACHED = frozenset(
    {
        "appos",
        "relcl",
        "acl",
        "advcl",
        "conj",
        "cc",
        "punct",
        "parataxis",
        "prep",
        "preconj",
        "dep",
        "mark",
        "advmod",
    }
)
_OWNER_PREPS = frozenset({"of", "for"})
# "Muslim leaders in France", "trade unions in Denmark": a place phrase owns a role only when
# nothing else does, and never for armed forces (troops in Syria are seldom Syria's).
_PLACE_PREPS = frozenset({"in"})
_NOT_OWNED_BY_PLACE = frozenset({"MIL"})
#: Heads that only count what their "of" phrase names ("several of", "some of", "two of").
QUANTIFIERS = frozenset(
    {
        "several",
        "some",
        "many",
        "most",
        "all",
        "both",
        "each",
        "few",
        "none",
        "any",
        "dozens",
        "tens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "majority",
        "minority",
        "half",
        "rest",
        "one",
    }
)
# Role sectors that a non-state group owner overrides: its members are what the group is.
_ARMED_SECTORS = frozenset({"MIL", "UAF", "REB", "PRM"})


@dataclass(frozen=True)
class ActorMatch:
    """One actor mention found by :meth:`ActorResolver.find_all`.

    Attributes:
        start: Index of the first token.
        end: Index after the last token (exclusive).
        actor: The resolved actor (``text`` is the matched words).
        kind: How the words refer: ``state``, ``igo``, ``person``, ``metonym``, ``demonym`` ...
    """

    start: int
    end: int
    actor: Actor
    kind: str


@dataclass(frozen=True)
class _Hit:
    """A knowledge-base name matched over tokens (``tokens`` as matched, punctuation skipped)."""

    tokens: tuple[Token, ...]
    aliases: tuple[AliasEntry, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].i

    @property
    def end(self) -> int:
        return self.tokens[-1].i + 1

    def covers(self, token: Token) -> bool:
        return self.start <= token.i < self.end

    @property
    def coded(self) -> bool:
        return self.aliases[0].entry.code is not None

    @property
    def discard(self) -> bool:
        return self.aliases[0].kind == "discard"


class ActorResolver:
    """Matches knowledge-base names on spaCy tokens; see the module docstring for the rules."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # -- scanning ------------------------------------------------------------------------

    def _scan(self, tokens: Iterable[Token]) -> list[_Hit]:
        """Longest-first, left-to-right, non-overlapping matches over ``tokens``."""
        content = [(t, w) for t in tokens if (w := norm_word(t.text))]
        words = [w for _, w in content]
        hits: list[_Hit] = []
        surnames: set[str] = set()  # last words of the people named so far
        i = 0
        while i < len(content):
            if i > 0 and words[i - 1] in STANCE_PREFIXES:
                i += 1  # "anti-Syria journalist", "pro-Russian separatists": not Syria's
                continue
            longest = self.kb.max_len.get(words[i], 0)
            step = 1
            for n in range(min(longest, len(content) - i), 0, -1):
                key = tuple(words[i : i + n])
                if key not in self.kb.index:
                    continue
                if n > 1 and self._runs_past(words, i, n):
                    break  # "President Xi Jinping": "Xi Jinping" wins over "President Xi"
                toks = tuple(t for t, _ in content[i : i + n])
                surface = " ".join(t.text for t in toks)
                found = self.kb.candidates(key, surface)
                if found and i > 0 and _other_given_name(content[i - 1][0], found, self.kb):
                    found = ()  # "Samar Badawi" is not Abdullah Ahmad Badawi
                if found and i > 0 and _surname_demonym(content[i - 1][0], toks, found):
                    found = ()  # "Volker Turk" is a person, not Turkey
                if found and i > 0 and len(toks) == 1 and _surname_particle(content[i - 1][0]):
                    # "Del Rosario held talks": a surname, not Argentina's city
                    found = tuple(a for a in found if a.kind == "person")
                if (
                    found
                    and i + n < len(content)
                    and _place_given_name(toks, content[i + n][0], found)
                ):
                    found = ()  # "Aden Duale" is a person, not Yemen's port
                if found and n == 1 and toks[0].text in surnames:
                    # "William Hague ... *Hague* told parliament": the person named again,
                    # which coreference resolves, not The Hague
                    found = tuple(a for a in found if a.kind == "person")
                if found:
                    if n > 1 and any(a.kind == "person" for a in found):
                        surnames.add(toks[-1].text)
                    hits.append(_Hit(toks, found))
                    step = n
                    break
            i += step
        return hits

    def _runs_past(self, words: list[str], i: int, n: int) -> bool:
        """Whether a name starting inside ``words[i : i + n]`` runs past its end."""
        for j in range(i + 1, i + n):
            for m in range(min(self.kb.max_len.get(words[j], 0), len(words) - j), i + n - j, -1):
                if tuple(words[j : j + m]) in self.kb.index:
                    return True
        return False

    def _actor(self, hit: _Hit, text: str, date: dt.date | None) -> tuple[Actor, str]:
        alias = self.kb.choose(hit.aliases, date)
        actor, _ = self.kb.actor_for(alias, text, date)
        return actor, alias.kind

    def find_all(self, doc: Doc, date: dt.date | None = None) -> list[ActorMatch]:
        """Every named actor in ``doc`` (role nouns and discarded phrases left out)."""
        out = []
        for hit in self._scan(doc):
            if hit.coded:
                text = doc[hit.start : hit.end].text
                actor, kind = self._actor(hit, text, date)
                out.append(ActorMatch(hit.start, hit.end, actor, kind))
        return out

    # -- noun phrases --------------------------------------------------------------------

    def resolve_span(self, span: Span, date: dt.date | None = None) -> list[Actor]:
        """The actors an argument noun phrase denotes (empty when its head is no actor)."""
        span_hits = self._scan(span)
        heads = [span.root, *(c for c in span.root.conjuncts if span.start <= c.i < span.end)]
        heads.sort(key=lambda t: t.i)
        actors: list[Actor] = []
        covered: list[_Hit] = []
        for head in heads:
            if any(h.covers(head) for h in covered):
                continue  # "Bosnia and Herzegovina": one name over both conjuncts
            text = span.text if len(heads) == 1 else _core_text(head, span)
            for actor, hit in self._resolve_head(head, span, span_hits, text, date):
                if hit is not None:
                    covered.append(hit)
                if actor not in actors:
                    actors.append(actor)
        return actors

    def _resolve_head(
        self, head: Token, span: Span, span_hits: list[_Hit], text: str, date: dt.date | None
    ) -> list[tuple[Actor, _Hit | None]]:
        core = _core(head, span)
        modifier = next(
            (
                self.kb.modifiers[t.lower_]
                for t in core
                if t.i < head.i and t.lower_ in self.kb.modifiers
            ),
            None,
        )
        core_hits = self._scan(core)
        span_own = next((h for h in span_hits if h.covers(head)), None)
        core_own = next((h for h in core_hits if h.covers(head)), None)
        # A name over the whole span wins ("International Court of Justice"); else what the
        # head's own words name; else a role phrase that reaches outside them ("partially
        # recognized country", whose adverb the core leaves out).
        own = span_own if span_own is not None and span_own.coded else core_own or span_own
        if own is not None and own.discard:
            return []
        if own is None and (head.lower_ in QUANTIFIERS or head.pos_ == "NUM"):
            # "several of the largest trade unions in Denmark": the "of" phrase denotes
            of_phrase = self._owners_via_preposition(head, span, date, frozenset({"of"}))
            return [(a, None) for a in of_phrase]
        organ = self._state_organ(own, core_hits, text, date)
        if organ is not None:
            return [(organ, None)]
        if own is not None and own.coded:
            actor, kind = self._actor(own, text, date)
            if kind == "metonym" and actor.sector is not None:
                actor = self._foreign_body(actor, own, core_hits, text, date)
            if kind == "person" and date is None:
                actor = self._titled(actor, own, core_hits)
            if kind == "person":
                actor = self._serving(actor, own, core_hits, text, date)
            return [(_modified(actor, self.kb, modifier) if modifier else actor, own)]
        role_sector: str | None = None
        role_found = own is not None
        if own is not None:
            role_sector = own.aliases[0].entry.sector
            if role_sector is None:  # "the governor's spokesman", "intelligence agency officer"
                role_sector = next(
                    (
                        h.aliases[0].entry.sector
                        for h in reversed(core_hits)
                        if not h.coded and h.end <= own.start and h.aliases[0].entry.sector
                    ),
                    None,
                )
        elif head.pos_ == "PROPN":
            titles = [h for h in core_hits if not h.coded and h.end <= head.i]
            if not titles:  # an unknown name: let an apposition describe it
                return self._from_appositions(head, span, text, date)
            role_found, role_sector = True, titles[-1].aliases[0].entry.sector
        if not role_found:
            return []
        owners = [
            self._actor(h, text, date)[0]
            for h in core_hits
            if h.coded and not h.covers(head) and not h.discard
        ]
        owned_by_prep = not owners
        if owned_by_prep:
            owners = self._owners_via_preposition(head, span, date, _OWNER_PREPS)
        if not owners and role_sector not in _NOT_OWNED_BY_PLACE:
            owners = [
                a
                for a in self._owners_via_preposition(head, span, date, _PLACE_PREPS)
                if not (a.entry or "").startswith("person:")
            ]
        if modifier:
            role_sector = modifier
        if not owners:
            if role_sector is None:
                return []
            return [(Actor(code=None, sector=role_sector, name=None, text=text), None)]
        result: list[tuple[Actor, _Hit | None]] = []
        for owner in owners:
            sector = role_sector if role_sector is not None else owner.sector
            group = (owner.entry or "").startswith("group:")
            if owner.sector is not None and (
                owned_by_prep or (group and role_sector in _ARMED_SECTORS)
            ):
                # "president of the Riigikogu" -> LEG; "Boko Haram gunmen" -> the group's REB
                sector = owner.sector
            name = owner.name if owner.entry and not owner.entry.startswith("person:") else None
            result.append((Actor(owner.code, sector, name, text, owner.entry), None))
        return result

    def _state_organ(
        self, own: _Hit | None, core_hits: list[_Hit], text: str, date: dt.date | None
    ) -> Actor | None:
        """A body a state's possessive names, when its name is also an IGO's organ
        ("*Russia's* Security Council" is Russia's, not the UN's)."""
        if own is None or not own.coded:
            return None
        role = next((a for a in own.aliases if a.kind == "sector"), None)
        if role is None or not any(a.kind == "igo" for a in own.aliases):
            return None
        before = [h for h in core_hits if h.coded and h.end <= own.start and not h.discard]
        if not before or before[-1].tokens[-1].dep_ != "poss":
            return None
        owner, kind = self._actor(before[-1], text, date)
        if kind not in ("state", "metonym") or owner.code is None:
            return None
        return Actor(owner.code, role.entry.sector or "GOV", owner.name, text, owner.entry)

    def _foreign_body(
        self, actor: Actor, own: _Hit, core_hits: list[_Hit], text: str, date: dt.date | None
    ) -> Actor:
        """A state body named generically ("Defense Department") but owned by another state
        ("Chile's Defense Department"): the owner's code with the body's sector."""
        for hit in core_hits:
            if hit.coded and hit.end <= own.start:
                owner, kind = self._actor(hit, text, date)
                if kind in ("state", "demonym") and owner.code != actor.code:
                    return Actor(owner.code, actor.sector, owner.name, text, owner.entry)
        return actor

    def _titled(self, person: Actor, own: _Hit, core_hits: list[_Hit]) -> Actor:
        """Without a date, a title before the name picks the person's office of that sector:
        "US Senator Marco Rubio" is the senator, not today's Secretary of State."""
        titles = [h for h in core_hits if not h.coded and h.end <= own.start]
        sector = titles[-1].aliases[0].entry.sector if titles else None
        entry = self.kb.entries.get(person.entry or "")
        if sector is None or entry is None or person.sector == sector:
            return person
        terms = [t for t in entry.terms if t.sector == sector]
        if not terms:
            return person
        term = max(terms, key=lambda t: t.start)
        return Actor(term.code, term.sector, person.name, person.text, person.entry)

    def _serving(
        self, person: Actor, own: _Hit, core_hits: list[_Hit], text: str, date: dt.date | None
    ) -> Actor:
        """A person an organization's title introduces acts for it: "*EU envoy* Miroslav
        Lajcak" is the EU's, whatever office he held at home before."""
        before = [h for h in core_hits if h.end <= own.start and not h.discard]
        titles: list[_Hit] = []
        for hit in reversed(before):
            if hit.coded:
                org, kind = self._actor(hit, text, date)
                if kind != "igo" or not titles or org.code == person.code:
                    return person
                sector = titles[0].aliases[0].entry.sector or org.sector
                return Actor(org.code, sector, person.name, person.text, person.entry)
            titles.insert(0, hit)
        return person

    def _owners_via_preposition(
        self, head: Token, span: Span, date: dt.date | None, preps: frozenset[str]
    ) -> list[Actor]:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and span.start <= pobj.i < span.end:
                        sub = span.doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                        found = self.resolve_span(sub, date)
                        if found:
                            return found
        return []

    def _from_appositions(
        self, head: Token, span: Span, text: str, date: dt.date | None
    ) -> list[tuple[Actor, _Hit | None]]:
        for child in head.children:
            if child.dep_ == "appos" and span.start <= child.i < span.end:
                sub = span.doc[child.left_edge.i : child.right_edge.i + 1]
                found = self.resolve_span(sub, date)
                if found:
                    return [(Actor(a.code, a.sector, a.name, text, a.entry), None) for a in found]
        return []


def _surname_demonym(before: Token, toks: Sequence[Token], found: Sequence[AliasEntry]) -> bool:
    """True for a one-word demonym the tagger reads as a person's surname after a given name
    ("Volker Turk", the UN human rights chief)."""
    if len(toks) != 1 or not all(a.kind == "demonym" for a in found):
        return False
    return (
        before.pos_ == "PROPN"
        and before.ent_type_ == "PERSON"
        and toks[0].ent_type_ == "PERSON"
        and before.ent_iob_ in ("B", "I")
        and toks[0].ent_iob_ == "I"
    )


#: Particles that begin surnames ("Albert *del* Rosario", "Ursula *von der* Leyen").
_SURNAME_PARTICLES = frozenset({"del", "de", "da", "di", "dos", "das", "du", "van", "von", "der"})


def _surname_particle(before: Token) -> bool:
    """True when ``before`` is a particle that makes the next name part of a surname."""
    return before.lower_ in _SURNAME_PARTICLES


def _place_given_name(toks: Sequence[Token], after: Token, found: Sequence[AliasEntry]) -> bool:
    """True for a one-word place name the tagger reads as a person's given name, the person
    running on past it ("Defence Minister *Aden* Duale")."""
    if len(toks) != 1 or not all(a.kind in ("metonym", "state") for a in found):
        return False
    return (
        toks[0].ent_type_ == "PERSON"
        and toks[0].ent_iob_ == "B"
        and after.ent_type_ == "PERSON"
        and after.ent_iob_ == "I"
        and after.pos_ == "PROPN"
    )


def _other_given_name(before: Token, found: Sequence[AliasEntry], kb: KnowledgeBase) -> bool:
    """True when a surname that only names people follows a given name that is none of
    theirs: a capitalised name the knowledge base does not know, tagged as part of a person."""
    if not all(a.kind == "person" for a in found):
        return False
    if before.pos_ != "PROPN" or before.ent_type_ != "PERSON":
        return False
    word = norm_word(before.text)
    if not word or (word,) in kb.index:
        return False  # a title ("President") or a name the data knows
    names = {norm_word(w) for a in found for w in a.entry.name.replace("-", " ").split()}
    return word not in names


def _core(head: Token, span: Span) -> list[Token]:
    """The head and the dependents that name it: no appositions, clauses, preps, conjuncts."""
    keep = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            inside = span.start <= child.i < span.end
            # Coordinated modifiers ("Russian and Chinese officials") stay; coordinated heads go.
            detached = child.dep_ in _DETACHED and not (
                tok is not head and child.dep_ in {"conj", "cc"}
            )
            if inside and not detached:
                keep.append(child)
                stack.append(child)
    return sorted(keep, key=lambda t: t.i)


def _core_text(head: Token, span: Span) -> str:
    core = _core(head, span)
    return span.doc[core[0].i : core[-1].i + 1].text


def _modified(actor: Actor, kb: KnowledgeBase, sector: str) -> Actor:
    """A modifier word sets the sector: "former President X" is the person's country with
    sector ELI (README.md, people); "ordinary Kazakhs" are Kazakhstan's civilians."""
    entry = kb.entries.get(actor.entry or "")
    code = entry.code if entry is not None and entry.kind == "person" else actor.code
    return Actor(code, sector, actor.name, actor.text, actor.entry)
