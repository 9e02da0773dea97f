-- The event log: append-only, one row per event, global position and per-relation version.

CREATE TABLE relations (
  relation TEXT PRIMARY KEY,               -- 'mx-ru': two ISO 3166-1 alpha-2 codes, alphabetical
  version  INTEGER NOT NULL DEFAULT 0,     -- version of the relation's latest event
  created  TEXT NOT NULL                   -- recorded instant of its first event
) STRICT;

CREATE TABLE events (
  position          INTEGER PRIMARY KEY AUTOINCREMENT,  -- global order, strictly increasing, never reused
  id                TEXT NOT NULL UNIQUE,               -- UUID
  relation          TEXT NOT NULL REFERENCES relations (relation),
  version           INTEGER NOT NULL CHECK (version > 0),
  type              TEXT NOT NULL,
  schema            INTEGER NOT NULL,                   -- payload version of `data`
  occurred          TEXT NOT NULL,                      -- EDTF, as the source gives it
  occurred_earliest TEXT,                               -- first day it can mean, YYYY-MM-DD
  occurred_latest   TEXT,                               -- last day it can mean
  recorded          TEXT NOT NULL,                      -- UTC instant it was appended
  headline          TEXT NOT NULL,
  summary           TEXT,
  tags              TEXT NOT NULL CHECK (json_valid(tags)),
  places            TEXT NOT NULL CHECK (json_valid(places)),
  participants      TEXT NOT NULL CHECK (json_valid(participants)),
  level             TEXT NOT NULL CHECK (level IN ('federal', 'subnational')),
  data              TEXT NOT NULL CHECK (json_valid(data)),
  source            TEXT NOT NULL CHECK (json_valid(source)),
  actor             TEXT NOT NULL,
  digest            TEXT NOT NULL,                      -- SHA-256 of the event as submitted: tells a retry from a conflict
  UNIQUE (relation, version)
) STRICT;

CREATE INDEX events_by_relation_occurred ON events (relation, occurred_earliest);

-- Append-only, enforced by the database itself.
CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'append-only: events are never updated');
END;

CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'append-only: events are never deleted');
END;

-- Optimistic concurrency inside the append batch: inserting (relation, expected) aborts the whole
-- batch unless the relation is at that version; otherwise the row is dropped, so the table stays empty.
CREATE TABLE expected_versions (
  relation TEXT NOT NULL,
  expected INTEGER NOT NULL
) STRICT;

CREATE TRIGGER expected_version_holds BEFORE INSERT ON expected_versions
BEGIN
  SELECT CASE
    WHEN NEW.expected <> COALESCE((SELECT version FROM relations WHERE relation = NEW.relation), 0)
    THEN RAISE(ABORT, 'expected version mismatch')
    ELSE RAISE(IGNORE)
  END;
END;
