"""The ingest stage: read news documents from files, folders, crawls, feeds, URLs or stdin.

    read_inputs(["a.txt", "page.html", "batch.jsonl.gz", "-"])  ->  Document | InputError, ...
    read_corpus(["corpus/", "CC-NEWS.warc.gz", "feeds.opml"])  ->  IngestItem, ...

:func:`read_inputs` is the simple view (documents and errors); :func:`read_corpus` adds the
language check and article deduplication and reports every skip. Modules, in the order a
document passes through them: :mod:`.reader` (dispatch on the input name, duplicate ids, default
date), :mod:`.sources` (folders, WARC, feeds, OPML, URL lists, URLs), :mod:`.fetch` (HTTP),
:mod:`.warc`, :mod:`.feeds`, :mod:`.web` (charsets, content types), :mod:`.decoding` (binary /
UTF-8 / empty checks, newline normalisation), :mod:`.jsonl` (the JSONL record model, streamed
line by line), :mod:`.html` (trafilatura body extraction with an lxml fallback, title and date
metadata), :mod:`.boilerplate` (the ``boilerplate.yaml`` line patterns), :mod:`.dates` (strict
dates), then :mod:`.corpus` with :mod:`.language` and :mod:`.duplicates` (over :mod:`.minhash`).
"""

from thucydides.ingest.corpus import IngestItem, read_corpus
from thucydides.ingest.dates import parse_date
from thucydides.ingest.duplicates import ArticleDeduplicator, DedupConfig, DuplicateCheck
from thucydides.ingest.fetch import FetchConfig, Fetcher
from thucydides.ingest.reader import read_inputs

__all__ = [
    "ArticleDeduplicator",
    "DedupConfig",
    "DuplicateCheck",
    "FetchConfig",
    "Fetcher",
    "IngestItem",
    "parse_date",
    "read_corpus",
    "read_inputs",
]
