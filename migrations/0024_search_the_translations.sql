-- Search finds a fact by the words of any of its languages: the index gains a column of its translations (each
-- translated headline and summary, joined with ' ; '), filled by the search projector from the timeline's rows
-- per language (migrations/0023). FTS5 tables take no new column, so the index is made anew, with the same
-- tokenizer (case and accents fold, Cyrillic as Latin: `россия` finds Россия), and filled from the timeline at
-- once, so that search keeps working; the translations come with the rebuild that the search projector's new
-- version starts.
DROP TABLE view_search;

CREATE VIRTUAL TABLE view_search USING fts5(
  event_id UNINDEXED,
  relation UNINDEXED,
  headline,
  summary,
  participants,
  places,
  translations,
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO view_search (rowid, event_id, relation, headline, summary, participants, places)
SELECT position, event_id, relation, headline, summary,
  (SELECT group_concat(value, '; ') FROM json_each(participants)),
  (SELECT group_concat(value, '; ') FROM json_each(places))
FROM view_timeline;

-- On an empty log there is nothing to fill in: the index is current at its new version.
UPDATE view_versions SET version = 2 WHERE view = 'search' AND NOT EXISTS (SELECT 1 FROM events);
