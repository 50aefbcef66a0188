"""Shared fixtures: the spaCy pipeline and the coder are loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.evaluation.paths import shared_dir

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def pipeline():
    from thucydides.pipeline import Pipeline

    p = Pipeline()
    _ = p.coder, p.nlp
    return p


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared (the gold data) is not beside this checkout; set THUCYDIDES_SHARED")
    return path
