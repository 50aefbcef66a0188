"""The corpus view of ingest: every input item with its language and duplicate status.

    read_corpus(["crawl/", "CC-NEWS-2024.warc.gz"], langs={"en"})  ->  IngestItem, ...

After :func:`~thucydides.ingest.reader.read_all` has read a document (any source), in order:

1. **language** (:mod:`.language`): a document not in one of ``langs`` is skipped;
2. **exact and near duplicates** (:mod:`.duplicates`): a copy of an article seen earlier in
   the run (or in a loaded index) is skipped, naming the canonical article it copies.

Nothing is dropped silently: skipped documents, skipped inputs and errors are items too, so a
caller can count and record them (``collections.Counter(item.outcome for item in items)``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from thucydides.errors import InputError
from thucydides.ingest.duplicates import ArticleDeduplicator, DedupConfig, DuplicateKind
from thucydides.ingest.fetch import FetchConfig, Fetcher
from thucydides.ingest.items import Skipped
from thucydides.ingest.language import guess_language, is_wanted
from thucydides.ingest.reader import read_all
from thucydides.records import Document


@dataclass(frozen=True)
class IngestItem:
    """One thing met while reading a corpus: a document, a skip or an error.

    Attributes:
        document: The document (None for an error or a skipped input).
        error: Why an input could not be read (None otherwise).
        skipped: Why it is not passed on: ``language``, ``duplicate``, or for inputs
            ``unsupported-file``, ``unsupported-content``, ``not-html``. None when accepted.
        source: The input (or the document's origin).
        detail: Human-readable detail of a skip.
        lang: Detected language code, when the language was checked.
        content_hash: Hex BLAKE2b-128 of the whitespace-collapsed text, when deduplicated.
        duplicate_of: Id of the canonical article this one copies.
        duplicate_kind: ``exact`` or ``near``.
        similarity: Estimated overlap with the canonical article (1.0 for exact copies).
    """

    document: Document | None = None
    error: InputError | None = None
    skipped: str | None = None
    source: str = ""
    detail: str = ""
    lang: str | None = None
    content_hash: str | None = None
    duplicate_of: str | None = None
    duplicate_kind: DuplicateKind | None = None
    similarity: float | None = None

    @property
    def accepted(self) -> bool:
        """Whether this is a document to code."""
        return self.document is not None and self.error is None and self.skipped is None

    @property
    def outcome(self) -> str:
        """``read``, ``error`` or the skip reason: a key for counting."""
        if self.error is not None:
            return "error"
        return self.skipped or "read"


def read_corpus(
    sources: Sequence[str],
    *,
    default_date: dt.date | None = None,
    stdin: TextIO | None = None,
    stdin_format: str = "auto",
    langs: Collection[str] | None = ("en",),
    dedup: ArticleDeduplicator | DedupConfig | bool = True,
    fetch: FetchConfig | Fetcher | None = None,
) -> Iterator[IngestItem]:
    """Read every source and yield each document with its language and duplicate status.

    Args:
        sources: As :func:`~thucydides.ingest.read_inputs` takes them, plus folders, WARC,
            feed, OPML and URL-list files, and http(s) URLs.
        default_date: Publication date for documents that carry none of their own.
        stdin: Where ``-`` reads from.
        stdin_format: As :func:`~thucydides.ingest.read_inputs`.
        langs: Language codes to keep (ISO 639-1, "en"); None keeps every language unchecked.
        dedup: True for a fresh index, a config for a fresh index with those settings, an
            index to use (and extend; e.g. one loaded to resume a run), or False for none.
        fetch: Fetch settings or a fetcher for URLs (None: the defaults).

    Raises:
        ConfigError: ``stdin_format`` is invalid.
    """
    items = read_all(
        sources, default_date=default_date, stdin=stdin, stdin_format=stdin_format, fetch=fetch
    )
    index = _index(dedup)
    wanted = tuple(code.lower() for code in langs) if langs is not None else None
    return _classify(items, wanted, index)


def _index(dedup: ArticleDeduplicator | DedupConfig | bool) -> ArticleDeduplicator | None:
    if isinstance(dedup, ArticleDeduplicator):
        return dedup
    if isinstance(dedup, DedupConfig):
        return ArticleDeduplicator(dedup)
    return ArticleDeduplicator() if dedup else None


def _classify(
    items: Iterator[Document | Skipped | InputError],
    wanted: tuple[str, ...] | None,
    index: ArticleDeduplicator | None,
) -> Iterator[IngestItem]:
    for item in items:
        if isinstance(item, InputError):
            yield IngestItem(error=item, source=item.source)
        elif isinstance(item, Skipped):
            yield IngestItem(skipped=item.reason, source=item.source, detail=item.detail)
        else:
            yield _check(item, wanted, index)


def _check(
    doc: Document, wanted: tuple[str, ...] | None, index: ArticleDeduplicator | None
) -> IngestItem:
    source = doc.origin or doc.id
    lang = None
    if wanted is not None:
        guess = guess_language(doc.text, wanted)
        lang = guess.lang
        if not is_wanted(guess):
            detail = f"language {guess.lang} ({guess.probability:.2f}), want {', '.join(wanted)}"
            return IngestItem(doc, skipped="language", source=source, detail=detail, lang=lang)
    if index is None:
        return IngestItem(doc, source=source, lang=lang)
    found = index.check(doc.id, doc.text)
    if found.duplicate_of is None:
        return IngestItem(doc, source=source, lang=lang, content_hash=found.content_hash)
    return IngestItem(
        doc,
        skipped="duplicate",
        source=source,
        detail=f"{found.kind} copy of {found.duplicate_of!r}",
        lang=lang,
        content_hash=found.content_hash,
        duplicate_of=found.duplicate_of,
        duplicate_kind=found.kind,
        similarity=found.similarity,
    )
