"""`thucydides actors ...` commands (parse with spaCy: slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.cli import _actors  # noqa: F401  (registers the actors group)
from thucydides.cli._app import app

pytestmark = pytest.mark.slow

runner = CliRunner()


def test_lookup_prints_code_sector_name_entry_and_reason():
    result = runner.invoke(app, ["actors", "lookup", "Nikol Pashinyan", "--date", "2024-05-09"])
    assert result.exit_code == 0
    assert result.output.splitlines()[:6] == [
        "text    Nikol Pashinyan",
        "code    ARM",
        "sector  GOV",
        "name    Nikol Pashinyan",
        "entry   person:nikol-pashinyan",
        "kind    person",
    ]
    assert "Prime Minister of Armenia on 2024-05-09" in result.output


def test_lookup_of_an_unknown_name_exits_1():
    result = runner.invoke(app, ["actors", "lookup", "Zorblax Quentin", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["code"] is None


def test_resolve_prints_one_json_line_per_case(tmp_path: Path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        '{"text": "Prime Minister of the UK", "date": "2023-06-01"}\n'
        '{"text": "Defense Minister", "context": "German"}\n'
        '{"text": "the Kremlin"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["actors", "resolve", str(cases)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["code"], r["sector"]) for r in rows] == [
        ("GBR", "GOV"),
        ("DEU", "GOV"),
        ("RUS", "GOV"),
    ]


def test_resolve_names_a_bad_line(tmp_path: Path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"text": "Iran"}\n{"txt": "oops"}\n', encoding="utf-8")
    result = runner.invoke(app, ["actors", "resolve", str(cases)])
    assert result.exit_code == 2
    assert f"{cases}:2: expected an object" in result.output


def test_eval_reports_accuracy_on_the_ngec_cases(shared):
    cases = shared / "gold" / "train" / "actors" / "ngec_actor_cases.jsonl"
    result = runner.invoke(app, ["actors", "eval", str(cases), "--format", "json"])
    assert result.exit_code == 0
    summary = json.loads(result.output)
    # The bar (code 0.90, sector 0.80); measured 0.914 / 0.806 on 327 / 289 cases.
    assert summary["country_code_accuracy"] >= 0.90
    assert summary["sector_accuracy"] >= 0.80


def test_import_petrarch_writes_a_loadable_dictionary(shared, tmp_path: Path):
    unit = shared / "gold" / "petr_unit"
    out = tmp_path / "toy.yaml"
    result = runner.invoke(
        app,
        [
            "actors",
            "import-petrarch",
            str(unit / "PETR.Validate.actors.txt"),
            str(unit / "PETR.Validate.agents.txt"),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0
    assert out.read_text().startswith("# Converted by `thucydides actors import-petrarch`")
    check = runner.invoke(app, ["actors", "validate", str(out)])
    assert check.exit_code == 0
    assert check.output.startswith("ok: ")
