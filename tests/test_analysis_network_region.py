"""The network's region filter: dyads inside the union of CAMEO regions, IGOs by their members."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thucydides.analysis import network
from thucydides.errors import ConfigError
from thucydides.records import Actor, Document, Event, Mention
from thucydides.store import EventStore

# (first actor, first recipient, PLOVER type) of the events in the store
DYADS = [
    ("FRA", "DEU", "CONSULT"),  # EUR-EUR
    ("RUS", "UKR", "ASSAULT"),  # EUR-EUR
    ("ISR", "SAU", "CONSULT"),  # MEA-MEA
    ("FRA", "ISR", "CONSULT"),  # EUR-MEA
    ("USA", "RUS", "ACCUSE"),  # NMR-EUR
    ("EU", "RUS", "SANCTION"),  # an IGO whose members all lie in EUR
    ("CSTO", "ARM", "CONSULT"),  # an IGO with members in EUR and CAS
    ("EUR", "RUS", "ACCUSE"),  # the region itself as an actor
    ("NGA", "GHA", "CONSULT"),  # AFR-AFR
    ("NSA", "FRA", "ASSAULT"),  # no state
]


def _event(n: int, actor: str, recipient: str, kind: str) -> Event:
    return Event(
        doc_id="d1",
        event_id=f"d1-{n}",
        event=kind,
        mode=None,
        cameo="042",
        actor=(Actor(code=actor),),
        recipient=(Actor(code=recipient),),
        quad=1,
        goldstein=1.0,
        plover_score=1.0,
        date="2024-05-10",
        date_precision="day",
        mentions=(Mention(0, 0, 4, "text", "text"),),
    )


def _fill(store: EventStore) -> EventStore:
    events = [_event(n, a, r, k) for n, (a, r, k) in enumerate(DYADS)]
    store.write([(Document("d1", "text", dt.date(2024, 5, 10)), events)])
    return store


@pytest.fixture()
def store():
    s = _fill(EventStore())
    yield s
    s.close()


def _pairs(store: EventStore, **kwargs) -> list[tuple[str, str]]:
    net = network(store, memberships=False, **kwargs)
    return [(e.source, e.target) for e in net.edges]


def test_europe_keeps_dyads_with_both_ends_in_europe(store):
    assert _pairs(store, regions=["EUR"]) == [
        ("DEU", "FRA"),
        ("EU", "RUS"),
        ("EUR", "RUS"),
        ("RUS", "UKR"),
    ]


def test_two_regions_keep_dyads_within_and_across_them(store):
    assert _pairs(store, regions=["EUR", "MEA"]) == [
        ("DEU", "FRA"),
        ("EU", "RUS"),
        ("EUR", "RUS"),
        ("FRA", "ISR"),
        ("ISR", "SAU"),
        ("RUS", "UKR"),
    ]


def test_an_igo_counts_only_when_all_its_members_lie_in_the_regions(store):
    assert ("ARM", "CSTO") not in _pairs(store, regions=["EUR"])
    assert ("ARM", "CSTO") in _pairs(store, regions=["EUR", "CAS"], since="2024", until="2024")


def test_region_codes_ignore_case_and_blanks(store):
    assert _pairs(store, regions=[" afr "]) == [("GHA", "NGA")]


def test_region_filter_combines_with_the_type_filter(store):
    assert _pairs(store, regions=["EUR"], types=["ASSAULT"]) == [("RUS", "UKR")]


def test_region_nodes_are_only_actors_of_the_kept_dyads(store):
    net = network(store, regions=["AFR"], memberships=False)
    assert [(n.id, n.events) for n in net.nodes] == [("GHA", 1), ("NGA", 1)]


def test_a_region_with_no_member_states_keeps_no_dyad(store):
    assert network(store, regions=["WST"]).edges == ()


def test_blank_region_codes_are_a_config_error(store):
    with pytest.raises(ConfigError, match="region: no region code given"):
        network(store, regions=[" "])


def test_an_unknown_region_is_a_config_error(store):
    with pytest.raises(ConfigError, match="region: 'XYZ' is not a region code"):
        network(store, regions=["XYZ"])


def _cli():
    from thucydides.cli._app import app

    return app


def test_cli_region_options_repeat_and_split_on_commas(tmp_path: Path):
    db = tmp_path / "events.duckdb"
    with EventStore(db) as s:
        _fill(s)
    out = tmp_path / "net.json"
    args = ["network", "--db", str(db), "--no-memberships", "-o", str(out)]
    result = CliRunner().invoke(_cli(), [*args, "--region", "EUR", "--region", "MEA,AFR"])
    assert result.exit_code == 0, result.output
    links = [(x["source"], x["target"]) for x in json.loads(out.read_text())["links"]]
    assert links == [
        ("DEU", "FRA"),
        ("EU", "RUS"),
        ("EUR", "RUS"),
        ("FRA", "ISR"),
        ("GHA", "NGA"),
        ("ISR", "SAU"),
        ("RUS", "UKR"),
    ]


def test_cli_unknown_region_exits_with_the_known_codes(tmp_path: Path):
    db = tmp_path / "events.duckdb"
    with EventStore(db) as s:
        _fill(s)
    out = tmp_path / "net.json"
    result = CliRunner().invoke(
        _cli(), ["network", "--db", str(db), "--region", "XYZ", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "'XYZ' is not a region code; known: AFR, ASA," in result.output
