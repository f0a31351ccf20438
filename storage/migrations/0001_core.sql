-- Core: feeds, articles, the per-feed seen-set, id sequences and the full-text index.
-- Times are UTC seconds since the epoch (REAL), so comparisons and ranges are plain arithmetic.

CREATE TABLE feeds (
    id                   INTEGER PRIMARY KEY,
    url                  TEXT    NOT NULL UNIQUE,
    title                TEXT,
    site_url             TEXT,
    etag                 TEXT,
    last_modified        TEXT,
    interval_s           INTEGER NOT NULL,
    next_due             REAL    NOT NULL,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error           TEXT,
    last_error_at        REAL,
    last_fetched_at      REAL,
    last_ok_at           REAL,
    disabled_reason      TEXT,
    disabled_at          REAL,
    initialised          INTEGER NOT NULL DEFAULT 0,
    created_at           REAL    NOT NULL
);
CREATE INDEX feeds_due ON feeds (next_due) WHERE disabled_reason IS NULL;

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    feed_id        INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    identity       TEXT    NOT NULL,
    guid           TEXT,
    link           TEXT,
    canonical_link TEXT,
    title          TEXT    NOT NULL,
    summary        TEXT    NOT NULL,
    published      REAL    NOT NULL,
    first_seen     REAL    NOT NULL,
    updated        REAL,
    duplicate_of   INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    backlog        INTEGER NOT NULL DEFAULT 0,
    content_hash   TEXT    NOT NULL,
    signature      BLOB,
    UNIQUE (feed_id, identity)
);
CREATE INDEX articles_canonical_link ON articles (canonical_link);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Identities of items whose article was pruned: kept longer, so pruning never makes an old item look new.
-- (Live articles are their own seen-set through UNIQUE (feed_id, identity).)
CREATE TABLE seen_items (
    feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    identity   TEXT    NOT NULL,
    first_seen REAL    NOT NULL,
    PRIMARY KEY (feed_id, identity)
) WITHOUT ROWID;

-- Ids are reserved in blocks before a batch is written, like PostgreSQL sequences, so the pipeline can link
-- new rows to each other before the single transaction that stores them.
CREATE TABLE id_sequences (
    name    TEXT    PRIMARY KEY,
    next_id INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO id_sequences (name, next_id) VALUES ('articles', 1);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
    INSERT INTO articles_fts (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
