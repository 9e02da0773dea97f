-- A rebuild of the views is a Cloudflare Workflow (src/rebuild-workflow.ts): each page of the replay is
-- a step, so it survives restarts and per-invocation limits. Each run is a row, with its progress;
-- one run at a time is active (queued or running), which the unique partial index enforces.

CREATE TABLE view_rebuild_runs (
  id               TEXT PRIMARY KEY,                 -- the Workflow instance id
  active           INTEGER CHECK (active = 1),       -- 1 while queued or running, NULL once it has ended
  state            TEXT NOT NULL CHECK (state IN ('queued', 'running', 'complete', 'errored')),
  reason           TEXT NOT NULL,                    -- why it runs: asked for, or a projector changed
  page_size        INTEGER NOT NULL,
  total            INTEGER,                          -- events in the log when the replay began
  events           INTEGER NOT NULL DEFAULT 0,       -- events replayed so far
  through_position INTEGER NOT NULL DEFAULT 0,       -- the last position replayed into the fresh tables
  pages            INTEGER NOT NULL DEFAULT 0,
  calls            INTEGER NOT NULL DEFAULT 0,       -- D1 calls made by its steps
  started          TEXT NOT NULL,
  progressed       TEXT,                             -- when a step last moved it on
  finished         TEXT,
  error            TEXT
) STRICT;

CREATE UNIQUE INDEX view_rebuild_runs_one_active ON view_rebuild_runs (active) WHERE active = 1;

-- Inside every batch a rebuild writes: inserting (run, through) aborts the batch unless that run is
-- the active one and has replayed exactly through that position (so a step that runs twice never
-- writes a page twice, and a run that has been replaced never writes at all); otherwise the row is
-- dropped, so the table stays empty.
CREATE TABLE view_rebuild_holds (
  run_id  TEXT NOT NULL,
  through INTEGER NOT NULL
) STRICT;

CREATE TRIGGER view_rebuild_hold_holds BEFORE INSERT ON view_rebuild_holds
BEGIN
  SELECT CASE
    WHEN NOT EXISTS (
      SELECT 1 FROM view_rebuild_runs WHERE id = NEW.run_id AND active = 1 AND through_position = NEW.through
    )
    THEN RAISE(ABORT, 'not the active rebuild, or not at that position')
    ELSE RAISE(IGNORE)
  END;
END;

-- The lease and the record of the rebuilds that ran inside one request are replaced by the runs.
DROP TABLE view_rebuild_lease;
DROP TABLE view_rebuilds;
