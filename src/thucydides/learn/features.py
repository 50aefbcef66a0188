"""Sentence features for the learned classifier: a static sentence embedding plus hashed n-grams.

Two feature blocks are concatenated, each L2-normalised so neither dominates by scale:

* ``WordLlamaEmbedder``: the 256-dimensional ``l2_supercat`` WordLlama model that ships inside the
  ``wordllama`` wheel (no torch, ~20k sentences/s on 2 cores). Loaded from the package folder with
  downloads disabled, so it works offline (see ``shared/notes/offline-stack.md`` §3).
* ``HashedNgrams``: lower-cased word unigrams and bigrams hashed (CRC-32, stable across runs and
  platforms) into a fixed number of buckets, with log term frequency. Pure numpy; it carries the
  lexical cues (``shelled``, ``sanctions``) that a static embedding averages away.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from thucydides.errors import ConfigError

#: The pip extra that installs the embedding package.
INSTALL_HINT = "pip install 'thucydides[learn]'"

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


class Featurizer(Protocol):
    """Anything that turns sentences into a float32 matrix with one row per sentence."""

    name: str
    dim: int

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
            grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
            for gram in grams:
                out[row, zlib.crc32(gram.encode("utf-8")) % self.dim] += 1.0
        np.log1p(out, out=out)
        return _l2_rows(out)


class WordLlamaEmbedder:
    """The WordLlama ``l2_supercat`` 256-d static embedding, loaded offline from its wheel.

    Raises:
        ConfigError: ``wordllama`` is not installed (names the extra to install).
    """

    name = "wordllama-l2_supercat-256"
    dim = 256

    def __init__(self) -> None:
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                import wordllama
            except ImportError:
                raise ConfigError(
                    "the learned classifier needs the 'wordllama' package, which is not "
                    f"installed; run: {INSTALL_HINT}"
                ) from None
            # The wheel ships weights and tokenizer config beside the code; pointing cache_dir at
            # the package folder and disabling downloads makes loading offline and deterministic.
            self._model = wordllama.WordLlama.load(
                cache_dir=Path(wordllama.__file__).parent, disable_download=True
            )
        return self._model

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._load().embed(list(texts), norm=False, batch_size=256)
        return _l2_rows(np.asarray(vectors, dtype=np.float32))


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
