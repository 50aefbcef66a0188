"""The public face of the learned classifier: load the shipped weights, predict per sentence.

    >>> from thucydides.learn import SentenceClassifier
    >>> clf = SentenceClassifier.load()
    >>> clf.predict(["Rebels shelled the town overnight."])[0].event
    'ASSAULT'

The weights file (``models/sentence_classifier.npz``) holds every head's weights, biases and
calibration temperature, and a JSON header naming the classes and the featurizers that produced
the training features; ``scripts/train.py`` (``make train``) writes it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from thucydides.errors import ConfigError
from thucydides.learn.data import NONE
from thucydides.learn.features import FeatureSet, HashedNgrams, MiniLMEmbedder
from thucydides.learn.model import SoftmaxHead

#: The shipped weights, written by ``make train``.
DEFAULT_WEIGHTS = Path(__file__).parent / "models" / "sentence_classifier.npz"

#: Heads in a weights file: event type (16 + none), mode (TYPE:mode), penta class, context.
HEADS = ("event", "mode", "penta", "context")


@dataclass(frozen=True)
class Prediction:
    """What the classifier says about one sentence.

    Attributes:
        event: Most probable PLOVER type, or None when "no event" is most probable.
        event_probs: Calibrated probability of each PLOVER type and of ``"none"``.
        confidence: Probability of the predicted label (``event_probs[event or "none"]``).
        mode: Most probable mode of ``event`` (None when the type has no modes or no event).
        penta: ConfliBERT penta class 0-4 (0 statement ... 4 material conflict).
        penta_probs: Calibrated probability of each penta class, indexed 0-4.
        context: PLOVER contexts predicted for the sentence (may be empty).
    """

    event: str | None
    event_probs: dict[str, float]
    confidence: float
    mode: str | None
    penta: int
    penta_probs: tuple[float, ...]
    context: tuple[str, ...]


def featurizer_from_spec(spec: Sequence[dict[str, Any]]) -> FeatureSet:
    """Rebuild the feature set a weights file was trained with.

    Raises:
        ConfigError: an unknown featurizer kind (the file is from another version).
    """
    parts: list[Any] = []
    for part in spec:
        if part["kind"] == "minilm":
            parts.append(MiniLMEmbedder())
        elif part["kind"] == "ngrams":
            parts.append(HashedNgrams(int(part["dim"])))
        else:
            raise ConfigError(f"unknown featurizer {part['kind']!r} in the classifier weights")
    return FeatureSet(tuple(parts))


def feature_spec(features: FeatureSet) -> list[dict[str, Any]]:
    """The JSON description of a feature set that :func:`featurizer_from_spec` reads back."""
    out: list[dict[str, Any]] = []
    for part in features.parts:
        if isinstance(part, HashedNgrams):
            out.append({"kind": "ngrams", "dim": part.dim})
        elif isinstance(part, MiniLMEmbedder):
            out.append({"kind": "minilm", "name": part.name})
        else:
            raise ValueError(f"featurizer {part.name!r} cannot be saved")
    return out


class SentenceClassifier:
    """Event type, mode, penta class and context of sentences, from a linear model on embeddings.

    Build with :meth:`load` (shipped or given weights) or from trained heads (``training.train``).
    """

    def __init__(
        self,
        features: FeatureSet,
        heads: dict[str, SoftmaxHead],
        meta: dict[str, Any] | None = None,
        context_threshold: float = 0.5,
    ) -> None:
        missing = [h for h in HEADS if h not in heads]
        if missing:
            raise ConfigError(f"classifier weights lack the heads {missing}")
        self.features = features
        self.heads = heads
        self.meta = dict(meta or {})
        # A context is reported when its calibrated probability is at least this: a coin flip.
        self.context_threshold = context_threshold

    @classmethod
    def load(cls, path: Path | None = None) -> SentenceClassifier:
        """Load weights (default: the shipped ``models/sentence_classifier.npz``).

        Raises:
            ConfigError: the file is missing or malformed, or the embedding package is missing.
        """
        path = path or DEFAULT_WEIGHTS
        try:
            with np.load(path, allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"{path}: classifier weights cannot be read ({exc.__class__.__name__}); "
                "run `make train` to rebuild them"
            ) from None
        try:
            meta = json.loads(str(arrays["meta"]))
            heads = {
                name: SoftmaxHead(
                    tuple(meta["heads"][name]["classes"]),
                    arrays[f"{name}_weights"].astype(np.float32),
                    arrays[f"{name}_bias"].astype(np.float32),
                    float(meta["heads"][name]["temperature"]),
                )
                for name in HEADS
            }
        except (KeyError, TypeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{path}: malformed classifier weights ({exc})") from None
        features = featurizer_from_spec(meta["features"])
        features.transform(["probe"])  # fail now, with the install hint, if the package is missing
        return cls(features, heads, meta)

    def save(self, path: Path) -> None:
        """Write the weights (float16, compressed) and a JSON header to ``path``."""
        meta = dict(self.meta)
        meta["features"] = feature_spec(self.features)
        meta["heads"] = {
            name: {"classes": list(head.classes), "temperature": head.temperature}
            for name, head in self.heads.items()
        }
        arrays: dict[str, np.ndarray] = {"meta": np.array(json.dumps(meta, sort_keys=True))}
        for name, head in self.heads.items():
            arrays[f"{name}_weights"] = head.weights.astype(np.float16)
            arrays[f"{name}_bias"] = head.bias.astype(np.float16)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]  # numpy stub: **kwds

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        """One :class:`Prediction` per sentence, in order."""
        if not sentences:
            return []
        x = self.features.transform(list(sentences))
        probs = {name: head.proba(x) for name, head in self.heads.items()}
        return [self._one(i, probs) for i in range(len(sentences))]

    def _one(self, row: int, probs: dict[str, np.ndarray]) -> Prediction:
        ev_classes = self.heads["event"].classes
        ev = probs["event"][row]
        event_probs = {c: float(p) for c, p in zip(ev_classes, ev, strict=True)}
        best = ev_classes[int(ev.argmax())]
        event = None if best == NONE else best
        penta_probs = tuple(float(p) for p in probs["penta"][row])
        ctx_classes = self.heads["context"].classes
        context = tuple(
            c
            for c, p in zip(ctx_classes, probs["context"][row], strict=True)
            if p >= self.context_threshold and c != NONE
        )
        return Prediction(
            event=event,
            event_probs=event_probs,
            confidence=float(ev.max()),
            mode=self._mode(event, probs["mode"][row]),
            penta=int(np.argmax(penta_probs)),
            penta_probs=penta_probs,
            context=context,
        )

    def _mode(self, event: str | None, mode_probs: np.ndarray) -> str | None:
        """The most probable ``TYPE:mode`` class of the predicted type, or None."""
        if event is None:
            return None
        prefix = f"{event}:"
        options = [
            (float(p), c[len(prefix) :])
            for c, p in zip(self.heads["mode"].classes, mode_probs, strict=True)
            if c.startswith(prefix)
        ]
        if not options:
            return None
        return max(options)[1]
