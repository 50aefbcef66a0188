"""Text keys for matching names against the knowledge base.

A name and a run of spaCy tokens meet on the same key: a tuple of normalised words. Each word is
lower-cased, stripped of accents and of every character that is not a letter or digit, so that
"U.S." == "US", "Élysée" == "Elysee", "Armenia’s" == "Armenia's" and hyphens, commas and full
stops (tokens that normalise to "") drop out. A leading "the" is not part of a key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPLIT = re.compile(r"[\s\-\u2010-\u2015/]+")
_POSSESSIVE = re.compile(r"^(.+?)(['\u2019]s)$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # news reuses few word forms; 65,536 covers a batch's vocabulary
def norm_word(text: str) -> str:
    """One token or word as it appears in a key ("" for punctuation)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalnum())


def key_of(text: str) -> tuple[str, ...]:
    """The key of a name or phrase, as spaCy would split it into tokens.

    >>> key_of("the People's Liberation Army")
    ('people', 's', 'liberation', 'army')
    """
    words: list[str] = []
    for chunk in _SPLIT.split(text.strip()):
        match = _POSSESSIVE.match(chunk)
        parts = [match.group(1), match.group(2)] if match else [chunk]
        words.extend(w for w in (norm_word(p) for p in parts) if w)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return tuple(words)


def is_acronym(text: str) -> bool:
    """True for names written in capitals ("US", "WHO", "U.N."), which match only capitals."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def is_capitalised(text: str) -> bool:
    """True when a name starts with a capital: it then does not match an all-lower-case token."""
    stripped = text[4:] if text.lower().startswith("the ") else text
    return bool(stripped) and stripped[0].isupper()


_PLURAL_ES = ("s", "sh", "ch", "x", "z")


def plural(noun: str) -> str:
    """Regular English plural of the last word of a role noun ("foreign minister" -> "...ers")."""
    head, _, last = noun.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("man"):
        return f"{prefix}{last[:-3]}men"
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return f"{prefix}{last[:-1]}ies"
    if last.endswith(_PLURAL_ES):
        return f"{prefix}{last}es"
    return f"{prefix}{last}s"
