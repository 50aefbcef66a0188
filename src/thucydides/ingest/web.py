"""Web payloads to text: charset decoding, content-type sniffing and source domains.

Shared by the WARC reader and the HTTP fetcher, which both hold raw response bytes plus a
``Content-Type`` header. Decoding order (the WHATWG encoding sniffing order, simplified): a
byte-order mark, the header's ``charset``, a ``<meta charset>`` in the first bytes, UTF-8, and
finally windows-1252, the web's legacy default, with undecodable bytes replaced.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal
from urllib.parse import urlsplit

# How far into a page a <meta charset> declaration is looked for: the HTML standard's
# prescan reads the first 1024 bytes; 4096 also catches pages with long <head> comments.
META_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
# Fallback of the WHATWG encoding standard for legacy pages that declare nothing.
LEGACY_ENCODING = "cp1252"

PayloadKind = Literal["html", "feed", "text", "other"]
_FEED_TYPES = ("rss", "atom", "xml", "opml")
# A feed's root element, after an optional XML declaration, comments and stylesheet PIs.
_FEED_ROOT = re.compile(
    rb"(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<\?[^>]*>)\s*)*<(rss|feed|opml|rdf:rdf)\b", re.I | re.S
)


def media_type(content_type: str | None) -> str:
    """The lower-case media type of a ``Content-Type`` value ("" when absent)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def payload_kind(content_type: str | None, body: bytes) -> PayloadKind:
    """Whether a response is an HTML page, a feed (RSS/Atom/OPML), plain text or other.

    The body is sniffed first (servers label feeds ``text/html`` or ``text/plain`` often
    enough), then the declared media type decides.
    """
    head = body[:1024].lstrip()
    if _FEED_ROOT.match(head):
        return "feed"
    kind = media_type(content_type)
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    if any(word in kind for word in _FEED_TYPES):
        return "feed"
    if kind == "text/plain":
        return "text"
    if not kind and head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "other"


def decode_payload(body: bytes, content_type: str | None = None) -> str:
    """Decode response bytes to text (never fails: undecodable bytes become U+FFFD)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, errors="replace")
    for declared in (_header_charset(content_type), _meta_charset(body)):
        if declared and _known(declared):
            return body.decode(declared, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode(LEGACY_ENCODING, errors="replace")


def source_domain(url: str | None) -> str | None:
    """The host of a URL, lower-case, without a leading ``www.`` (None when there is none)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:META_PRESCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True
