"""The stage every engine maps: a batch of documents in, each document's events out.

:class:`PipelineStage` is a small picklable value (it holds only a
:class:`~thucydides.pipeline.PipelineConfig`). Calling it in any process builds that process's
:class:`~thucydides.pipeline.Pipeline` once (spaCy is loaded once per worker) and reuses it for
every later batch, so the same object can be shipped to a local process pool or a Dask cluster.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from thucydides.config import PipelineConfig
from thucydides.records import Document, Event

if TYPE_CHECKING:  # spaCy is imported where a stage runs, not in the process that sends it
    from thucydides.pipeline import Pipeline

Coded = list[tuple[Document, list[Event]]]
"""A coded batch: each document with every event coded from it, in input order."""


class Stage(Protocol):
    """What an engine maps: documents in, one list of events per document out (same order)."""

    def __call__(self, documents: Sequence[Document]) -> list[list[Event]]: ...

    def version(self) -> str:
        """The coder version recorded with every stored document."""
        ...


# One pipeline per configuration per process: built on a worker's first batch, then reused.
_PIPELINES: dict[PipelineConfig, Pipeline] = {}
_LOCK = threading.Lock()


def process_pipeline(config: PipelineConfig) -> Pipeline:
    """This process's pipeline for ``config`` (spaCy and the coder loaded on first use)."""
    from thucydides.pipeline import Pipeline

    with _LOCK:
        pipeline = _PIPELINES.get(config)
        if pipeline is None:
            pipeline = Pipeline(config)
            _ = pipeline.nlp, pipeline.coder
            _PIPELINES[config] = pipeline
        return pipeline


@dataclass(frozen=True)
class PipelineStage:
    """The thucydides pipeline as a stage (``Pipeline.process_batch`` per batch).

    Attributes:
        config: The pipeline settings (model, user actor and lexicon files, spaCy batch size).
    """

    config: PipelineConfig = field(default_factory=PipelineConfig)

    def __call__(self, documents: Sequence[Document]) -> list[list[Event]]:
        pipeline = process_pipeline(self.config)
        # Strings spaCy adds to its vocabulary while parsing are freed when the zone ends, so
        # a long-running worker's memory does not grow with the corpus vocabulary; the events
        # hold plain Python strings, never spaCy objects.
        with _LOCK, pipeline.nlp.memory_zone():
            coded = pipeline.process_batch(documents)
        return [events for _, events in coded]

    def version(self) -> str:
        return process_pipeline(self.config).version


def run_stage(stage: Stage, documents: Sequence[Document]) -> list[list[Event]]:
    """Apply a stage to one batch (the task function engines send to their workers)."""
    return stage(documents)


def stage_version(stage: Stage) -> str:
    """A stage's coder version, computed where the stage runs (a worker)."""
    return stage.version()
