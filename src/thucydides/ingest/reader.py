"""The ingest orchestrator: input names in, :class:`~thucydides.records.Document` out.

For each source, in order:

1. dispatch on the name: ``-`` is stdin; ``.jsonl``/``.ndjson`` are JSONL (one document a
   line, streamed); ``.html``/``.htm``/``.xhtml`` are HTML pages; anything else (``.txt`` and
   unknown extensions) is plain text. A ``.gz`` suffix is decompressed first.
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
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TextIO

from thucydides.errors import ConfigError, InputError
from thucydides.ingest.boilerplate import default_boilerplate
from thucydides.ingest.dates import parse_date
from thucydides.ingest.decoding import (
    check_not_blank,
    decode_utf8,
    normalise_newlines,
    read_bytes,
)
from thucydides.ingest.html import NotHtmlError, extract_html, looks_like_html
from thucydides.ingest.jsonl import (
    JsonlRecord,
    iter_file_lines,
    iter_text_lines,
    parse_record,
)
from thucydides.records import Document

STDIN = "-"
STDIN_FORMATS = ("auto", "text", "html", "jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Length of the content-hash ids given to stdin documents (hex digits of a SHA-1: 48 bits,
# collision-free for any realistic number of piped documents in one run).
STDIN_ID_HEX = 12


@dataclass(frozen=True)
class _Read:
    """A document read, with where to point at when it must be refused.

    Attributes:
        document: The document.
        source: The input name for an error about it.
        where: Message prefix locating it inside the input ("line 3: ") or "".
    """

    document: Document
    source: str
    where: str = ""


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
    if stdin_format not in STDIN_FORMATS:
        raise ConfigError(
            f"invalid stdin format {stdin_format!r}: expected one of {', '.join(STDIN_FORMATS)}"
        )
    return _read_all(sources, default_date, stdin, stdin_format)


def _read_all(
    sources: Sequence[str], default_date: dt.date | None, stdin: TextIO | None, stdin_format: str
) -> Iterator[Document | InputError]:
    first_seen: dict[str, str] = {}
    for source in sources:
        for item in _read_source(source, stdin, stdin_format):
            if isinstance(item, InputError):
                yield item
                continue
            doc = item.document
            if doc.id in first_seen:
                yield InputError(
                    item.source,
                    f"{item.where}duplicate document id {doc.id!r} (first at {first_seen[doc.id]})",
                )
                continue
            first_seen[doc.id] = doc.origin or source
            if doc.date is None and default_date is not None:
                doc = replace(doc, date=default_date)
            yield doc


def _read_source(
    source: str, stdin: TextIO | None, stdin_format: str
) -> Iterator[_Read | InputError]:
    if source == STDIN:
        yield from _read_stdin(stdin or sys.stdin, stdin_format)
        return
    kind = _kind(source)
    if kind == "jsonl":
        yield from _read_jsonl_file(source)
        return
    try:
        text = decode_utf8(read_bytes(source), source)
        check_not_blank(text, source)
        yield _Read(_single(text, kind, _stem(source), source), source)
    except InputError as err:
        yield err


def _kind(path: str) -> str:
    name = path.lower().removesuffix(".gz")
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


def _stem(path: str) -> str:
    name = PurePath(path).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return PurePath(name).stem or name


def _single(text: str, kind: str, doc_id: str, origin: str) -> Document:
    """One text or HTML document from decoded content (raises InputError when nothing is left)."""
    raw = Document(id=doc_id, text=normalise_newlines(text), origin=origin)
    return _finish(raw, kind, origin, "")


def _finish(raw: Document, kind: str, source: str, where: str) -> Document:
    """Turn a document holding the raw input text into the one the pipeline reads.

    HTML: the article body replaces the markup; the page's title and date fill what the input
    did not give. Text: trailing site boilerplate is removed (offsets are unchanged).

    Raises:
        InputError: the markup cannot be parsed, or no text is left.
    """
    if kind == "text":
        kept = default_boilerplate().strip_trailing(raw.text)
        if not kept.strip():
            raise InputError(source, f"{where}no text left after removing site boilerplate")
        return replace(raw, text=kept)
    try:
        page = extract_html(raw.text)
    except NotHtmlError as exc:
        raise InputError(source, f"{where}not HTML: {exc}") from None
    if not page.text.strip():
        raise InputError(source, f"{where}no article text found in the HTML")
    return replace(raw, text=page.text, date=raw.date or page.date, title=raw.title or page.title)


def _read_jsonl_file(path: str) -> Iterator[_Read | InputError]:
    for item in iter_file_lines(path):
        if isinstance(item, InputError):
            yield item
        else:
            yield _jsonl_item(*item, source=path)


def _jsonl_item(lineno: int, line: str, *, source: str) -> _Read | InputError:
    where = f"line {lineno}: "
    try:
        record = parse_record(line, source, lineno)
        return _Read(_record_document(record, source, lineno), source, where)
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
    return _finish(raw, record.format, source, where)


def _read_stdin(stream: TextIO, stdin_format: str) -> Iterator[_Read | InputError]:
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
        yield _Read(_single(text, kind, f"stdin-{digest}", STDIN), STDIN)
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
