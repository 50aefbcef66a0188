"""Corpus ingestion at scale: stream a whole corpus through the coder into a store.

    from thucydides.corpus import LocalEngine, PipelineStage, StoreSink, ingest
    sink = StoreSink("events.duckdb")
    summary = ingest(["corpus/"], engine=LocalEngine(PipelineStage(), workers=2), sink=sink)
    sink.close()

Modules, in the order a batch passes through them: :mod:`.runner` (read, batch, skip what is
stored, code, write), :mod:`.stage` (the pipeline as a picklable stage, built once per
worker), :mod:`.engines` (this process, a process pool, a Dask cluster), :mod:`.sinks`
(a DuckDB store or a folder of Parquet parts), :mod:`.duplicates` (copies of articles, not
coded but recorded; the duplicate index of a resumed run), :mod:`.merge` (the same event across
articles), :mod:`.load` (Parquet parts into a store) and :mod:`.progress` (bar and summary).
"""

from thucydides.corpus.duplicates import DuplicateRow, RebuiltIndex, rebuild_index
from thucydides.corpus.engines import DaskEngine, Engine, LocalEngine, make_engine
from thucydides.corpus.load import LoadStats, load_parquet
from thucydides.corpus.merge import WINDOW_DAYS, MergeStats, merge_corpus_events
from thucydides.corpus.progress import IngestSummary, Progress
from thucydides.corpus.runner import BATCH_SIZE, DEFAULT_LANGS, ingest
from thucydides.corpus.sinks import ParquetSink, Sink, StoreSink
from thucydides.corpus.stage import PipelineStage, Stage

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_LANGS",
    "WINDOW_DAYS",
    "DaskEngine",
    "DuplicateRow",
    "Engine",
    "IngestSummary",
    "LoadStats",
    "LocalEngine",
    "MergeStats",
    "ParquetSink",
    "PipelineStage",
    "Progress",
    "RebuiltIndex",
    "Sink",
    "Stage",
    "StoreSink",
    "ingest",
    "load_parquet",
    "make_engine",
    "merge_corpus_events",
    "rebuild_index",
]
