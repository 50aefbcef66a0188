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
        unplaced_agents: Also code an act in the active voice whose doer no dictionary places
            (its actor left empty: "militants stormed the post", "civic groups staged
            rallies"). Off by default: on the development gold sets (articles, sentences, GSR
            dev splits) such verbs were right 16 times and wrong 125 times (2026-11-28), and
            such nouns wrong 11 times and never right; the doer was there to be named. The
            quad-class reading of a sentence turns it on: there the act's type, not its doer,
            decides the class.
    """

    spacy_model: str | None = None
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    lexicon_files: tuple[Path, ...] = field(default_factory=tuple)
    batch_size: int = BATCH_SIZE
    unplaced_agents: bool = False
