"""The trigger lexicon: which words signal which event, and where its participants sit.

Entries live in ``coding/data/triggers.yaml`` (schema in ``coding/data/LEXICON.md``); a user can
add or override entries with their own YAML file (same schema; an entry with an existing ``id``
replaces it). Each entry names the lemmas that trigger it, the part of speech, the CAMEO code it
codes (from which the PLOVER type and mode follow, unless the entry overrides them), and the
argument *slots* that hold the actor and the recipient:

- dependency labels: ``nsubj``, ``dobj``, ``iobj``, ``nsubjpass``, ``agent`` (the by-phrase),
  ``poss`` (possessor of a nominal trigger), ``attr``;
- preposition words: ``to``, ``with``, ``against``, ``on``, ``from``, ``of``, ``by`` ... (the
  object of that preposition, attached to the trigger or to its object).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from thucydides.errors import ConfigError

Pos = Literal["VERB", "NOUN", "ADJ"]

#: Slots used when an entry names none (the usual places of agent and patient).
DEFAULT_VERB_ACTOR = ("nsubj", "agent")
DEFAULT_VERB_RECIPIENT = ("dobj",)
DEFAULT_NOUN_ACTOR = ("poss", "by")


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry.

    Attributes:
        id: Unique name (``consult.visit``); user files override by id.
        lemmas: Lower-case lemmas that trigger the entry.
        pos: Parts of speech the trigger may have (VERB covers AUX; NOUN covers PROPN).
        cameo: The CAMEO code the entry codes.
        event: PLOVER type, when it differs from the CAMEO table's.
        mode: PLOVER mode, when it differs from the CAMEO table's.
        actor: Slots that hold the actor.
        recipient: Slots that hold the recipient.
        objects: If set, the trigger's direct object (or the object of its verb complement)
            must have one of these lemmas ("stop [paying] fees", "bolster ties").
        needs: Groups of lemmas; each group must be matched by some word in the trigger's
            phrase ("a desire to *continue* *dialogue*").
        light_verbs: For nominal triggers: if set, the noun must be the object of one of these
            verbs ("*voiced* concerns"); the verb's subject is then the actor.
        recipient_kinds: If set, the recipient must be one of these kinds of entity
            (``state``, ``igo``, ``person``, ``group``, ``region``).
        complement: The trigger must take a clause ("agreed *to withdraw*", "demanded *that*
            ...").
        experiencer: Psych verbs ("Armenia's moves irked Moscow"): the object is the one who
            disapproves (actor) and the subject what they disapprove of (recipient).
        symmetric: The action is mutual (meet, talk): all parties may be listed as actors.
        needs_recipient: Drop the event when no recipient is found.
        unless_deps: The entry does not apply when the trigger has a child with one of these
            dependency relations ("calling *it* the largest expulsion": ``oprd``, not a call).
        unless_objects: The entry does not apply when the trigger's object is one of these
            lemmas ("dismissed two *officers*" is no rejection).
        unless_subjects: The entry does not apply when the trigger's own subject is one of these
            lemmas ("the first tanks *arrived* in Kyiv" is no visit).
        unless_words: The entry does not apply when one of these words is in the trigger's
            phrase, the scope ``needs`` reads ("crowds poured into the streets *to
            celebrate*" is no protest).
        other_side: The act is aimed across a border: its recipient is never the actor itself
            ("closed *its* border": the last other state named). ``"or_self"``: the same, but
            with no other state named the actor's own side stays ("declined to resign").
        aux: An auxiliary mode the trigger implies by itself ("plan to visit" -> future).
        confidence: Prior precision of the entry (0-1), before role evidence.
    """

    id: str
    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    cameo: str
    event: str | None = None
    mode: str | None = None
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    needs: tuple[tuple[str, ...], ...] = ()
    light_verbs: tuple[str, ...] = ()
    recipient_kinds: tuple[str, ...] = ()
    complement: bool = False
    experiencer: bool = False
    symmetric: bool = False
    needs_recipient: bool = True
    unless_deps: tuple[str, ...] = ()
    unless_objects: tuple[str, ...] = ()
    unless_subjects: tuple[str, ...] = ()
    unless_words: tuple[str, ...] = ()
    other_side: bool | Literal["or_self"] = False
    aux: str | None = None
    confidence: float = 0.8


class _EntryModel(BaseModel):
    """File schema of one entry (pydantic: this is a file format, an edge)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    lemmas: list[str] = Field(min_length=1)
    pos: list[Pos] = Field(default_factory=lambda: list[Pos](["VERB"]))
    cameo: str
    event: str | None = None
    mode: str | None = None
    actor: list[str] = Field(default_factory=list)
    recipient: list[str] = Field(default_factory=list)
    objects: list[str] = Field(default_factory=list)
    needs: list[list[str]] = Field(default_factory=list)
    light_verbs: list[str] = Field(default_factory=list)
    recipient_kinds: list[Literal["state", "igo", "person", "group", "region"]] = Field(
        default_factory=list
    )
    complement: bool = False
    experiencer: bool = False
    symmetric: bool = False
    needs_recipient: bool = True
    unless_deps: list[str] = Field(default_factory=list)
    unless_objects: list[str] = Field(default_factory=list)
    unless_subjects: list[str] = Field(default_factory=list)
    unless_words: list[str] = Field(default_factory=list)
    other_side: bool | Literal["or_self"] = False
    aux: Literal["historical", "future", "hypothetical", "negated"] | None = None
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)

    @field_validator("cameo")
    @classmethod
    def _cameo_digits(cls, v: str) -> str:
        if not v.isdigit() or not 2 <= len(v) <= 4:
            raise ValueError(f"CAMEO code must be 2-4 digits as a string, got {v!r}")
        return v

    def to_entry(self) -> TriggerEntry:
        nominal = "VERB" not in self.pos
        actor = self.actor or list(DEFAULT_NOUN_ACTOR if nominal else DEFAULT_VERB_ACTOR)
        recipient = self.recipient or ([] if nominal else list(DEFAULT_VERB_RECIPIENT))
        return TriggerEntry(
            id=self.id,
            lemmas=tuple(lemma.lower() for lemma in self.lemmas),
            pos=tuple(self.pos),
            cameo=self.cameo,
            event=self.event,
            mode=self.mode,
            actor=tuple(actor),
            recipient=tuple(recipient),
            objects=tuple(o.lower() for o in self.objects),
            needs=tuple(tuple(w.lower() for w in group) for group in self.needs),
            light_verbs=tuple(v.lower() for v in self.light_verbs),
            recipient_kinds=tuple(self.recipient_kinds),
            complement=self.complement,
            experiencer=self.experiencer,
            symmetric=self.symmetric,
            needs_recipient=self.needs_recipient,
            unless_deps=tuple(self.unless_deps),
            unless_objects=tuple(o.lower() for o in self.unless_objects),
            unless_subjects=tuple(o.lower() for o in self.unless_subjects),
            unless_words=tuple(w.lower() for w in self.unless_words),
            other_side=self.other_side,
            aux=self.aux,
            confidence=self.confidence,
        )


class Lexicon:
    """Trigger entries indexed by lemma."""

    def __init__(self, entries: Iterable[TriggerEntry]) -> None:
        self.entries: dict[str, TriggerEntry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
        self._by_lemma: dict[str, list[TriggerEntry]] = {}
        for entry in self.entries.values():
            for lemma in entry.lemmas:
                self._by_lemma.setdefault(lemma, []).append(entry)

    def candidates(self, lemma: str) -> Sequence[TriggerEntry]:
        """Entries whose lemmas include ``lemma`` (lower case), most specific first."""
        return self._by_lemma.get(lemma, ())

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> Lexicon:
        """The package lexicon plus user files (entries with the same id replace ours)."""
        text = resources.files("thucydides.coding").joinpath("data/triggers.yaml").read_text()
        entries = _parse(yaml.safe_load(text), "triggers.yaml")
        for path in extra:
            try:
                data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as err:
                raise ConfigError(f"{path}: cannot read trigger lexicon: {err}") from err
            entries.extend(_parse(data, str(path)))
        return cls(entries)


def _parse(data: Any, source: str) -> list[TriggerEntry]:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{source}: a trigger lexicon is a mapping with an 'entries' list")
    out: list[TriggerEntry] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["entries"]):
        try:
            entry = _EntryModel.model_validate(raw).to_entry()
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            ident = raw.get("id", f"#{i}") if isinstance(raw, dict) else f"#{i}"
            raise ConfigError(f"{source}: entry {ident}: {where}: {first['msg']}") from err
        if entry.id in seen:
            raise ConfigError(f"{source}: entry id {entry.id!r} is defined twice")
        seen.add(entry.id)
        out.append(entry)
    return out


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The package lexicon (cached)."""
    return Lexicon.load()
