"""Sentence-level training examples built from the project's training and dev data.

Sources (``shared/gold``; only ``train/`` and the ``dev`` splits, never ``test``, the seed or the
ConfliBERT files):

* ``train/ngec_synthetic.jsonl`` — synthetic stories with the PLOVER type (and mode) they were
  prompted for (NGEC-2025 @ a3909e2a; licence: MIT claimed in package metadata only). The label
  belongs to the prompt headline, and the generated text drifts from it, so the story becomes:
  the headline (``title``) and the first sentence as positive examples, and the story's later
  sentences that look least like the headline as ``none`` examples (see :func:`ngec_examples`).
* ``plover_gsr/plover_gsr.dev.gold.jsonl`` — CAMEO-manual sentences with gold PLOVER types and
  modes (CC BY-SA 4.0, Open Event Data Alliance); contexts from the raw ``PLOVER_GSR_CAMEO.txt``.
* ``petr2_gsr/petr2_gsr.dev.gold.jsonl`` — PETRARCH-2 validation sentences with CAMEO codes (MIT);
  documents without events are ``none`` examples; CAMEO 01/02-only documents are statements.
* ``samples/dev/dev.gold.jsonl`` — the project's hand-coded development articles (CC0), one
  example per sentence that a gold event's note quotes (see :func:`article_examples`).
* ``samples/dev/penta.jsonl`` — the project's hand-labelled news sentences, each with the CAMEO
  code of its main event and that code's penta class (CC0; see :func:`penta_examples`).

The penta class (0 statement, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict) of a typed example is the penta class of the CAMEO code the ontology gives its
type and mode; an event-free (``none``) sentence is class 0: news sentences that report no
PLOVER event are overwhelmingly statements (CAMEO 01) and appeals (02).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from thucydides.coding.ontology import Ontology, default_ontology
from thucydides.errors import InputError

#: Label of sentences that report no PLOVER event.
NONE = "none"

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Example:
    """One labelled sentence.

    Attributes:
        text: The sentence.
        event: PLOVER type, or :data:`NONE`.
        mode: PLOVER mode, or None when the source gives none.
        penta: ConfliBERT penta class 0-4.
        contexts: PLOVER contexts, or None when the source does not code them.
        weight: Relative weight in the training loss.
        source: Where it comes from (``ngec-title``, ``plover-dev``, ...); used for CV groups.
        group: Id of the document it comes from (examples of one document share a CV fold).
    """

    text: str
    event: str
    mode: str | None
    penta: int
    contexts: tuple[str, ...] | None
    weight: float
    source: str
    group: str


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences at paragraph breaks and at ``.!?`` before a capital or digit."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        out.extend(s.strip() for s in _SENTENCE_END.split(para) if s.strip())
    return out


def penta_of(onto: Ontology, event: str, mode: str | None) -> int:
    """Penta class of a PLOVER type (and mode): that of the CAMEO code the ontology maps it to."""
    if event == NONE:
        return 0
    return onto.cameo(onto.cameo_for(event, mode)).penta


def read_jsonl(path: Path) -> Iterator[dict]:
    """Rows of a JSONL file; InputError names ``path:line`` on a bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.__class__.__name__})") from None
    for lineno, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}", f"not valid JSON ({exc.msg})") from None


def plover_dev_examples(gold: Path, onto: Ontology | None = None) -> list[Example]:
    """One example per plover_gsr dev sentence: its first event's first type and mode."""
    onto = onto or default_ontology()
    contexts = _plover_raw_contexts(gold / "plover_gsr" / "PLOVER_GSR_CAMEO.txt", onto)
    out = []
    for doc in read_jsonl(gold / "plover_gsr" / "plover_gsr.dev.gold.jsonl"):
        event = doc["events"][0]
        etype = event["event"][0]
        mode = _first_valid_mode(onto, etype, event["mode"])
        out.append(
            Example(
                doc["text"],
                etype,
                mode,
                penta_of(onto, etype, mode),
                contexts.get(doc["id"]),
                1.0,
                "plover-dev",
                doc["id"],
            )
        )
    return out


def _first_valid_mode(onto: Ontology, event: str, modes: list[str]) -> str | None:
    """The first listed mode valid for ``event`` (gold lists the modes of every accepted type)."""
    return next((m for m in modes if onto.is_valid_mode(event, m)), None)


def _gold_labels(onto: Ontology, event: dict) -> tuple[str, str | None, int]:
    """A gold event's first type, its first mode valid for that type, and the penta class of
    its first known CAMEO code (else of the type and mode)."""
    etype = event["event"][0]
    mode = _first_valid_mode(onto, etype, event["mode"])
    codes = [c for c in event["cameo"] if onto.has_cameo(c)]
    penta = onto.cameo(codes[0]).penta if codes else penta_of(onto, etype, mode)
    return etype, mode, penta


def _plover_raw_contexts(path: Path, onto: Ontology) -> dict[str, tuple[str, ...]]:
    """Record id -> contexts from the raw file, spelled as the ontology's context names."""
    aliases = {
        "refugee": "migration",
        "refugees": "migration",
        "rights": "human_rights",
        "government": "executive",
        "political": "political_institutions",
        "politics": "political_institutions",
        "resources": "resource",
    }
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot be read ({exc.__class__.__name__})") from None
    out = {}
    for rec in raw:
        names = [aliases.get(c.strip(), c.strip()) for c in (rec.get("context") or "").split(",")]
        known = tuple(n for n in names if n in onto.contexts)
        out[rec["id"]] = known
    return out


def petr2_dev_examples(gold: Path, onto: Ontology | None = None) -> list[Example]:
    """One example per petr2_gsr dev document (a sentence or two).

    Documents with a required event take its first type, mode and CAMEO penta class; documents
    whose only events are optional CAMEO 01/02 catch-alls are statements (``none``, class 0);
    documents without events are ``none``. The four documents the source wrongly marks
    ``noevents`` (optional 16-type catch-alls, see the gold README) are left out.
    """
    onto = onto or default_ontology()
    out = []
    for doc in read_jsonl(gold / "petr2_gsr" / "petr2_gsr.dev.gold.jsonl"):
        required = [e for e in doc["events"] if not e["optional"]]
        if any(len(e["event"]) == len(onto.event_types) for e in doc["events"]):
            continue
        if required:
            etype, mode, penta = _gold_labels(onto, required[0])
        else:
            etype, mode, penta = NONE, None, 0
        out.append(Example(doc["text"], etype, mode, penta, None, 1.0, "petr2-dev", doc["id"]))
    return out


#: Words too common to say what a sentence is about (used only to pick ``none`` sentences).
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "says",
        "say",
        "told",
        "also",
        "after",
        "over",
        "more",
        "than",
        "about",
        "into",
        "their",
        "they",
        "them",
        "there",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "last",
        "year",
        "years",
        "week",
        "day",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "government",
        "country",
        "people",
    ]
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3 and w not in _STOP}


def ngec_examples(
    gold: Path,
    onto: Ontology | None = None,
    first_weight: float = 1.0,
    none_per_story: int = 1,
) -> list[Example]:
    """Sentence examples from the NGEC synthetic stories.

    Per story: the headline and the first sentence carry the story's type and mode (the first at
    ``first_weight``: the text may drift from the prompt); up to ``none_per_story`` sentences
    from the third on that share no content word with the headline or the first sentence become
    ``none`` examples (the generated text wanders into background and quotes).
    """
    onto = onto or default_ontology()
    out = []
    for row in read_jsonl(gold / "train" / "ngec_synthetic.jsonl"):
        etype = row["event"]
        mode = row["mode"] if onto.is_valid_mode(etype, row["mode"]) else None
        penta = penta_of(onto, etype, mode)
        sents = split_sentences(row["text"])
        out.append(Example(row["title"], etype, mode, penta, None, 1.0, "ngec-title", row["id"]))
        if sents:
            out.append(
                Example(sents[0], etype, mode, penta, None, first_weight, "ngec-first", row["id"])
            )
        topic = _content_words(row["title"]) | _content_words(sents[0] if sents else "")
        unrelated = [s for s in sents[2:] if len(s) > 40 and not (_content_words(s) & topic)]
        for sent in unrelated[:none_per_story]:
            out.append(Example(sent, NONE, None, 0, None, 1.0, "ngec-none", row["id"]))
    return out


#: Quoted evidence in a gold event's note: ``'...'`` after a space or at the start, at least 12
#: characters (shorter quotes are names and words, not sentences).
_NOTE_QUOTE = re.compile(r"(?:^|(?<=[\s(]))'([^']{12,}?)'(?=[\s,.;:()]|$)")
#: Ellipses that join the pieces of one quote.
_ELLIPSIS = re.compile(r"\.\.\.|…")


def _quoted_pieces(note: str) -> list[str]:
    """The quoted pieces of a note, longest first (each at least 12 characters)."""
    pieces = [
        p.strip(" .,")
        for quote in _NOTE_QUOTE.findall(note)
        for p in _ELLIPSIS.split(quote)
        if len(p.strip(" .,")) >= 12
    ]
    return sorted(pieces, key=len, reverse=True)


def article_examples(path: Path, onto: Ontology | None = None) -> list[Example]:
    """Sentence examples from the project's hand-coded development articles (``samples/dev``).

    A gold event's note quotes the sentence that reports it; the sentence holding its longest
    quoted piece takes the event's first type, first valid mode and the penta class of its first
    CAMEO code (an appeal, CAMEO 02, is a statement whatever its PLOVER type). Required events
    label a sentence before optional ones, then gold order. Sentences that no event quotes
    become ``none`` (class 0) only in articles where every event's quote was found, so an
    unquoted event cannot leave its sentence labelled ``none``.
    """
    onto = onto or default_ontology()
    out = []
    for doc in read_jsonl(path):
        sents = split_sentences(doc["text"])
        labels: dict[int, tuple[bool, int, dict]] = {}
        unplaced = False
        for order, event in enumerate(doc["events"]):
            where = next(
                (
                    i
                    for piece in _quoted_pieces(event.get("note") or "")
                    for i, s in enumerate(sents)
                    if piece in s
                ),
                None,
            )
            if where is None:
                unplaced = True
                continue
            rank = (bool(event["optional"]), order)
            if where not in labels or rank < labels[where][:2]:
                labels[where] = (*rank, event)
        for i, sent in enumerate(sents):
            if i in labels:
                etype, mode, penta = _gold_labels(onto, labels[i][2])
                out.append(Example(sent, etype, mode, penta, None, 1.0, "dev-article", doc["id"]))
            elif not unplaced and len(sent) > 40:
                out.append(Example(sent, NONE, None, 0, None, 1.0, "dev-article", doc["id"]))
    return out


def penta_examples(path: Path, onto: Ontology | None = None) -> list[Example]:
    """One example per sentence of a penta-labelled file (``samples/dev/penta.jsonl``).

    Each row gives a sentence, the CAMEO code of the event it mainly reports and that code's
    penta class. The type and mode are the ones the ontology maps the code to (the code's root
    when the code itself maps to none); statements and appeals (CAMEO 01/02), which PLOVER does
    not code, are ``none``. A row whose label is not its code's penta class is an InputError.
    The group (cross-validation fold) is the writer's batch, the id before its last ``-``
    (``p50a-017`` -> ``p50a``), so a fold never holds out sentences whose writer also trains.
    """
    return _penta_rows(list(read_jsonl(path)), path, onto or default_ontology(), "dev-penta")


def ngec_penta_examples(path: Path, gold: Path, onto: Ontology | None = None) -> list[Example]:
    """One example per labelled sentence of the NGEC stories (``samples/dev/penta_ngec.jsonl``).

    The rows are spans of ``gold/train/ngec_synthetic.jsonl`` (read with
    :func:`thucydides.evaluation.pentaclass.load_story_spans`), labelled as
    :func:`penta_examples` reads them; a row coded ``"none"`` (no codable act) is a ``none``
    example of penta class 0, as the NGEC stories' unrelated sentences are. Groups are the
    labellers' batches. None of these sentences is one of :func:`ngec_examples`' own (the
    sampling left those out, and a test checks it), so no sentence carries two labels.
    ``make train`` does not use them: as training data they did not help the dev splits
    (docs/classifier.md); the cross-validation that showed it is the way to try again.
    """
    from thucydides.evaluation.pentaclass import load_story_spans

    rows = load_story_spans(path, gold / "train" / "ngec_synthetic.jsonl")
    onto = onto or default_ontology()
    labelled = [r for r in rows if r["cameo"] != "none"]
    none = [
        Example(str(r["text"]), NONE, None, 0, None, 1.0, "dev-ngec-penta", _group(r["id"]))
        for r in rows
        if r["cameo"] == "none"
    ]
    return _penta_rows(labelled, path, onto, "dev-ngec-penta") + none


def _group(row_id: object) -> str:
    return str(row_id).rsplit("-", 1)[0]


def _penta_rows(rows: list[dict], path: Path, onto: Ontology, source: str) -> list[Example]:
    out = []
    for row in rows:
        code = str(row.get("cameo", ""))
        if not onto.has_cameo(code):
            raise InputError(f"{path}: {row.get('id')}", f"unknown CAMEO code {code!r}")
        cameo = onto.cameo(code)
        if cameo.penta != row.get("label"):
            raise InputError(
                f"{path}: {row.get('id')}",
                f"label {row.get('label')!r} is not the penta class {cameo.penta} of {code}",
            )
        root = onto.cameo(code[:2])
        event = cameo.plover_event or root.plover_event
        mode = cameo.plover_mode if cameo.plover_event else None
        out.append(
            Example(
                row["text"], event or NONE, mode, cameo.penta, None, 1.0, source, _group(row["id"])
            )
        )
    return out
