-- Search: the words of every live fact in a full-text index (SQLite FTS5, which D1 provides), kept in
-- step by src/views/search/projector.ts in the append's batch and rebuilt with the other views (the
-- rebuild copies this definition into a fresh table and renames it in, shadow tables and all).
-- Case and accents fold (`unicode61 remove_diacritics 2`: Lopez finds López). The rowid is the
-- fact's position in the log, so an amendment finds the row without a scan; event_id joins it to the
-- fact's timeline row. Participants and places are their lists joined with '; '.
CREATE VIRTUAL TABLE view_search USING fts5(
  event_id UNINDEXED,
  relation UNINDEXED,
  headline,
  summary,
  participants,
  places,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- On a log that already has events the index starts stale (version 0), so the first read of a view
-- starts a rebuild of every view, which fills it; on an empty log it is current.
INSERT INTO view_versions (view, version)
SELECT 'search', CASE WHEN EXISTS (SELECT 1 FROM events) THEN 0 ELSE 1 END;
