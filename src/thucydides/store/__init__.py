"""The store stage: coded documents and their events in an embedded DuckDB database.

    store = EventStore("events.duckdb")
    store.write([(document, events)], coder_version="plover.v1")
    store.events(doc_id=document.id)        # the events written, as records.Event

The tables (documents, events, event_actors, mentions, meta) are described column by column
in ``SCHEMA.md`` beside this file; ``schema.sql`` creates them.
"""

from ._store import SCHEMA_VERSION, EventStore

__all__ = ["SCHEMA_VERSION", "EventStore"]
