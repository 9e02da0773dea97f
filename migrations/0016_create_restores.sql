-- Restoring the log from a backup (src/backup/, src/store/restores.ts): the file's lines arrive in chunks,
-- each checked against the one before it, and are staged here; only once the whole file has arrived and
-- proved itself are the staged events moved into the log, keeping their positions, versions, `recorded`
-- and `actor`. One restore at a time is active, which the unique partial index enforces.

CREATE TABLE restore_runs (
  id            TEXT PRIMARY KEY,
  active        INTEGER CHECK (active = 1),       -- 1 until it is complete, refused or cancelled
  state         TEXT NOT NULL CHECK (state IN ('receiving', 'received', 'complete', 'refused', 'cancelled')),
  file_check    TEXT NOT NULL,                    -- the check of the file's last line: which file this is
  lines         INTEGER NOT NULL,                 -- the lines the file has, its first and last included
  received      INTEGER NOT NULL DEFAULT 0,       -- lines received and checked so far
  last_check    TEXT NOT NULL DEFAULT '',         -- the check of the last line received
  last_position INTEGER NOT NULL DEFAULT 0,       -- the position of the last event received
  log_through   INTEGER NOT NULL,                 -- the log's last position when the restore began
  events        INTEGER,                          -- the events the file's first line announces
  through       INTEGER,                          -- the position it says the export reached
  matched       INTEGER NOT NULL DEFAULT 0,       -- events of the file the log already held, as the file has them
  staged        INTEGER NOT NULL DEFAULT 0,       -- events of the file the log lacked, staged
  committed     INTEGER NOT NULL DEFAULT 0,       -- staged events moved into the log
  rebuild_id    TEXT,                             -- the rebuild of the views it started
  started       TEXT NOT NULL,
  finished      TEXT,
  error         TEXT,
  error_line    INTEGER                           -- the line of the file that was refused
) STRICT;

CREATE UNIQUE INDEX restore_runs_one_active ON restore_runs (active) WHERE active = 1;
CREATE INDEX restore_runs_by_file ON restore_runs (file_check);

-- The staged events: the columns of `events`, without its triggers.
CREATE TABLE restore_events (
  position          INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE,
  relation          TEXT NOT NULL,
  version           INTEGER NOT NULL,
  type              TEXT NOT NULL,
  schema            INTEGER NOT NULL,
  occurred          TEXT NOT NULL,
  occurred_earliest TEXT,
  occurred_latest   TEXT,
  recorded          TEXT NOT NULL,
  headline          TEXT NOT NULL,
  summary           TEXT,
  tags              TEXT NOT NULL,
  places            TEXT NOT NULL,
  participants      TEXT NOT NULL,
  level             TEXT NOT NULL,
  data              TEXT NOT NULL,
  source            TEXT NOT NULL,
  actor             TEXT NOT NULL,
  digest            TEXT NOT NULL,
  UNIQUE (relation, version)
) STRICT;

-- Inside every batch a restore writes: inserting (run, received, committed) aborts the batch unless that run is
-- the active one and is exactly there (so a chunk sent twice, or two commits at once, never write twice);
-- otherwise the row is dropped, so the table stays empty.
CREATE TABLE restore_holds (
  run_id    TEXT NOT NULL,
  received  INTEGER NOT NULL,
  committed INTEGER NOT NULL
) STRICT;

CREATE TRIGGER restore_hold_holds BEFORE INSERT ON restore_holds
BEGIN
  SELECT CASE
    WHEN NOT EXISTS (
      SELECT 1 FROM restore_runs
      WHERE id = NEW.run_id AND active = 1 AND received = NEW.received AND committed = NEW.committed
    )
    THEN RAISE(ABORT, 'not the active restore, or not at that line')
    ELSE RAISE(IGNORE)
  END;
END;

-- While a restore is active, the log takes no event but the restore's own (a staged event, at its position):
-- an append meanwhile would take a position the backup holds.
CREATE TRIGGER events_wait_for_the_restore BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM restore_runs WHERE active = 1)
  AND NOT EXISTS (SELECT 1 FROM restore_events WHERE position = NEW.position AND id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'a restore is under way: events are appended again once it ends');
END;
