"""Title Case headlines are parsed in sentence case (no NLP model needed for the text tests)."""

from __future__ import annotations

import pytest
import spacy

from thucydides.nlp import (
    NAME_NORM,
    hyphenated_names_in,
    join_hyphenated_names,
    mark_person_names,
    title_case_line,
    truecase_headlines,
)

NAMES = {"poland", "belarus", "islands", "cook", "nepal", "europe"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Poland Accuses Belarus of Staging Border Crisis", True),
        ("Cook Islands Accuses Nepal of Trade Violations, Vows WTO Case", True),
        ("Poland accuses Belarus of staging a border crisis", False),  # sentence case
        ("The Talks Ended On Monday In Geneva With No Deal.", False),  # a sentence
        ("Share.", False),
        ("Exit Mobile Version", False),  # too short to be a headline
    ],
)
def test_a_title_case_line_is_a_headline_of_capitalized_major_words(line, expected):
    assert title_case_line(line) is expected


def test_common_words_of_a_title_case_line_are_lowered_in_place():
    text = (
        "Poland Accuses Belarus of Staging Border Crisis\n"
        "By Europe Desk | November 18, 2021\n"
        "Poland accused Belarus on Tuesday."
    )
    out = truecase_headlines(text, NAMES.__contains__)
    assert out == (
        "Poland accuses Belarus of staging border crisis\n"
        "By Europe desk | November 18, 2021\n"
        "Poland accused Belarus on Tuesday."
    )
    assert len(out) == len(text)


def test_a_title_case_headline_is_coded(pipeline):
    # in Title Case the parser reads the whole line as one name and codes nothing
    text = "Cook Islands Accuses Nepal of Trade Violations, Vows WTO Case"
    events = pipeline.code_text(text, date="2023-06-01")
    assert [
        (e.event, [a.code for a in e.actor], [a.code for a in e.recipient]) for e in events
    ] == [
        ("ACCUSE", ["COK"], ["NPL"]),
        ("THREATEN", ["COK"], ["WTO"]),
    ]


def test_known_names_get_the_name_norm_and_months_do_not():
    nlp = spacy.blank("en")
    doc = mark_person_names(nlp.make_doc("Trump met May in May."), {"trump", "may"}.__contains__)
    # "May" is a month name before it is Theresa May: left alone
    assert [t.norm_ for t in doc] == [NAME_NORM, "met", "may", "in", "may", "."]
    assert doc.text == "Trump met May in May."


def test_known_hyphenated_names_stay_one_token_and_the_text_is_unchanged():
    nlp = spacy.blank("en")
    text = "Moon Jae-in met Jean-Yves Le Drian in Seoul-based talks."
    found = hyphenated_names_in(text, {"Jae-in", "Jean-Yves"})
    assert [m.group() for m in found] == ["Jae-in", "Jean-Yves"]  # not "Seoul-based"
    doc = join_hyphenated_names(nlp.make_doc(text), found)
    assert [t.text for t in doc] == [
        "Moon", "Jae-in", "met", "Jean-Yves", "Le", "Drian", "in", "Seoul", "-", "based",
        "talks", ".",
    ]  # fmt: skip
    assert doc.text == text


def test_the_knowledge_base_lists_hyphenated_words_of_peoples_names(pipeline):
    words = pipeline.coder.resolver.kb.hyphenated_words
    assert {"Jae-in", "Jean-Yves", "Suk-yeol"} <= words
    assert all("-" in w and w[0].isupper() for w in words)
