"""The actor knowledge base: states, IGOs, regions, people, groups and role nouns.

Loaded from the YAML files in ``data/`` (documented in ``data/README.md``) plus any user files,
which add entries or replace package entries with the same id. Every name becomes a key
(:func:`thucydides.actors.normalize.key_of`) in one index, built once, so that a lookup is a dict
access; :class:`~thucydides.actors.resolver.ActorResolver` matches token runs against the same
index.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from thucydides.actors.normalize import is_acronym, is_capitalised, key_of, plural
from thucydides.actors.schema import (
    ORG_CODE,
    ActorFile,
    Alias,
    AliasSpec,
    GroupSpec,
    IgoSpec,
    PersonSpec,
    RegionSpec,
    StateSpec,
    TermRow,
    TermSpec,
)
from thucydides.errors import ConfigError
from thucydides.records import Actor

# Package files in load order: later files override earlier entries with the same id, so the
# hand-written role nouns (sectors.yaml) win over the bulk PLOVER import.
PACKAGE_FILES: tuple[str, ...] = (
    "plover_agents.yaml",
    "sectors.yaml",
    "states.yaml",
    "places.yaml",
    "igos.yaml",
    "regions.yaml",
    "groups.yaml",
    "people.yaml",
    "leaders.csv",
)
NON_STATE_CODE = "NSA"  # FORMAT.md: a non-state group with no state
FORMER_SECTOR = "ELI"
_MIN = dt.date.min  # a person after the end of their last term (README.md, "people")

# Which claim wins when one key names several entries: a named actor before a role noun.
_KIND_ORDER = {
    "person": 0,
    "group": 1,
    "igo": 2,
    "state": 3,
    "metonym": 4,
    "region": 5,
    "demonym": 6,
    "sector": 7,
    "discard": 8,
}

try:  # the C loader parses the package data about ten times faster
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _YamlLoader = yaml.SafeLoader


@dataclass(frozen=True)
class Term:
    """One spell in office: ``start <= date < end`` (``end`` None: ongoing)."""

    office: str
    code: str
    sector: str | None
    start: dt.date
    end: dt.date | None = None
    shared: bool = False

    def covers(self, date: dt.date) -> bool:
        return self.start <= date and (self.end is None or date < self.end)


@dataclass(frozen=True)
class Membership:
    """A state's membership of an IGO, with spells of suspended participation."""

    state: str
    joined: dt.date
    left: dt.date | None = None
    suspended: tuple[tuple[dt.date, dt.date | None], ...] = ()

    def active(self, date: dt.date) -> bool:
        if date < self.joined or (self.left is not None and date >= self.left):
            return False
        return not any(s <= date and (e is None or date < e) for s, e in self.suspended)


@dataclass(frozen=True)
class Entry:
    """One knowledge-base entry.

    Attributes:
        id: Unique id: ``state:ARM``, ``igo:CSTO``, ``person:vladimir-putin``, ``role:minister``.
        kind: ``state``, ``igo``, ``region``, ``person``, ``group``, ``role`` or ``discard``.
        code: Actor code (None for roles and discards; a person's country).
        sector: Sector of the entry (IGO bodies, groups, roles), or None.
        name: Canonical name.
        source: The file that defined it (for error messages).
        terms: A person's spells in office.
        members: An IGO's member states.
        regions: A state's CAMEO region codes (broad region first), checked against the
            merged regions.
    """

    id: str
    kind: str
    code: str | None
    sector: str | None
    name: str
    source: str
    terms: tuple[Term, ...] = ()
    members: tuple[Membership, ...] = ()
    regions: tuple[str, ...] = ()


@dataclass(frozen=True)
class AliasEntry:
    """One name of an entry in the index.

    Attributes:
        entry: The entry it names.
        kind: Resolution kind: how the name refers (``state``, ``demonym``, ``metonym``, ...).
        text: The name as written in the data.
        sector: Sector the name itself implies (``the Pentagon`` -> MIL), overriding the entry's.
        ambiguous: The data marks it as naming something else too; an unmarked claim wins.
        acronym: Written in capitals: matches only capitals ("WHO", not "who").
        capitalised: Starts with a capital: does not match an all-lower-case token ("turkey").
        priority: 0 for package data, n for the n-th user file: a user's claim on a name wins
            over the package's (that is how a user dictionary overrides a name).
    """

    entry: Entry
    kind: str
    text: str
    sector: str | None = None
    ambiguous: bool = False
    acronym: bool = False
    capitalised: bool = False
    priority: int = 0

    def surface_ok(self, surface: str) -> bool:
        """Whether the words as written in a document may be this name (case rules)."""
        if self.acronym:
            return is_acronym(surface)
        return not (self.capitalised and surface.islower())


@dataclass(frozen=True)
class Resolution:
    """The answer of :meth:`KnowledgeBase.lookup`.

    Attributes:
        actor: The resolved actor (``text`` is the looked-up text).
        kind: ``state``, ``igo``, ``region``, ``person``, ``group``, ``metonym``, ``demonym`` or
            ``sector`` (a role noun: code None).
        reason: One line saying which entry matched and why (for explanations).
    """

    actor: Actor
    kind: str
    reason: str


@dataclass
class _Merged:
    """Entries of all files, merged by id (later files win), each with the file it came from."""

    sector_codes: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    places: dict[str, list[tuple[Alias, str]]] = field(default_factory=dict)
    states: dict[str, tuple[StateSpec, str]] = field(default_factory=dict)
    igos: dict[str, tuple[IgoSpec, str]] = field(default_factory=dict)
    regions: dict[str, tuple[RegionSpec, str]] = field(default_factory=dict)
    people: dict[str, tuple[PersonSpec, str]] = field(default_factory=dict)
    terms: dict[str, list[tuple[TermRow, str]]] = field(default_factory=dict)
    priority: dict[str, int] = field(default_factory=dict)
    groups: dict[str, tuple[GroupSpec, str]] = field(default_factory=dict)
    roles: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)
    discards: dict[str, str] = field(default_factory=dict)

    def add(self, data: ActorFile, source: str, priority: int = 0) -> None:
        self.priority[source] = priority
        self.sector_codes.update(data.sector_codes)
        self.codes.update(data.codes)
        for code, names in data.places.items():
            self.places.setdefault(code, []).extend((n, source) for n in names)
        for row in data.terms:
            self.terms.setdefault(row.id, []).append((row, source))
        self.states.update((s.code, (s, source)) for s in data.states)
        self.igos.update((s.id, (s, source)) for s in data.igos)
        self.regions.update((s.code, (s, source)) for s in data.regions)
        self.people.update((s.id, (s, source)) for s in data.people)
        self.groups.update((s.id, (s, source)) for s in data.groups)
        for role in data.roles:
            self.roles.update((noun, (role.sector, source)) for noun in role.nouns)
        for mod in data.modifiers:
            self.modifiers.update((w.lower(), mod.sector) for w in mod.words)
        self.discards.update((d, source) for d in data.discards)


def _read_file(text: str, source: str, package: KnowledgeBase | None = None) -> ActorFile:
    """Parse one data file by its name: ``.csv`` a terms table, ``.txt`` a PETRARCH/TABARI
    dictionary (converted on the fly, see :mod:`thucydides.actors.petrarch`), else YAML."""
    suffix = Path(source).suffix.lower()
    if suffix == ".csv":
        return _read_terms_csv(text, source)
    if suffix == ".txt":
        from thucydides.actors.petrarch import convert_dictionary

        raw_dict = convert_dictionary(text, Path(source).name, package)
        return _validate(raw_dict, source)
    try:
        raw = yaml.load(text, Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {exc}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: expected a mapping with keys such as states, people")
    return _validate(raw, source)


def _validate(raw: dict[str, Any], source: str) -> ActorFile:
    try:
        return ActorFile.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(f"{source}: {_where(raw, err['loc'])}: {err['msg']}") from None


_CSV_COLUMNS = ("id", "name", "country", "office", "code", "sector", "start", "end", "aliases")


def _read_terms_csv(text: str, source: str) -> ActorFile:
    """A terms table: ``#`` comment lines, a header naming :data:`_CSV_COLUMNS`, one row per
    term (README.md, "leaders.csv")."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")]
    lines = [(n, line) for n, line in lines if line.strip()]
    if not lines:
        return ActorFile()
    reader = csv.reader(io.StringIO("\n".join(line for _, line in lines)))
    header = next(reader)
    missing = [c for c in ("id", "name", "country", "office", "code", "start") if c not in header]
    unknown = [c for c in header if c not in _CSV_COLUMNS]
    if missing or unknown:
        raise ConfigError(
            f"{source}:{lines[0][0]}: header must name columns {', '.join(_CSV_COLUMNS)}"
            f" (missing {missing}, unknown {unknown})"
        )
    rows = []
    for (lineno, _), values in zip(lines[1:], reader, strict=True):
        if len(values) != len(header):
            raise ConfigError(f"{source}:{lineno}: {len(values)} fields, header has {len(header)}")
        try:
            rows.append(TermRow.model_validate(dict(zip(header, values, strict=True))))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise ConfigError(f"{source}:{lineno}: {where}: {err['msg']}") from None
    return ActorFile(terms=rows)


def _where(raw: dict[str, Any], loc: tuple[Any, ...]) -> str:
    """Name the entry a validation error points at ("people[3] (vladimir-putin).terms.0")."""
    if len(loc) >= 2 and isinstance(loc[1], int):
        section, index = loc[0], loc[1]
        item = raw.get(section, [])[index] if isinstance(raw.get(section), list) else None
        label = ""
        if isinstance(item, dict):
            ident = item.get("id") or item.get("code") or item.get("name") or item.get("sector")
            label = f" ({ident})"
        rest = ".".join(str(p) for p in loc[2:])
        return f"{section}[{index}]{label}" + (f".{rest}" if rest else "")
    return ".".join(str(p) for p in loc)


def _alias_items(items: Iterable[Alias]) -> Iterable[tuple[str, bool]]:
    for item in items:
        if isinstance(item, AliasSpec):
            yield item.text, item.ambiguous
        else:
            yield item, False


class KnowledgeBase:
    """Actors and the names that refer to them, with dated terms and memberships."""

    def __init__(
        self,
        entries: Sequence[Entry],
        aliases: Sequence[AliasEntry],
        sector_codes: dict[str, str],
        modifiers: dict[str, str],
        shared_names: dict[tuple[str, ...], frozenset[str]] | None = None,
    ) -> None:
        self.entries: dict[str, Entry] = {e.id: e for e in entries}
        #: Keys of body names other states' institutions bear too ("congress"), each with
        #: those states: a story about one of them means its own.
        self.shared_names: dict[tuple[str, ...], frozenset[str]] = dict(shared_names or {})
        self.sector_codes = dict(sector_codes)
        self.modifiers = dict(modifiers)
        index: dict[tuple[str, ...], list[AliasEntry]] = {}
        for alias in aliases:
            keys = [key_of(alias.text)]
            if alias.kind == "person" and "-" in alias.text:
                # "Moon Jae-in" also as the parser sees it once the nlp stage keeps "Jae-in"
                # whole (one token, one word: "jaein")
                keys.append(key_of(alias.text.replace("-", "")))
            for key in keys:
                if key:
                    bucket = index.setdefault(key, [])
                    if alias not in bucket:
                        bucket.append(alias)
        for bucket in index.values():
            bucket.sort(key=lambda a: (a.ambiguous, -a.priority, _KIND_ORDER[a.kind]))
        self.index: dict[tuple[str, ...], tuple[AliasEntry, ...]] = {
            k: tuple(v) for k, v in index.items()
        }
        # Words of proper names (not of role nouns), which a Title Case headline keeps
        # capitalized when the nlp stage parses it in sentence case.
        self.name_words: frozenset[str] = frozenset(
            word
            for key, found in self.index.items()
            if any(a.kind not in ("sector", "discard") for a in found)
            for word in key
            if word.isalpha()
        )
        #: One-word names that name only people ("trump", "putin"), for the parser.
        self.person_words: frozenset[str] = frozenset(
            key[0]
            for key, found in self.index.items()
            if len(key) == 1 and key[0].isalpha() and all(a.kind == "person" for a in found)
        )
        #: Hyphenated words of people's names ("Jae-in", "Jean-Yves"), kept whole for the
        #: parser.
        self.hyphenated_words: frozenset[str] = frozenset(
            word
            for a in aliases
            if a.kind == "person"
            for word in a.text.split()
            if "-" in word and word[:1].isupper()
        )
        # Longest key starting with each word: bounds the search in ActorResolver.
        self.max_len: dict[str, int] = {}
        for key in self.index:
            self.max_len[key[0]] = max(self.max_len.get(key[0], 0), len(key))
        # State code -> region codes and region code -> state codes, for the region queries.
        self._regions_of: dict[str, tuple[str, ...]] = {}
        members: dict[str, set[str]] = {}
        for e in self.entries.values():
            if e.kind == "region" and e.code is not None:
                members.setdefault(e.code, set())
            elif e.kind == "state" and e.code is not None:
                self._regions_of[e.code] = e.regions
                for region in e.regions:
                    members.setdefault(region, set()).add(e.code)
        self._region_members = {code: frozenset(states) for code, states in members.items()}

    def shared_with(self, name: str, code: str | None) -> bool:
        """True when ``name`` is a body name that state ``code``'s own institution bears too
        ("Congress" and Peru): in a story about that state the name is its own."""
        return code is not None and code in self.shared_names.get(key_of(name), ())

    # -- loading -------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> KnowledgeBase:
        """Package data plus user YAML files that add or replace entries (same id wins).

        Raises:
            ConfigError: a file is unreadable, malformed or refers to unknown codes; the message
                names the file and the entry.
        """
        merged = _Merged()
        data_dir = resources.files("thucydides.actors") / "data"
        for name in PACKAGE_FILES:
            text = (data_dir / name).read_text(encoding="utf-8")
            merged.add(_read_file(text, f"actors/data/{name}"), f"actors/data/{name}")
        package = default_kb() if extra else None
        for n, path in enumerate(extra, 1):
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: cannot read actor dictionary: {exc}") from None
            merged.add(_read_file(text, str(path), package), str(path), priority=n)
        return _build(merged)

    # -- queries -------------------------------------------------------------------------

    def candidates(self, key: tuple[str, ...], surface: str) -> tuple[AliasEntry, ...]:
        """Index entries for a key whose case rules accept the words as written."""
        return tuple(a for a in self.index.get(key, ()) if a.surface_ok(surface))

    def lookup(self, text: str, date: dt.date | None = None) -> Resolution | None:
        """Resolve a name or phrase exactly (ignoring case, punctuation and a leading "the").

        Acronyms in the data ("WHO", "US") match only text written in capitals.
        """
        surface = text.strip()
        if surface[:4].lower() == "the ":
            surface = surface[4:]
        found = self.candidates(key_of(text), surface)
        if not found:
            return None
        alias = self.choose(found, date)
        if alias.kind == "discard":
            return None
        actor, reason = self.actor_for(alias, text.strip(), date)
        return Resolution(actor=actor, kind=alias.kind, reason=reason)

    def choose(self, found: Sequence[AliasEntry], date: dt.date | None) -> AliasEntry:
        """The winning claim: unmarked before ambiguous, named actors before roles, and among
        people sharing a name the one in office on ``date`` (else the latest before it)."""
        best = found[0]
        people = [
            a
            for a in found
            if a.kind == "person" and (a.ambiguous, a.priority) == (best.ambiguous, best.priority)
        ]
        if best.kind != "person" or len(people) < 2:
            return best
        if date is None:  # the one with the latest term, as person_status does
            return max(people, key=lambda a: max((t.start for t in a.entry.terms), default=_MIN))
        in_office = [a for a in people if any(t.covers(date) for t in a.entry.terms)]
        if in_office:
            return in_office[0]
        before = [a for a in people if a.entry.terms and a.entry.terms[0].start <= date]
        if before:
            return max(before, key=lambda a: max(t.start for t in a.entry.terms if t.start <= date))
        return best

    def actor_for(self, alias: AliasEntry, text: str, date: dt.date | None) -> tuple[Actor, str]:
        """The actor a name denotes as of ``date``, and the reason."""
        entry = alias.entry
        if entry.kind == "person":
            code, sector, why = person_status(entry, date)
            return (
                Actor(code=code, sector=sector, name=entry.name, text=text, entry=entry.id),
                f"{alias.text!r} is {entry.name}: {why}",
            )
        sector = alias.sector if alias.sector is not None else entry.sector
        name = None if entry.kind == "role" else entry.name
        why = {
            "metonym": f"{alias.text!r} stands for {entry.name}"
            + (f" ({sector})" if sector else ""),
            "demonym": f"{alias.text!r} is the adjective/demonym of {entry.name}",
            "sector": f"{alias.text!r} is a role noun of sector {sector}",
        }.get(alias.kind, f"{alias.text!r} names {entry.name} ({entry.kind} {entry.code})")
        return Actor(code=entry.code, sector=sector, name=name, text=text, entry=entry.id), why

    def entry(self, entry_id: str) -> Entry:
        """The entry with this id (``state:ARM``, ``igo:CSTO``, ``person:vladimir-putin``)."""
        return self.entries[entry_id]

    def members(self, igo_id: str, date: dt.date) -> frozenset[str]:
        """ISO3 codes of the states taking part in an IGO on ``date`` (suspended ones left out)."""
        entry = self.entries[f"igo:{igo_id}"]
        return frozenset(m.state for m in entry.members if m.active(date))

    def region_members(self, code: str) -> frozenset[str]:
        """ISO3 codes of the states in a CAMEO region (``EUR``, ``WAF``; empty for ``WST``).

        Raises:
            KeyError: ``code`` is not a region of the knowledge base.
        """
        try:
            return self._region_members[code]
        except KeyError:
            known = ", ".join(sorted(self._region_members))
            raise KeyError(f"{code!r} is not a region code; known: {known}") from None

    def regions_of(self, state_code: str) -> tuple[str, ...]:
        """The CAMEO region codes of a state, broad region first (``NGA`` -> ``("AFR",
        "WAF")``); empty for a code that is no state (an IGO, a group's ``NSA``, a region)."""
        return self._regions_of.get(state_code, ())


def person_status(entry: Entry, date: dt.date | None) -> tuple[str | None, str | None, str]:
    """A person's code and sector as of ``date`` (the rule is documented in data/README.md).

    In a term: the term's code and sector (first listed term wins where two overlap). Without a
    date: the latest term, the office a text that names the person without a date most
    likely means (and a run then does not depend on the day it runs). After the end of a
    term and in none: the country, sector ELI. Before any term (or with no terms): the
    country, no sector.
    """
    if not entry.terms:
        return entry.code, None, "no office on record"
    if date is None:
        term = max(entry.terms, key=lambda t: t.start)
        return term.code, term.sector, f"{term.office} (latest term; no date given)"
    for term in entry.terms:
        if term.covers(date):
            return term.code, term.sector, f"{term.office} on {date}"
    if any(t.end is not None and t.end <= date for t in entry.terms):
        return entry.code, FORMER_SECTOR, f"former office-holder on {date}"
    return entry.code, None, f"no office on {date}"


# -- building and validating -------------------------------------------------------------


def _build(m: _Merged) -> KnowledgeBase:
    entries: list[Entry] = []
    aliases: list[AliasEntry] = []
    shared_names: dict[tuple[str, ...], frozenset[str]] = {}

    def known_sector(sector: str | None, where: str) -> None:
        if sector is not None and sector not in m.sector_codes:
            raise ConfigError(f"{where}: unknown sector {sector!r} (see sector_codes)")

    def add_names(
        entry: Entry, kind: str, items: Iterable[tuple[str, bool]], sector: str | None = None
    ) -> None:
        priority = m.priority.get(entry.source, 0)
        for text, ambiguous in items:
            aliases.append(
                AliasEntry(
                    entry,
                    kind,
                    text,
                    sector,
                    ambiguous,
                    is_acronym(text),
                    is_capitalised(text),
                    priority,
                )
            )

    for code, name in m.codes.items():
        if not re.fullmatch(ORG_CODE, code):
            raise ConfigError(f"codes: {code!r} ({name}) is not an actor code (A-Z, 0-9)")

    for code, (st, src) in m.states.items():
        for region in st.regions:
            if region not in m.regions:
                raise ConfigError(
                    f"{src}: states ({code}): unknown region {region!r} (define it under "
                    "'regions:', as actors/data/regions.yaml does)"
                )
        e = Entry(f"state:{code}", "state", code, None, st.name, src, regions=tuple(st.regions))
        entries.append(e)
        add_names(e, "state", [(st.name, False), *_alias_items(st.aliases)])
        add_names(e, "demonym", _alias_items(st.demonyms))
        add_names(e, "metonym", _alias_items(st.capitals))
        for body in st.bodies:
            known_sector(body.sector, f"{src}: states ({code}) body {body.names[0]!r}")
            add_names(e, "metonym", ((n, False) for n in body.names), body.sector)
            for other in body.shared_with:
                if other not in m.states:
                    raise ConfigError(
                        f"{src}: states ({code}) body {body.names[0]!r}: shared_with names "
                        f"{other!r}, not a known state"
                    )
            for n in body.names if body.shared_with else ():
                shared_names[key_of(n)] = frozenset(body.shared_with)
    for code, places in m.places.items():
        if code not in m.states:
            raise ConfigError(f"{places[0][1]}: places ({code}): not a known state")
        state = next(e for e in entries if e.id == f"state:{code}")
        for place, src in places:
            # a place is named in its own file's priority, not the state's
            e = Entry(state.id, "state", code, None, state.name, src)
            add_names(e, "metonym", _alias_items([place]))
    for gid, (ig, src) in m.igos.items():
        where = f"{src}: igos ({gid})"
        known_sector(ig.sector, where)
        members = []
        for mem in ig.members:
            if mem.state not in m.states:
                raise ConfigError(f"{where}: member {mem.state!r} is not a known state")
            members.append(
                Membership(
                    mem.state, mem.joined, mem.left, tuple((s.start, s.end) for s in mem.suspended)
                )
            )
        _check_memberships(members, where)
        e = Entry(f"igo:{gid}", "igo", ig.code, ig.sector, ig.name, src, members=tuple(members))
        entries.append(e)
        add_names(e, "igo", [(ig.name, False), *_alias_items(ig.aliases)])
    org_codes = {ig.code for ig, _ in m.igos.values()}
    for code, (rg, src) in m.regions.items():
        if code in m.states:
            raise ConfigError(f"{src}: regions ({code}): code is also a state's code")
        e = Entry(f"region:{code}", "region", code, None, rg.name, src)
        entries.append(e)
        add_names(e, "region", [(rg.name, False), *_alias_items(rg.aliases)])
    # Codes a group or a term may carry: states, IGOs, regions, NSA, and declared codes.
    actor_codes = {*m.states, *org_codes, *m.regions, NON_STATE_CODE, *m.codes}
    for gid, (gr, src) in m.groups.items():
        where = f"{src}: groups ({gid})"
        known_sector(gr.sector, where)
        if gr.code not in actor_codes:
            raise ConfigError(
                f"{where}: code {gr.code!r} is not a known state, IGO, region or NSA"
                " (declare other codes under 'codes:')"
            )
        e = Entry(f"group:{gid}", "group", gr.code, gr.sector, gr.name, src)
        entries.append(e)
        add_names(e, "group", [(gr.name, False), *_alias_items(gr.aliases)])
    for pid, (pe, src) in _people_with_rows(m).items():
        where = f"{src}: people ({pid})"
        if pe.country not in m.states and pe.country not in m.codes:
            raise ConfigError(f"{where}: country {pe.country!r} is not a known state")
        terms = []
        for t in pe.terms:
            if t.code not in actor_codes:
                raise ConfigError(f"{where}: term {t.office!r} has unknown code {t.code!r}")
            known_sector(t.sector, where)
            terms.append(Term(t.office, t.code, t.sector, t.start, t.end, t.shared))
        e = Entry(f"person:{pid}", "person", pe.country, None, pe.name, src, terms=tuple(terms))
        entries.append(e)
        add_names(e, "person", [(pe.name, False), *_alias_items(pe.aliases)])
    _check_offices([e for e in entries if e.kind == "person"])
    for noun, (sector, src) in m.roles.items():
        known_sector(sector, f"{src}: role {noun!r}")
        e = Entry(f"role:{noun}", "role", None, sector, noun, src)
        entries.append(e)
        forms = [noun] if noun.endswith("s") else [noun, plural(noun)]
        add_names(e, "sector", ((f, False) for f in forms if f == noun or f not in m.roles))
    for text, src in m.discards.items():
        e = Entry(f"discard:{text}", "discard", None, None, text, src)
        entries.append(e)
        add_names(e, "discard", [(text, False)])
    for word, sector in m.modifiers.items():
        known_sector(sector, f"modifier {word!r}")
    _check_aliases(aliases)
    return KnowledgeBase(entries, aliases, m.sector_codes, m.modifiers, shared_names)


def _people_with_rows(m: _Merged) -> dict[str, tuple[PersonSpec, str]]:
    """People of the YAML files plus the rows of terms tables: a row adds its term (and its
    aliases) to the person with its id, or starts a person of its own."""
    people = dict(m.people)
    for pid, rows in m.terms.items():
        spec, src = people.get(pid, (None, rows[0][1]))
        if spec is None:
            first = rows[0][0]
            spec = PersonSpec(id=pid, name=first.name, country=first.country)
        known = {(t.office, t.code, t.start) for t in spec.terms}
        names = {a if isinstance(a, str) else a.text for a in spec.aliases} | {spec.name}
        terms = list(spec.terms)
        aliases = list(spec.aliases)
        for row, _ in rows:
            if (row.office, row.code, row.start) not in known:
                known.add((row.office, row.code, row.start))
                terms.append(
                    TermSpec(
                        office=row.office,
                        code=row.code,
                        sector=row.sector,
                        start=row.start,
                        end=row.end,
                    )
                )
            for alias in [row.name, *row.aliases]:
                if alias not in names:
                    names.add(alias)
                    aliases.append(alias)
        people[pid] = (spec.model_copy(update={"terms": terms, "aliases": aliases}), src)
    return people


def _check_memberships(members: list[Membership], where: str) -> None:
    by_state: dict[str, list[Membership]] = {}
    for mem in members:
        by_state.setdefault(mem.state, []).append(mem)
    for state, spells in by_state.items():
        spells.sort(key=lambda s: s.joined)
        for a, b in itertools.pairwise(spells):
            if a.left is None or a.left > b.joined:
                raise ConfigError(f"{where}: memberships of {state} overlap")


def _check_offices(people: list[Entry]) -> None:
    """No two spells of one single-holder office (same office and code) may overlap."""
    spells: dict[tuple[str, str], list[tuple[Term, Entry]]] = {}
    for person in people:
        for term in person.terms:
            if not term.shared:
                spells.setdefault((term.office, term.code), []).append((term, person))
    for (office, code), items in spells.items():
        items.sort(key=lambda it: it[0].start)
        for (a, pa), (b, pb) in itertools.pairwise(items):
            if a.end is None or a.end > b.start:
                raise ConfigError(
                    f"{pb.source}: people ({pb.id.split(':', 1)[1]}): term {office!r} ({code}) "
                    f"from {b.start} overlaps {pa.name}'s term from {a.start}"
                )


def _check_aliases(aliases: list[AliasEntry]) -> None:
    """A key may name several codes only if every claim but one is marked ambiguous.

    Only the claims of the highest priority count (a user file's claim overrides the
    package's), and people sharing a name are told apart by the date (:meth:`choose`), so
    claims of people with different countries do not clash with each other.
    """
    claims: dict[tuple[str, ...], list[AliasEntry]] = {}
    for alias in aliases:
        if alias.entry.code is not None:
            claims.setdefault(key_of(alias.text), []).append(alias)
    for key, items in claims.items():
        top = max(a.priority for a in items)
        plain = [a for a in items if not a.ambiguous and a.priority == top]
        named = {a.entry.code for a in plain if a.kind != "person"}
        people = {a.entry.code for a in plain if a.kind == "person"}
        if len(named) > 1 or (named and people - named):
            names = ", ".join(sorted(f"{a.entry.id} ({a.entry.source})" for a in items))
            raise ConfigError(
                f"name {' '.join(key)!r} points to different actors: {names}; mark all but one "
                f"claim 'ambiguous: true'"
            )


@functools.lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The package knowledge base, loaded once per process."""
    return KnowledgeBase.load()
