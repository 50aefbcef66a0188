"""Settings of a pipeline run, importable without loading spaCy (the corpus runner's main
process builds a :class:`PipelineConfig` for its workers but never parses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from thucydides.nlp import BATCH_SIZE


@dataclass(frozen=True)
class PipelineConfig:
    """Settings of a pipeline run.

    Attributes:
        spacy_model: Installed spaCy pipeline to use (None: the default English model).
        actor_files: User actor dictionaries (YAML) that add to or override the package's.
        lexicon_files: User trigger lexicons (YAML) that add to or override the package's.
        batch_size: Documents parsed per spaCy batch.
    """

    spacy_model: str | None = None
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    lexicon_files: tuple[Path, ...] = field(default_factory=tuple)
    batch_size: int = BATCH_SIZE
