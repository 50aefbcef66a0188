"""Scoring an actor resolver against NGEC's actor-resolution cases.

Cases: ``shared/gold/train/actors/ngec_actor_cases.jsonl`` (asserts extracted from
``ahalterman/NGEC-2025`` @ a3909e2a ``tests/test_actor_resolution.py``; MIT claimed in package
metadata, no licence file: internal use only, see ``shared/gold/train/README.md``).

What a case asserts, and how it is read here:

- ``country`` non-empty with a FORMAT-style ``code``: the resolver must return that code;
  ``country == ""``: it must return no code; ``country_not``: it must not return that code;
  ``country`` set without a ``code`` (one slip: ``"LEG"``) asserts nothing.
- ``expect_none``: nothing is resolved; correct when the returned code is None.
- ``sector`` (or ``sector_any_of``): the returned sector must be (one of) it; ``sector == ""``
  means no sector (None or ""). NGEC's placeholder ``"????"`` asserts nothing.
- ``date``: ``Today``/``today``/empty become None (the resolver's current knowledge); other
  values are parsed (ISO or "10 May 2015"-style).

NGEC's sector vocabulary (UNK, JNK, PRE, SOC, ...) is NGEC's own, not PLOVER's, so sector accuracy
is a rough signal. Cases keep ``xfail`` (NGEC expects its own resolver to fail them) and
``collected`` (false: helper-function asserts pytest never ran) so callers can filter.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser
from pydantic import BaseModel, ConfigDict, ValidationError

from thucydides.errors import InputError

#: resolve(actor text, date, context) -> (code, sector)
Resolver = Callable[[str, dt.date | None, str | None], tuple[str | None, str | None]]

# Case dates meaning "now" in NGEC's tests.
_TODAY = {"", "today"}
# NGEC's sector placeholder for "not known"; asserts nothing here.
_NO_SECTOR_ASSERTION = "????"


@dataclass(frozen=True)
class ActorCase:
    """One actor-resolution case.

    Attributes:
        id: Case id (``ngec-actor-NNN``).
        text: The actor text to resolve.
        context: Sentence context given to the resolver, if any.
        date: The date to resolve at, or None (now).
        code_asserted: Whether the case asserts a code (or its absence).
        expected_code: The code expected (None: no code), when ``code_asserted``.
        code_not: A code the resolver must not return, if any.
        expect_none: The case asserts that nothing is resolved.
        sectors: Accepted sectors (``("",)`` means "no sector"); empty: sector not asserted.
        xfail: NGEC expects its own resolver to fail this case.
        collected: NGEC's pytest actually runs this case.
    """

    id: str
    text: str
    context: str | None
    date: dt.date | None
    code_asserted: bool
    expected_code: str | None
    code_not: str | None
    expect_none: bool
    sectors: tuple[str, ...]
    xfail: bool = False
    collected: bool = True


@dataclass(frozen=True)
class ActorCaseResult:
    """What the resolver returned for a case, and whether that is right (None: not asserted)."""

    case_id: str
    text: str
    code: str | None
    sector: str | None
    code_ok: bool | None
    sector_ok: bool | None
    none_ok: bool | None
    xfail: bool


@dataclass(frozen=True)
class ActorCaseReport:
    """Accuracies over the cases that assert each thing (None where no case does).

    Attributes:
        n: Cases scored.
        code_accuracy, code_total: Over cases asserting a code, its absence, a ``country_not``,
            or ``expect_none`` (correct when the code is None).
        none_accuracy, none_total: The subset expecting no code (``country == ""`` or
            ``expect_none``).
        sector_accuracy, sector_total: Over cases asserting a sector.
        results: One result per case, in input order.
    """

    n: int
    code_accuracy: float | None
    code_total: int
    none_accuracy: float | None
    none_total: int
    sector_accuracy: float | None
    sector_total: int
    results: tuple[ActorCaseResult, ...]


class _CaseModel(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    actor_text: str
    context: str | None = None
    date: str | None = None
    country: str | None = None
    code: str | None = None
    expect_none: bool = False
    sector: str | None = None
    sector_any_of: list[str] | None = None
    country_not: str | None = None
    xfail: bool = False
    collected_by_pytest: bool = True


def _parse_date(raw: str | None, where: str) -> dt.date | None:
    if raw is None or raw.strip().lower() in _TODAY:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    try:
        return date_parser.parse(raw).date()
    except (ValueError, OverflowError):
        raise InputError(where, f"date {raw!r} is not a date") from None


def _sectors(m: _CaseModel) -> tuple[str, ...]:
    if m.sector_any_of:
        return tuple(m.sector_any_of)
    if m.sector is None or m.sector == _NO_SECTOR_ASSERTION:
        return ()
    return (m.sector,)


def _to_case(m: _CaseModel, where: str) -> ActorCase:
    positive = m.country is not None and (m.country == "" or m.code is not None)
    return ActorCase(
        id=m.id,
        text=m.actor_text,
        context=m.context,
        date=_parse_date(m.date, where),
        code_asserted=positive or m.expect_none,
        expected_code=m.code if m.country else None,
        code_not=m.country_not,
        expect_none=m.expect_none,
        sectors=_sectors(m),
        xfail=m.xfail,
        collected=m.collected_by_pytest,
    )


def load_actor_cases(path: Path) -> list[ActorCase]:
    """Read the cases file; InputError names ``path:line`` on a bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read ({exc.__class__.__name__})") from None
    cases = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            raw: Any = json.loads(line)
            cases.append(_to_case(_CaseModel.model_validate(raw), where))
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not valid JSON ({exc.msg})") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise InputError(where, f"{field}: {first['msg']}") from None
    return cases


def _judge(case: ActorCase, code: str | None, sector: str | None) -> ActorCaseResult:
    code_ok: bool | None = None
    if case.code_asserted:
        code_ok = code == case.expected_code
    if case.code_not is not None:
        code_ok = (code_ok is not False) and code != case.code_not
    none_ok = (code is None) if case.code_asserted and case.expected_code is None else None
    sector_ok = ((sector or "") in case.sectors) if case.sectors else None
    return ActorCaseResult(
        case.id, case.text, code, sector, code_ok, sector_ok, none_ok, case.xfail
    )


def _accuracy(values: Sequence[bool | None]) -> tuple[float | None, int]:
    scored = [v for v in values if v is not None]
    return (sum(scored) / len(scored) if scored else None), len(scored)


def score_actor_cases(cases: Sequence[ActorCase], resolve: Resolver) -> ActorCaseReport:
    """Run ``resolve(text, date, context)`` on every case and score what it returns."""
    results = tuple(_judge(c, *resolve(c.text, c.date, c.context)) for c in cases)
    code, n_code = _accuracy([r.code_ok for r in results])
    none, n_none = _accuracy([r.none_ok for r in results])
    sector, n_sector = _accuracy([r.sector_ok for r in results])
    return ActorCaseReport(len(results), code, n_code, none, n_none, sector, n_sector, results)
