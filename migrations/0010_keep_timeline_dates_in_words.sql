-- The timeline keeps each fact's date in words ("1 December 1890", "June 1943"), worked out once when the
-- fact is projected instead of on every read. Rows projected before it have none until the rebuild that
-- the timeline projector's new version starts fills them in; until then readers work the words out.
ALTER TABLE view_timeline ADD COLUMN occurred_in_words TEXT;

-- On an empty log there is nothing to fill in: the timeline is current at its new version.
UPDATE view_versions SET version = 2 WHERE view = 'timeline' AND NOT EXISTS (SELECT 1 FROM events);
