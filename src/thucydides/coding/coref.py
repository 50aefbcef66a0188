"""Simple coreference: pronouns and definite descriptions that point back to an actor.

No coreference model works offline here (coreferee has no models; see
../shared/notes/offline-stack.md), so thucydides resolves the cases political news leans on:

- personal pronouns: ``he/his/she/her`` -> the last person named before; ``it/its`` -> the
  subject of the governing clause ("Armenia announced *it* would ...") or the last state or
  organization; ``itself`` -> the clause subject;
- definite descriptions: ``the country/nation/republic`` -> the state of the clause's subject,
  else the last state; ``the West African country`` (an epithet) -> the last state other than
  the clause subject's; ``the grouping/bloc/alliance/organization/pact`` -> the last
  organization; a noun the document used in apposition to an actor ("the CSTO, *a security
  pact*") -> that actor;
- dyads: ``the two allies/countries/nations/sides/neighbours``, ``both sides/countries`` -> the
  two states the document has mentioned most so far.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from thucydides.records import Actor

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
IT_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
REFLEXIVE = frozenset({"itself", "himself", "herself"})
STATE_NOUNS = frozenset({"country", "nation", "republic", "state", "government", "kingdom"})
IGO_NOUNS = frozenset(
    {"grouping", "bloc", "alliance", "organization", "organisation", "pact", "union", "body"}
)
#: Nouns by which a story names a non-state group again ("the group", "the movement").
GROUP_NOUNS = frozenset({"group", "movement", "militia"})
#: IGOs that "the alliance" names before any other (data: actors/data/igos.yaml codes).
MILITARY_ALLIANCES = frozenset({"NATO", "CSTO", "AUKUS", "ANZUS"})
DYAD_NOUNS = frozenset(
    {
        "man",
        "president",
        "foe",
        "adversary",
        "ally",
        "country",
        "nation",
        "side",
        "neighbour",
        "neighbor",
        "state",
        "leader",
        "government",
        "capital",
        "rival",
        "party",
    }
)
#: Plural nouns that name a pair with only "the" ("the neighbours fought", "the rivals").
PAIR_NOUNS = frozenset({"neighbour", "neighbor", "rival", "foe", "adversary", "ally"})
#: Kinds of knowledge-base match that stand for a state.
STATE_KINDS = frozenset({"state", "metonym", "demonym"})


@dataclass(frozen=True)
class Mentioned:
    """An actor the document named, at token ``i`` (the match start)."""

    i: int
    end: int
    actor: Actor
    kind: str


class CorefContext:
    """What a document has named so far, for resolving later references."""

    def __init__(self, sdoc: Doc, matches: Sequence[Mentioned]) -> None:
        self.sdoc = sdoc
        self.matches = sorted(matches, key=lambda m: m.i)
        self._aliases: dict[str, Mentioned] = {}
        #: Head words of multiword organization names, each with its mentions in order
        #: ("European *Commission*" for a later "the Commission").
        self._heads: dict[str, list[Mentioned]] = {}
        for m in self.matches:
            self._learn_apposition(m)
            self._learn_head(m)

    def _learn_apposition(self, m: Mentioned) -> None:
        head = self.sdoc[m.end - 1]
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                self._aliases.setdefault(child.lemma_.lower(), m)

    def _learn_head(self, m: Mentioned) -> None:
        if m.kind != "igo" or m.end - m.i < 2:
            return
        head = self.sdoc[m.end - 1]
        if head.is_title and head.pos_ in ("NOUN", "PROPN"):
            self._heads.setdefault(head.lower_, []).append(m)

    def named_by_head(self, tok: Token) -> Mentioned | None:
        """The last organization named before ``tok`` whose full name ends in its word ("the
        *Commission*" after "the European Commission")."""
        if not tok.is_title or tok.dep_ == "compound":
            return None  # "the council" may be any council; "Commission President" is a title
        if any(c.dep_ in ("compound", "amod", "nmod") for c in tok.children):
            return None  # "the United *States*" is a name of its own
        before = [m for m in self._heads.get(tok.lower_, ()) if m.end <= tok.i]
        return before[-1] if before else None

    def before(self, i: int) -> list[Mentioned]:
        return [m for m in self.matches if m.end <= i]

    def covering(self, i: int) -> Mentioned | None:
        for m in self.matches:
            if m.i <= i < m.end:
                return m
        return None

    def last(
        self,
        i: int,
        kinds: frozenset[str] | set[str],
        exclude: frozenset[str | None] | set[str | None] = frozenset(),
    ) -> Mentioned | None:
        """The last coded mention of one of ``kinds`` before token ``i`` whose code is not in
        ``exclude``."""
        for m in reversed(self.before(i)):
            if m.kind in kinds and m.actor.code and m.actor.code not in exclude:
                return m
        return None

    def dyad(self, i: int) -> tuple[Actor, Actor] | None:
        """The two states most mentioned before token ``i`` (recency breaks ties)."""
        counts: Counter[str] = Counter()
        latest: dict[str, Mentioned] = {}
        for m in self.before(i):
            if m.actor.code and (m.kind in STATE_KINDS or m.kind == "person"):
                counts[m.actor.code] += 1
                latest[m.actor.code] = m
        if len(counts) < 2:
            return None
        ranked = sorted(counts, key=lambda c: (-counts[c], -latest[c].i))
        a, b = ranked[:2]
        return latest[a].actor, latest[b].actor

    def group(self, i: int, size: int) -> list[Actor]:
        """The states of the last coordinated list of ``size`` states before token ``i``
        ("Saudi Arabia, the UAE, Bahrain and Egypt" for "the four countries")."""
        lists: dict[int, list[Mentioned]] = {}
        for m in self.before(i):
            if m.kind not in STATE_KINDS or not m.actor.code:
                continue
            root = self.sdoc[m.end - 1]
            while root.dep_ in ("conj", "appos") and root.head.i != root.i:
                root = root.head
            lists.setdefault(root.i, []).append(m)
        for members in sorted(lists.values(), key=lambda ms: -ms[-1].i):
            codes = list(dict.fromkeys(m.actor.code for m in members))
            if len(codes) == size:
                return [next(m.actor for m in members if m.actor.code == c) for c in codes]
        return []

    def surname(self, tok: Token) -> Actor | None:
        """A person named again by one word of an earlier full mention ("China's top diplomat
        Wang Yi ... Wang hailed"): the latest person whose words include it."""
        if tok.pos_ != "PROPN" and not (tok.pos_ == "NOUN" and tok.is_title):
            return None  # (an unknown surname may be tagged a plural noun: "Albares held")
        for m in reversed(self.before(tok.i)):
            if m.kind == "person" and m.actor.code and m.end - m.i > 1:
                words = {t.text for t in self.sdoc[m.i : m.end]}
                if tok.text in words:
                    return _with_text(m.actor, tok.text)
        return None

    def _subject_person(self, tok: Token, last: Mentioned) -> Mentioned:
        """For a subject "he"/"she" opening a sentence, the person who was the subject of the
        sentence before, when the last person named there was named in a clause of its own
        ("Milei, who was welcomed by Foreign Minister Israel Katz, told him ... *He* held
        talks": Milei, not Katz)."""
        sent = tok.sent
        if any(t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") for t in sent):
            return last  # not the sentence's own first subject
        if sent.start == 0:
            return last
        before = self.sdoc[sent.start - 1].sent
        if not (before.start <= last.i < before.end):
            return last
        for m in self.before(before.end):
            if m.i < before.start or m.kind != "person" or not m.actor.code:
                continue
            head = self.sdoc[m.end - 1]
            if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
                return m
        return last

    def _governing_pronoun(self, tok: Token) -> Token | None:
        """The same pronoun as subject of a clause above, or coordinated before, the one
        ``tok`` is the subject of; None when the nearest subject there is anything else."""
        subj = _subject_above(tok)
        if subj is not None and subj.i < tok.i and subj.lower_ == tok.lower_:
            return subj
        return None

    def _governing_subject(self, tok: Token) -> Mentioned | None:
        """ "China imposed tariffs on Australian barley, a week after *it* suspended beef
        imports": "it" as the subject of a clause under another is that clause's subject,
        when that is a state or organization named before it, not the last one named."""
        subj = _subject_above(tok)
        if subj is None or subj.i >= tok.i:
            return None
        # "*the Kenyan government* has apologised to Uganda after its police ...": the state
        # a subject's modifier names, when the head itself names none
        heads = [subj, *(c for c in subj.children if c.dep_ in ("amod", "compound"))]
        for head in heads:
            m = self.covering(head.i)
            if m is not None and m.kind in STATE_KINDS | {"igo"} and m.actor.code:
                return m
        return None

    def has_alias(self, tok: Token) -> bool:
        """True when the token's noun was used in apposition to an actor earlier on."""
        m = self._aliases.get(tok.lemma_.lower())
        return (m is not None and m.i < tok.i) or self.named_by_head(tok) is not None

    def resolve(self, tok: Token, clause_subject: list[Actor] | None = None) -> list[Actor]:
        """Actors a pronoun or definite description at ``tok`` refers to ([] if none)."""
        low = tok.lower_
        lemma = tok.lemma_.lower()
        text = tok.text
        if low in PERSON_PRONOUNS:
            # "Erdogan said he would discuss it": the speaker, when the pronoun is the subject
            # of what was said
            # ("declared *him* persona non grata", parsed as a subject, is no speaker)
            nominative = low in ("he", "she")
            if (
                clause_subject
                and tok.dep_ == "nsubj"
                and nominative
                and any(a.name for a in clause_subject)
            ):
                return [_with_text(a, text) for a in clause_subject]
            earlier = self._governing_pronoun(tok) if nominative else None
            if earlier is not None:
                # "He urged Americans ..., and he has said *he* will meet Kim": the same man
                return [_with_text(a, text) for a in self.resolve(earlier)]
            m = self.last(tok.i, {"person"})
            if m is not None and nominative and tok.dep_ in ("nsubj", "nsubjpass"):
                m = self._subject_person(tok, m)
            return [_with_text(m.actor, text)] if m else []
        if low in PLURAL_PRONOUNS:
            # "they agreed", "their foreign ministers": the pair the story is about, else the
            # last organization or state
            pair = self.dyad(tok.i)
            if pair:
                return [_with_text(a, text) for a in pair]
            m = self.last(tok.i, STATE_KINDS | {"igo", "group"})
            return [_with_text(m.actor, text)] if m else []
        if low in IT_PRONOUNS or low in REFLEXIVE:
            if clause_subject:
                return [_with_text(a, text) for a in clause_subject]
            m = self._governing_subject(tok) if low == "it" else None
            if low == "its" and tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
                # "Kenya apologised to Uganda after *its* police detained two lawmakers": the
                # owner of a subject under another clause is that clause's subject
                m = self._governing_subject(tok.head)
            m = m or self.last(tok.i, STATE_KINDS | {"igo"})
            return [_with_text(m.actor, text)] if m else []
        if low == "other" and any(c.lower_ == "the" for c in tok.children):
            # "each side accusing *the other*": the pair just named
            pair = self.dyad(tok.i)
            return [_with_text(a, "the other") for a in pair] if pair else []
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        if lemma in self._aliases and self._aliases[lemma].i < tok.i:
            # a noun the document put in apposition to an actor ("the CSTO, a security pact")
            return [_with_text(self._aliases[lemma].actor, _phrase(tok))]
        named = self.named_by_head(tok)
        if named is not None and any(c.lower_ == "the" for c in tok.children):
            # "the European Commission ... *the Commission*": the body named in full before
            return [_with_text(named.actor, _phrase(tok))]
        det = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
        size = next((GROUP_SIZES[d] for d in det if d in GROUP_SIZES), None)
        if lemma in DYAD_NOUNS and size is not None and "the" in det:
            # "the four countries": the last list of that many states
            group = self.group(tok.i, size)
            return [_with_text(a, _phrase(tok)) for a in group]
        if lemma in DYAD_NOUNS and (
            _PAIR_DETERMINERS & det or ("the" in det and tok.tag_ == "NNS" and lemma in PAIR_NOUNS)
        ):
            pair = self.dyad(tok.i)
            return [_with_text(a, _phrase(tok)) for a in pair] if pair else []
        if not det & {"the", "this", "that", "these", "those"}:
            return []
        if lemma in STATE_NOUNS:
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"):
                # "the government *in Helsinki*": the state it sits in
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    seat = self.covering(obj.i)
                    if seat is not None and seat.kind in STATE_KINDS:
                        return [_with_text(_as_state(seat.actor), _phrase(tok))]
            epithet = lemma == "country" and any(
                c.dep_ in ("amod", "compound") for c in tok.children
            )
            if epithet:
                # "pull its forces out of *the West African country*": an epithet names the
                # last state named other than the clause subject's
                own = {a.code for a in clause_subject or ()}
                m = self.last(tok.i, STATE_KINDS, exclude=own)
                return [_with_text(_as_state(m.actor), _phrase(tok))] if m else []
            if clause_subject and tok.dep_ == "pobj" and tok.head.lower_ in COUNTERPART_PREPS:
                # "ECOWAS closed its borders *with the country*": the other party, a state
                m = self.last(tok.i, STATE_KINDS, exclude={a.code for a in clause_subject})
                return [_with_text(_as_state(m.actor), _phrase(tok))] if m else []
            if clause_subject and (any(a.code for a in clause_subject) or lemma != "government"):
                # (an unplaced subject is no government's: "bombers struck ..., and *the
                # government* blamed" is the home government, below)
                return [_with_text(_as_state(a), _phrase(tok)) for a in clause_subject]
            if lemma == "government":
                # "the government" alone is the story's home government, which the coder
                # supplies, not the last state named (development articles: 5 false positives
                # fewer, 1 true positive more)
                return []
            m = self.last(tok.i, STATE_KINDS)
            return [_with_text(_as_state(m.actor), _phrase(tok))] if m else []
        if lemma == "alliance":
            # "joined the alliance" after "NATO headquarters in Brussels": a military
            # alliance, not the EU that "Brussels" also names
            for m in reversed(self.before(tok.i)):
                if m.kind == "igo" and m.actor.code in MILITARY_ALLIANCES:
                    return [_with_text(m.actor, _phrase(tok))]
        if lemma in IGO_NOUNS:
            m = self.last(tok.i, {"igo"})
            return [_with_text(m.actor, _phrase(tok))] if m else []
        if lemma in GROUP_NOUNS and not any(c.dep_ == "relcl" for c in tok.children):
            # "Hezbollah fighters crossed the border ... *the group* fired rockets": the last
            # armed group or movement named (not "the militant group *that has seized* parts
            # of Iraq": a description, whose clause is background)
            m = self.last(tok.i, {"group"})
            return [_with_text(m.actor, _phrase(tok))] if m else []
        return []


#: Prepositions whose object is the other party of the clause ("borders *with* the country").
COUNTERPART_PREPS = frozenset({"with", "against", "into", "toward", "towards"})


#: "the three/four/five countries": a list of that many states named before.
GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _subject_above(tok: Token) -> Token | None:
    """For a subject ``tok``, the subject of the nearest clause above its own (or of the
    clause its own is coordinated with)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for verb in tok.head.ancestors:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


def is_dyad_reference(tok: Token) -> bool:
    """True for "both sides", "the two countries", "the neighbours", "the four countries"
    and the like."""
    det = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
    lemma = tok.lemma_.lower()
    if lemma in DYAD_NOUNS and "the" in det and set(GROUP_SIZES) & det:
        return True
    if lemma in DYAD_NOUNS and bool(_PAIR_DETERMINERS & det):
        return True
    if tok.lower_ == "other" and "the" in det:
        return True  # "each side accusing *the other*"
    return "the" in det and tok.tag_ == "NNS" and lemma in PAIR_NOUNS


#: Determiners by which a noun names both of a pair ("both sides", "*either* country").
_PAIR_DETERMINERS = frozenset({"two", "both", "either", "neither", "each"})


def _phrase(tok: Token) -> str:
    return tok.doc[tok.left_edge.i : tok.i + 1].text


def _with_text(actor: Actor, text: str) -> Actor:
    return Actor(
        code=actor.code, sector=actor.sector, name=actor.name, text=text, entry=actor.entry
    )


def _as_state(actor: Actor) -> Actor:
    """The state an actor belongs to ("the country" of Pashinyan is Armenia, no sector)."""
    return Actor(code=actor.code, sector=None, name=None, text=actor.text, entry=actor.entry)
