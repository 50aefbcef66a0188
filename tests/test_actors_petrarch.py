"""PETRARCH/TABARI dictionaries imported as user dictionaries (toy petr_unit dictionaries)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from thucydides.actors import KnowledgeBase, default_kb
from thucydides.actors.petrarch import convert_dictionary, display_name, read_code, to_yaml
from thucydides.errors import ConfigError

TOY = """
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
ISRAELI_TROOPS [ISRMIL]
HAMAS_MILITARY_COMMAND [PSEHMSGOV]
INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_
+INTERPOL
\t[IGOCOPITP]\t# Interpol
SAM_GAMGEE [HOB]  # default
\t[HOBCIV <20080120]
\t[HOBGOV 20121109-20130119]
BOROMIR  [---]
"""


@pytest.fixture(scope="module")
def toy_kb(tmp_path_factory) -> KnowledgeBase:
    path = tmp_path_factory.mktemp("petr") / "toy.actors.txt"
    path.write_text(TOY, encoding="utf-8")
    return KnowledgeBase.load([path])


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Arnor", None, ("ARN", None)),
        ("Minas Tirith", None, ("GON", None)),
        ("Hamas military command", None, ("PSE", "GOV")),
        ("Interpol", None, ("INTERPOL", None)),
        ("Sam Gamgee", dt.date(2005, 1, 1), ("HOB", None)),  # CIV is no PLOVER sector
        ("Sam Gamgee", dt.date(2013, 1, 1), ("HOB", "GOV")),
        ("Sam Gamgee", dt.date(2010, 1, 1), ("HOB", None)),  # the default code
    ],
)
def test_toy_actor_dictionary_resolves_to_its_codes(toy_kb, text, date, expected):
    actor = toy_kb.lookup(text, date).actor
    assert (actor.code, actor.sector) == expected


def test_null_code_entries_are_not_imported(toy_kb):
    assert toy_kb.lookup("Boromir") is None


def test_names_the_package_already_knows_are_left_out():
    data = convert_dictionary("ISRAEL [ISR]\nTHE_KREMLIN [RUSGOV]\n", "x.actors.txt")
    assert data == {}


def test_codes_read_country_sector_and_organisations():
    kb = default_kb()
    assert (read_code("ISRMIL", kb).code, read_code("ISRMIL", kb).sector) == ("ISR", "MIL")
    assert read_code("IGOUNOIAE", kb).code == "IAEA"
    assert read_code("IGOAFR", kb).code == "AFR"
    assert (read_code("NGO", kb).code, read_code("NGO", kb).sector) == ("NSA", "NGO")
    assert read_code("---GOV", kb) is None


def test_display_names_keep_one_word_acronyms():
    assert [display_name(p) for p in ["NORTH_KOREA", "U.S.", "USSR", "GROUP OF 77", "UAE"]] == [
        "North Korea",
        "U.S.",
        "USSR",
        "Group Of 77",
        "UAE",
    ]


def test_agents_become_role_nouns_with_substitution_sets():
    text = (
        "!PERSON! = MAN, WOMAN\nFOREIGN_MINISTER [~GOVFRM]\nCONGRESS!PERSON! [~LEG]\n"
        "MSF {} [NGO~]\n"
    )
    assert convert_dictionary(text, "x.agents.txt") == {
        "roles": [
            {"sector": "GOV", "nouns": ["foreign minister"]},
            {"sector": "LEG", "nouns": ["congressman", "congresswoman"]},
            {"sector": "NGO", "nouns": ["msf"]},
        ]
    }


def test_verbs_dictionary_is_refused():
    with pytest.raises(ConfigError, match="holds no actors"):
        convert_dictionary("--- MAKE STATEMENT [010] ---\n", "PETR.Validate.verbs.txt")


def test_bad_date_restriction_names_the_line():
    with pytest.raises(ConfigError, match=r"x\.actors\.txt:2: '19991399' is not a date"):
        convert_dictionary("FOO\n\t[FOOGOV 19991399-20000101]\n", "x.actors.txt")


def test_petr_unit_toy_dictionaries_import_and_load(shared, tmp_path: Path):
    unit = shared / "gold" / "petr_unit"
    merged: dict = {}
    for name in ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt"):
        for key, value in convert_dictionary((unit / name).read_text(), name).items():
            merged.setdefault(key, {} if isinstance(value, dict) else [])
            merged[key].update(value) if isinstance(value, dict) else merged[key].extend(value)
    out = tmp_path / "toy.yaml"
    out.write_text(to_yaml(merged), encoding="utf-8")
    assert yaml.safe_load(out.read_text())["codes"]["ARN"] == "Arnor"
    kb = KnowledgeBase.load([out])
    assert [kb.lookup(n).actor.code for n in ("Arnor", "Gondor", "Osgiliath", "Mordor")] == [
        "ARN",
        "GON",
        "OSG",
        "MOR",
    ]
    assert kb.lookup("Zimbabwe", dt.date(1975, 1, 1)).actor.code == "RHO"
    assert kb.lookup("Zimbabwe", dt.date(1990, 1, 1)).actor.code == "ZBW"
    assert kb.lookup("ministry of silly walks").actor.sector == "GOV"


@pytest.mark.slow
def test_coding_with_an_imported_dictionary_produces_toy_codes(shared):
    from thucydides.pipeline import Pipeline, PipelineConfig
    from thucydides.records import Document

    unit = shared / "gold" / "petr_unit"
    pipeline = Pipeline(PipelineConfig(actor_files=(unit / "PETR.Validate.actors.txt",)))
    doc = Document(
        id="toy",
        text="Arnor is about to restore full diplomatic ties with Gondor.",
        date=dt.date(1995, 1, 1),
    )
    events = [e for _, events in pipeline.code_documents([doc]) for e in events]
    assert [([a.code for a in e.actor], [r.code for r in e.recipient]) for e in events] == [
        (["ARN"], ["GON"])
    ]
