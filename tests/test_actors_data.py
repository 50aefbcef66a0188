"""The actor knowledge base: package data validity, lookups, dated terms, user dictionaries."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from thucydides.actors import KnowledgeBase, Resolution, default_kb
from thucydides.errors import ConfigError
from thucydides.records import Actor

FORMAT_IGOS = [
    "UN",
    "EU",
    "NATO",
    "CSTO",
    "EAEU",
    "ICC",
    "OSCE",
    "AU",
    "ASEAN",
    "CIS",
    "SCO",
    "WHO",
    "IMF",
    "WTO",
    "OPEC",
    "G7",
    "G20",
    "BRICS",
    "GCC",
    "ARL",
    "OAS",
    "IAEA",
    "ICJ",
    "WB",
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def entries(kb: KnowledgeBase, kind: str) -> list:
    return [e for e in kb.entries.values() if e.kind == kind]


def test_states_cover_iso_3166_and_kosovo(kb):
    codes = {e.code for e in entries(kb, "state")}
    assert len(codes) == 247  # ISO 3166-1 (249) + XKX, less ATA, BVT, HMD (uninhabited)
    assert {"XKX", "PSE", "TWN", "ESH", "HKG", "VAT", "SSD", "ARM"} <= codes
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)


def test_format_md_igo_acronyms_are_all_present(kb):
    codes = {e.code for e in entries(kb, "igo")}
    assert set(FORMAT_IGOS) <= codes


def test_igo_members_are_known_states(kb):
    states = {e.code for e in entries(kb, "state")}
    members = {m.state for e in entries(kb, "igo") for m in e.members}
    assert members <= states
    assert members  # the check above is not vacuous


def test_terms_are_ordered_and_single_holder_offices_do_not_overlap(kb):
    spells: dict[tuple[str, str], list] = {}
    for person in entries(kb, "person"):
        for t in person.terms:
            assert t.end is None or t.start < t.end, person.id
            if not t.shared:
                spells.setdefault((t.office, t.code), []).append(t)
    for office, terms in spells.items():
        terms.sort(key=lambda t: t.start)
        for a, b in itertools.pairwise(terms):
            assert a.end is not None and a.end <= b.start, office


def test_no_name_points_to_two_codes_unless_marked_ambiguous(kb):
    for key, aliases in kb.index.items():
        plain = [a for a in aliases if a.entry.code and not a.ambiguous]
        named = {a.entry.code for a in plain if a.kind != "person"}
        people = {a.entry.code for a in plain if a.kind == "person"}
        # people sharing a name are told apart by the date; nothing else may share one
        assert len(named) <= 1, key
        assert not named or people <= named, key


def test_un_has_193_members_and_there_are_at_least_60_igo_entries(kb):
    assert len(kb.members("UN", dt.date(2024, 1, 1))) == 193
    assert len(kb.members("UN", dt.date(2011, 7, 1))) == 192  # before South Sudan
    assert len(entries(kb, "igo")) >= 60


@pytest.mark.parametrize(
    ("igo", "date", "state", "member"),
    [
        ("ARL", dt.date(2015, 1, 1), "SYR", False),  # suspended 2011-2023
        ("ARL", dt.date(2024, 1, 1), "SYR", True),
        ("OPEC", dt.date(2018, 1, 1), "QAT", True),
        ("OPEC", dt.date(2020, 1, 1), "QAT", False),  # left 2019
        ("ECOWAS", dt.date(2025, 6, 1), "MLI", False),  # left 2025
        ("AU", dt.date(2018, 1, 1), "MAR", True),  # rejoined 2017
        ("ASEAN", dt.date(2024, 1, 1), "TLS", False),
        ("NATO", dt.date(2024, 1, 1), "SWE", False),
        ("NATO", dt.date(2024, 6, 1), "SWE", True),
        ("CIS", dt.date(2010, 1, 1), "GEO", False),
    ],
)
def test_igo_memberships_are_dated(kb, igo, date, state, member):
    assert (state in kb.members(igo, date)) is member


def test_heads_of_government_cover_the_newsworthy_states(kb):
    """Every state of the G20 and of the seed has a head of state or government in office on
    every date sampled since 2000 (the leaders table must leave no gap)."""
    states = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA ARM AZE"
    offices: dict[str, list] = {}
    for person in entries(kb, "person"):
        for t in person.terms:
            head = re.match(r"(President|Prime Minister|Chancellor|King|Premier) ", t.office)
            if t.sector == "GOV" and head:
                offices.setdefault(t.code, []).append(t)
    for code in states.split():
        for year in range(2000, 2026):
            day = dt.date(year, 6, 1)
            assert any(t.covers(day) for t in offices.get(code, [])), (code, day)
    assert len(offices) >= 150


def test_all_sectors_used_are_declared(kb):
    used = {e.sector for e in kb.entries.values() if e.sector}
    used |= {t.sector for e in entries(kb, "person") for t in e.terms if t.sector}
    assert used <= set(kb.sector_codes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kremlin", ("RUS", "GOV", "Russia", "metonym")),
        ("Moscow", ("RUS", None, "Russia", "metonym")),
        ("the Pentagon", ("USA", "MIL", "United States", "metonym")),
        ("Downing Street", ("GBR", "GOV", "United Kingdom", "metonym")),
        ("the Élysée", ("FRA", "GOV", "France", "metonym")),
        ("Kiev", ("UKR", None, "Ukraine", "metonym")),
        ("the U.S.", ("USA", None, "United States", "state")),
        ("Türkiye", ("TUR", None, "Turkey", "state")),
        ("Ivory Coast", ("CIV", None, "Côte d'Ivoire", "state")),
        ("Emirati", ("ARE", None, "United Arab Emirates", "demonym")),
        (
            "the Collective Security Treaty Organization",
            ("CSTO", None, "Collective Security Treaty Organization", "igo"),
        ),
        ("UN Security Council", ("UN", None, "United Nations Security Council", "igo")),
        ("Western powers", ("WST", None, "the West", "region")),
        ("Hezbollah", ("LBN", "REB", "Hezbollah", "group")),
        ("Islamic State", ("NSA", "REB", "Islamic State", "group")),
        ("peacekeepers", (None, "MIL", None, "sector")),
        ("Karim Khan", ("ICC", "JUD", "Karim Khan", "person")),
        ("Peskov", ("RUS", "GOV", "Dmitry Peskov", "person")),
    ],
)
def test_lookup_resolves_names(kb, text, expected):
    found = kb.lookup(text, dt.date(2024, 5, 9))
    assert found is not None
    assert (found.actor.code, found.actor.sector, found.actor.name, found.kind) == expected


def test_lookup_returns_the_whole_resolution(kb):
    found = kb.lookup("Kremlin")
    assert found == Resolution(
        actor=Actor(code="RUS", sector="GOV", name="Russia", text="Kremlin", entry="state:RUS"),
        kind="metonym",
        reason="'Kremlin' stands for Russia (GOV)",
    )


def test_acronyms_match_only_capitals(kb):
    assert kb.lookup("WHO").actor.code == "WHO"
    assert kb.lookup("who") is None
    assert kb.lookup("us") is None


def test_unknown_and_discarded_phrases_resolve_to_nothing(kb):
    assert kb.lookup("puppies") is None
    assert kb.lookup("New Mexico") is None


@pytest.mark.parametrize(
    ("name", "date", "expected"),
    [
        ("Vladimir Putin", dt.date(2010, 1, 1), ("RUS", "GOV")),  # prime minister then
        ("Pashinyan", dt.date(2010, 1, 1), ("ARM", None)),  # before any term
        ("Tony Blair", dt.date(2020, 1, 1), ("GBR", "ELI")),  # after his term
        ("Trump", dt.date(2022, 6, 1), ("USA", "ELI")),
        ("Trump", dt.date(2025, 6, 1), ("USA", "GOV")),
        ("Marco Rubio", dt.date(2020, 1, 1), ("USA", "LEG")),
        ("Guterres", dt.date(2020, 1, 1), ("UN", None)),
        ("Ursula von der Leyen", dt.date(2020, 1, 1), ("EU", "GOV")),
        ("Ursula von der Leyen", dt.date(2015, 1, 1), ("DEU", "GOV")),
    ],
)
def test_people_resolve_by_their_term_on_the_date(kb, name, date, expected):
    actor = kb.lookup(name, date).actor
    assert (actor.code, actor.sector) == expected


def test_shared_surname_picks_the_person_in_office(kb):
    assert kb.lookup("Bush", dt.date(1990, 1, 1)).actor.name == "George H. W. Bush"
    assert kb.lookup("Bush", dt.date(2005, 1, 1)).actor.name == "George W. Bush"


def test_without_a_date_a_person_takes_the_latest_term(kb):
    assert kb.lookup("Trump").actor.sector == "GOV"
    assert kb.lookup("Tony Blair").actor.sector == "GOV"


def test_csto_membership_leaves_out_armenia_after_the_freeze(kb):
    assert "ARM" in kb.members("CSTO", dt.date(2023, 1, 1))
    assert kb.members("CSTO", dt.date(2024, 5, 9)) == {"RUS", "BLR", "KAZ", "KGZ", "TJK"}


def test_eu_membership_ends_for_the_uk_at_brexit(kb):
    assert "GBR" in kb.members("EU", dt.date(2020, 1, 30))
    assert "GBR" not in kb.members("EU", dt.date(2020, 1, 31))
    assert len(kb.members("EU", dt.date(2024, 1, 1))) == 27


def test_user_file_adds_and_overrides_entries(tmp_path: Path):
    user = tmp_path / "my.yaml"
    user.write_text(
        "groups:\n"
        "- {id: TALIBAN, code: AFG, sector: GOV, name: Taliban, aliases: [the Taliban]}\n"
        "people:\n"
        "- id: jane-doe\n  name: Jane Doe\n  country: ARM\n  aliases: [Doe]\n  terms:\n"
        "  - {office: Mayor of Yerevan, code: ARM, sector: GOV, start: 2020-01-01}\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([user])
    assert kb.lookup("the Taliban").actor.sector == "GOV"
    assert kb.lookup("Doe", dt.date(2021, 1, 1)).actor == Actor(
        code="ARM", sector="GOV", name="Jane Doe", text="Doe", entry="person:jane-doe"
    )


def test_invalid_user_file_names_the_file_and_the_entry(tmp_path: Path):
    user = tmp_path / "bad.yaml"
    user.write_text(
        "people:\n- id: jane-doe\n  name: Jane Doe\n  country: ARM\n  terms:\n"
        "  - {office: Mayor, code: ARM, sector: GOV, start: 2020-01-01, end: 2019-01-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"bad\.yaml: people\[0\] \(jane-doe\)\.terms\.0"):
        KnowledgeBase.load([user])


def test_user_file_member_must_be_a_known_state(tmp_path: Path):
    user = tmp_path / "bad.yaml"
    user.write_text(
        "igos:\n- {id: XX, code: XX, name: X Pact, members: [{state: ZZZ, joined: 2000-01-01}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"bad\.yaml: igos \(XX\): member 'ZZZ'"):
        KnowledgeBase.load([user])


def test_user_file_alias_clash_must_be_marked_ambiguous(tmp_path: Path):
    user = tmp_path / "clash.yaml"
    user.write_text(
        "groups:\n- {id: G, code: NSA, name: Kremlin Watchers, aliases: [Watchers]}\n"
        "- {id: H, code: RUS, name: Watchers of Russia, aliases: [Watchers]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="'watchers' points to different actors"):
        KnowledgeBase.load([user])
    user.write_text(
        "groups:\n- {id: G, code: NSA, name: Kremlin Watchers,"
        " aliases: [{text: Kremlin, ambiguous: true}]}\n",
        encoding="utf-8",
    )
    assert KnowledgeBase.load([user]).lookup("Kremlin").actor.code == "RUS"


def test_overlapping_terms_of_one_office_are_rejected(tmp_path: Path):
    user = tmp_path / "twins.yaml"
    user.write_text(
        "people:\n- id: usurper\n  name: A Usurper\n  country: RUS\n  terms:\n"
        "  - {office: President of Russia, code: RUS, sector: GOV, start: 2020-01-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="overlaps"):
        KnowledgeBase.load([user])


def test_terms_table_adds_people_and_names_the_bad_line(tmp_path: Path):
    table = tmp_path / "mayors.csv"
    table.write_text(
        "# mayors\nid,name,country,office,code,sector,start,end,aliases\n"
        "jane-roe,Jane Roe,ARM,Mayor of Gyumri,ARM,GOV,2019-01-01,,Roe;J. Roe\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([table])
    assert kb.lookup("Roe", dt.date(2020, 1, 1)).actor == Actor(
        code="ARM", sector="GOV", name="Jane Roe", text="Roe", entry="person:jane-roe"
    )
    table.write_text(
        "id,name,country,office,code,sector,start,end,aliases\n"
        "jane-roe,Jane Roe,ARM,Mayor,ARM,GOV,2019-13-01,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"mayors\.csv:2: start"):
        KnowledgeBase.load([table])


def test_user_claim_on_a_name_overrides_the_package(tmp_path: Path):
    user = tmp_path / "toy.yaml"
    user.write_text(
        "codes: {UAR: United Arab Republic}\n"
        "groups:\n- {id: EGYPT-UAR, code: UAR, name: Egypt}\n"
        "places:\n  ARM: [Dilijan]\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([user])
    assert kb.lookup("Egypt").actor.code == "UAR"
    assert kb.lookup("Cairo").actor.code == "EGY"
    assert kb.lookup("Dilijan").actor.code == "ARM"


def test_undeclared_code_is_rejected(tmp_path: Path):
    user = tmp_path / "bad.yaml"
    user.write_text("groups:\n- {id: X, code: ZZQ, name: Zed}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="declare other codes"):
        KnowledgeBase.load([user])


def test_unreadable_user_file_is_a_config_error(tmp_path: Path):
    with pytest.raises(ConfigError, match=r"missing\.yaml: cannot read"):
        KnowledgeBase.load([tmp_path / "missing.yaml"])


@pytest.mark.parametrize(
    ("name", "code", "expected"),
    [
        ("Congress", "PER", True),
        ("House of Representatives", "NPL", True),
        ("Congress", "IRN", False),  # Iran has no Congress: the US one
        ("White House", "PER", False),
        ("Congress", None, False),
    ],
)
def test_shared_body_names_list_the_states_that_share_them(kb, name, code, expected):
    assert kb.shared_with(name, code) is expected
