-- The timeline keeps each fact's item in every language of the service besides the log's own (whose item stays
-- in view_timeline.item): its headline and summary as translated (EventTranslated), or the log's own text when
-- there is no translation, flagged by the item's `textLanguage`; its date in words and its page's link in that
-- language. Made when the fact is projected and amended with each correction and translation, so a read in a
-- language sends its items on as they are, with one D1 call as in the log's language. One row per fact and
-- language: a new language is rows, not a migration. `headline`, `summary` and `translator` are the translation
-- itself, NULL while there is none.
CREATE TABLE view_timeline_languages (
  event_id   TEXT NOT NULL,
  language   TEXT NOT NULL,
  headline   TEXT,
  summary    TEXT,
  translator TEXT,
  item       TEXT NOT NULL,
  PRIMARY KEY (event_id, language)
) STRICT;

-- On a log that already has events the timeline starts stale (its projector is at version 5 now), so the first
-- read starts a rebuild that fills the new table; on an empty log it is current.
UPDATE view_versions SET version = 5 WHERE view = 'timeline' AND NOT EXISTS (SELECT 1 FROM events);
