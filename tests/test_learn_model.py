"""The numpy softmax head: deterministic fitting and temperature calibration."""

from __future__ import annotations

import numpy as np
import pytest

from thucydides.learn.model import FitSettings, fit_softmax, fit_temperature, softmax

FEATURES = np.array(
    [[1.0, 0.0, 0.0], [0.9, 0.1, 0.0], [0.0, 1.0, 0.0], [0.1, 0.9, 0.0], [0.0, 0.0, 1.0]],
    dtype=np.float32,
)
LABELS = ["a", "a", "b", "b", "c"]


def test_fitting_twice_gives_identical_weights():
    first = fit_softmax(FEATURES, LABELS, ("a", "b", "c"), settings=FitSettings(steps=50))
    second = fit_softmax(FEATURES, LABELS, ("a", "b", "c"), settings=FitSettings(steps=50))
    assert np.array_equal(first.weights, second.weights)
    assert np.array_equal(first.bias, second.bias)


def test_separable_rows_are_predicted_back():
    head = fit_softmax(FEATURES, LABELS, ("a", "b", "c"))
    predicted = [head.classes[i] for i in head.proba(FEATURES).argmax(axis=1)]
    assert predicted == LABELS


def test_label_outside_classes_is_refused():
    with pytest.raises(ValueError, match="outside the classes"):
        fit_softmax(FEATURES, [*LABELS[:-1], "z"], ("a", "b", "c"))


def test_overconfident_logits_get_a_temperature_above_one():
    # Right 3 times in 5 with a probability of 0.88: calibration must soften the scores.
    logits = np.array([[2.0, 0.0]] * 5)
    temperature = fit_temperature(logits, [0, 0, 0, 1, 1])
    calibrated = softmax(logits / temperature)[0, 0]
    assert temperature > 1.0
    assert calibrated == pytest.approx(0.6, abs=0.01)
