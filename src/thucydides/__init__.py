"""thucydides: offline political event data.

Who did what to whom, when, coded from news text into PLOVER/CAMEO events, each traceable to
the sentences that report it.

    >>> import thucydides
    >>> events = thucydides.code_text(text, date="2024-05-09")
"""

from __future__ import annotations

__version__ = "0.1.0"

from thucydides.errors import (
    ConfigError,
    InputError,
    ModelNotFoundError,
    StoreError,
    ThucydidesError,
)
from thucydides.records import Actor, Document, Event, Location, Mention


def __getattr__(name: str) -> object:
    # The pipeline pulls in spaCy; import it on first use so `import thucydides` stays light.
    if name in ("code_text", "code_documents", "Pipeline", "PipelineConfig"):
        from thucydides import pipeline

        return getattr(pipeline, name)
    if name in ("relations", "DyadSeries"):
        from thucydides import analysis

        return getattr(analysis, name)
    if name == "EventStore":
        from thucydides.store import EventStore

        return EventStore
    raise AttributeError(f"module 'thucydides' has no attribute {name!r}")


__all__ = [
    "Actor",
    "ConfigError",
    "Document",
    "DyadSeries",
    "Event",
    "EventStore",
    "InputError",
    "Location",
    "Mention",
    "ModelNotFoundError",
    "Pipeline",
    "PipelineConfig",
    "StoreError",
    "ThucydidesError",
    "__version__",
    "code_documents",
    "code_text",
    "relations",
]
