"""The learned sentence classifier (issue #4): PLOVER type, mode, penta class and context.

It complements the rule coder: the coder finds triggers and roles precisely over the parse; the
classifier reads the whole sentence and generalises past the trigger lexicon. It needs the extra
``learn`` (``pip install 'thucydides[learn]'``); without it, :meth:`SentenceClassifier.load` raises
a :class:`~thucydides.errors.ConfigError` that says so.
"""

from thucydides.learn.prediction import Prediction, SentenceClassifier

__all__ = ["Prediction", "SentenceClassifier"]
