"""A multinomial logistic-regression head in numpy, with temperature calibration.

Training is full-batch Adam on the weighted, L2-regularised cross-entropy: no randomness beyond
the zero initialisation, so the same data and settings give the same weights bit for bit on the
same platform. Probabilities are ``softmax(logits / temperature)``; the temperature is fitted
afterwards on held-out (cross-validated) logits of the dev data (see ``training.calibrate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class FitSettings:
    """Optimiser settings of :func:`fit_softmax`.

    Attributes:
        l2: Weight of the L2 penalty ``l2/2 * ||W||^2`` on the mean weighted loss.
        steps: Full-batch Adam steps.
        learning_rate: Adam step size.
    """

    l2: float = 1e-4
    steps: int = 300
    learning_rate: float = 0.05


@dataclass(frozen=True)
class SoftmaxHead:
    """A trained linear softmax classifier.

    Attributes:
        classes: Class labels, in column order.
        weights: ``(n_features, n_classes)`` float32 matrix.
        bias: ``(n_classes,)`` float32 vector.
        temperature: Logits are divided by it before the softmax (1.0: uncalibrated).
    """

    classes: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    temperature: float = 1.0

    def logits(self, features: np.ndarray) -> np.ndarray:
        """Raw scores, one row per sentence and one column per class."""
        return features @ self.weights + self.bias

    def proba(self, features: np.ndarray) -> np.ndarray:
        """Calibrated class probabilities (rows sum to 1)."""
        return softmax(self.logits(features) / self.temperature)

    def with_temperature(self, temperature: float) -> SoftmaxHead:
        """The same head with another calibration temperature."""
        return SoftmaxHead(self.classes, self.weights, self.bias, float(temperature))


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, stable for large logits."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def fit_softmax(
    features: np.ndarray,
    labels: Sequence[str],
    classes: Sequence[str],
    sample_weight: np.ndarray | None = None,
    settings: FitSettings | None = None,
) -> SoftmaxHead:
    """Fit a softmax head; ``labels`` must all be in ``classes``.

    Raises:
        ValueError: a label not in ``classes``, or no rows.
    """
    settings = settings or FitSettings()
    classes = tuple(classes)
    index = {c: i for i, c in enumerate(classes)}
    unknown = sorted({lab for lab in labels if lab not in index})
    if unknown or len(labels) == 0:
        raise ValueError(f"cannot fit: no rows or labels outside the classes: {unknown}")
    x = np.asarray(features, dtype=np.float32)
    n, d = x.shape
    k = len(classes)
    target = np.zeros((n, k), dtype=np.float32)
    target[np.arange(n), [index[lab] for lab in labels]] = 1.0
    w_rows = np.ones(n, np.float32) if sample_weight is None else sample_weight.astype(np.float32)
    w_rows = w_rows / w_rows.sum()
    weights = np.zeros((d, k), dtype=np.float32)
    bias = np.zeros(k, dtype=np.float32)
    moments = [np.zeros_like(weights), np.zeros_like(bias)]
    squares = [np.zeros_like(weights), np.zeros_like(bias)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8  # Adam's published defaults (Kingma & Ba 2015)
    for step in range(1, settings.steps + 1):
        err = (softmax(x @ weights + bias) - target) * w_rows[:, None]
        grads = [x.T @ err + settings.l2 * weights, err.sum(axis=0)]
        for i, (param, grad) in enumerate(zip((weights, bias), grads, strict=True)):
            moments[i] = beta1 * moments[i] + (1 - beta1) * grad
            squares[i] = beta2 * squares[i] + (1 - beta2) * grad * grad
            m_hat = moments[i] / (1 - beta1**step)
            v_hat = squares[i] / (1 - beta2**step)
            param -= (settings.learning_rate * m_hat / (np.sqrt(v_hat) + eps)).astype(np.float32)
    return SoftmaxHead(classes, weights, bias)


def fit_temperature(logits: np.ndarray, labels: Sequence[int]) -> float:
    """The temperature in [0.05, 20] minimising the negative log-likelihood of held-out logits.

    Golden-section search on log T (the NLL is unimodal in T for fixed logits).
    """
    y = np.asarray(labels)

    def nll(log_t: float) -> float:
        p = softmax(logits / np.exp(log_t))
        return float(-np.log(np.maximum(p[np.arange(len(y)), y], 1e-12)).mean())

    lo, hi = np.log(0.05), np.log(20.0)
    ratio = (np.sqrt(5.0) - 1) / 2
    for _ in range(60):
        a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
        if nll(a) <= nll(b):
            hi = b
        else:
            lo = a
    return float(np.exp((lo + hi) / 2))
