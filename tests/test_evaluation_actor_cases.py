"""Scoring an actor resolver against NGEC-style actor cases, with a fake resolver."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from thucydides.errors import InputError
from thucydides.evaluation.actor_cases import (
    ActorCase,
    ActorCaseResult,
    load_actor_cases,
    score_actor_cases,
)


def case(case_id: str, text: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": case_id,
        "actor_text": text,
        "context": None,
        "date": None,
        "country": None,
        "code": None,
        "expect_none": False,
        "sector": None,
        "sector_any_of": None,
        "country_not": None,
        "xfail": False,
        "collected_by_pytest": True,
    }
    return base | fields


CASES = [
    case("c0", "Kassym-Jomart Tokayev", date="Today", country="KAZ", code="KAZ", sector="GOV"),
    case("c1", "World Bank", date="2022-01-10", country="IGO", code="WB"),
    case("c2", "Pope Francis", date="10 May 2015", country="", sector=""),
    case("c3", "puppies", expect_none=True),
    case("c4", "John Waluke", country_not="GBR"),
    case("c5", "Hezbollah", country="LBN", code="LBN", sector_any_of=["PTY", "REB"]),
    case("c6", "Feliciano Valencia", country="LEG", sector="COL", xfail=True),
    case("c7", "Mongolian People's Party", country="MNG", code="MNG", sector="????"),
]


def write_cases(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_load_actor_cases_reads_what_each_case_asserts(tmp_path: Path) -> None:
    cases = load_actor_cases(write_cases(tmp_path, CASES))
    assert cases[:3] == [
        ActorCase("c0", "Kassym-Jomart Tokayev", None, None, True, "KAZ", None, False, ("GOV",)),
        ActorCase("c1", "World Bank", None, dt.date(2022, 1, 10), True, "WB", None, False, ()),
        ActorCase("c2", "Pope Francis", None, dt.date(2015, 5, 10), True, None, None, False, ("",)),
    ]
    assert [(c.code_asserted, c.expected_code, c.code_not, c.sectors) for c in cases[3:]] == [
        (True, None, None, ()),  # expect_none
        (False, None, "GBR", ()),  # only a negative assertion
        (True, "LBN", None, ("PTY", "REB")),
        (False, None, None, ("COL",)),  # country "LEG" is a slip: no code assertion
        (True, "MNG", None, ()),  # "????" asserts no sector
    ]


def test_scores_codes_absences_and_sectors_with_a_fake_resolver(tmp_path: Path) -> None:
    answers: dict[str, tuple[str | None, str | None]] = {
        "Kassym-Jomart Tokayev": ("KAZ", "GOV"),
        "World Bank": ("WB", None),
        "Pope Francis": ("VAT", None),  # wrong: NGEC expects no country
        "puppies": (None, None),
        "John Waluke": ("GBR", "LEG"),  # the forbidden code
        "Hezbollah": ("LBN", "REB"),
        "Feliciano Valencia": ("COL", "LEG"),
        "Mongolian People's Party": ("MNG", "PTY"),
    }
    seen: list[tuple[str, dt.date | None, str | None]] = []

    def resolve(
        text: str, date: dt.date | None, context: str | None
    ) -> tuple[str | None, str | None]:
        seen.append((text, date, context))
        return answers[text]

    report = score_actor_cases(load_actor_cases(write_cases(tmp_path, CASES)), resolve)
    assert (report.n, report.code_total, report.code_accuracy) == (8, 7, 5 / 7)
    assert (report.none_total, report.none_accuracy) == (2, 0.5)
    assert (report.sector_total, report.sector_accuracy) == (4, 0.75)
    assert report.results[2] == ActorCaseResult(
        "c2",
        "Pope Francis",
        "VAT",
        None,
        code_ok=False,
        sector_ok=True,
        none_ok=False,
        xfail=False,
    )
    assert seen[2] == ("Pope Francis", dt.date(2015, 5, 10), None)


def test_load_actor_cases_names_a_bad_date(tmp_path: Path) -> None:
    path = write_cases(tmp_path, [CASES[0], case("cx", "X", date="the day after")])
    with pytest.raises(InputError, match=r"cases\.jsonl:2: date 'the day after' is not a date"):
        load_actor_cases(path)
