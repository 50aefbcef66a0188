"""Progress and the end-of-run summary of an ingest, on stderr.

On a terminal, a live bar shows documents, events and their rates; otherwise (a log file, a
pipe) one plain line is printed after the first batch is stored and then at most every
:data:`PLAIN_EVERY_S` seconds; ``quiet`` prints nothing. Every line starts with
``ingest:`` so logs can be filtered.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from thucydides.corpus.merge import MergeStats
from thucydides.errors import InputError

#: Seconds between plain progress lines when stderr is not a terminal: often enough to follow
#: a long run in a log, rarely enough (a few thousand lines a day) not to flood it.
PLAIN_EVERY_S = 10.0


@dataclass
class IngestSummary:
    """Counts of one ingest run (filled in as it goes).

    Attributes:
        read: Documents read from the inputs (coded, already stored, skipped for their
            language, or copies).
        coded: Documents coded and stored in this run.
        already_stored: Documents skipped because the store holds them with the same text
            and coder version (a resumed or repeated run).
        skipped: Documents and inputs deliberately not coded, by reason: ``language`` (a
            document), ``unsupported-file``, ``unsupported-content``, ``not-html`` (inputs).
        duplicates: Copies of an article read or stored earlier, not coded but recorded in
            ``article_duplicates``, by kind (``exact``, ``near``).
        failed: Inputs or records that could not be read, by reason (``unreadable``,
            ``duplicate-id``).
        indexed: Stored articles put in the near-duplicate index when the run started.
        index_seconds: Time spent rebuilding that index.
        events: Events coded in this run (negated ones included, as stored).
        merge: The corpus events after the run (None when written to Parquet).
        seconds: Wall time of the run.
        startup_seconds: Part of it spent starting the engine (loading the model in each
            worker) before the first batch.
        workers: Processes that coded.
        engine: Engine name.
    """

    read: int = 0
    coded: int = 0
    already_stored: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    duplicates: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    indexed: int = 0
    index_seconds: float = 0.0
    events: int = 0
    merge: MergeStats | None = None
    seconds: float = 0.0
    startup_seconds: float = 0.0
    workers: int = 1
    engine: str = "local"

    def render(self) -> str:
        """The summary printed at the end of a run (several lines)."""
        secs = max(self.seconds, 1e-9)
        failed = sum(self.failed.values())
        skipped = sum(self.skipped.values())
        copies = sum(self.duplicates.values())
        lines = [
            f"ingest: {self.read:,} documents read in {self.seconds:.1f} s "
            f"({self.engine}, {self.workers} worker{'s' if self.workers != 1 else ''}): "
            f"{self.coded:,} coded, {self.already_stored:,} already stored, "
            f"{skipped:,} skipped, {copies:,} duplicates, {failed:,} could not be read",
        ]
        if skipped:
            lines.append(f"ingest: skipped: {_by_reason(self.skipped)}")
        if copies:
            exact, near = self.duplicates["exact"], self.duplicates["near"]
            lines.append(
                f"ingest: duplicates: {exact:,} exact, {near:,} near "
                "(not coded; listed in article_duplicates)"
            )
        if failed:
            lines.append(f"ingest: could not be read: {_by_reason(self.failed)}")
        if self.indexed:
            lines.append(
                f"ingest: duplicate index rebuilt from {self.indexed:,} stored articles "
                f"in {self.index_seconds:.1f} s"
            )
        lines.append(
            f"ingest: {self.events:,} events ({self.coded / secs:,.1f} documents/s, "
            f"{self.events / secs:,.1f} events/s)"
        )
        if self.merge is not None:
            lines.append(
                f"ingest: store holds {self.merge.events:,} events = "
                f"{self.merge.corpus_events:,} corpus events "
                f"({self.merge.merged:,} further reports of an event merged)"
            )
        return "\n".join(lines)


def _by_reason(counts: Counter[str]) -> str:
    return ", ".join(f"{n:,} {reason}" for reason, n in sorted(counts.items()))


def failure_reason(err: InputError) -> str:
    """The summary's category of a read failure."""
    return "duplicate-id" if "duplicate document id" in err.message.lower() else "unreadable"


class Progress:
    """Reports an ingest as it runs.

    Args:
        quiet: Print nothing.
        stream: Where to print (stderr by default).
    """

    def __init__(self, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self._last_line = 0.0
        self._lines = 0
        self._bar: Any = None
        self._task: Any = None

    def start(self) -> None:
        self.started = time.monotonic()
        if self.quiet or not self.stream.isatty():
            return
        from rich.console import Console
        from rich.progress import Progress as Bar
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Bar(
            SpinnerColumn(),
            TextColumn("{task.fields[docs]:>9,} documents  {task.fields[doc_rate]:>7.1f}/s"),
            TextColumn("{task.fields[events]:>9,} events  {task.fields[event_rate]:>7.1f}/s"),
            TextColumn("{task.fields[skipped]:>7,} skipped"),
            TimeElapsedColumn(),
            console=Console(file=self.stream),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(
            "ingest", docs=0, doc_rate=0.0, events=0, event_rate=0.0, skipped=0
        )

    def warn(self, err: InputError) -> None:
        """One input could not be read."""
        if self.quiet:
            return
        message = f"ingest: skipped {err}"
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=self.stream, flush=True)

    def update(self, summary: IngestSummary) -> None:
        """A batch was stored."""
        if self.quiet:
            return
        elapsed = max(time.monotonic() - self.started, 1e-9)
        skipped = (
            summary.already_stored
            + sum(summary.skipped.values())
            + sum(summary.duplicates.values())
            + sum(summary.failed.values())
        )
        if self._bar is not None:
            self._bar.update(
                self._task,
                docs=summary.coded,
                doc_rate=summary.coded / elapsed,
                events=summary.events,
                event_rate=summary.events / elapsed,
                skipped=skipped,
            )
            return
        now = time.monotonic()
        if self._lines and now - self._last_line < PLAIN_EVERY_S:
            return
        self._last_line = now
        self._lines += 1
        print(
            f"ingest: {summary.coded:,} documents ({summary.coded / elapsed:,.1f}/s), "
            f"{summary.events:,} events ({summary.events / elapsed:,.1f}/s), "
            f"{skipped:,} skipped, {elapsed:.0f} s",
            file=self.stream,
            flush=True,
        )

    def stop(self, summary: IngestSummary | None = None) -> None:
        """End the bar and print the summary."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        if summary is not None and not self.quiet:
            print(summary.render(), file=self.stream, flush=True)
