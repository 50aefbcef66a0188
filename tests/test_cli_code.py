"""`thucydides code` end to end: inputs, formats, the store, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.cli import app
from thucydides.store import EventStore

pytestmark = pytest.mark.slow

VISIT = (
    "Armenian Prime Minister Nikol Pashinyan visited Moscow on Wednesday and held talks with "
    "Russian President Vladimir Putin.\n"
)
SANCTION = "France expelled two Russian diplomats on Monday.\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_text_file_is_coded_to_jsonl_event_records(runner, tmp_path: Path):
    src = tmp_path / "visit.txt"
    src.write_text(VISIT)
    result = runner.invoke(app, ["code", str(src), "--date", "2024-05-09", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [rec] = _jsonl(result.stdout)
    assert (rec["doc_id"], rec["event"], rec["mode"], rec["cameo"]) == (
        "visit",
        "CONSULT",
        "visit",
        "042",
    )
    assert [a["code"] for a in rec["actor"]] == ["ARM"]
    assert [a["code"] for a in rec["recipient"]] == ["RUS"]
    assert (rec["date"], rec["date_precision"], rec["aux"]) == ("2024-05-08", "day", None)
    assert rec["mentions"][0]["text"] == VISIT.strip()
    assert rec["mentions"][0]["start"] == 0


def test_html_page_is_coded_without_its_boilerplate(runner, tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Diplomats expelled</title>"
        '<meta property="article:published_time" content="2024-03-04T10:00:00Z"></head>'
        "<body><nav>Home | World | Share.</nav><article><p>"
        + SANCTION
        + "</p></article><footer>Exit mobile version</footer></body></html>"
    )
    result = runner.invoke(app, ["code", str(page), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [rec] = _jsonl(result.stdout)
    assert (rec["event"], rec["date"]) == ("SANCTION", "2024-03-04")
    assert "Exit mobile" not in rec["mentions"][0]["text"]


def test_jsonl_documents_and_stdin_are_coded(runner, tmp_path: Path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "a", "text": VISIT, "date": "2024-05-09"})
        + "\n"
        + json.dumps({"id": "b", "text": SANCTION, "date": "2024-03-05", "extra": 1})
        + "\n"
    )
    result = runner.invoke(app, ["code", str(docs), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in _jsonl(result.stdout)] == ["a", "b"]
    piped = runner.invoke(
        app, ["code", "-", "--date", "2024-03-05", "--format", "csv"], input=SANCTION
    )
    assert piped.exit_code == 0, piped.output
    header, row = piped.stdout.splitlines()[:2]
    assert header.startswith("doc_id,event_id,date,")
    assert ",SANCTION," in row


def test_table_is_the_default_output(runner, tmp_path: Path):
    src = tmp_path / "visit.txt"
    src.write_text(VISIT)
    result = runner.invoke(app, ["code", str(src), "--date", "2024-05-09"])
    assert result.exit_code == 0, result.output
    assert "1 events from 1 document(s)" in result.stdout
    assert "CONSULT / visit" in result.stdout


def test_recoding_into_the_store_replaces_and_never_duplicates(runner, tmp_path: Path):
    src = tmp_path / "visit.txt"
    src.write_text(VISIT)
    db = tmp_path / "events.duckdb"
    for _ in range(2):
        result = runner.invoke(
            app, ["code", str(src), "--date", "2024-05-09", "--db", str(db), "--format", "jsonl"]
        )
        assert result.exit_code == 0, result.output
    with EventStore(db) as store:
        assert store.counts() == {"documents": 1, "events": 1, "mentions": 1, "actors": 2}


def test_bad_inputs_are_named_one_line_each_and_the_good_ones_still_stored(runner, tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(VISIT)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks".encode("latin-1"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "France expelled two Russian diplomats."}\n{oops\n')
    db = tmp_path / "events.duckdb"
    args = [
        "code",
        str(good),
        str(tmp_path / "missing.txt"),
        str(tmp_path),
        str(empty),
        str(binary),
        str(latin),
        str(broken),
        "--date",
        "2024-05-09",
        "--db",
        str(db),
        "--format",
        "jsonl",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 6
    for name in ("missing.txt", "empty.txt", "blob.txt", "latin.txt", "broken.jsonl: line 2"):
        assert any(name in e for e in errors), (name, errors)
    with EventStore(db) as store:
        assert sorted(d.id for d in store.documents()) == ["good", "x"]


def test_nothing_coded_exits_non_zero(runner, tmp_path: Path):
    result = runner.invoke(app, ["code", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert "missing.txt" in result.stderr


def test_an_invalid_date_is_refused_before_anything_runs(runner, tmp_path: Path):
    src = tmp_path / "visit.txt"
    src.write_text(VISIT)
    result = runner.invoke(app, ["code", str(src), "--date", "09/05/2024"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: --date: invalid date '09/05/2024': expected YYYY-MM-DD"
    ]


def test_negated_events_are_stored_but_shown_only_on_request(runner, tmp_path: Path):
    src = tmp_path / "snub.txt"
    src.write_text("Pashinyan did not attend the CSTO summit in Minsk in November.\n")
    db = tmp_path / "events.duckdb"
    plain = runner.invoke(
        app, ["code", str(src), "--date", "2024-06-13", "--format", "jsonl", "--db", str(db)]
    )
    shown = runner.invoke(
        app, ["code", str(src), "--date", "2024-06-13", "--format", "jsonl", "--include-negated"]
    )
    assert _jsonl(plain.stdout) == []
    [rec] = _jsonl(shown.stdout)
    assert (rec["event"], rec["aux"], rec["date"]) == ("CONSULT", "negated", "2023-11")
    with EventStore(db) as store:
        assert [e.aux for e in store.events(include_negated=True)] == ["negated"]
