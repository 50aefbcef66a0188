"""Synthetic data for tests, demos and benchmarks, reproducible from a seed.

- ``history``: years of dated, plausible events for a few dyads, with known turns, written
  straight into an :class:`~thucydides.store.EventStore` (no NLP).
- ``corpus``: synthetic news articles for pipeline benchmarks.
"""
