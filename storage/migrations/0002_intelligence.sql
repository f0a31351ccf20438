-- Intelligence: stories, per-article tags with their evidence, and country-pair relations by day and domain.

CREATE TABLE stories (
    id               INTEGER PRIMARY KEY,
    label            TEXT    NOT NULL,
    label_article_id INTEGER,
    label_score      REAL    NOT NULL DEFAULT 0,
    first_seen       REAL    NOT NULL,
    last_seen        REAL    NOT NULL,
    article_count    INTEGER NOT NULL DEFAULT 0,
    publisher_count  INTEGER NOT NULL DEFAULT 0,
    primary_domain   TEXT,
    actors           TEXT    NOT NULL DEFAULT '{}',  -- JSON {actor id: articles naming it}
    domains          TEXT    NOT NULL DEFAULT '{}',  -- JSON {domain: articles}
    profile          TEXT    NOT NULL DEFAULT '{}',  -- JSON {term: weight}: the clustering profile
    memory           TEXT    NOT NULL DEFAULT '{}'   -- JSON {templates: {...}}: recurring headlines seen
);
CREATE INDEX stories_last_seen ON stories (last_seen);

CREATE TABLE story_publishers (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    publisher  TEXT    NOT NULL,
    first_seen REAL    NOT NULL,
    PRIMARY KEY (story_id, publisher)
) WITHOUT ROWID;

ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN publisher TEXT;
ALTER TABLE articles ADD COLUMN tone REAL;
CREATE INDEX articles_story ON articles (story_id, published);

-- kind: 'country', 'org' or 'domain'; rank orders a kind's tags (domains: 0 = primary); evidence is JSON.
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    tag        TEXT    NOT NULL,
    rank       INTEGER NOT NULL DEFAULT 0,
    evidence   TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, kind, tag)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (kind, tag, article_id);

-- One row per country pair (a < b), UTC day and domain.
CREATE TABLE relation_days (
    country_a TEXT    NOT NULL,
    country_b TEXT    NOT NULL,
    day       TEXT    NOT NULL,
    domain    TEXT    NOT NULL,
    articles  INTEGER NOT NULL DEFAULT 0,
    tone_sum  REAL    NOT NULL DEFAULT 0,
    toned     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (country_a, country_b, day, domain)
) WITHOUT ROWID;

CREATE TABLE relation_stories (
    country_a TEXT    NOT NULL,
    country_b TEXT    NOT NULL,
    day       TEXT    NOT NULL,
    domain    TEXT    NOT NULL,
    story_id  INTEGER NOT NULL,
    PRIMARY KEY (country_a, country_b, day, domain, story_id)
) WITHOUT ROWID;

INSERT INTO id_sequences (name, next_id) VALUES ('stories', 1);
