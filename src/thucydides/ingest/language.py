"""Offline language identification (py3langid: langid.py's bundled naive-Bayes model).

A document is kept when the model gives its wanted languages together a probability of at
least :data:`MIN_WANTED_PROBABILITY`, not only when a wanted language ranks first: short English
news lines full of names ("U.S. Lifts Travel Ban to Lebanon.") are often ranked as another
language, but never with English near zero.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Measured with py3langid 0.4.0 (normalised probabilities): over the 6,292 English gold and
# training texts in ../shared/gold (plover_gsr dev, petr2_gsr dev, petr_unit, NGEC synthetic,
# ConfliBERT train) the lowest P(en) was 0.026 ("United States Consulate New York, ..."); over 13
# one-sentence news texts in fr, de, es, it, pt, nl, pl, tr, ru, ar and zh the highest P(en) was
# 0.00014. 0.01 sits between the two (2.5x below the English minimum, 70x above the foreign max).
MIN_WANTED_PROBABILITY = 0.01
# Characters classified: the model's per-character cost is linear, and 4,000 characters (a
# long news article's first half) settle the language as well as the whole text.
MAX_CHARS = 4000


@dataclass(frozen=True)
class LanguageGuess:
    """The language of a text.

    Attributes:
        lang: ISO 639 code of the most probable language ("en", "fr", ...).
        probability: Its normalised probability.
        wanted: Probability that the text is in one of the wanted languages (summed).
    """

    lang: str
    probability: float
    wanted: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str, wanted: Collection[str] = ("en",)) -> LanguageGuess:
    """Rank the languages of ``text`` and sum the probability of the ``wanted`` ones."""
    ranking = _identifier().rank(text[:MAX_CHARS])
    lang, probability = ranking[0]
    wanted_set = {code.lower() for code in wanted}
    share = sum(float(p) for code, p in ranking if code in wanted_set)
    return LanguageGuess(str(lang), float(probability), share)


def is_wanted(guess: LanguageGuess) -> bool:
    """Whether a text with this guess is kept (see :data:`MIN_WANTED_PROBABILITY`)."""
    return guess.wanted >= MIN_WANTED_PROBABILITY
