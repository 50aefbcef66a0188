"""The ingest orchestrator: input names in, :class:`~thucydides.records.Document` out.

For each source, in order:

1. dispatch on the name: ``-`` is stdin; an ``http(s)://`` URL is fetched; a folder is walked
   recursively; ``.jsonl``/``.ndjson`` are JSONL (one document a line, streamed);
   ``.html``/``.htm``/``.xhtml`` are HTML pages; ``.warc`` files, ``.rss``/``.atom``/``.xml``
   feeds, ``.opml`` lists and ``.urls`` URL lists go to :mod:`.sources`; anything else
   (``.txt`` and unknown extensions) is plain text, or a URL list when it holds only URLs.
   A ``.gz`` suffix is decompressed first.
2. decode and check the bytes (:mod:`.decoding`): binary, not UTF-8, empty.
3. build the text: HTML through :mod:`.html`; plain text loses trailing site boilerplate
   (:mod:`.boilerplate`) and nothing else.
4. date the document: its own date (JSONL ``date``, HTML metadata), else ``default_date``.
5. refuse a document whose id was already seen in this run.

Every failure is *yielded* as an :class:`~thucydides.errors.InputError` and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import PurePath
from typing import TextIO

from thucydides.errors import ConfigError, InputError
from thucydides.ingest.dates import parse_date
from thucydides.ingest.decoding import (
    check_not_blank,
    decode_utf8,
    normalise_newlines,
    read_bytes,
)
from thucydides.ingest.fetch import FetchConfig, Fetcher
from thucydides.ingest.html import looks_like_html
from thucydides.ingest.items import Read, Skipped, SourceItem, finish_document
from thucydides.ingest.jsonl import (
    JsonlRecord,
    iter_file_lines,
    iter_text_lines,
    parse_record,
)
from thucydides.ingest.sources import (
    file_kind,
    is_url,
    looks_like_url_list,
    read_feed_file,
    read_url,
    read_url_list,
    read_warc,
    walk_folder,
)
from thucydides.records import Document

STDIN = "-"
STDIN_FORMATS = ("auto", "text", "html", "jsonl")
# Length of the content-hash ids given to stdin documents (hex digits of a SHA-1: 48 bits,
# collision-free for any realistic number of piped documents in one run).
STDIN_ID_HEX = 12


class _Context:
    """What reading needs beyond the source names: stdin and a lazily opened fetcher."""

    def __init__(
        self, stdin: TextIO | None, stdin_format: str, fetch: FetchConfig | Fetcher | None
    ) -> None:
        self.stdin = stdin
        self.stdin_format = stdin_format
        self._fetch = fetch
        self._fetcher: Fetcher | None = fetch if isinstance(fetch, Fetcher) else None
        self._owned = False

    def fetcher(self) -> Fetcher:
        """The fetcher, opened on first use (only runs that meet a URL open one)."""
        if self._fetcher is None:
            config = self._fetch if isinstance(self._fetch, FetchConfig) else None
            self._fetcher = Fetcher(config)
            self._owned = True
        return self._fetcher

    def close(self) -> None:
        if self._owned and self._fetcher is not None:
            self._fetcher.close()


def read_inputs(
    sources: Sequence[str],
    *,
    default_date: dt.date | None = None,
    stdin: TextIO | None = None,
    stdin_format: str = "auto",
) -> Iterator[Document | InputError]:
    """Read documents from files, JSONL and stdin, yielding each one or the error it raised.

    Args:
        sources: Paths (``.txt``, ``.html``/``.htm``, ``.jsonl``, optionally ``.gz``) or ``-``.
        default_date: Publication date for documents that carry none of their own.
        stdin: Where ``-`` reads from (default: ``sys.stdin``).
        stdin_format: ``auto`` (JSONL when the first non-blank line is a JSON object, HTML when
            it looks like markup, else text), ``text``, ``html`` or ``jsonl``.

    Yields:
        A :class:`Document` per document read, in input order, and an :class:`InputError` per
        input (or JSONL line) that could not be read, including duplicate document ids.

    Raises:
        ConfigError: ``stdin_format`` is not one of ``auto``, ``text``, ``html``, ``jsonl``.
    """
    items = read_all(sources, default_date=default_date, stdin=stdin, stdin_format=stdin_format)
    return (item for item in items if not isinstance(item, Skipped))


def read_all(
    sources: Sequence[str],
    *,
    default_date: dt.date | None = None,
    stdin: TextIO | None = None,
    stdin_format: str = "auto",
    fetch: FetchConfig | Fetcher | None = None,
) -> Iterator[Document | Skipped | InputError]:
    """Like :func:`read_inputs`, also yielding what was skipped and taking fetch settings.

    Args:
        fetch: How URLs are fetched: a config for a fetcher opened on the first URL (and closed
            at the end), a fetcher to use as it is, or None for the defaults.

    Raises:
        ConfigError: ``stdin_format`` is not one of ``auto``, ``text``, ``html``, ``jsonl``.
    """
    if stdin_format not in STDIN_FORMATS:
        raise ConfigError(
            f"invalid stdin format {stdin_format!r}: expected one of {', '.join(STDIN_FORMATS)}"
        )
    return _read_all(sources, default_date, _Context(stdin, stdin_format, fetch))


def _read_all(
    sources: Sequence[str], default_date: dt.date | None, context: _Context
) -> Iterator[Document | Skipped | InputError]:
    first_seen: dict[str, str] = {}
    try:
        for source in sources:
            for item in _read_source(source, context):
                if not isinstance(item, Read):
                    yield item
                    continue
                doc = item.document
                if doc.id in first_seen:
                    first = first_seen[doc.id]
                    yield InputError(
                        item.source,
                        f"{item.where}duplicate document id {doc.id!r} (first at {first})",
                    )
                    continue
                first_seen[doc.id] = doc.origin or source
                if doc.date is None and default_date is not None:
                    doc = replace(doc, date=default_date)
                yield doc
    finally:
        context.close()


def _read_source(source: str, context: _Context) -> Iterator[SourceItem]:
    if source == STDIN:
        yield from _read_stdin(context.stdin or sys.stdin, context.stdin_format)
    elif is_url(source):
        yield from read_url(source, context.fetcher)
    elif os.path.isdir(source):
        for found in walk_folder(source):
            if isinstance(found, tuple):
                yield from _read_file(found[0], context, doc_id=found[1])
            else:
                yield found
    else:
        yield from _read_file(source, context)


def _read_file(path: str, context: _Context, doc_id: str | None = None) -> Iterator[SourceItem]:
    kind = file_kind(path) or "text"
    if kind == "jsonl":
        yield from _read_jsonl_file(path)
    elif kind == "warc":
        yield from read_warc(path)
    elif kind == "feed":
        yield from read_feed_file(path, context.fetcher)
    else:
        try:
            text = decode_utf8(read_bytes(path), path)
            check_not_blank(text, path)
        except InputError as err:
            yield err
            return
        if kind == "urls" or (kind == "text" and looks_like_url_list(text)):
            yield from read_url_list(text, path, context.fetcher)
            return
        try:
            yield Read(_single(text, kind, doc_id or _stem(path), path), path)
        except InputError as err:
            yield err


def _stem(path: str) -> str:
    name = PurePath(path).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return PurePath(name).stem or name


def _single(text: str, kind: str, doc_id: str, origin: str) -> Document:
    """One text or HTML document from decoded content (raises InputError when nothing is left)."""
    raw = Document(id=doc_id, text=normalise_newlines(text), origin=origin)
    return finish_document(raw, kind, origin, "")


def _read_jsonl_file(path: str) -> Iterator[SourceItem]:
    for item in iter_file_lines(path):
        if isinstance(item, InputError):
            yield item
        else:
            yield _jsonl_item(*item, source=path)


def _jsonl_item(lineno: int, line: str, *, source: str) -> Read | InputError:
    where = f"line {lineno}: "
    try:
        record = parse_record(line, source, lineno)
        return Read(_record_document(record, source, lineno), source, where)
    except InputError as err:
        return err


def _record_document(record: JsonlRecord, source: str, lineno: int) -> Document:
    where = f"line {lineno}: "
    date = None
    if record.date is not None:
        try:
            date = parse_date(record.date, source)
        except InputError as err:
            raise InputError(source, where + err.message) from None
    check_not_blank(record.text, source, where=where, what="text")
    raw = Document(
        id=record.id,
        text=normalise_newlines(record.text),
        date=date,
        title=record.title,
        url=record.url,
        source=record.source,
        origin=f"{source}:{lineno}",
    )
    return finish_document(raw, record.format, source, where)


def _read_stdin(stream: TextIO, stdin_format: str) -> Iterator[Read | InputError]:
    try:
        lines = iter(_stdin_lines(stream))
        head: list[str] = []
        if stdin_format == "auto":
            for line in lines:
                head.append(line)
                if line.strip():
                    break
            first = next((line for line in head if line.strip()), "")
            stdin_format = _sniff(first)
        if stdin_format == "jsonl":
            for lineno, line in iter_text_lines(_chain(head, lines)):
                yield _jsonl_item(lineno, line, source=STDIN)
            return
        text = "".join(_chain(head, lines))
        check_not_blank(text, STDIN, what="input")
        kind = "html" if stdin_format == "html" else "text"
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:STDIN_ID_HEX]
        yield Read(_single(text, kind, f"stdin-{digest}", STDIN), STDIN)
    except InputError as err:
        yield err


def _stdin_lines(stream: TextIO) -> Iterator[str]:
    """Lines of stdin, decoded strictly as UTF-8 (from the byte buffer when there is one)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        try:
            yield from stream
        except UnicodeDecodeError as exc:
            raise InputError(
                STDIN, f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x})"
            ) from None
        return
    offset = 0
    for raw in buffer:
        yield decode_utf8(raw, STDIN, offset=offset)
        offset += len(raw)


def _chain(head: Iterable[str], rest: Iterable[str]) -> Iterator[str]:
    yield from head
    yield from rest


def _sniff(first_line: str) -> str:
    stripped = first_line.strip()
    if stripped.startswith("{"):
        try:
            if isinstance(json.loads(stripped), dict):
                return "jsonl"
        except json.JSONDecodeError:
            pass
    if looks_like_html(first_line):
        return "html"
    return "text"
