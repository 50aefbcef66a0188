"""A small streaming WARC reader (WARC/1.0 and 1.1, plain or one gzip member per record).

Only what ingest needs (ISO 28500; Common Crawl's CC-NEWS files): each record is a version
line, ``Name: value`` header lines, a blank line, ``Content-Length`` bytes of content and two
CRLFs. ``response`` records hold an HTTP response (status line, headers, body); ``conversion``
records (WET files) hold extracted plain text. Records are read one at a time, so memory is
bounded by the largest record kept (:data:`MAX_RECORD_BYTES`); larger ones are skipped unread.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

VERSIONS = (b"WARC/1.0", b"WARC/1.1")
# Largest record content held in memory; CC-NEWS truncates payloads at 1 MiB, so 16 MiB
# leaves room for other crawlers while bounding memory.
MAX_RECORD_BYTES = 16 * 1024 * 1024
# Longest header line accepted: a guard against reading a binary file line by line.
MAX_LINE_BYTES = 64 * 1024
_SKIP_CHUNK = 1024 * 1024


class WarcFormatError(ValueError):
    """The stream is not WARC, or a record is cut short."""


@dataclass(frozen=True)
class WarcRecord:
    """One WARC record.

    Attributes:
        number: Position in the file (1-based).
        headers: WARC headers, names lower-case.
        content: The record block (empty when it was over :data:`MAX_RECORD_BYTES`).
    """

    number: int
    headers: dict[str, str]
    content: bytes

    @property
    def type(self) -> str:
        return self.headers.get("warc-type", "").lower()


@dataclass(frozen=True)
class HttpPayload:
    """The HTTP response held by a ``response`` record.

    Attributes:
        status: The status code (0 when the status line is unreadable).
        headers: Response headers, names lower-case.
        body: The body, with chunked transfer coding and gzip/deflate content coding undone.
    """

    status: int
    headers: dict[str, str]
    body: bytes


def iter_records(handle: BinaryIO) -> Iterator[WarcRecord]:
    """Yield the records of an open (already decompressed) WARC stream.

    Raises:
        WarcFormatError: a record does not start with a WARC version line, has no valid
            ``Content-Length``, or ends before its content does.
        OSError, EOFError: from the underlying (gzip) stream, e.g. a truncated member.
    """
    number = 0
    while True:
        line = _next_nonblank(handle)
        if line is None:
            return
        number += 1
        if line.rstrip() not in VERSIONS:
            raise WarcFormatError(f"record {number}: not a WARC record (starts {line[:20]!r})")
        headers = _read_headers(handle)
        yield WarcRecord(number, headers, _read_content(handle, headers, number))


def parse_http(content: bytes) -> HttpPayload:
    """Split an HTTP response into status, headers and decoded body."""
    head, _, body = content.partition(b"\r\n\r\n")
    if not _:
        head, _, body = content.partition(b"\n\n")
    lines = head.decode("iso-8859-1").splitlines()
    status = _status(lines[0] if lines else "")
    headers = _header_dict(lines[1:])
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    return HttpPayload(status, headers, _decode_content(body, headers.get("content-encoding", "")))


def _next_nonblank(handle: BinaryIO) -> bytes | None:
    while True:
        line = handle.readline(MAX_LINE_BYTES)
        if not line:
            return None
        if line.strip():
            return line


def _read_headers(handle: BinaryIO) -> dict[str, str]:
    lines: list[str] = []
    while True:
        line = handle.readline(MAX_LINE_BYTES)
        if not line or not line.strip():
            return _header_dict(lines)
        lines.append(line.decode("utf-8", errors="replace"))


def _header_dict(lines: list[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in lines:
        name, sep, value = line.partition(":")
        if sep and name.strip():
            headers.setdefault(name.strip().lower(), value.strip())
    return headers


def _read_content(handle: BinaryIO, headers: dict[str, str], number: int) -> bytes:
    try:
        length = int(headers.get("content-length", ""))
    except ValueError:
        raise WarcFormatError(f"record {number}: missing or invalid Content-Length") from None
    if length > MAX_RECORD_BYTES:
        _skip(handle, length, number)
        return b""
    content = handle.read(length)
    if len(content) < length:
        raise WarcFormatError(f"record {number}: truncated ({len(content)} of {length} bytes)")
    return content


def _skip(handle: BinaryIO, length: int, number: int) -> None:
    left = length
    while left > 0:
        got = len(handle.read(min(left, _SKIP_CHUNK)))
        if not got:
            raise WarcFormatError(f"record {number}: truncated")
        left -= got


def _status(line: str) -> int:
    parts = line.split()
    if len(parts) >= 2 and parts[0].upper().startswith("HTTP/") and parts[1].isdigit():
        return int(parts[1])
    return 0


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    rest = body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
        except ValueError:
            return body  # not really chunked (crawlers often store the body decoded)
        if size == 0:
            break
        out += rest[:size]
        rest = rest[size + 2 :]
    return bytes(out)


def _decode_content(body: bytes, coding: str) -> bytes:
    coding = coding.strip().lower()
    if coding not in ("gzip", "x-gzip", "deflate"):
        return body
    try:
        # wbits 47 = auto-detect a zlib or gzip header; raw deflate needs -15.
        return zlib.decompressobj(47 if coding != "deflate" else 15).decompress(body)
    except zlib.error:
        try:
            return zlib.decompressobj(-15).decompress(body)
        except zlib.error:
            return body  # stored already decoded despite the header (as Common Crawl does)
