"""Scoring coded events against gold documents (FORMAT.md, "Scoring (how gold and records meet)").

Per document, predictions are matched one-to-one to gold events (:mod:`.matching`). Then:

- a matched required gold event is a true positive, an unmatched one a false negative
  (documents with no predictions at all count every required event as missed);
- a prediction compatible only with optional gold events counts for nothing ("absorbed"); one
  that is left over although compatible with a required gold event absorbs a free optional gold
  event if it can, and is otherwise a **duplicate**; one compatible with nothing is a false
  positive;
- strict precision is ``tp / (tp + fp + duplicates)``; lenient precision leaves duplicates out;
- on true positives: mode, CAMEO (prefix), CAMEO root, date (at gold precision), aux (where the
  gold line has the key) accuracy, and the mean absolute mention-count error;
- predictions for documents the gold file does not hold are ignored, but counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from thucydides.errors import InputError
from thucydides.evaluation.gold import GoldDocument, GoldEvent
from thucydides.evaluation.matching import Attributes, assign, attributes, codes
from thucydides.records import Event

# How much of a document's text a miss shows (the brief: "first 200 chars of the doc").
EXCERPT_CHARS = 200


@dataclass(frozen=True)
class Match:
    """A true positive: a required gold event and the prediction matched to it."""

    doc_id: str
    gold_id: str
    event_id: str
    gold_event: str
    event: str
    attributes: Attributes


@dataclass(frozen=True)
class Miss:
    """A false negative: a required gold event no prediction matched."""

    doc_id: str
    gold_id: str
    event: str
    note: str
    excerpt: str


@dataclass(frozen=True)
class FalsePositive:
    """A prediction that earns nothing: compatible with no gold event, or a duplicate.

    Attributes:
        duplicate_of: For a duplicate, the id of the (already matched) required gold event it
            is compatible with; None for a plain false positive.
    """

    doc_id: str
    event_id: str
    event: str
    cameo: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    sentence: str
    trigger: str
    duplicate_of: str | None = None


@dataclass(frozen=True)
class TypeRow:
    """Counts and scores for one PLOVER type (gold's first listed type; FPs by predicted type)."""

    event: str
    tp: int
    fp: int
    duplicates: int
    fn: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True)
class Report:
    """Everything the scorer found. Rates are None where their denominator is zero.

    Attributes:
        documents: Gold documents scored.
        predictions: Predictions for those documents.
        tp, fp, fn, duplicates: Counts (``fp`` excludes duplicates).
        absorbed: Predictions that counted for nothing (matched only optional gold events).
        precision, recall, f1: Strict scores (duplicates count as false positives).
        lenient_precision, lenient_f1: The same without duplicates.
        mode_accuracy, n_mode: On true positives whose gold lists modes.
        cameo_accuracy, cameo_root_accuracy, n_cameo: On true positives whose gold lists codes.
        date_accuracy, n_date: On true positives whose gold is dated.
        aux_accuracy, n_aux: On true positives whose gold line has an ``aux`` key.
        mention_count_mae, n_mentions: On true positives whose gold counts mentions.
        unknown_docs: Ids of documents predicted for but absent from the gold file (ignored).
        unknown_predictions: How many predictions those documents had.
        by_type: Per-type rows, keyed by type, sorted by name.
        matches, misses, false_positives, duplicate_predictions: The individual outcomes.
    """

    documents: int
    predictions: int
    tp: int
    fp: int
    fn: int
    duplicates: int
    absorbed: int
    precision: float | None
    recall: float | None
    f1: float | None
    lenient_precision: float | None
    lenient_f1: float | None
    mode_accuracy: float | None
    n_mode: int
    cameo_accuracy: float | None
    cameo_root_accuracy: float | None
    n_cameo: int
    date_accuracy: float | None
    n_date: int
    aux_accuracy: float | None
    n_aux: int
    mention_count_mae: float | None
    n_mentions: int
    unknown_docs: tuple[str, ...]
    unknown_predictions: int
    by_type: dict[str, TypeRow] = field(default_factory=dict)
    matches: tuple[Match, ...] = ()
    misses: tuple[Miss, ...] = ()
    false_positives: tuple[FalsePositive, ...] = ()
    duplicate_predictions: tuple[FalsePositive, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists under ``json.dumps``)."""
        return asdict(self)


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _f1(tp: int, wrong_predictions: int, fn: int) -> float | None:
    # 2PR/(P+R) written on counts, so it is defined whenever anything was predicted or missed.
    return _ratio(2 * tp, 2 * tp + wrong_predictions + fn)


def _as_event(pred: Event | Mapping[str, Any], index: int) -> Event:
    if isinstance(pred, Event):
        return pred
    try:
        return Event.from_record(dict(pred))
    except (KeyError, TypeError, ValueError) as exc:
        message = f"not a FORMAT.md event record: {exc}"
        raise InputError(f"prediction {index + 1}", message) from None


def _false_positive(pred: Event, duplicate_of: str | None = None) -> FalsePositive:
    first = pred.mentions[0] if pred.mentions else None
    return FalsePositive(
        doc_id=pred.doc_id,
        event_id=pred.event_id,
        event=pred.event,
        cameo=pred.cameo,
        actor=tuple(sorted(codes(pred.actor))),
        recipient=tuple(sorted(codes(pred.recipient))),
        sentence=first.text if first else "",
        trigger=first.trigger if first else "",
        duplicate_of=duplicate_of,
    )


@dataclass
class _Tally:
    """Mutable accumulator used while scoring (never leaves this module)."""

    matches: list[Match] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    fps: list[FalsePositive] = field(default_factory=list)
    dups: list[FalsePositive] = field(default_factory=list)
    absorbed: int = 0
    type_counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def score_document(self, doc: GoldDocument, preds: Sequence[Event]) -> None:
        result = assign(doc.events, preds)
        matched_gold = set()
        for gi, pj in result.pairs:
            gold = doc.events[gi]
            if gold.optional:
                self.absorbed += 1
                continue
            matched_gold.add(gi)
            pred = preds[pj]
            self.matches.append(
                Match(
                    doc.id,
                    gold.id,
                    pred.event_id,
                    gold.event[0],
                    pred.event,
                    attributes(gold, pred),
                )
            )
            self.type_counts[gold.event[0]]["tp"] += 1
        for gi, gold in enumerate(doc.events):
            if not gold.optional and gi not in matched_gold:
                self._miss(doc, gold)
        self.absorbed += len(result.absorbed)
        for pj, gi in result.duplicates:
            self.dups.append(_false_positive(preds[pj], doc.events[gi].id))
            self.type_counts[preds[pj].event]["duplicates"] += 1
        for pj in result.false_positives:
            self.fps.append(_false_positive(preds[pj]))
            self.type_counts[preds[pj].event]["fp"] += 1

    def _miss(self, doc: GoldDocument, gold: GoldEvent) -> None:
        self.misses.append(
            Miss(doc.id, gold.id, gold.event[0], gold.note, doc.text[:EXCERPT_CHARS])
        )
        self.type_counts[gold.event[0]]["fn"] += 1


def _type_rows(counts: Mapping[str, Counter[str]]) -> dict[str, TypeRow]:
    rows = {}
    for name in sorted(counts):
        c = counts[name]
        tp, fp, dup, fn = c["tp"], c["fp"], c["duplicates"], c["fn"]
        rows[name] = TypeRow(
            name,
            tp,
            fp,
            dup,
            fn,
            _ratio(tp, tp + fp + dup),
            _ratio(tp, tp + fn),
            _f1(tp, fp + dup, fn),
        )
    return rows


def _accuracy(matches: Sequence[Match], name: str) -> tuple[float | None, int]:
    values = [getattr(m.attributes, name) for m in matches]
    scored = [v for v in values if v is not None]
    return _ratio(sum(scored), len(scored)), len(scored)


def score(gold: Sequence[GoldDocument], predictions: Sequence[Event | Mapping[str, Any]]) -> Report:
    """Score predictions (events, or FORMAT.md event-record dicts) against gold documents.

    Raises:
        InputError: a prediction dict lacks a required field (names ``prediction N``).
    """
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for index, pred in enumerate(predictions):
        event = _as_event(pred, index)
        by_doc[event.doc_id].append(event)
    known = {doc.id for doc in gold}
    unknown = tuple(sorted(set(by_doc) - known))

    tally = _Tally()
    for doc in gold:
        tally.score_document(doc, by_doc.get(doc.id, []))

    tp, fp, dup, fn = len(tally.matches), len(tally.fps), len(tally.dups), len(tally.misses)
    mode, n_mode = _accuracy(tally.matches, "mode_ok")
    cameo, n_cameo = _accuracy(tally.matches, "cameo_ok")
    root, _ = _accuracy(tally.matches, "cameo_root_ok")
    date, n_date = _accuracy(tally.matches, "date_ok")
    aux, n_aux = _accuracy(tally.matches, "aux_ok")
    errors = [abs(e) for m in tally.matches if (e := m.attributes.mention_error) is not None]
    return Report(
        documents=len(gold),
        predictions=sum(len(by_doc.get(doc_id, [])) for doc_id in known),
        tp=tp,
        fp=fp,
        fn=fn,
        duplicates=dup,
        absorbed=tally.absorbed,
        precision=_ratio(tp, tp + fp + dup),
        recall=_ratio(tp, tp + fn),
        f1=_f1(tp, fp + dup, fn),
        lenient_precision=_ratio(tp, tp + fp),
        lenient_f1=_f1(tp, fp, fn),
        mode_accuracy=mode,
        n_mode=n_mode,
        cameo_accuracy=cameo,
        cameo_root_accuracy=root,
        n_cameo=n_cameo,
        date_accuracy=date,
        n_date=n_date,
        aux_accuracy=aux,
        n_aux=n_aux,
        mention_count_mae=_ratio(sum(errors), len(errors)),
        n_mentions=len(errors),
        unknown_docs=unknown,
        unknown_predictions=sum(len(by_doc[d]) for d in unknown),
        by_type=_type_rows(tally.type_counts),
        matches=tuple(tally.matches),
        misses=tuple(tally.misses),
        false_positives=tuple(tally.fps),
        duplicate_predictions=tuple(tally.dups),
    )
