"""Turning raw bytes into document text: the checks every input passes.

Order of checks (each failure is one :class:`~thucydides.errors.InputError` naming the input):
binary (a NUL byte), not UTF-8 (names the first bad byte and its offset), empty or whitespace
only. Text is then normalised: a leading byte-order mark is dropped and ``\\r\\n`` / lone ``\\r``
become ``\\n``; nothing else changes, so offsets into the result are stable.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import BinaryIO

from thucydides.errors import InputError

BOM = "\ufeff"


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` to ``\\n``; a leading byte-order mark dropped."""
    text = text.removeprefix(BOM)
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_utf8(data: bytes, source: str, *, where: str = "", offset: int = 0) -> str:
    """Decode ``data`` as UTF-8 text or raise a one-line :class:`InputError`.

    Args:
        data: The raw bytes.
        source: The input's name, for the error.
        where: A prefix for the message ("line 3: ") when ``data`` is part of an input.
        offset: Where ``data`` starts in the input, added to the reported byte offset.
    """
    if b"\x00" in data:
        raise InputError(source, f"{where}binary file (contains NUL bytes), expected text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise InputError(
            source, f"{where}not UTF-8 text (byte 0x{bad:02x} at offset {offset + exc.start})"
        ) from None


def check_not_blank(text: str, source: str, *, where: str = "", what: str = "file") -> None:
    """Raise :class:`InputError` when ``text`` is empty or only whitespace."""
    if not text.strip():
        detail = "empty" if not text else "only whitespace"
        raise InputError(source, f"{where}empty {what} ({detail})")


def is_gzip(path: str) -> bool:
    """Whether the path names a gzip file by its extension."""
    return path.lower().endswith(".gz")


def check_regular_file(path: str) -> None:
    """Raise :class:`InputError` when ``path`` is missing or not a regular file."""
    if os.path.isdir(path):
        raise InputError(path, "is a directory, expected a file")
    if not os.path.exists(path):
        raise InputError(path, "no such file")


def open_binary(path: str) -> BinaryIO:
    """Open a (possibly gzip-compressed) file for binary reading; errors as InputError."""
    check_regular_file(path)
    try:
        if is_gzip(path):
            return gzip.open(path, "rb")  # type: ignore[return-value]
        return Path(path).open("rb")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def read_bytes(path: str) -> bytes:
    """The whole (decompressed) content of a single-document file."""
    with open_binary(path) as handle:
        try:
            return handle.read()
        except (OSError, EOFError) as exc:
            raise InputError(path, f"cannot read: {io_reason(exc)}") from None


def io_reason(exc: BaseException) -> str:
    """A short lower-case reason for a read failure (bad gzip, truncated, OS error)."""
    if isinstance(exc, gzip.BadGzipFile):
        return "not a gzip file"
    if isinstance(exc, EOFError):
        return "truncated gzip file"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)
