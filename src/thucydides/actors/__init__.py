"""The actor stage: who is named in a text, resolved against a knowledge base.

    KnowledgeBase.load()  -> states, IGOs, regions, people (dated terms), groups, role nouns
    ActorResolver(kb)     -> resolve_span(noun phrase) / find_all(doc) over spaCy parses
    TextResolver(nlp, kb) -> resolve(text, date, context) for the ``actors`` commands

The data files and their schema are documented in ``data/README.md``.
"""

from thucydides.actors.kb import KnowledgeBase, Resolution, default_kb
from thucydides.actors.resolver import ActorMatch, ActorResolver
from thucydides.actors.service import TextResolution, TextResolver

__all__ = [
    "ActorMatch",
    "ActorResolver",
    "KnowledgeBase",
    "Resolution",
    "TextResolution",
    "TextResolver",
    "default_kb",
]
