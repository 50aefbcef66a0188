"""Training, cross-validation and calibration of the sentence classifier.

``train`` fits four softmax heads on the same features:

* ``event``: the 16 PLOVER types and ``none``;
* ``mode``: ``TYPE:mode`` labels of the examples that have a mode (prediction keeps the modes of
  the predicted type only);
* ``penta``: the ConfliBERT penta class 0-4;
* ``context``: the first PLOVER context of the examples that code contexts, or ``none``.

``cross_validate`` refits on the training pool minus one fold of the dev examples at a time
(folds by document, assigned by a seeded CRC-32 of the document id, so they do not depend on
file order) and returns the held-out logits of every dev example. Those give the reported dev
scores and the calibration temperatures of the final heads.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from thucydides.coding.ontology import Ontology, default_ontology
from thucydides.learn.data import NONE, Example
from thucydides.learn.features import CachedFeatures, FeatureSet
from thucydides.learn.model import FitSettings, SoftmaxHead, fit_softmax, fit_temperature
from thucydides.learn.prediction import HEADS, SentenceClassifier

#: Penta classes as head labels (strings, like every head's classes).
PENTA_CLASSES: tuple[str, ...] = ("0", "1", "2", "3", "4")


@dataclass(frozen=True)
class TrainConfig:
    """Settings of one training run (the defaults are what ``make train`` uses).

    Attributes:
        seed: Seeds the assignment of dev documents to cross-validation folds.
        folds: Number of cross-validation folds over the dev examples.
        dev_weight: Loss weight of a dev example relative to an NGEC example (the dev sentences are
            real, hand-coded news-style text; NGEC labels are prompt intents; value chosen by
            cross-validation on the dev data, see docs/classifier.md).
        fit: Optimiser settings shared by the heads.
    """

    seed: int = 20241127
    folds: int = 5
    dev_weight: float = 20.0
    fit: FitSettings = field(default_factory=FitSettings)


def _labels(head: str, examples: Sequence[Example]) -> list[str | None]:
    """Each example's label for ``head``, or None when the example does not train that head."""
    if head == "event":
        return [e.event for e in examples]
    if head == "penta":
        return [str(e.penta) for e in examples]
    if head == "mode":
        return [f"{e.event}:{e.mode}" if e.mode else None for e in examples]
    return [
        (e.contexts[0] if e.contexts else NONE) if e.contexts is not None else None
        for e in examples
    ]


def head_classes(head: str, examples: Sequence[Example], onto: Ontology) -> tuple[str, ...]:
    """The class list of a head: fixed for event/penta, the labels seen for mode/context."""
    if head == "event":
        return (*onto.event_types, NONE)
    if head == "penta":
        return PENTA_CLASSES
    return tuple(sorted({lab for lab in _labels(head, examples) if lab is not None}))


def fit_heads(
    features: np.ndarray,
    examples: Sequence[Example],
    weights: np.ndarray,
    config: TrainConfig,
    onto: Ontology,
    classes: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, SoftmaxHead]:
    """Fit every head on the rows that carry its label."""
    heads = {}
    for head in HEADS:
        labels = _labels(head, examples)
        rows = np.array([lab is not None for lab in labels])
        names = classes[head] if classes else head_classes(head, examples, onto)
        heads[head] = fit_softmax(
            features[rows],
            [lab for lab in labels if lab is not None],
            names,
            weights[rows],
            config.fit,
        )
    return heads


def fold_of(group: str, seed: int, folds: int) -> int:
    """The cross-validation fold of a document id (seeded, independent of file order)."""
    return zlib.crc32(f"{seed}:{group}".encode()) % folds


@dataclass(frozen=True)
class CrossValidation:
    """Held-out logits of the dev examples, one array per head (rows in dev-example order)."""

    logits: dict[str, np.ndarray]
    classes: dict[str, tuple[str, ...]]


def _weights(examples: Sequence[Example], dev_mask: np.ndarray, config: TrainConfig) -> np.ndarray:
    base = np.array([e.weight for e in examples], dtype=np.float32)
    return np.where(dev_mask, base * config.dev_weight, base).astype(np.float32)


def cross_validate(
    pool: Sequence[Example],
    dev: Sequence[Example],
    features: FeatureSet | CachedFeatures,
    config: TrainConfig,
    onto: Ontology | None = None,
) -> CrossValidation:
    """Refit with each fold of ``dev`` held out (``pool`` always trains); held-out logits."""
    onto = onto or default_ontology()
    everything = [*pool, *dev]
    x_pool, x_dev = (
        features.transform([e.text for e in pool]),
        features.transform([e.text for e in dev]),
    )
    classes = {h: head_classes(h, everything, onto) for h in HEADS}
    logits = {h: np.zeros((len(dev), len(classes[h])), dtype=np.float32) for h in HEADS}
    fold = np.array([fold_of(e.group, config.seed, config.folds) for e in dev])
    for k in range(config.folds):
        held = fold == k
        if not held.any():
            continue
        train_ex = [*pool, *(e for e, h in zip(dev, held, strict=True) if not h)]
        x = np.vstack([x_pool, x_dev[~held]])
        dev_mask = np.array([False] * len(pool) + [True] * int((~held).sum()))
        heads = fit_heads(x, train_ex, _weights(train_ex, dev_mask, config), config, onto, classes)
        for h in HEADS:
            logits[h][held] = heads[h].logits(x_dev[held])
    return CrossValidation(logits, classes)


def calibrate(
    heads: dict[str, SoftmaxHead], cv: CrossValidation, dev: Sequence[Example]
) -> dict[str, SoftmaxHead]:
    """Set each head's temperature to minimise the NLL of its held-out dev logits."""
    out = {}
    for h, head in heads.items():
        labels = _labels(h, dev)
        index = {c: i for i, c in enumerate(cv.classes[h])}
        rows = [i for i, lab in enumerate(labels) if lab is not None and lab in index]
        if len(rows) < 2:
            out[h] = head
            continue
        y = [index[str(labels[i])] for i in rows]
        out[h] = head.with_temperature(fit_temperature(cv.logits[h][rows], y))
    return out


def train(
    pool: Sequence[Example],
    dev: Sequence[Example],
    features: FeatureSet | CachedFeatures,
    config: TrainConfig | None = None,
    onto: Ontology | None = None,
    cv: CrossValidation | None = None,
) -> SentenceClassifier:
    """Fit on ``pool`` + ``dev``; calibrate on ``cv`` (computed here when not given)."""
    config = config or TrainConfig()
    onto = onto or default_ontology()
    everything = [*pool, *dev]
    x = features.transform([e.text for e in everything])
    dev_mask = np.array([False] * len(pool) + [True] * len(dev))
    heads = fit_heads(x, everything, _weights(everything, dev_mask, config), config, onto)
    if dev:
        cv = cv or cross_validate(pool, dev, features, config, onto)
        heads = calibrate(heads, cv, dev)
    meta = {
        "seed": config.seed,
        "dev_weight": config.dev_weight,
        "l2": config.fit.l2,
        "steps": config.fit.steps,
        "learning_rate": config.fit.learning_rate,
        "examples": len(everything),
    }
    inner = features.inner if isinstance(features, CachedFeatures) else features
    return SentenceClassifier(inner, heads, meta)
