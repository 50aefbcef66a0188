"""What the source readers yield: documents read, inputs skipped, and the finishing step.

Every source reader (files, WARC, feeds, URLs) yields :class:`Read` (a document plus where it
came from), :class:`Skipped` (an input deliberately not read, with the reason) or an
:class:`~thucydides.errors.InputError`. :func:`finish_document` turns raw text or markup into
the document the pipeline reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from thucydides.errors import InputError
from thucydides.ingest.boilerplate import default_boilerplate
from thucydides.ingest.html import NotHtmlError, extract_html
from thucydides.ingest.web import source_domain
from thucydides.records import Document


@dataclass(frozen=True)
class Read:
    """A document read, with where to point at when it must be refused.

    Attributes:
        document: The document.
        source: The input name for an error about it.
        where: Message prefix locating it inside the input ("line 3: ") or "".
    """

    document: Document
    source: str
    where: str = ""


@dataclass(frozen=True)
class Skipped:
    """An input (or part of one) deliberately not read.

    Attributes:
        source: Where it is (path, ``path:record``, URL).
        reason: Short machine-friendly reason: ``unsupported-file``, ``not-html``.
        detail: Human-readable detail.
    """

    source: str
    reason: str
    detail: str = ""


SourceItem = Read | Skipped | InputError


def finish_document(raw: Document, kind: str, source: str, where: str = "") -> Document:
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


def web_document(
    markup: str,
    url: str,
    origin: str,
    *,
    fallback_date: dt.date | None = None,
    fallback_title: str | None = None,
    kind: str = "html",
) -> Document:
    """A document from a web page (WARC record, fetched URL, feed item body).

    Its id and url are ``url``; its source is the URL's domain; the page's own date and title
    come first, then the record's or feed's.

    Raises:
        InputError: (naming ``origin``) no article text in the page.
    """
    raw = Document(id=url, text=markup, url=url, source=source_domain(url), origin=origin)
    doc = finish_document(raw, kind, origin)
    return replace(doc, date=doc.date or fallback_date, title=doc.title or fallback_title)
