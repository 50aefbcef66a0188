"""The synthetic history's known answers: the Armenia-Russia turn of September 2023 is found,
reported, drawn and exported."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.analysis import (
    build_report,
    detect_shifts,
    movers,
    network,
    relations,
    render_report,
    shifts,
    to_graphml,
    to_json,
)
from thucydides.store import EventStore
from thucydides.synth.history import generate_history, history

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("history") / "history.duckdb"
    with EventStore(path) as store:
        generate_history(store, seed=0)
    return path


@pytest.fixture(scope="module")
def arm_rus_report(store_path):
    return build_report(store_path, "ARM", "RUS")


def test_same_seed_gives_the_same_history():
    first = [e.event_id + e.cameo for _, e in history(seed=3, end=dt.date(2019, 6, 30))]
    again = [e.event_id + e.cameo for _, e in history(seed=3, end=dt.date(2019, 6, 30))]
    other = [e.event_id + e.cameo for _, e in history(seed=4, end=dt.date(2019, 6, 30))]
    assert first == again
    assert first != other


def test_arm_rus_series_turns_from_cooperative_to_conflictual(store_path):
    series = relations(store_path, "ARM", "RUS", by="year")
    means = dict(zip(series.periods, series.goldstein_mean, strict=True))
    assert means[dt.date(2022, 1, 1)] > 2.5
    assert means[dt.date(2024, 1, 1)] < -1.0


def test_arm_rus_shift_is_flagged_between_august_and_november_2023(store_path):
    found = detect_shifts(relations(store_path, "ARM", "RUS"))
    assert len(found) == 1
    shift = found[0]
    assert dt.date(2023, 8, 1) <= shift.at <= dt.date(2023, 11, 1)
    assert shift.direction == "conflictual"
    assert shift.p_value == pytest.approx(0.001)
    assert shift.before > 2.5 and shift.after < -1.0


def test_stable_dyad_has_no_shift(store_path):
    assert detect_shifts(relations(store_path, "USA", "CHN")) == ()


def test_shifts_ranks_the_two_scripted_turns(store_path):
    found = shifts(store_path)
    assert [(s.a, s.b, s.at) for s in found] == [
        ("RUS", "UKR", dt.date(2022, 2, 1)),
        ("ARM", "RUS", dt.date(2023, 9, 1)),
    ]


def test_movers_behind_the_turn_are_conflictual_events_with_evidence(store_path):
    found = movers(
        store_path,
        "ARM",
        "RUS",
        baseline=3.4,
        direction="conflictual",
        n=3,
        since="2023-09",
        until="2023-11",
    )
    assert len(found) == 3
    assert all(m.goldstein < 0 and m.contribution < 0 for m in found)
    assert all(
        m.sentence and m.url and m.url.startswith("https://synthetic.invalid/") for m in found
    )


def test_report_summary_states_the_turn_and_the_alliances(arm_rus_report):
    summary = arm_rus_report.summary
    assert (
        "Relations between Armenia and Russia turned more conflictual from September 2023"
        in summary
    )
    assert "CSTO (Armenia suspended since February 2024)" in summary


def test_report_html_needs_no_network(arm_rus_report):
    page = render_report(arm_rus_report)
    tags = _Tags()
    tags.feed(page)
    # Only inline scripts (plotly.js itself, then one per figure) and no stylesheet links.
    assert [attrs for name, attrs in tags.found if name == "script" and "src" in attrs] == []
    assert [name for name, _ in tags.found if name == "link"] == []
    assert page.count('class="plotly-graph-div"') == 3


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_report_plots_draw_in_headless_chromium(arm_rus_report, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install -y chromium)")
    page = tmp_path / "report.html"
    page.write_text(render_report(arm_rus_report), encoding="utf-8")
    dom = _dump_dom(page, tmp_path / "profile")
    # Each plotly figure draws two <svg class="main-svg"> layers plus one for hover labels.
    assert dom.count('class="main-svg"') >= 6
    assert "trace scatter" in dom and "trace bars" in dom


def _dump_dom(page: Path, profile: Path) -> str:
    args = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=10000",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    return done.stdout


def test_network_colours_dyads_and_marks_the_suspended_membership(store_path):
    net = network(store_path, since="2024-03", until="2024-12", actors=["ARM", "RUS", "AZE"])
    relations_ = {(e.source, e.target): e for e in net.edges if e.kind == "relation"}
    assert set(relations_) == {("ARM", "AZE"), ("ARM", "RUS")}
    assert relations_[("ARM", "RUS")].net_cooperation < -1.0
    member = {(e.source, e.target): e.suspended for e in net.edges if e.kind == "member"}
    assert member[("ARM", "CSTO")] is True
    assert member[("RUS", "CSTO")] is False


def test_network_exports_parse_as_json_and_graphml(store_path):
    net = network(store_path, since="2024-01")
    data = json.loads(to_json(net))
    assert {n["id"] for n in data["nodes"]} >= {"ARM", "RUS", "CSTO"}
    assert len(data["links"]) == len(net.edges)
    root = ET.fromstring(to_graphml(net))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == len(net.nodes)
    assert len(root.findall(".//g:edge", ns)) == len(net.edges)


def _cli():
    import thucydides.cli._analysis  # noqa: F401  (registers the commands)
    from thucydides.cli._app import app

    return app


def test_cli_relations_prints_the_monthly_series_as_csv(store_path):
    result = CliRunner().invoke(
        _cli(),
        [
            "relations",
            "ARM",
            "RUS",
            "--db",
            str(store_path),
            "--since",
            "2023-07",
            "--until",
            "2023-10",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "period",
        "2023-07-01",
        "2023-08-01",
        "2023-09-01",
        "2023-10-01",
    ]


def test_cli_relations_summary_has_a_sparkline(store_path):
    result = CliRunner().invoke(_cli(), ["relations", "ARM", "RUS", "--db", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "turned more conflictual from September 2023" in result.output
    assert "2019-01-01 " in result.output and "▁" not in result.output.split("\n")[0]


def test_cli_report_and_network_write_files(store_path, tmp_path):
    runner = CliRunner()
    report = tmp_path / "arm-rus.html"
    result = runner.invoke(
        _cli(), ["report", "ARM", "RUS", "--db", str(store_path), "-o", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    graph = tmp_path / "net.graphml"
    result = runner.invoke(
        _cli(), ["network", "--db", str(store_path), "--since", "2024-01", "-o", str(graph)]
    )
    assert result.exit_code == 0, result.output
    assert ET.parse(graph).getroot().tag.endswith("graphml")


def test_cli_missing_store_is_one_line_error(tmp_path):
    result = CliRunner().invoke(
        _cli(), ["relations", "ARM", "RUS", "--db", str(tmp_path / "none.duckdb")]
    )
    assert result.exit_code == 1
    assert "does not exist" in result.output


@pytest.mark.slow
def test_seed_and_sample_articles_join_the_history_report(pipeline, shared, tmp_path):
    from tests.conftest import SAMPLES

    from thucydides.evaluation import gold_to_document, load_gold

    gold = load_gold(shared / "gold" / "seed" / "armenia_russia.gold.jsonl")
    gold += load_gold(SAMPLES / "armenia_csto_2024.gold.jsonl")
    with EventStore(tmp_path / "all.duckdb") as store:
        store.write(pipeline.code_documents([gold_to_document(g) for g in gold]))
        coded = store.counts()["events"]
        generate_history(store)
        report = build_report(store, "ARM", "RUS")
    assert coded > 0
    assert [s.at for s in report.shifts if dt.date(2023, 8, 1) <= s.at <= dt.date(2023, 11, 1)]
    assert "turned more conflictual" in report.summary
    assert report.series.total_events > 1400
