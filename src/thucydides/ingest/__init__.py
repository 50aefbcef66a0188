"""The ingest stage: read news documents from text, HTML and JSONL files or stdin.

    read_inputs(["a.txt", "page.html", "batch.jsonl.gz", "-"])  ->  Document | InputError, ...

Modules, in the order a document passes through them: :mod:`.reader` (dispatch on the input
name, duplicate ids, default date), :mod:`.decoding` (binary / UTF-8 / empty checks, newline
normalisation), :mod:`.jsonl` (the JSONL record model, streamed line by line), :mod:`.html`
(trafilatura body extraction with an lxml fallback, title and date metadata),
:mod:`.boilerplate` (the ``boilerplate.yaml`` line patterns) and :mod:`.dates` (strict dates).
"""

from thucydides.ingest.dates import parse_date
from thucydides.ingest.reader import read_inputs

__all__ = ["parse_date", "read_inputs"]
