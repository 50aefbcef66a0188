"""Readers for the corpus sources: folders, WARC files, feeds, OPML lists and URLs.

Each reader yields :class:`~thucydides.ingest.items.Read`, :class:`~.items.Skipped` or
:class:`~thucydides.errors.InputError` items and never raises for a bad input.

* **Folders** are walked recursively (a folder's files in name order, then its subfolders in
  name order); hidden entries are ignored, and files of
  unsupported types are skipped (and reported as such). A file's id is its path relative to
  the folder without its extensions ("2024/05/story").
* **WARC** (``.warc``, ``.wet``, optionally ``.gz``; Common Crawl's CC-NEWS): each
  ``response`` record with an HTML 200 answer is a page, with the record's URL, and its
  ``WARC-Date`` as the date when the page declares none; ``conversion`` records (WET) are
  plain text; other responses are skipped.
* **Feeds** (RSS, Atom; ``.rss``, ``.atom``, ``.xml``): an item carrying a body is a document;
  one without is fetched from its link. **OPML** (``.opml``) lists feeds, each fetched.
* **URLs** (``http(s)://`` arguments, lines of a ``.urls`` file, or a ``.txt`` file holding
  only URLs): fetched, then read as a page, a feed, an OPML list or plain text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from thucydides.errors import InputError
from thucydides.ingest.dates import try_parse_date
from thucydides.ingest.decoding import io_reason, open_binary
from thucydides.ingest.feeds import FeedError, FeedItem, parse_feed
from thucydides.ingest.fetch import Fetcher
from thucydides.ingest.items import Read, Skipped, SourceItem, finish_document, web_document
from thucydides.ingest.warc import WarcFormatError, WarcRecord, iter_records, parse_http
from thucydides.ingest.web import decode_payload, media_type, payload_kind, source_domain
from thucydides.records import Document

GetFetcher = Callable[[], Fetcher]

URL_PREFIXES = ("http://", "https://")
_URL_LINE = re.compile(r"https?://\S+")
# Suffixes (before an optional .gz) of each kind of input file.
SUFFIXES = {
    "jsonl": (".jsonl", ".ndjson"),
    "html": (".html", ".htm", ".xhtml"),
    "warc": (".warc", ".wet"),
    "feed": (".rss", ".atom", ".xml", ".opml"),
    "urls": (".urls",),
    "text": (".txt", ".text"),
}
# OPML -> feed -> page: how deep fetched lists may nest.
MAX_FETCH_DEPTH = 2


def file_kind(path: str) -> str | None:
    """The kind of input a file name announces, or None for an unknown extension."""
    name = path.lower().removesuffix(".gz")
    for kind, suffixes in SUFFIXES.items():
        if name.endswith(suffixes):
            return kind
    return None


def is_url(source: str) -> bool:
    """Whether an input name is an http(s) URL."""
    return source.lower().startswith(URL_PREFIXES)


def doc_id_for(path: Path, root: Path) -> str:
    """A folder file's id: its path under ``root`` without extensions ("a/story")."""
    relative = path.relative_to(root)
    name = relative.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return (relative.parent / stem).as_posix()


def walk_folder(root: str) -> Iterator[tuple[str, str] | Skipped | InputError]:
    """``(path, id)`` of each supported file under ``root``, sorted; others as Skipped."""
    base = Path(root)
    found = False
    for folder, dirs, files in os.walk(base, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if file_kind(name) is None:
                yield Skipped(str(path), "unsupported-file", "unsupported file type")
                continue
            found = True
            yield str(path), doc_id_for(path, base)
    if not found:
        yield InputError(root, "no readable files in folder")


def looks_like_url_list(text: str) -> bool:
    """Whether every non-blank, non-comment line of ``text`` is an http(s) URL."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    return bool(lines) and all(_URL_LINE.fullmatch(line) for line in lines)


def read_url_list(text: str, source: str, fetcher: GetFetcher) -> Iterator[SourceItem]:
    """Fetch each URL of a URL list (one a line; blank lines and ``#`` comments ignored)."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not _URL_LINE.fullmatch(url):
            yield InputError(source, f"line {lineno}: not an http(s) URL: {url!r}")
            continue
        yield from read_url(url, fetcher, origin=f"{source}:{lineno}")


def read_url(
    url: str, fetcher: GetFetcher, *, origin: str | None = None, depth: int = 0
) -> Iterator[SourceItem]:
    """Fetch ``url`` and read it as a page, a feed, an OPML list or plain text."""
    try:
        response = fetcher().get(url)
    except InputError as err:
        yield err
        return
    origin = origin or url
    kind = payload_kind(response.content_type, response.body)
    if kind == "feed":
        yield from _feed_items(response.body, url, fetcher, depth)
        return
    if kind not in ("html", "text"):
        ctype = media_type(response.content_type) or "none"
        yield Skipped(url, "unsupported-content", f"unsupported content type {ctype}")
        return
    text = decode_payload(response.body, response.content_type)
    try:
        yield Read(web_document(text, response.url, origin, kind=kind), origin)
    except InputError as err:
        yield InputError(url, err.message)


def read_feed_file(path: str, fetcher: GetFetcher) -> Iterator[SourceItem]:
    """The items of a local RSS/Atom file, or the feeds of a local OPML list."""
    try:
        with open_binary(path) as handle:
            data = handle.read()
    except InputError as err:
        yield err
        return
    except (OSError, EOFError) as exc:
        yield InputError(path, f"cannot read: {io_reason(exc)}")
        return
    yield from _feed_items(data, path, fetcher, 0)


def _feed_items(data: bytes, source: str, fetcher: GetFetcher, depth: int) -> Iterator[SourceItem]:
    try:
        feed = parse_feed(data)
    except FeedError as exc:
        yield InputError(source, str(exc))
        return
    if feed.kind == "opml":
        if depth >= MAX_FETCH_DEPTH:
            yield InputError(source, "OPML list nested too deep")
            return
        for url in feed.feeds:
            yield from read_url(url, fetcher, depth=depth + 1)
        return
    if not feed.items:
        yield InputError(source, f"{feed.kind} feed has no items")
    for number, item in enumerate(feed.items, start=1):
        yield from _feed_item(item, f"{source}#{number}", fetcher, depth)


def _feed_item(
    item: FeedItem, origin: str, fetcher: GetFetcher, depth: int
) -> Iterator[SourceItem]:
    doc_id = item.link or item.guid or origin
    if item.body:
        raw = Document(
            id=doc_id,
            text=item.body,
            date=item.date,
            title=item.title,
            url=item.link,
            source=source_domain(item.link),
            origin=origin,
        )
        try:
            yield Read(finish_document(raw, "html", origin), origin)
        except InputError as err:
            yield err
        return
    if not item.link:
        yield InputError(origin, "feed item has neither a body nor a link")
        return
    for found in read_url(item.link, fetcher, origin=origin, depth=depth + 1):
        if isinstance(found, Read):
            doc = found.document
            doc = replace(doc, date=doc.date or item.date, title=doc.title or item.title)
            found = replace(found, document=doc)
        yield found


def read_warc(path: str) -> Iterator[SourceItem]:
    """The pages of a WARC file (see the module docstring); a damaged tail ends it."""
    try:
        handle = open_binary(path)
    except InputError as err:
        yield err
        return
    number = 0
    with handle:
        try:
            for record in iter_records(handle):
                number = record.number
                yield from _warc_record(record, path)
        except WarcFormatError as exc:
            yield InputError(path, str(exc))
        except (OSError, EOFError) as exc:
            yield InputError(path, f"record {number + 1}: cannot read: {io_reason(exc)}")


def _warc_record(record: WarcRecord, path: str) -> Iterator[SourceItem]:
    if record.type not in ("response", "conversion"):
        return
    origin = f"{path}:{record.number}"
    url = record.headers.get("warc-target-uri", "").strip("<> ") or origin
    date = try_parse_date(record.headers.get("warc-date"))
    if record.type == "conversion":
        kind, text = "text", decode_payload(record.content, "text/plain; charset=utf-8")
    else:
        http = parse_http(record.content)
        content_type = http.headers.get("content-type")
        if http.status != 200 or payload_kind(content_type, http.body) != "html":
            detail = f"HTTP {http.status} {media_type(content_type) or 'no content type'}"
            yield Skipped(origin, "not-html", detail)
            return
        kind, text = "html", decode_payload(http.body, content_type)
    try:
        yield Read(web_document(text, url, origin, fallback_date=date, kind=kind), origin)
    except InputError as err:
        yield err
