"""Scoring CAMEO quad classes (ConfliBERT ``cameo_class``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.errors import InputError
from thucydides.evaluation.pentaclass import (
    ClassRow,
    PentaItem,
    load_pentaclass,
    score_pentaclass,
)
from thucydides.records import Document


def test_accuracy_per_class_rows_and_macro_f1() -> None:
    rows = [(0, 0), (0, 1), (1, 1), (3, 3), (3, 4), (4, 4), (2, None)]
    report = score_pentaclass(rows)
    assert (report.n, report.unpredicted, report.accuracy) == (7, 1, 4 / 7)
    assert report.per_class == (
        ClassRow(0, "statement", 2, 1, 1, 1.0, 0.5, 2 / 3),
        ClassRow(1, "verbal_cooperation", 1, 2, 1, 0.5, 1.0, 2 / 3),
        ClassRow(2, "material_cooperation", 1, 0, 0, None, 0.0, 0.0),
        ClassRow(3, "verbal_conflict", 2, 1, 1, 1.0, 0.5, 2 / 3),
        ClassRow(4, "material_conflict", 1, 2, 1, 0.5, 1.0, 2 / 3),
    )
    assert report.macro_f1 == pytest.approx(4 * (2 / 3) / 5)
    assert report.confusion[2] == (0, 0, 0, 0, 0, 1)


def test_classes_absent_from_gold_and_predictions_leave_macro_f1_alone() -> None:
    report = score_pentaclass([(0, 0), (1, 1)])
    assert [r.f1 for r in report.per_class] == [1.0, 1.0, None, None, None]
    assert report.macro_f1 == 1.0


def test_no_rows_give_undefined_scores() -> None:
    report = score_pentaclass([])
    assert (report.n, report.accuracy, report.macro_f1) == (0, None, None)


@pytest.mark.parametrize("row", [(5, 0), (0, 7), (-1, 0)])
def test_labels_outside_the_five_classes_are_rejected(row: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="labels must be 0-4"):
        score_pentaclass([row])


def test_load_pentaclass_reads_rows_and_names_bad_lines(tmp_path: Path) -> None:
    good = {"id": "c-0", "text": "NATO said.", "label": 0, "label_name": "statement"}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(good) + "\n\n", encoding="utf-8")
    assert load_pentaclass(path) == [PentaItem("c-0", "NATO said.", 0)]
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "label": 9}) + "\n")
    with pytest.raises(InputError, match=r"c\.jsonl:2: label: Input should be less than"):
        load_pentaclass(path)


def test_a_sentences_class_is_its_main_clauses_event(pipeline):
    from thucydides.evaluation.suite import penta_of

    text = (
        "India began pulling back troops from its border with Pakistan on Wednesday, ending a "
        "standoff that followed the attack on parliament in New Delhi."
    )
    _, parsed, events = next(pipeline.code_parsed([Document(id="t", text=text)]))
    # the pull-back (material cooperation) decides, not the more confident background attack
    assert (penta_of(events), penta_of(events, parsed)) == (4, 2)


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs "arrived" from "killed"; the visit still decides
        "Two days after a car bomb killed 12 people in Mogadishu, Kenya's foreign minister "
        "arrived in the Somali capital for talks.",
        # the talks stand as high as their light verb "held", not three steps down its object
        "Negotiators from Ukraine and Russia held a new round of talks in Istanbul on Tuesday, "
        "even as Russian forces shelled the port of Mariupol.",
    ],
)
def test_a_main_clause_meeting_outranks_a_background_attack(pipeline, text):
    from thucydides.evaluation.suite import penta_of

    _, parsed, events = next(pipeline.code_parsed([Document(id="t", text=text)]))
    # the meeting (verbal cooperation) decides, not the attack (material conflict)
    assert (sorted(e.event for e in events), penta_of(events, parsed)) == (
        ["ASSAULT", "CONSULT"],
        1,
    )


def test_an_act_only_considered_leaves_the_sentence_to_the_classifier(pipeline):
    from thucydides.evaluation.suite import rules_penta

    texts = [
        "Peru's government is considering declaring a state of emergency in the south.",
        "Peru's government declared a state of emergency in the south.",
    ]
    got = [
        rules_penta(events, parsed)
        for _, parsed, events in pipeline.code_parsed(
            [Document(id=str(i), text=t) for i, t in enumerate(texts)]
        )
    ]
    # weighing an act is a statement (CAMEO 014), which the rules do not code; the act is 4
    assert got == [None, 4]


def test_a_claim_of_responsibility_for_an_attack_is_a_statement(pipeline):
    from thucydides.evaluation.suite import rules_penta

    texts = [
        "Al-Shabaab claimed responsibility for the attack on the hotel in Mogadishu.",
        "No group has claimed responsibility for the bombing, which killed 12 Afghan soldiers "
        "in Kandahar.",
    ]
    got = [
        rules_penta(events, parsed)
        for _, parsed, events in pipeline.code_parsed(
            [Document(id=str(i), text=t) for i, t in enumerate(texts)]
        )
    ]
    # CAMEO 015 (class 0), as the quad-class labels read it, not the attack (class 4); a claim
    # nobody made leaves the attack
    assert got == [0, 4]


def test_the_rules_class_counts_an_act_whose_doer_is_unplaced(pipeline):
    from thucydides.evaluation.pentaclass import PentaItem
    from thucydides.evaluation.suite import penta_sets

    items = [PentaItem("t", "Hackers attacked Estonian government websites.", 4)]
    rules = next(r for r in penta_sets(pipeline, items) if r.name.endswith("(rules)"))
    # the default pipeline leaves the act out (its doer is unplaced); the quad class keeps it
    assert pipeline.code_text(items[0].text) == []
    assert rules.metrics["accuracy"] == 1.0
