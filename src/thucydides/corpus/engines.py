"""Engines: where the stage runs. Each maps a stage over batches, in order, with few in flight.

- :class:`LocalEngine` with ``workers=1`` runs the stage in this process;
- :class:`LocalEngine` with ``workers=N`` runs it in N spawned processes (each builds its
  pipeline once);
- :class:`DaskEngine` runs it on a Dask distributed cluster (a scheduler address, or a local
  cluster of N worker processes).

Every engine yields results in input order and keeps at most ``window`` batches submitted and
not yet consumed, so memory stays flat however long the input is. Only the caller writes
results (a single writer).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, Protocol

from thucydides.corpus.stage import Stage, run_stage, stage_version
from thucydides.errors import ConfigError
from thucydides.records import Document, Event

#: Batches in flight per worker: one being coded and one queued, so a worker never waits for
#: the next batch while the caller is writing (a deeper queue only holds more memory).
IN_FLIGHT_PER_WORKER = 2

#: Seconds between a worker's checks that the ingest process is still alive.
PARENT_POLL_S = 1.0

#: Seconds to wait for the first Dask worker: a cluster's workers connect within seconds of
#: the scheduler starting; two minutes leaves room for slow container starts.
WORKER_WAIT_S = 120

#: Native thread pools (BLAS, OpenMP) in each worker process: one, since the engine already
#: runs one process per core and extra threads only contend for the same cores.
_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class _Result(Protocol):
    def result(self) -> Any: ...


def ordered_map(
    submit: Callable[[list[Document]], _Result],
    batches: Iterable[list[Document]],
    window: int,
) -> Iterator[tuple[list[Document], list[list[Event]]]]:
    """Submit batches, keeping at most ``window`` pending, and yield results in input order."""
    pending: deque[tuple[list[Document], _Result]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


class Engine(ABC):
    """Runs a stage over batches of documents (use as a context manager)."""

    name: str = "engine"

    def __init__(self, stage: Stage) -> None:
        self.stage = stage

    @property
    @abstractmethod
    def workers(self) -> int:
        """Processes coding in parallel."""

    @abstractmethod
    def version(self) -> str:
        """The coder version, computed by a worker (so the caller need not load the model)."""

    @abstractmethod
    def map(
        self, batches: Iterable[list[Document]]
    ) -> Iterator[tuple[list[Document], list[list[Event]]]]:
        """Each batch with one list of events per document, in input order."""

    def start(self) -> None:  # noqa: B027 (engines without workers have nothing to start)
        """Start workers (called on entering the context)."""

    def close(self) -> None:  # noqa: B027
        """Stop workers (called on leaving the context)."""

    def __enter__(self) -> Engine:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _Done:
    """An already-computed result (what the in-process engine 'submits')."""

    def __init__(self, value: list[list[Event]]) -> None:
        self._value = value

    def result(self) -> list[list[Event]]:
        return self._value


class LocalEngine(Engine):
    """The stage in this process (``workers=1``) or in ``workers`` spawned processes.

    Args:
        stage: The stage to map (picklable when ``workers > 1``).
        workers: Processes to code in; 1 codes in this process.
    """

    name = "local"

    def __init__(self, stage: Stage, workers: int = 1) -> None:
        super().__init__(stage)
        if workers < 1:
            raise ConfigError(f"--workers must be at least 1, got {workers}")
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None

    @property
    def workers(self) -> int:
        return self._workers

    def start(self) -> None:
        if self._workers == 1:
            return
        for name in _THREAD_ENV:
            os.environ.setdefault(name, "1")
        # spawn: a fresh interpreter per worker (no forked DuckDB handles or spaCy state).
        self._pool = ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_exit_with_parent,
            initargs=(os.getpid(),),
        )
        # Load the model in every worker now, in parallel, rather than on its first batch.
        warm = [self._pool.submit(stage_version, self.stage) for _ in range(self._workers)]
        for future in warm:
            future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def version(self) -> str:
        if self._pool is None:
            return self.stage.version()
        return self._pool.submit(stage_version, self.stage).result()

    def map(
        self, batches: Iterable[list[Document]]
    ) -> Iterator[tuple[list[Document], list[list[Event]]]]:
        pool = self._pool
        if pool is None:
            return ordered_map(lambda b: _Done(self.stage(b)), batches, 1)

        def submit(batch: Sequence[Document]) -> Future[list[list[Event]]]:
            return pool.submit(run_stage, self.stage, batch)

        return ordered_map(submit, batches, self._workers * IN_FLIGHT_PER_WORKER)


def _exit_with_parent(parent: int) -> None:
    """In a worker: exit as soon as the ingest process is gone (killed, even with SIGKILL),
    rather than code batches nobody will store."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class DaskEngine(Engine):
    """The stage on a Dask distributed cluster (``pip install "dask[distributed]"``).

    Args:
        stage: The stage to map (pickled to the workers; each builds its pipeline once).
        scheduler: Address of a running scheduler (``tcp://host:8786``); None starts a local
            cluster of ``workers`` processes with one thread each.
        workers: Worker processes of the local cluster (ignored with ``scheduler``).
    """

    name = "dask"

    def __init__(self, stage: Stage, scheduler: str | None = None, workers: int = 2) -> None:
        super().__init__(stage)
        self.scheduler = scheduler
        self._requested = workers
        self._client: Any = None
        self._cluster: Any = None

    def start(self) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as err:
            raise ConfigError(
                "--engine dask needs Dask: pip install 'thucydides[scale]' (or 'dask[distributed]')"
            ) from err
        if self.scheduler is None:
            for name in _THREAD_ENV:
                os.environ.setdefault(name, "1")
            self._cluster = LocalCluster(
                n_workers=self._requested,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(self.scheduler, timeout="30s")
            except OSError as err:
                raise ConfigError(
                    f"--scheduler: cannot reach Dask scheduler {self.scheduler!r}: {err}"
                ) from err
        try:
            self._client.wait_for_workers(1, timeout=WORKER_WAIT_S)
        except TimeoutError as err:
            self.close()
            raise ConfigError(
                f"--engine dask: no worker joined the scheduler within {WORKER_WAIT_S} s"
            ) from err

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    @property
    def workers(self) -> int:
        if self._client is None:
            return self._requested
        return max(1, len(self._client.scheduler_info().get("workers", {})))

    def version(self) -> str:
        return str(self._client.submit(stage_version, self.stage, pure=False).result())

    def map(
        self, batches: Iterable[list[Document]]
    ) -> Iterator[tuple[list[Document], list[list[Event]]]]:
        client = self._client

        def submit(batch: Sequence[Document]) -> Any:
            return client.submit(run_stage, self.stage, batch, pure=False)

        return ordered_map(submit, batches, self.workers * IN_FLIGHT_PER_WORKER)


ENGINES: tuple[str, ...] = ("local", "dask")


def make_engine(
    name: str, stage: Stage, *, workers: int = 1, scheduler: str | None = None
) -> Engine:
    """The engine called ``name`` (``local`` or ``dask``).

    Raises:
        ConfigError: an unknown engine, or ``--scheduler`` without ``--engine dask``.
    """
    if name == "local":
        if scheduler is not None:
            raise ConfigError("--scheduler needs --engine dask")
        return LocalEngine(stage, workers)
    if name == "dask":
        return DaskEngine(stage, scheduler, workers)
    raise ConfigError(f"--engine: unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
