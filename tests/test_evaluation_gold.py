"""Reading gold JSONL files, turning gold into documents, and finding the shared folder."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from thucydides.errors import InputError
from thucydides.evaluation import GoldDocument, GoldEvent, gold_to_document, load_gold
from thucydides.evaluation.paths import shared_dir
from thucydides.records import Document

EVENT: dict[str, Any] = {
    "id": "E1",
    "event": ["CONSULT"],
    "mode": ["visit"],
    "actor": ["ARM"],
    "recipient": ["RUS"],
    "reciprocal": True,
    "cameo": ["042", "04"],
    "date": "2024-05",
    "aux": None,
    "mentions": 3,
    "optional": False,
    "note": "a visit",
}
DOC: dict[str, Any] = {
    "id": "d1",
    "text": "Pashinyan visited Moscow.",
    "date": "2024-05-09",
    "source": "test",
    "events": [EVENT],
}


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "g.gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def with_event(**changes: Any) -> str:
    return json.dumps({**DOC, "events": [{**EVENT, **changes}]})


def test_load_gold_reads_documents_into_records(tmp_path: Path) -> None:
    no_aux = {k: v for k, v in EVENT.items() if k != "aux"} | {"id": "E2", "optional": True}
    path = write(tmp_path, json.dumps({**DOC, "events": [EVENT, no_aux]}), "")
    common: dict[str, Any] = {
        "event": ("CONSULT",),
        "mode": ("visit",),
        "actor": ("ARM",),
        "recipient": ("RUS",),
        "reciprocal": True,
        "cameo": ("042", "04"),
        "date": "2024-05",
        "aux": None,
        "mentions": 3,
        "note": "a visit",
    }
    assert load_gold(path) == [
        GoldDocument(
            id="d1",
            text="Pashinyan visited Moscow.",
            date="2024-05-09",
            source="test",
            events=(
                GoldEvent(id="E1", aux_scored=True, optional=False, **common),
                GoldEvent(id="E2", aux_scored=False, optional=True, **common),
            ),
        )
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (with_event(event=[]), "events.0.event: List should have at least 1 item"),
        (with_event(date="2024-13"), "date '2024-13' is not a calendar date"),
        (with_event(date="May 2024"), "date 'May 2024' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        (with_event(aux="maybe"), "aux 'maybe' is not one of"),
        (with_event(cameo=[42]), "events.0.cameo.0: Input should be a valid string"),
        (with_event(actor=["arm"]), "actor codes ['arm'] are not upper-case codes"),
        (with_event(mentions=0), "events.0.mentions: Input should be greater than or equal to 1"),
        (json.dumps({**DOC, "events": [EVENT, EVENT]}), "event ids repeated"),
        (json.dumps({k: v for k, v in DOC.items() if k != "text"}), "text: Field required"),
    ],
)
def test_load_gold_names_the_line_of_a_bad_document(
    tmp_path: Path, line: str, message: str
) -> None:
    path = write(tmp_path, json.dumps(DOC), line)
    with pytest.raises(InputError) as info:
        load_gold(path)
    assert info.value.source == f"{path}:2"
    assert message in info.value.message


def test_load_gold_rejects_repeated_document_ids(tmp_path: Path) -> None:
    path = write(tmp_path, json.dumps(DOC), json.dumps(DOC))
    with pytest.raises(InputError, match=r":2: document id 'd1' already used on line 1$"):
        load_gold(path)


def test_load_gold_rejects_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "absent.jsonl")
    with pytest.raises(InputError, match="holds no gold documents"):
        load_gold(write(tmp_path, ""))


@pytest.mark.parametrize(
    ("gold_date", "expected"),
    [("2024-05-09", dt.date(2024, 5, 9)), ("2024-05", None), ("2024", None), (None, None)],
)
def test_gold_to_document_keeps_only_full_dates(
    gold_date: str | None, expected: dt.date | None
) -> None:
    gold = GoldDocument(id="d1", text="Text.", date=gold_date, source="src", events=())
    assert gold_to_document(gold) == Document(
        id="d1", text="Text.", date=expected, source="src", origin="d1"
    )


def test_shared_dir_follows_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THUCYDIDES_SHARED", str(tmp_path))
    assert shared_dir() == tmp_path.resolve()
    monkeypatch.setenv("THUCYDIDES_SHARED", str(tmp_path / "absent"))
    assert shared_dir() is None
