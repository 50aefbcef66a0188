"""Sentence features: hashed n-grams, caching and the missing-extra error."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from thucydides.errors import ConfigError
from thucydides.learn.features import CachedFeatures, FeatureSet, HashedNgrams, MiniLMEmbedder


def test_hashed_ngrams_are_stable_unit_rows():
    rows = HashedNgrams(64).transform(["Troops shelled the town.", "Troops shelled the town."])
    assert rows.shape == (2, 64)
    assert np.array_equal(rows[0], rows[1])
    assert float(np.linalg.norm(rows[0])) == pytest.approx(1.0)


def test_hashed_ngrams_of_empty_text_are_zero():
    assert not HashedNgrams(16).transform([""]).any()


def test_cached_features_equal_the_uncached_ones():
    inner = FeatureSet((HashedNgrams(32), HashedNgrams(8)))
    cached = CachedFeatures(inner)
    texts = ["b sentence", "a sentence", "b sentence"]
    assert np.array_equal(cached.transform(texts), inner.transform(texts))
    assert cached.transform([]).shape == (0, 40)


def test_missing_embedding_package_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(ConfigError, match=r"pip install 'thucydides\[learn\]'"):
        MiniLMEmbedder().transform(["a sentence"])
