"""The FORMAT.md scorer on tiny hand-made gold documents and predictions."""

from __future__ import annotations

import json
from typing import Any

import pytest

from thucydides.errors import InputError
from thucydides.evaluation import (
    Attributes,
    FalsePositive,
    GoldDocument,
    GoldEvent,
    Miss,
    TypeRow,
    render_table,
    score,
)
from thucydides.evaluation.matching import max_weight_assignment
from thucydides.records import Actor, Event, Mention


def gold(*events: GoldEvent, doc_id: str = "d1", text: str = "Some text.") -> GoldDocument:
    return GoldDocument(id=doc_id, text=text, date=None, source="test", events=events)


def gev(gold_id: str = "E1", event: tuple[str, ...] = ("CONSULT",), **kw: Any) -> GoldEvent:
    return GoldEvent(id=gold_id, event=event, **kw)


def pred(
    event: str = "CONSULT",
    actor: tuple[str, ...] = (),
    recipient: tuple[str, ...] = (),
    *,
    doc_id: str = "d1",
    event_id: str = "p1",
    n_mentions: int = 1,
    **kw: Any,
) -> Event:
    mention = Mention(sentence=0, start=0, end=10, text="Some text.", trigger="met")
    return Event(
        doc_id=doc_id,
        event_id=event_id,
        event=event,
        mode=kw.pop("mode", None),
        cameo=kw.pop("cameo", ""),
        actor=tuple(Actor(code=c) for c in actor),
        recipient=tuple(Actor(code=c) for c in recipient),
        mentions=(mention,) * n_mentions,
        **kw,
    )


def counts(report: Any) -> tuple[int, int, int, int, int]:
    return (report.tp, report.fp, report.duplicates, report.fn, report.absorbed)


def test_exact_prediction_is_a_true_positive() -> None:
    g = gold(gev(actor=("ARM",), recipient=("RUS",)))
    report = score([g], [pred(actor=("ARM",), recipient=("RUS",))])
    assert counts(report) == (1, 0, 0, 0, 0)
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)


def test_wrong_type_is_a_false_positive_and_a_miss() -> None:
    report = score([gold(gev(event=("CONSULT",)))], [pred("ASSAULT")])
    assert counts(report) == (0, 1, 0, 1, 0)
    assert (report.precision, report.recall, report.f1) == (0.0, 0.0, 0.0)


def test_any_accepted_type_matches() -> None:
    report = score([gold(gev(event=("SANCTION", "THREATEN")))], [pred("THREATEN")])
    assert counts(report) == (1, 0, 0, 0, 0)


def test_cameo_is_scored_by_prefix_and_by_root() -> None:
    g = gold(gev("E1", cameo=("04",)), gev("E2", event=("ACCUSE",), cameo=("112",)))
    report = score([g], [pred(cameo="042"), pred("ACCUSE", cameo="111", event_id="p2")])
    assert [m.attributes.cameo_ok for m in report.matches] == [True, False]
    assert [m.attributes.cameo_root_ok for m in report.matches] == [True, True]
    assert (report.cameo_accuracy, report.cameo_root_accuracy, report.n_cameo) == (0.5, 1.0, 2)


def test_empty_cameo_list_is_not_scored() -> None:
    report = score([gold(gev(cameo=()))], [pred(cameo="042")])
    assert (report.cameo_accuracy, report.cameo_root_accuracy, report.n_cameo) == (None, None, 0)


def test_reciprocal_event_accepts_the_swapped_dyad() -> None:
    g = gold(gev(actor=("ARM",), recipient=("RUS",), reciprocal=True))
    report = score([g], [pred(actor=("RUS",), recipient=("ARM",))])
    assert counts(report) == (1, 0, 0, 0, 0)


def test_reciprocal_event_accepts_all_parties_as_actors() -> None:
    g = gold(gev(actor=("ARM",), recipient=("RUS",), reciprocal=True))
    report = score([g], [pred(actor=("ARM", "RUS"))])
    assert counts(report) == (1, 0, 0, 0, 0)


def test_reciprocal_event_still_needs_both_lists_hit() -> None:
    g = gold(gev(actor=("ARM",), recipient=("RUS",), reciprocal=True))
    report = score([g], [pred(actor=("ARM",), recipient=("AZE",))])
    assert counts(report) == (0, 1, 0, 1, 0)


def test_directed_event_rejects_the_swapped_dyad() -> None:
    g = gold(gev(actor=("ARM",), recipient=("RUS",)))
    report = score([g], [pred(actor=("RUS",), recipient=("ARM",))])
    assert counts(report) == (0, 1, 0, 1, 0)


def test_unlisted_actor_is_not_scored() -> None:
    g = gold(gev(event=("ACCUSE",), actor=(), recipient=("RUS",)))
    report = score([g], [pred("ACCUSE", actor=("XYZ",), recipient=("RUS",))])
    assert counts(report) == (1, 0, 0, 0, 0)


def test_some_predicted_code_must_be_accepted() -> None:
    g = gold(gev(actor=("ARM",), recipient=()))
    matched = score([g], [pred(actor=("AZE", "ARM"))])
    unmatched = score([g], [pred(actor=("AZE",))])
    assert (counts(matched), counts(unmatched)) == ((1, 0, 0, 0, 0), (0, 1, 0, 1, 0))


@pytest.mark.parametrize(
    ("gold_date", "pred_date", "matches", "date_ok"),
    [
        ("2024-05", "2024-05-09", True, True),  # finer prediction, cut to gold precision
        ("2024-05-09", "2024-05", True, False),  # agrees at month, too coarse to be right
        ("2024-05", "2024-06-01", False, None),  # disagrees at month: no match
        ("2024", "2023-12-31", False, None),
        ("2024-05", None, True, False),  # null never disagrees, but is not a right date
        (None, "2019-01-01", True, None),  # undated gold: date not scored
    ],
)
def test_dates_are_compared_at_the_coarser_precision(
    gold_date: str | None, pred_date: str | None, matches: bool, date_ok: bool | None
) -> None:
    report = score([gold(gev(date=gold_date))], [pred(date=pred_date)])
    assert report.tp == int(matches)
    assert [m.attributes.date_ok for m in report.matches] == ([date_ok] if matches else [])


def test_prediction_matching_only_optional_events_counts_for_nothing() -> None:
    g = gold(gev("E1", event=("CONSULT",), optional=True), gev("E2", event=("ASSAULT",)))
    report = score([g], [pred("CONSULT"), pred("CONSULT", event_id="p2")])
    assert counts(report) == (0, 0, 0, 1, 2)
    assert (report.precision, report.recall, report.f1) == (None, 0.0, 0.0)


def test_second_prediction_for_a_matched_event_is_a_duplicate() -> None:
    g = gold(gev(actor=("ARM",)))
    report = score([g], [pred(actor=("ARM",)), pred(actor=("ARM",), event_id="p2")])
    assert counts(report) == (1, 0, 1, 0, 0)
    assert (report.precision, report.lenient_precision) == (0.5, 1.0)
    assert (report.f1, report.lenient_f1) == (2 / 3, 1.0)
    assert report.false_positives == ()
    assert report.duplicate_predictions == (
        FalsePositive(
            doc_id="d1",
            event_id="p2",
            event="CONSULT",
            cameo="",
            actor=("ARM",),
            recipient=(),
            sentence="Some text.",
            trigger="met",
            duplicate_of="E1",
        ),
    )


def test_optional_events_absorb_one_leftover_each_of_a_required_event() -> None:
    # The seed's E8/E8b pattern: one required event, one optional copy for a second recipient.
    shape: dict[str, Any] = {"event": ("SUPPORT",), "actor": ("ARM",), "recipient": ("EU", "NATO")}
    g = gold(gev("E8", **shape), gev("E8b", optional=True, **shape))
    preds = [pred("SUPPORT", ("ARM",), (r,), event_id=r) for r in ("EU", "NATO", "EU")]
    report = score([g], preds)
    assert counts(report) == (1, 0, 1, 0, 1)


def test_matching_is_optimal_where_greedy_order_would_lose_a_true_positive() -> None:
    # Greedy in gold order gives p1 (ARM) to E1 and leaves E2 without a partner.
    g = gold(gev("E1", actor=("ARM", "RUS")), gev("E2", actor=("ARM",)))
    report = score([g], [pred(actor=("ARM",), event_id="p1"), pred(actor=("RUS",), event_id="p2")])
    assert counts(report) == (2, 0, 0, 0, 0)
    assert {(m.gold_id, m.event_id) for m in report.matches} == {("E1", "p2"), ("E2", "p1")}


def test_matching_routes_around_an_optional_event_to_avoid_a_duplicate() -> None:
    # p1 fits E1 and the optional E2, p2 fits only E1: E1-p2 and E2-p1 leave no duplicate.
    g = gold(gev("E1", actor=("ARM", "RUS")), gev("E2", actor=("ARM",), optional=True))
    report = score([g], [pred(actor=("ARM",), event_id="p1"), pred(actor=("RUS",), event_id="p2")])
    assert counts(report) == (1, 0, 0, 0, 1)
    assert [(m.gold_id, m.event_id) for m in report.matches] == [("E1", "p2")]


def test_ties_are_broken_by_attribute_agreement() -> None:
    g = gold(gev(mode=("visit",)))
    report = score([g], [pred(mode="meet", event_id="p1"), pred(mode="visit", event_id="p2")])
    assert [m.event_id for m in report.matches] == ["p2"]
    assert (report.mode_accuracy, report.n_mode, report.duplicates) == (1.0, 1, 1)


def test_aux_is_scored_only_where_the_gold_has_the_key() -> None:
    g = gold(
        gev("E1", event=("CONSULT",)),  # no aux key
        gev("E2", event=("ACCUSE",), aux=None, aux_scored=True),
        gev("E3", event=("ASSAULT",), aux="historical", aux_scored=True),
    )
    preds = [
        pred("CONSULT", aux="future", event_id="p1"),
        pred("ACCUSE", aux=None, event_id="p2"),
        pred("ASSAULT", aux=None, event_id="p3"),
    ]
    report = score([g], preds)
    assert [m.attributes.aux_ok for m in report.matches] == [None, True, False]
    assert (report.aux_accuracy, report.n_aux) == (0.5, 2)


def test_mention_count_error_is_the_mean_absolute_error() -> None:
    g = gold(
        gev("E1", event=("CONSULT",), mentions=3),
        gev("E2", event=("ACCUSE",), mentions=1),
        gev("E3", event=("ASSAULT",), mentions=None),
    )
    preds = [
        pred("CONSULT", n_mentions=1, event_id="p1"),
        pred("ACCUSE", n_mentions=2, event_id="p2"),
        pred("ASSAULT", n_mentions=5, event_id="p3"),
    ]
    report = score([g], preds)
    assert [m.attributes.mention_error for m in report.matches] == [-2, 1, None]
    assert (report.mention_count_mae, report.n_mentions) == (1.5, 2)


def test_match_attributes_are_reported_whole() -> None:
    g = gold(gev(mode=("visit",), cameo=("042", "04"), date="2024-05", mentions=2))
    report = score([g], [pred(mode="visit", cameo="043", date="2024-05-09", n_mentions=2)])
    assert report.matches[0].attributes == Attributes(
        mode_ok=True,
        cameo_ok=True,
        cameo_root_ok=True,
        date_ok=True,
        aux_ok=None,
        mention_error=0,
    )


def test_per_type_rows_use_gold_first_type_and_predicted_type_for_false_positives() -> None:
    g = gold(
        gev("E1", event=("CONSULT", "AGREE"), actor=("ARM",)),
        gev("E2", event=("ASSAULT",)),
    )
    preds = [
        pred("AGREE", ("ARM",), event_id="p1"),
        pred("AGREE", ("ARM",), event_id="p2"),
        pred("PROTEST", event_id="p3"),
    ]
    report = score([g], preds)
    assert report.by_type == {
        "AGREE": TypeRow("AGREE", 0, 0, 1, 0, 0.0, None, 0.0),
        "ASSAULT": TypeRow("ASSAULT", 0, 0, 0, 1, None, 0.0, 0.0),
        "CONSULT": TypeRow("CONSULT", 1, 0, 0, 0, 1.0, 1.0, 1.0),
        "PROTEST": TypeRow("PROTEST", 0, 1, 0, 0, 0.0, None, 0.0),
    }


def test_unknown_documents_are_ignored_but_counted() -> None:
    report = score(
        [gold(gev())],
        [pred(), pred(doc_id="zz", event_id="x1"), pred(doc_id="aa", event_id="x2")],
    )
    assert counts(report) == (1, 0, 0, 0, 0)
    assert (report.unknown_docs, report.unknown_predictions, report.predictions) == (
        ("aa", "zz"),
        2,
        1,
    )


def test_documents_without_predictions_count_their_events_as_misses() -> None:
    g = gold(gev("E1", note="why"), gev("E2", optional=True), text="x" * 300, doc_id="d9")
    report = score([g], [])
    assert counts(report) == (0, 0, 0, 1, 0)
    assert report.misses == (Miss("d9", "E1", "CONSULT", "why", "x" * 200),)


def test_prediction_dicts_are_read_as_event_records() -> None:
    record = pred(actor=("ARM",), mode="visit").to_record()
    report = score([gold(gev(actor=("ARM",), mode=("visit",)))], [record])
    assert (report.tp, report.mode_accuracy) == (1, 1.0)


def test_a_prediction_dict_without_a_type_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^prediction 2: not a FORMAT.md event record"):
        score([gold(gev())], [pred().to_record(), {"doc_id": "d1"}])


def test_report_dict_is_json_serialisable() -> None:
    report = score([gold(gev(mentions=1))], [pred(), pred("ASSAULT", event_id="p2")])
    data = json.loads(json.dumps(report.to_dict()))
    assert (data["tp"], data["fp"], data["by_type"]["ASSAULT"]["fp"]) == (1, 1, 1)
    assert data["matches"][0]["attributes"]["mention_error"] == 0


def test_max_weight_assignment_handles_wide_and_tall_matrices() -> None:
    assert max_weight_assignment([[1, 5, 0], [4, 6, 0]]) == [1, 0]
    assert max_weight_assignment([[3, 1], [2, 1], [0, 9]]) == [0, None, 1]
    assert max_weight_assignment([]) == []


def test_render_table_shows_scores_accuracies_types_and_errors() -> None:
    g = gold(gev("E1", actor=("ARM",), note="a visit"), gev("E2", event=("ASSAULT",)))
    preds = [
        pred(actor=("ARM",)),
        pred(actor=("ARM",), event_id="p2"),
        pred("PROTEST", ("X",), cameo="145"),
    ]
    text = render_table(score([g], preds), by_type=True, errors=True, gold=[g])
    assert text == (
        "gold: 1 document, 2 required + 0 optional events\n"
        "predictions: 3 (0 absorbed by optional events)\n"
        "\n"
        "         tp  fp  dup  fn  precision  recall     f1\n"
        "strict    1   1    1   1      0.333   0.500  0.400\n"
        "lenient   1   1    1   1      0.500   0.500  0.500\n"
        "\n"
        "on true positives    accuracy  n\n"
        "mode                        -  0\n"
        "cameo (prefix)              -  0\n"
        "cameo root                  -  0\n"
        "date                        -  0\n"
        "aux                         -  0\n"
        "mention count (MAE)         -  0\n"
        "\n"
        "type     tp  fp  dup  fn  precision  recall     f1\n"
        "ASSAULT   0   0    0   1          -   0.000  0.000\n"
        "CONSULT   1   0    1   0      0.500   1.000  0.667\n"
        "PROTEST   0   1    0   0      0.000       -  0.000\n"
        "\n"
        "misses (1):\n"
        "  d1 E2: ASSAULT\n"
        "    text: Some text.\n"
        "false positives (1):\n"
        "  d1 p1: PROTEST/145 X -> -\n"
        '    trigger "met" in: Some text.\n'
        "duplicates (1):\n"
        "  d1 p2: CONSULT ARM -> - (duplicate of E1)\n"
        '    trigger "met" in: Some text.\n'
    )
