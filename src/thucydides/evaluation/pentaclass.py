"""Scoring sentence-level CAMEO quad classes ("PentaClass") against ConfliBERT's ``cameo_class``.

Gold: ``shared/gold/conflibert/cameo_class_{train,test}.jsonl`` (eventdata/ConfliBERT @ 0b630014,
GPL-3.0 repository, text copyright not theirs: evaluation only, never shipped or trained on). One
label per sentence: 0 statement (CAMEO 01-02), 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict.

A prediction is a class 0-4, or None when the coder gave the sentence no class (no event): None
is wrong for accuracy and recall and is nobody's prediction for precision.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from thucydides.errors import InputError

#: Class names by label, as the ConfliBERT README's ``label_name`` values give them.
CLASS_NAMES: tuple[str, ...] = (
    "statement",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


@dataclass(frozen=True)
class PentaItem:
    """One gold sentence: its id, text and class label (0-4)."""

    id: str
    text: str
    label: int


@dataclass(frozen=True)
class ClassRow:
    """Scores for one class; rates are None where their denominator is zero."""

    label: int
    name: str
    support: int
    predicted: int
    tp: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True)
class PentaReport:
    """Accuracy, per-class rows and macro-F1 of a set of (gold, predicted) pairs.

    Attributes:
        n: Pairs scored.
        unpredicted: Pairs whose prediction was None.
        accuracy: Share of pairs predicted correctly (None when n is 0).
        per_class: One row per class 0-4.
        macro_f1: Mean F1 over the classes whose F1 is defined (some gold or some prediction).
        confusion: ``confusion[gold][pred]``; column 5 counts None predictions.
    """

    n: int
    unpredicted: int
    accuracy: float | None
    per_class: tuple[ClassRow, ...]
    macro_f1: float | None
    confusion: tuple[tuple[int, ...], ...]


class _RowModel(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    id: str
    text: str = Field(min_length=1)
    label: int = Field(ge=0, le=len(CLASS_NAMES) - 1)


def load_pentaclass(path: Path) -> list[PentaItem]:
    """Read a ``cameo_class_*.jsonl`` file; InputError names ``path:line`` on a bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read ({exc.__class__.__name__})") from None
    return [
        PentaItem(row.id, row.text, row.label) for _, _, row in _validated(path, lines, _RowModel)
    ]


_M = TypeVar("_M", bound=BaseModel)


def _validated(path: Path, lines: Sequence[str], model: type[_M]) -> Iterator[tuple[int, dict, _M]]:
    """(line number, raw dict, validated row) for each non-blank line; InputError names
    ``path:line`` on a bad one."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            row = model.model_validate(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}", f"not valid JSON ({exc.msg})") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path}:{lineno}", f"{where}: {first['msg']}") from None
        yield lineno, raw, row


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def score_pentaclass(rows: Sequence[tuple[int, int | None]]) -> PentaReport:
    """Score ``(gold label, predicted label or None)`` pairs.

    Raises:
        ValueError: a label outside 0-4.
    """
    k = len(CLASS_NAMES)
    confusion = [[0] * (k + 1) for _ in range(k)]
    for gold, pred in rows:
        if gold not in range(k) or (pred is not None and pred not in range(k)):
            raise ValueError(f"labels must be 0-{k - 1} (prediction may be None): {(gold, pred)}")
        confusion[gold][k if pred is None else pred] += 1
    per_class = []
    for c in range(k):
        tp = confusion[c][c]
        support = sum(confusion[c])
        predicted = sum(confusion[g][c] for g in range(k))
        per_class.append(
            ClassRow(
                c,
                CLASS_NAMES[c],
                support,
                predicted,
                tp,
                _ratio(tp, predicted),
                _ratio(tp, support),
                _ratio(2 * tp, support + predicted),
            )
        )
    f1s = [r.f1 for r in per_class if r.f1 is not None]
    return PentaReport(
        n=len(rows),
        unpredicted=sum(confusion[g][k] for g in range(k)),
        accuracy=_ratio(sum(confusion[c][c] for c in range(k)), len(rows)),
        per_class=tuple(per_class),
        macro_f1=sum(f1s) / len(f1s) if f1s else None,
        confusion=tuple(tuple(r) for r in confusion),
    )


class _SpanRowModel(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    id: str
    story: str
    start: int = Field(ge=0)
    end: int = Field(ge=1)
    sha1: str = Field(min_length=12, max_length=12)
    cameo: str
    label: int | None = Field(ge=0, le=len(CLASS_NAMES) - 1)


def load_story_spans(path: Path, stories: Path) -> list[dict]:
    """Read a file of sentence labels whose sentences are spans of stories kept elsewhere.

    Each row of ``path`` names a story id of the JSONL file ``stories`` (rows with ``id`` and
    ``text``) and the sentence's ``start``/``end`` characters in that story's text, with the
    first 12 hex digits of the sentence's SHA-1 (``sha1``) to prove the span still holds the
    sentence that was labelled; ``cameo`` is a CAMEO code or ``"none"`` and ``label`` its penta
    class or null. The third-party text stays in its own file (and under its own licence); only
    the labels are the project's. Returns the rows as dicts with ``text`` added.

    Raises:
        InputError: a bad line, an unknown story, or a span whose text no longer matches.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        story_text = {}
        for line in stories.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                story_text[str(row["id"])] = str(row["text"])
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError) as exc:
        raise InputError(
            f"{path}", f"cannot be read with {stories} ({exc.__class__.__name__})"
        ) from None
    out = []
    for lineno, raw, row in _validated(path, lines, _SpanRowModel):
        if row.story not in story_text:
            raise InputError(f"{path}:{lineno}", f"story {row.story!r} is not in {stories}")
        text = story_text[row.story][row.start : row.end]
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] != row.sha1:
            raise InputError(
                f"{path}:{lineno}", f"characters {row.start}-{row.end} of {row.story} changed"
            )
        out.append({**raw, "text": text})
    return out


def penta_items(rows: Sequence[dict]) -> list[PentaItem]:
    """The rows of :func:`load_story_spans` that carry a penta class, as gold items."""
    return [
        PentaItem(str(r["id"]), str(r["text"]), int(r["label"]))
        for r in rows
        if r["label"] is not None
    ]
