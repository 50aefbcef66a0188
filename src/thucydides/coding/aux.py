"""Auxiliary modes: is the event negated, hypothetical, future or historical?

Read from the grammar around the trigger (word lists in ``coding/data/aux.yaml``):

- **negated**: a negation on the trigger's verb ("did *not* visit"), "no" on a nominal trigger
  or on the verb's object ("sent *no* troops"), or a governing verb of failure or refusal
  ("*refused* to sign");
- **hypothetical**: a conditional ("*if* talks fail"), a modal of possibility (could, might,
  may, should), or a governing verb of consideration or threat ("*threatened* to leave");
- **future**: will/shall, reported-future *would*, "going to", or a governing verb of intent
  ("*plans* to visit"), or a modifier such as "*upcoming* visit";
- **historical**: the past perfect ("*had* suspended"), adverbs like "previously", modifiers
  such as "*last* visit" or "*former*"; dates are checked by the coder (an explicit date well
  before publication makes an event historical).

Negation is checked first: a negated plan is still negated.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token


@dataclass(frozen=True)
class AuxWords:
    """Word lists that signal each auxiliary mode (from ``data/aux.yaml``)."""

    negation_governors: frozenset[str]
    hypothetical_modals: frozenset[str]
    hypothetical_governors: frozenset[str]
    conditional_marks: frozenset[str]
    future_modals: frozenset[str]
    future_governors: frozenset[str]
    future_modifiers: frozenset[str]
    future_adjectives: frozenset[str]
    historical_adverbs: frozenset[str]
    historical_modifiers: frozenset[str]


@lru_cache(maxsize=1)
def aux_words() -> AuxWords:
    raw = yaml.safe_load(resources.files("thucydides.coding").joinpath("data/aux.yaml").read_text())
    return AuxWords(**{k: frozenset(str(w).lower() for w in v) for k, v in raw.items()})


def governing_verb(trigger: Token) -> Token:
    """The verb whose tense and modality govern the trigger.

    A nominal trigger takes its light verb ("*voiced* concerns"), the verb of a clause it is
    the subject of ("the visit *took place*") or the verb of the noun it is "of" ("*declared*
    a state of emergency"); a verb governs itself.
    """
    if (
        trigger.pos_ in ("NOUN", "PROPN")
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and trigger.head.head.pos_ == "NOUN"
        and trigger.head.head.dep_ in ("dobj", "nsubj", "attr")
        and trigger.head.head.head.pos_ in ("VERB", "AUX")
    ):
        return trigger.head.head.head  # "considering *declaring* a state of emergency"
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubj", "attr", "pobj"):
        head = trigger.head
        if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return trigger


def _auxes(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _controllers(verb: Token) -> list[Token]:
    """Verbs or nouns that control ``verb`` through xcomp/acl chains ("refused *to sign*")."""
    out = []
    tok = verb
    for _ in range(3):
        if tok.dep_ in ("xcomp", "acl") and tok.head.i != tok.i:
            tok = tok.head
            out.append(tok)
        else:
            break
    return out


def neither_nor(trigger: Token) -> bool:
    """ "has *neither* confirmed *nor* denied the reports": both verbs are negated."""
    verb = governing_verb(trigger)
    return any(c.lower_ in ("neither", "nor") for c in verb.children) or (
        verb.dep_ == "conj" and any(c.lower_ == "neither" for c in verb.head.children)
    )


def _says_no(noun: Token) -> bool:
    """Whether ``noun`` has the determiner "no" ("*no* troops")."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _stops_short(verb: Token) -> bool:
    """ "stopped short of *blaming* the Cuban government": the act was not done."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and prep.lower_ == "of"
        and prep.head.lower_ == "short"
        and prep.head.head.lemma_ in ("stop", "fall")
    )


def detect(trigger: Token) -> str | None:
    """The auxiliary mode the grammar gives the event at ``trigger`` (None: plain)."""
    words = aux_words()
    verb = governing_verb(trigger)
    auxes = _auxes(verb)
    aux_lemmas = {a.lower_ for a in auxes}
    controllers = _controllers(verb)
    ctrl_lemmas = {c.lemma_.lower() for c in controllers}

    if _not_ruled_out(controllers):
        return "hypothetical"  # "did not rule out recalling its ambassador": held out
    if any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "neg" for c in trigger.children
    ):
        return "negated"
    if _says_no(trigger):
        return "negated"
    if trigger.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "obj") and _says_no(c) for c in trigger.children
    ):
        return "negated"  # "the bloc sent *no troops*": nothing was sent
    if trigger.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or _says_no(c))
        for c in trigger.children
    ):
        return "negated"  # "*no group* claimed responsibility": nobody did
    if neither_nor(trigger) or _stops_short(verb):
        return "negated"
    if ctrl_lemmas & words.negation_governors:
        return "negated"

    clause = [verb, *controllers]
    if any(
        c.dep_ == "mark" and c.lower_ in words.conditional_marks
        for tok in clause
        for c in tok.children
    ):
        return "hypothetical"
    if aux_lemmas & words.hypothetical_modals or ctrl_lemmas & words.hypothetical_governors:
        return "hypothetical"

    if aux_lemmas & words.future_modals or ctrl_lemmas & words.future_governors:
        return "future"
    if any(
        c.dep_ in ("aux",) and c.lower_ in words.future_modals
        for ctrl in controllers
        for c in ctrl.children
    ):
        return "future"
    if _going_to(verb) or _due_to(verb):
        return "future"
    modifiers = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound", "advmod")}
    if modifiers & words.future_modifiers:
        return "future"

    if "had" in aux_lemmas and verb.tag_ == "VBN":
        return "historical"
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    if adverbs & words.historical_adverbs or modifiers & words.historical_modifiers:
        return "historical"
    return None


def modal_future(trigger: Token) -> bool:
    """True when the future comes from will/would/shall on the trigger's own verb."""
    words = aux_words()
    verb = governing_verb(trigger)
    return any(a.lower_ in words.future_modals for a in _auxes(verb))


def _not_ruled_out(controllers: list[Token]) -> bool:
    """ "did *not rule out* recalling": an act a negated "rule out" governs is possible."""
    return any(
        c.lemma_.lower() == "rule"
        and any(g.dep_ == "prt" and g.lower_ == "out" for g in c.children)
        and any(g.dep_ == "neg" for g in c.children)
        for c in controllers
    )


def not_ruled_out(trigger: Token) -> bool:
    """True when a negated "rule out" governs the event at ``trigger``."""
    return _not_ruled_out(_controllers(governing_verb(trigger)))


def _due_to(verb: Token) -> bool:
    """ "the withdrawal *is due to* be completed", "*is set to* visit": a scheduled event."""
    words = aux_words()
    return any(
        c.dep_ in ("acomp", "xcomp", "oprd") and c.lower_ in words.future_adjectives
        for c in verb.children
    ) or (verb.lower_ in words.future_adjectives and verb.dep_ == "xcomp")


def _going_to(verb: Token) -> bool:
    """ "is going to visit": visit is xcomp of going, which has a be-auxiliary."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ == "go"
        and head.tag_ == "VBG"
        and any(a.lemma_ == "be" for a in _auxes(head))
    )
