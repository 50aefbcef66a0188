"""The public Python API: names exported, code_text, code_documents."""

from __future__ import annotations

import datetime as dt

import pytest

import thucydides

EXPORTED = [
    "Actor",
    "ConfigError",
    "Document",
    "DyadSeries",
    "Event",
    "EventStore",
    "InputError",
    "Location",
    "Mention",
    "ModelNotFoundError",
    "Pipeline",
    "PipelineConfig",
    "StoreError",
    "ThucydidesError",
    "__version__",
    "code_documents",
    "code_text",
    "relations",
]


def test_the_public_names_are_exactly_the_documented_ones():
    assert sorted(thucydides.__all__) == sorted(EXPORTED)
    for name in EXPORTED:
        assert getattr(thucydides, name) is not None


@pytest.mark.slow
def test_code_text_returns_events_with_evidence():
    text = "Russia expelled two Estonian diplomats on Tuesday."
    [event] = thucydides.code_text(text, date="2024-05-09")
    assert (event.event, event.mode, event.cameo) == ("SANCTION", "expel", "166")
    assert [a.code for a in event.actor] == ["RUS"]
    assert [a.code for a in event.recipient] == ["EST"]
    assert event.date == "2024-05-07"
    assert event.mentions[0].text == text
    assert event.mentions[0].trigger == "expelled"
    assert event.to_record()["doc_id"] == "text"


@pytest.mark.slow
def test_code_documents_keeps_input_order_and_hides_negated_events():
    docs = [
        thucydides.Document(
            id="one", text="Japan did not attend the summit in Seoul.", date=dt.date(2024, 1, 10)
        ),
        thucydides.Document(
            id="two", text="Turkey condemned Israel on Monday.", date=dt.date(2024, 1, 10)
        ),
    ]
    out = [(d.id, [e.event for e in events]) for d, events in thucydides.code_documents(docs)]
    assert out == [("one", []), ("two", ["ACCUSE"])]


@pytest.mark.slow
def test_relative_dates_stay_unresolved_without_a_publication_date():
    [event] = thucydides.code_text("Turkey condemned Israel on Monday.")
    assert (event.date, event.date_precision) == (None, None)
