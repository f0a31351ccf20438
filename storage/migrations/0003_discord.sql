-- Discord: guilds, their subscriptions, watches and briefing schedules; posts already made; the outbox.
-- Every row that belongs to a server carries its guild_id, and every query filters on it.
-- Subscriptions, watches and schedules never reuse an id (AUTOINCREMENT): outbox keys and alerts name them.

CREATE TABLE guilds (
    guild_id  INTEGER PRIMARY KEY,
    name      TEXT,
    joined_at REAL NOT NULL,
    left_at   REAL
);

CREATE TABLE subscriptions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    channel_id    INTEGER NOT NULL,
    feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    paused        INTEGER NOT NULL DEFAULT 0,
    broken_reason TEXT,
    created_by    INTEGER,
    created_at    REAL    NOT NULL,
    UNIQUE (guild_id, channel_id, feed_id)
);
CREATE INDEX subscriptions_feed ON subscriptions (feed_id);

-- kind: 'actor' (value is an actor id), 'phrase' (value is text) or 'breaking' (value empty).
CREATE TABLE watches (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id       INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    channel_id     INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    value          TEXT    NOT NULL DEFAULT '',
    min_publishers INTEGER,
    within_minutes INTEGER,
    broken_reason  TEXT,
    created_by     INTEGER,
    created_at     REAL    NOT NULL,
    UNIQUE (guild_id, channel_id, kind, value)
);
CREATE INDEX watches_guild ON watches (guild_id);

CREATE TABLE schedules (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id        INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    channel_id      INTEGER NOT NULL,
    local_time      TEXT    NOT NULL,          -- HH:MM
    timezone        TEXT    NOT NULL,          -- IANA name
    weekdays        TEXT    NOT NULL,          -- e.g. "0123456", Monday = 0
    hours           INTEGER NOT NULL DEFAULT 24,
    country         TEXT,
    domain          TEXT,
    last_local_date TEXT,                      -- the local date of the last briefing sent or skipped
    broken_reason   TEXT,
    created_by      INTEGER,
    created_at      REAL    NOT NULL
);
CREATE INDEX schedules_guild ON schedules (guild_id);

-- One post per story per channel, whatever feed or copy brought it.
CREATE TABLE channel_stories (
    channel_id INTEGER NOT NULL,
    story_id   INTEGER NOT NULL,
    guild_id   INTEGER NOT NULL,
    posted_at  REAL    NOT NULL,
    PRIMARY KEY (channel_id, story_id)
) WITHOUT ROWID;

-- Alerts already decided (watch or breaking), once per story, and the breaking cooldown per channel.
CREATE TABLE alerts (
    watch_id   INTEGER NOT NULL,
    story_id   INTEGER NOT NULL,
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    created_at REAL    NOT NULL,
    PRIMARY KEY (watch_id, story_id)
) WITHOUT ROWID;
CREATE INDEX alerts_channel ON alerts (channel_id, created_at);

-- Every message is written here first, in the transaction that decides to send it; the sender drains it.
-- status: 'pending', 'sent' or 'dropped' (the channel refused it; error says why).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    idempotency_key TEXT    NOT NULL UNIQUE,
    guild_id        INTEGER NOT NULL,
    channel_id      INTEGER NOT NULL,
    kind            TEXT    NOT NULL,          -- post, overflow, watch, breaking, brief, notice
    ref_id          INTEGER,                   -- the subscription, watch or schedule that caused it
    payload         TEXT    NOT NULL,          -- JSON {content, embeds, files?}
    status          TEXT    NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt    REAL    NOT NULL,
    created_at      REAL    NOT NULL,
    sent_at         REAL,
    message_id      INTEGER,
    error           TEXT
);
CREATE INDEX outbox_pending ON outbox (next_attempt) WHERE status = 'pending';

-- Feeds whose disabling has been announced, so it is announced once.
ALTER TABLE feeds ADD COLUMN disabled_announced INTEGER NOT NULL DEFAULT 0;
