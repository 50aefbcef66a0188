"""Document-level PLOVER contexts ("military", "diplomatic", "economic", ...).

A context applies to a document when words of its keyword list (``data/contexts.yaml``) occur
at least :data:`MIN_HITS` times. Every event of the document carries the document's contexts
after the context its own CAMEO code implies.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc

#: Two keyword hits: one stray word ("a military base") should not label a whole article.
#: Set by judgement, not tuned on a gold set.
MIN_HITS = 2


@lru_cache(maxsize=1)
def keywords() -> dict[str, frozenset[str]]:
    """Context name -> lower-case lemmas that signal it."""
    raw = yaml.safe_load(
        resources.files("thucydides.coding").joinpath("data/contexts.yaml").read_text()
    )
    return {name: frozenset(str(w).lower() for w in words) for name, words in raw.items()}


@lru_cache(maxsize=1)
def _contexts_of() -> dict[str, tuple[str, ...]]:
    """Lemma -> the contexts it signals, in the order of the keyword file."""
    out: dict[str, list[str]] = {}
    for name, words in keywords().items():
        for word in words:
            out.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in out.items()}


def detect(sdoc: Doc) -> tuple[str, ...]:
    """Contexts of a parsed document, most signalled first."""
    hits: dict[str, int] = {}
    signals = _contexts_of()
    for tok in sdoc:
        for name in signals.get(tok.lemma_.lower(), ()):
            hits[name] = hits.get(name, 0) + 1
    ranked = sorted((n for n, c in hits.items() if c >= MIN_HITS), key=lambda n: -hits[n])
    return tuple(ranked)
