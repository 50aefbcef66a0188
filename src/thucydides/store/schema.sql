-- The events store, schema version 1. Every table and column is described in SCHEMA.md;
-- a test checks that the two agree. Statements are separated by ';' and run in order when a
-- store is opened, so each one must be idempotent (IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    date DATE,
    title VARCHAR,
    url VARCHAR,
    source VARCHAR,
    origin VARCHAR,
    text VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    coded_at TIMESTAMP NOT NULL,
    coder_version VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    event VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR NOT NULL,
    quad INTEGER,
    goldstein DOUBLE,
    plover_score DOUBLE,
    context VARCHAR[] NOT NULL,
    date VARCHAR,
    date_precision VARCHAR,
    aux VARCHAR,
    day DATE,
    actor_code VARCHAR,
    actor_sector VARCHAR,
    recipient_code VARCHAR,
    recipient_sector VARCHAR,
    num_mentions INTEGER NOT NULL,
    first_offset INTEGER,
    location_name VARCHAR,
    location_country VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    confidence DOUBLE NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);

CREATE TABLE IF NOT EXISTS event_actors (
    doc_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL CHECK (role IN ('actor', 'recipient')),
    seq INTEGER NOT NULL,
    code VARCHAR,
    sector VARCHAR,
    name VARCHAR,
    text VARCHAR NOT NULL,
    entry VARCHAR,
    PRIMARY KEY (doc_id, event_id, role, seq)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    trigger VARCHAR NOT NULL,
    trigger_start INTEGER,
    PRIMARY KEY (doc_id, event_id, sentence)
);
