-- A feed's first fetch (its backlog: stored and searchable, never announced) is stored before it is analysed, and
-- analysed in the background right after (tags, story, relations). analysis_order is NULL once an article is
-- analysed; until then it is its place in the queue: its published time, or for a copy of an article still
-- waiting, that article's (so a copy comes after the article whose story it takes).
ALTER TABLE articles ADD COLUMN analysis_order REAL;

CREATE INDEX articles_analysis_queue ON articles (analysis_order, coalesce(duplicate_of, id), id)
    WHERE analysis_order IS NOT NULL;
