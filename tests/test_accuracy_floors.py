"""Accuracy floors, pinned at or just below the values `make accuracy` measured.

Raise a floor when the coder improves. Lowering one needs a line in CHANGELOG.md saying why
(the trafilatura practice: floors only move down on purpose). Values measured on the commit
that last changed this file; see docs/accuracy.md for the full table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.evaluation.suite import run_suite

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]

#: set -> metric -> floor (strict F1 for event sets).
FLOORS: dict[str, dict[str, float]] = {
    "seed": {"f1": 1.0},
    "sample": {"f1": 1.0},
    "heldout": {"f1": 0.70},
    "dev-articles": {"f1": 0.64},
    "dev-sentences": {"f1": 0.68},
    "plover_gsr-dev": {"f1": 0.72},
    "petr2_gsr-dev": {"f1": 0.72},
    "plover_gsr-test": {"f1": 0.50},
    "petr2_gsr-test": {"f1": 0.47},
    "ngec-actors": {"code_accuracy": 0.91, "sector_accuracy": 0.80},
    "conflibert-penta (rules)": {"macro_f1": 0.69},
    # lowered 0.67 -> 0.66 when the classifier trained on penta round 51, chosen on dev; see
    # CHANGELOG.md ("Sentence classifier: a second round of penta sentences")
    "conflibert-penta (classifier)": {"macro_f1": 0.66},
    "conflibert-penta (both)": {"macro_f1": 0.79},
    "dev-penta (rules)": {"macro_f1": 0.77},
    # the classifier trains on dev-penta: these two measure fit, pinned so it cannot fall unseen
    "dev-penta (classifier)": {"macro_f1": 0.99},
    "dev-penta (both)": {"macro_f1": 0.95},
    # nothing trains on these: all three rows are out of sample for the classifier
    "dev-ngec-penta (rules)": {"macro_f1": 0.30},
    "dev-ngec-penta (classifier)": {"macro_f1": 0.55},
    "dev-ngec-penta (both)": {"macro_f1": 0.56},
}


@pytest.fixture(scope="module")
def results(pipeline, shared):
    return {r.name: r for r in run_suite(pipeline, shared, REPO)}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_stays_at_or_above_its_floor(results, name):
    assert name in results, f"gold set {name} was not scored"
    for metric, floor in FLOORS[name].items():
        value = results[name].metrics[metric]
        assert value is not None and value >= floor, f"{name} {metric} {value} < {floor}"


def test_seed_has_no_duplicates_and_perfect_date_and_aux(results):
    m = results["seed"].metrics
    assert (m["duplicates"], m["date"], m["aux"]) == (0, 1.0, 1.0)
