"""JSONL documents: the record model (the edge format) and a streaming line reader.

One document a line::

    {"id": "doc-1", "text": "...", "date": "2024-05-09", "format": "text",
     "title": "...", "url": "...", "source": "..."}

``id`` and ``text`` are required strings; ``date`` (``YYYY-MM-DD``), ``format`` (``text`` or
``html``, default ``text``), ``title``, ``url`` and ``source`` are optional; other fields (gold
``events``, ``note``, ...) are ignored, so the gold files in ``../shared/gold`` read as they are.
Files are read line by line, never whole; blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from thucydides.errors import InputError
from thucydides.ingest.decoding import decode_utf8, io_reason, open_binary

# How much of a JSONL file is inspected for NUL bytes before it is read as text: the size of
# one read buffer (io.DEFAULT_BUFFER_SIZE), enough to tell a binary file from a text one.
SNIFF_BYTES = 8192


class JsonlRecord(BaseModel):
    """One JSONL document as it appears in the file (validated strictly: no type coercion)."""

    model_config = ConfigDict(extra="ignore", strict=True)

    id: str = Field(min_length=1)
    text: str
    date: str | None = None
    format: Literal["text", "html"] = "text"
    title: str | None = None
    url: str | None = None
    source: str | None = None


def parse_record(line: str, source: str, lineno: int) -> JsonlRecord:
    """Parse one JSONL line into a record.

    Raises:
        InputError: ``line N: invalid JSON: ...``, ``line N: expected a JSON object, got ...``,
            or ``line N: missing field 'text'`` / ``line N: field 'id' must be a string ...``.
    """
    where = f"line {lineno}: "
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"{where}invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise InputError(source, f"{where}expected a JSON object, got {_json_type(data)}")
    try:
        return JsonlRecord.model_validate(data)
    except ValidationError as exc:
        raise InputError(source, where + _describe(exc, data)) from None


def iter_file_lines(path: str) -> Iterator[tuple[int, str] | InputError]:
    """Yield ``(line number, text)`` for each non-blank line of a (gzipped) JSONL file.

    A file-level problem (missing, binary, unreadable, empty) ends the stream with one
    :class:`InputError`; a line that is not UTF-8 yields an error for that line only.
    """
    try:
        handle = open_binary(path)
    except InputError as err:
        yield err
        return
    with handle:
        try:
            head = handle.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(handle, "peek") else b""
        except (OSError, EOFError) as exc:
            yield InputError(path, f"cannot read: {io_reason(exc)}")
            return
        if b"\x00" in head:
            yield InputError(path, "binary file (contains NUL bytes), expected text")
            return
        yield from _decoded_lines(handle, path)


def _decoded_lines(handle: Iterable[bytes], path: str) -> Iterator[tuple[int, str] | InputError]:
    any_line = False
    lineno = 0
    try:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            any_line = True
            try:
                yield lineno, decode_utf8(raw, path, where=f"line {lineno}: ")
            except InputError as err:
                yield err
    except (OSError, EOFError) as exc:
        yield InputError(path, f"line {lineno + 1}: cannot read: {io_reason(exc)}")
        return
    if not any_line:
        yield InputError(path, "empty file (no JSONL records)")


def iter_text_lines(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Number the non-blank lines of already-decoded text (stdin)."""
    for lineno, line in enumerate(lines, start=1):
        if line.strip():
            yield lineno, line


def _json_type(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"


def _describe(exc: ValidationError, data: dict[str, Any]) -> str:
    problems = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"])
        if error["type"] == "missing":
            problems.append(f"missing field {field!r}")
        elif error["type"] == "string_too_short":
            problems.append(f"field {field!r} is empty")
        elif error["type"] == "literal_error":
            problems.append(f"field {field!r} must be 'text' or 'html', got {data.get(field)!r}")
        else:
            got = _json_type(data.get(field)) if field in data else "nothing"
            problems.append(f"field {field!r} must be a string, got {got}")
    return "; ".join(dict.fromkeys(problems))
