"""HTML pages to article text: body extraction, boilerplate removal, title and date metadata.

Cascade, in order:

1. Metadata from the page head (lxml): title from ``og:title`` / ``twitter:title``, else
   ``<title>``, else the first ``<h1>``; publication date from ``article:published_time`` (and
   its aliases), else JSON-LD ``datePublished``, else the first ``<time datetime>``.
2. Pruning: boilerplate elements are dropped (tags and class/id patterns from
   ``boilerplate.yaml``), so that trafilatura's own fallback on short pages, which keeps
   everything, never sees navigation, cookie banners or share bars.
3. Article body from trafilatura (which also removes what pruning missed); when it finds
   nothing, a fallback collects the block elements (paragraphs, headings, list items) of the
   first ``<article>``, else ``<main>``, else ``<body>``.
4. Both bodies then lose whole boilerplate lines ("Share.", "Exit mobile version", cookie
   notices) and a leading line that repeats the title; paragraphs are joined by a blank line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from thucydides.ingest.boilerplate import Boilerplate, default_boilerplate
from thucydides.ingest.dates import try_parse_date

# <meta> attributes (property= or name= or itemprop=) that carry the title / publication
# date, in order of preference (Open Graph, Twitter cards, schema.org microdata, Dublin Core).
TITLE_META = ("og:title", "twitter:title")
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dc.date",
)
# Block elements whose text the fallback extractor keeps, one paragraph each.
# Containers never dropped by class/id (themes put "has-sidebar" on <body>).
KEEP_TAGS = frozenset({"html", "body", "article", "main"})
# An element matched only by its class/id is kept when it holds at least this share of the
# page's text: it is then the content wrapper ("post has-share-bar"), not a widget. One half is
# a judgement call (a widget is never most of a news page), not a calibrated value.
MAX_DROPPED_SHARE = 0.5
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class HtmlPage:
    """What an HTML page yields.

    Attributes:
        text: The article body, paragraphs separated by a blank line ("" when none was found).
        title: The headline from the page metadata, or None.
        date: The publication date from the page metadata, or None.
    """

    text: str
    title: str | None
    date: dt.date | None


class NotHtmlError(ValueError):
    """The markup could not be parsed at all."""


def extract_html(markup: str, boilerplate: Boilerplate | None = None) -> HtmlPage:
    """Extract the article text, title and publication date of an HTML page.

    Raises:
        NotHtmlError: lxml cannot build a tree from ``markup``.
    """
    rules = boilerplate or default_boilerplate()
    tree = _parse(markup)
    title, date = _title(tree), _date(tree)  # before pruning removes <head> content
    root = tree.getroot()
    _prune(root, rules)
    body = trafilatura.extract(
        lxml.html.tostring(root, encoding="unicode"),
        include_comments=False,
        include_tables=False,
        with_metadata=False,
    )
    lines = body.split("\n") if body else fallback_lines(root)
    return HtmlPage(text=_clean(lines, title, rules), title=title, date=date)


def looks_like_html(text: str) -> bool:
    """Whether text starts like an HTML document or fragment (used to sniff stdin)."""
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.match(r"<(head|body|article|div|p|meta|title)\b", head)
    )


# The markup is already decoded text: tell lxml its bytes are UTF-8, or it guesses Latin-1 for
# pages without a <meta charset> (and ignores a stale one that no longer applies).
_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")


def _parse(markup: str) -> Any:
    try:
        tree = lxml.html.fromstring(markup.encode("utf-8"), parser=_UTF8_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NotHtmlError(str(exc) or "empty document") from exc
    return tree.getroottree()


def _meta(tree: Any, names: tuple[str, ...]) -> str | None:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key in names and content and key not in found:
            found[key] = content
    return next((found[name] for name in names if name in found), None)


def _text_of(element: Any) -> str:
    return " ".join(element.text_content().split())


def _title(tree: Any) -> str | None:
    title = _meta(tree, TITLE_META)
    if title:
        return " ".join(title.split())
    for tag in ("title", "h1"):
        element = next(tree.iter(tag), None)
        if element is not None and _text_of(element):
            return _text_of(element)
    return None


def _json_ld_dates(tree: Any) -> Iterator[str]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except json.JSONDecodeError:
            continue
        yield from _find_key(data, "datePublished")


def _find_key(data: Any, key: str) -> Iterator[str]:
    if isinstance(data, dict):
        if isinstance(data.get(key), str):
            yield data[key]
        for value in data.values():
            yield from _find_key(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from _find_key(item, key)


def _date(tree: Any) -> dt.date | None:
    candidates = [_meta(tree, DATE_META)]
    candidates.extend(_json_ld_dates(tree))
    candidates.extend(element.get("datetime") for element in tree.iter("time"))
    for candidate in candidates:
        date = try_parse_date(candidate)
        if date is not None:
            return date
    return None


def _prune(root: Any, rules: Boilerplate) -> None:
    """Drop boilerplate elements (by tag, or by class/id unless they hold most of the text)."""
    total = len(_text_of(root)) or 1
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        if element.getparent() is None:
            continue
        tag = element.tag.lower()
        attrs = f"{element.get('class') or ''} {element.get('id') or ''}"
        if tag in rules.drop_tags or (
            tag not in KEEP_TAGS
            and rules.drop_attr.search(attrs)
            and len(_text_of(element)) / total < MAX_DROPPED_SHARE
        ):
            element.drop_tree()  # keeps the text that follows the element


def fallback_lines(root: Any) -> list[str]:
    """The text of the top-level block elements under the content root, one line each."""
    scope = _content_root(root)
    blocks = [
        element
        for element in scope.iter(*BLOCK_TAGS)
        if not any(ancestor.tag in BLOCK_TAGS for ancestor in element.iterancestors())
    ]
    if blocks:
        return [_text_of(element) for element in blocks]
    return scope.text_content().split("\n")


def _content_root(root: Any) -> Any:
    """The first <article>, else <main>, else <body>, else the whole tree."""
    for tag in ("article", "main", "body"):
        found = next(root.iter(tag), None)
        if found is not None:
            return found
    return root


def _clean(lines: list[str], title: str | None, rules: Boilerplate) -> str:
    kept = [" ".join(line.split()) for line in lines]
    kept = rules.drop_lines([line for line in kept if line])
    if kept and title and kept[0].casefold() == title.casefold():
        kept = kept[1:]
    return PARAGRAPH_SEPARATOR.join(kept)
