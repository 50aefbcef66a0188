"""RSS 2.0, RSS 1.0 (RDF), Atom and OPML documents, parsed with the standard library.

A feed yields :class:`FeedItem` s (link, title, date and whatever body the feed carries: full
``content:encoded`` / Atom ``content`` first, else ``description`` / ``summary``); an OPML list
yields the feed URLs of its outlines (``xmlUrl``). Element names are matched without their
namespace, so feeds that declare unusual prefixes still parse.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from copy import deepcopy as copy_element
from dataclasses import dataclass
from typing import Literal

from thucydides.ingest.dates import try_parse_date

FeedKind = Literal["rss", "atom", "opml"]
# Item body elements, best first: full content, then summaries (local names, no namespace).
CONTENT_TAGS = ("encoded", "content", "description", "summary")
# Item date elements, best first: publication before update.
DATE_TAGS = ("published", "pubDate", "date", "issued", "updated", "modified")


class FeedError(ValueError):
    """The XML is malformed or not a feed/OPML document."""


@dataclass(frozen=True)
class FeedItem:
    """One feed entry.

    Attributes:
        link: The article URL, or None.
        title: The headline, or None.
        date: The publication (else update) date, or None.
        guid: The entry's own id (RSS ``guid``, Atom ``id``), or None.
        body: The entry's HTML or text body ("" when the feed gives none).
    """

    link: str | None
    title: str | None
    date: dt.date | None
    guid: str | None
    body: str


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed or OPML list.

    Attributes:
        kind: ``rss``, ``atom`` or ``opml``.
        items: The feed's entries, in document order (empty for OPML).
        feeds: The OPML list's feed URLs, in document order (empty for feeds).
    """

    kind: FeedKind
    items: tuple[FeedItem, ...] = ()
    feeds: tuple[str, ...] = ()


def parse_feed(data: bytes | str) -> ParsedFeed:
    """Parse an RSS, Atom or OPML document.

    Raises:
        FeedError: ``malformed XML: ...`` or ``not an RSS, Atom or OPML document (root <x>)``.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedError(f"malformed XML: {exc}") from None
    name = _local(root.tag)
    if name == "rss" or name.lower() == "rdf":
        return ParsedFeed("rss", items=tuple(_item(e) for e in _all(root, "item")))
    if name == "feed":
        return ParsedFeed("atom", items=tuple(_item(e) for e in _all(root, "entry")))
    if name == "opml":
        urls = (e.get("xmlUrl") or e.get("xmlurl") for e in _all(root, "outline"))
        return ParsedFeed("opml", feeds=tuple(url.strip() for url in urls if url and url.strip()))
    raise FeedError(f"not an RSS, Atom or OPML document (root <{name}>)")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _all(root: ET.Element, name: str) -> list[ET.Element]:
    return [element for element in root.iter() if _local(element.tag) == name]


def _children(entry: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in entry if _local(child.tag) == name]


def _text(entry: ET.Element, name: str) -> str | None:
    for child in _children(entry, name):
        text = " ".join("".join(child.itertext()).split())
        if text:
            return text
    return None


def _item(entry: ET.Element) -> FeedItem:
    return FeedItem(
        link=_link(entry),
        title=_text(entry, "title"),
        date=_item_date(entry),
        guid=_text(entry, "guid") or _text(entry, "id"),
        body=_body(entry),
    )


def _link(entry: ET.Element) -> str | None:
    for link in _children(entry, "link"):
        href = link.get("href")
        if href is not None:  # Atom: <link rel="alternate" href="..."/>
            if link.get("rel", "alternate") == "alternate" and href.strip():
                return href.strip()
        elif link.text and link.text.strip():  # RSS: <link>url</link>
            return link.text.strip()
    guid = next(iter(_children(entry, "guid")), None)
    if guid is not None and guid.get("isPermaLink", "true") == "true" and guid.text:
        text = guid.text.strip()
        return text if text.startswith(("http://", "https://")) else None
    return None


def _body(entry: ET.Element) -> str:
    for name in CONTENT_TAGS:
        for child in _children(entry, name):
            if len(child):  # Atom type="xhtml": markup as child elements
                markup = "".join(_plain_markup(part) for part in child)
            else:
                markup = child.text or ""
            if markup.strip():
                return markup.strip()
    return ""


def _plain_markup(element: ET.Element) -> str:
    """An element serialised with its XHTML namespace dropped (``<p>``, not ``<html:p>``)."""
    copy = copy_element(element)
    for node in copy.iter():
        node.tag = _local(node.tag)
    return ET.tostring(copy, encoding="unicode")


def _item_date(entry: ET.Element) -> dt.date | None:
    for name in DATE_TAGS:
        value = _text(entry, name)
        date = _parse_feed_date(value)
        if date is not None:
            return date
    return None


def _parse_feed_date(value: str | None) -> dt.date | None:
    """An ISO 8601 (Atom, Dublin Core) or RFC 822 (RSS ``pubDate``) date, else None."""
    if not value:
        return None
    iso = try_parse_date(value)
    if iso is not None:
        return iso
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
