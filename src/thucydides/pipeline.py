"""The orchestrator: documents in, events out. Data flows one way through the stages:

1. **ingest** (:mod:`thucydides.ingest`): read text, HTML, JSONL or stdin into
   :class:`~thucydides.records.Document` records; bad inputs become one-line errors.
2. **nlp** (:mod:`thucydides.nlp`): sentences, tags, dependency parse, entities (spaCy).
3. **actors** (:mod:`thucydides.actors`): names, capitals, demonyms, organizations and
   office-holders resolved to codes and sectors as of the document date.
4. **coding** (:mod:`thucydides.coding`): triggers, roles, auxiliary modes and dates give
   event mentions with PLOVER/CAMEO codes.
5. **dedup** (:mod:`thucydides.dedup`): mentions of one event become one event.
6. **store** (:mod:`thucydides.store`): documents, events, mentions and actors in DuckDB,
   one transaction per batch.

:meth:`Pipeline.process_batch` is the stage contract: a function over a batch of documents
that any runner (this process, a pool, a cluster) can map.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from thucydides import __version__
from thucydides.actors import ActorResolver, KnowledgeBase
from thucydides.coding import contexts
from thucydides.coding.coder import RuleCoder
from thucydides.coding.lexicon import Lexicon
from thucydides.coding.ontology import default_ontology
from thucydides.config import PipelineConfig
from thucydides.dedup import merge
from thucydides.nlp import english_words, load_pipeline, parse
from thucydides.records import Document, Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc


class Pipeline:
    """Codes documents into events (see the module docstring for the stages)."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()

    @cached_property
    def nlp(self) -> Language:
        return load_pipeline(self.config.spacy_model)

    @cached_property
    def coder(self) -> RuleCoder:
        kb = KnowledgeBase.load(self.config.actor_files)
        lexicon = Lexicon.load(self.config.lexicon_files)
        return RuleCoder(
            lexicon,
            default_ontology(),
            ActorResolver(kb),
            unplaced_agents=self.config.unplaced_agents,
        )

    @cached_property
    def _ambiguous_names(self) -> frozenset[str]:
        """People's one-word names that are also English words to the model's lemmatizer
        ("trump", "truss", "bush"): the ones the parser misreads."""
        return self.coder.resolver.kb.person_words & english_words(self.nlp)

    @property
    def version(self) -> str:
        return f"thucydides {__version__} {self.coder.name} {self.nlp.meta.get('name', '')}"

    def process_batch(self, documents: Sequence[Document]) -> list[tuple[Document, list[Event]]]:
        """The stage function: code a batch of documents (parse, resolve, code, merge)."""
        return list(self.code_documents(documents))

    def code_documents(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Code documents lazily, in order, yielding each with its events."""
        for doc, _, events in self.code_parsed(documents):
            yield doc, events

    def code_parsed(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, SpacyDoc, list[Event]]]:
        """As :meth:`code_documents`, with the parse the events were coded from (for callers
        that read the parse again, such as the quad class of a sentence's main event)."""
        coder = self.coder
        ontology = coder.ontology
        kb = coder.resolver.kb
        for doc, sdoc in parse(
            documents,
            self.nlp,
            batch_size=self.config.batch_size,
            is_name=kb.name_words.__contains__,
            person_names=self._ambiguous_names,
            hyphenated_names=kb.hyphenated_words,
        ):
            mentions = coder(doc, sdoc)
            yield doc, sdoc, merge(doc, mentions, ontology, contexts.detect(sdoc))

    def code_text(
        self, text: str, *, date: str | dt.date | None = None, doc_id: str = "text"
    ) -> list[Event]:
        """Code one text; ``date`` is its publication date (``YYYY-MM-DD`` or a date)."""
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        doc = Document(id=doc_id, text=text, date=date)
        return next(self.code_documents([doc]))[1]


@lru_cache(maxsize=4)
def default_pipeline(spacy_model: str | None = None) -> Pipeline:
    """A process-wide pipeline with the package's data (built on first use)."""
    return Pipeline(PipelineConfig(spacy_model=spacy_model))


def code_text(
    text: str,
    date: str | dt.date | None = None,
    *,
    doc_id: str = "text",
    include_negated: bool = False,
) -> list[Event]:
    """Code one news text into events.

    >>> events = code_text("Armenia's Prime Minister visited Moscow.", date="2024-05-09")
    """
    events = default_pipeline().code_text(text, date=date, doc_id=doc_id)
    return [e for e in events if include_negated or not e.negated]


def code_documents(
    documents: Iterable[Document], *, include_negated: bool = False
) -> Iterator[tuple[Document, list[Event]]]:
    """Code many documents, yielding each with its events."""
    for doc, events in default_pipeline().code_documents(documents):
        yield doc, [e for e in events if include_negated or not e.negated]
