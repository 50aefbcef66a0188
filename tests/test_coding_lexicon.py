"""The trigger lexicon: schema validation, user overrides, and agreement with the ontology."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.coding.lexicon import Lexicon, TriggerEntry
from thucydides.coding.ontology import default_ontology
from thucydides.errors import ConfigError

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def test_every_entry_codes_a_known_cameo_code_and_a_valid_plover_type_and_mode():
    onto = default_ontology()
    lexicon = Lexicon.load()
    for entry in lexicon.entries.values():
        code = onto.cameo(entry.cameo)
        event = entry.event or code.plover_event
        mode = entry.mode if entry.mode is not None else code.plover_mode
        assert event in PLOVER_TYPES, entry.id
        assert onto.is_valid_mode(event, mode or None), (entry.id, mode)


def test_the_lexicon_covers_all_sixteen_plover_types():
    onto = default_ontology()
    covered = {e.event or onto.cameo(e.cameo).plover_event for e in Lexicon.load().entries.values()}
    assert covered == PLOVER_TYPES


def test_a_user_entry_with_an_existing_id_replaces_the_package_entry(tmp_path: Path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "entries:\n"
        "- id: consult.visit\n"
        "  lemmas: [visit, call on]\n"
        "  cameo: '042'\n"
        "- id: mine.upbraid\n"
        "  lemmas: [upbraid]\n"
        "  cameo: '111'\n"
    )
    lexicon = Lexicon.load([user])
    assert lexicon.entries["consult.visit"].lemmas == ("visit", "call on")
    assert [e.id for e in lexicon.candidates("upbraid")] == ["mine.upbraid"]
    assert lexicon.entries["mine.upbraid"] == TriggerEntry(
        id="mine.upbraid",
        lemmas=("upbraid",),
        pos=("VERB",),
        cameo="111",
        actor=("nsubj", "agent"),
        recipient=("dobj",),
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("entries: []\nfoo: 1\n", None),
        ("- id: x\n", "a trigger lexicon is a mapping with an 'entries' list"),
        ("entries:\n- id: x\n  lemmas: [a]\n  cameo: 42\n", "entry x: cameo"),
        ("entries:\n- id: x\n  lemmas: [a]\n  cameo: '4a'\n", "entry x: cameo"),
        ("entries:\n- id: x\n  lemmas: []\n  cameo: '042'\n", "entry x: lemmas"),
        ("entries:\n- id: x\n  lemmas: [a]\n  cameo: '042'\n  colour: red\n", "entry x: colour"),
        (
            "entries:\n- id: x\n  lemmas: [a]\n  cameo: '042'\n- id: x\n  lemmas: [b]\n"
            "  cameo: '042'\n",
            "entry id 'x' is defined twice",
        ),
    ],
)
def test_an_invalid_user_lexicon_names_the_file_and_entry(tmp_path: Path, body, message):
    user = tmp_path / "bad.yaml"
    user.write_text(body)
    if message is None:
        assert len(Lexicon.load([user])) == len(Lexicon.load())
        return
    with pytest.raises(ConfigError) as err:
        Lexicon.load([user])
    assert str(err.value).startswith(f"{user}: ")
    assert message in str(err.value)
