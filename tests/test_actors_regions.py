"""Regions of states: every state's CAMEO regions, the region queries and their validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.actors import KnowledgeBase, default_kb
from thucydides.errors import ConfigError

# Broad CAMEO regions: a state's first region is one of them (data/README.md, "Regions of
# states").
BROAD = {"EUR", "MEA", "AFR", "ASA", "LAM", "NMR"}
# Sub-regions and the broad regions they lie in; MDT spans three continents and has none.
PARENTS = {
    "SCN": {"EUR"},
    "CEU": {"EUR"},
    "EEU": {"EUR"},
    "BLK": {"EUR"},
    "CAU": {"EUR", "ASA"},
    "PGS": {"MEA"},
    "NAF": {"AFR"},
    "WAF": {"AFR"},
    "CFR": {"AFR"},
    "EAF": {"AFR"},
    "SAF": {"AFR"},
    "CAS": {"ASA"},
    "SAS": {"ASA"},
    "SEA": {"ASA"},
    "EIN": {"ASA"},
    "CRB": {"LAM"},
    "SAM": {"LAM"},
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def _states(kb: KnowledgeBase) -> list[str]:
    return sorted(e.code for e in kb.entries.values() if e.kind == "state" and e.code)


def test_every_un_member_has_a_region(kb: KnowledgeBase):
    members = kb.members("UN", dt.date(2025, 1, 1))
    assert len(members) == 193
    assert sorted(code for code in members if not kb.regions_of(code)) == []


def test_every_state_lists_a_broad_region_first(kb: KnowledgeBase):
    assert [
        c for c in _states(kb) if not kb.regions_of(c) or kb.regions_of(c)[0] not in BROAD
    ] == []


def test_every_sub_region_comes_with_its_broad_region(kb: KnowledgeBase):
    wrong = [
        (code, region)
        for code in _states(kb)
        for region in kb.regions_of(code)
        if region in PARENTS and not PARENTS[region] & set(kb.regions_of(code))
    ]
    assert wrong == []


def test_nigeria_is_in_africa_and_west_africa(kb: KnowledgeBase):
    assert kb.regions_of("NGA") == ("AFR", "WAF")


def test_caucasus_holds_the_three_south_caucasus_states(kb: KnowledgeBase):
    assert kb.region_members("CAU") == frozenset({"ARM", "AZE", "GEO"})


def test_persian_gulf_holds_the_gulf_littoral_states(kb: KnowledgeBase):
    assert kb.region_members("PGS") == frozenset(
        {"ARE", "BHR", "IRN", "IRQ", "KWT", "OMN", "QAT", "SAU"}
    )


def test_the_west_is_a_bloc_with_no_member_states(kb: KnowledgeBase):
    assert kb.region_members("WST") == frozenset()


def test_a_code_that_is_no_state_has_no_regions(kb: KnowledgeBase):
    assert (kb.regions_of("EU"), kb.regions_of("EUR"), kb.regions_of("NSA")) == ((), (), ())


def test_an_unknown_region_code_raises_key_error(kb: KnowledgeBase):
    with pytest.raises(KeyError, match="'XYZ' is not a region code"):
        kb.region_members("XYZ")


def test_a_state_in_an_unknown_region_is_rejected(tmp_path: Path):
    user = tmp_path / "bad.yaml"
    user.write_text("states:\n- {code: ARN, name: Arnor, regions: [MDL]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml: states \(ARN\): unknown region 'MDL'"):
        KnowledgeBase.load([user])


def test_a_region_code_not_in_three_capitals_is_rejected(tmp_path: Path):
    user = tmp_path / "bad.yaml"
    user.write_text("states:\n- {code: ARN, name: Arnor, regions: [eur]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml: states\[0\] \(ARN\)\.regions\.0"):
        KnowledgeBase.load([user])


def test_a_region_listed_twice_is_rejected(tmp_path: Path):
    user = tmp_path / "bad.yaml"
    user.write_text("states:\n- {code: ARN, name: Arnor, regions: [EUR, EUR]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"region codes listed twice: \['EUR'\]"):
        KnowledgeBase.load([user])


def test_a_user_file_may_define_a_region_and_place_states_in_it(tmp_path: Path):
    user = tmp_path / "middle_earth.yaml"
    user.write_text(
        "regions:\n- {code: MDL, name: Middle-earth}\n"
        "states:\n- {code: ARN, name: Arnor, regions: [MDL]}\n"
        "- {code: GON, name: Gondor, regions: [MDL, EUR]}\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([user])
    assert kb.region_members("MDL") == frozenset({"ARN", "GON"})
    assert kb.regions_of("GON") == ("MDL", "EUR")
    assert "GON" in kb.region_members("EUR")
