-- The timeline keeps each fact's item, the JSON readers are sent, made once when the fact is projected
-- and amended with each correction, instead of assembled from the columns on every read. Rows projected
-- before it have none until the rebuild that the timeline projector's new version starts fills them in;
-- until then readers make the item from the columns.
ALTER TABLE view_timeline ADD COLUMN item TEXT;

-- On an empty log there is nothing to fill in: the timeline is current at its new version.
UPDATE view_versions SET version = 3 WHERE view = 'timeline' AND NOT EXISTS (SELECT 1 FROM events);
