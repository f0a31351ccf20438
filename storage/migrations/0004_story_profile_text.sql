-- A story's clustering profile as two plain-text columns instead of one JSON object. Every story a batch touches is
-- rewritten with its whole profile (40 weighted terms); as JSON each weight was rounded and then formatted by the
-- encoder, the costliest Python in a batch's write. Weights keep two decimals, as before.
ALTER TABLE stories ADD COLUMN profile_terms TEXT NOT NULL DEFAULT '';    -- the terms, separated by spaces
ALTER TABLE stories ADD COLUMN profile_weights TEXT NOT NULL DEFAULT '';  -- their weights, in the same order

-- Both lists come from one scan of json_each, in the object's order, so they stay aligned (an aggregate's own
-- ORDER BY needs SQLite 3.44).
UPDATE stories SET (profile_terms, profile_weights) = (
    SELECT coalesce(group_concat(key, ' '), ''), coalesce(group_concat(printf('%.2f', value), ' '), '')
    FROM json_each(stories.profile)
);

ALTER TABLE stories DROP COLUMN profile;
