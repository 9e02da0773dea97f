-- The read views: projections of the log, written in the same batch as the events they show and
-- rebuilt from the log on demand (src/views/rebuild.ts copies these definitions into fresh tables,
-- replays the log into them and swaps them in). Secondary indexes are recreated at the swap.

-- Timeline: the current state of every live fact (corrections applied, retractions removed).
CREATE TABLE view_timeline (
  event_id     TEXT PRIMARY KEY,
  relation     TEXT NOT NULL,
  position     INTEGER NOT NULL,           -- the event's position in the log
  type         TEXT NOT NULL,
  occurred     TEXT NOT NULL,              -- EDTF, as corrected
  precision    TEXT NOT NULL,              -- day | month | year | interval
  earliest     TEXT,                       -- first day it can mean, YYYY-MM-DD
  latest       TEXT,                       -- last day it can mean
  sort_day     TEXT NOT NULL,              -- earliest day; the latest when the start is open (/2023)
  headline     TEXT NOT NULL,
  summary      TEXT,
  tags         TEXT NOT NULL,
  places       TEXT NOT NULL,
  participants TEXT NOT NULL,
  level        TEXT NOT NULL,
  data         TEXT NOT NULL,
  source       TEXT NOT NULL
) STRICT;

CREATE INDEX view_timeline_by_day ON view_timeline (relation, sort_day, position);

-- Agreements: one row per live signing; the dates come from its timeline row.
CREATE TABLE view_agreements (
  event_id     TEXT PRIMARY KEY,           -- the AgreementSigned event
  relation     TEXT NOT NULL,
  agreement_id TEXT NOT NULL,
  title        TEXT NOT NULL,
  kind         TEXT NOT NULL,
  parties      TEXT NOT NULL,
  subject      TEXT,
  valid_until  TEXT,                       -- YYYY-MM-DD, 'indefinite', or NULL when the source does not say
  position     INTEGER NOT NULL
) STRICT;

CREATE INDEX view_agreements_by_id ON view_agreements (relation, agreement_id);

-- Endings of agreements, kept apart from the signings so that the order of the log does not matter.
CREATE TABLE view_agreement_endings (
  event_id     TEXT PRIMARY KEY,           -- the AgreementEnded event
  relation     TEXT NOT NULL,
  agreement_id TEXT NOT NULL,
  reason       TEXT,
  position     INTEGER NOT NULL
) STRICT;

CREATE INDEX view_agreement_endings_by_id ON view_agreement_endings (relation, agreement_id);

-- Relation status: the live events that established, severed or restored relations.
CREATE TABLE view_relation_status (
  event_id TEXT PRIMARY KEY,
  relation TEXT NOT NULL,
  change   TEXT NOT NULL CHECK (change IN ('established', 'severed', 'restored')),
  position INTEGER NOT NULL
) STRICT;

CREATE INDEX view_relation_status_by_relation ON view_relation_status (relation);

-- On this day: live events dated to an exact day, keyed by month and day for a lookup by date.
CREATE TABLE view_on_this_day (
  event_id TEXT PRIMARY KEY,
  relation TEXT NOT NULL,
  month    INTEGER NOT NULL,
  day      INTEGER NOT NULL,
  year     INTEGER NOT NULL,
  position INTEGER NOT NULL
) STRICT;

CREATE INDEX view_on_this_day_by_date ON view_on_this_day (month, day, relation, year, position);

-- The projector version each view was built with. A view whose version differs from the code's
-- is rebuilt before it serves. When this migration runs on a log that already has events, the
-- views start stale (version 0) so the first read fills them; on an empty log they are current.
CREATE TABLE view_versions (
  view    TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) STRICT;

INSERT INTO view_versions (view, version)
SELECT name, CASE WHEN EXISTS (SELECT 1 FROM events) THEN 0 ELSE 1 END
FROM (SELECT 'timeline' AS name UNION ALL SELECT 'agreements' UNION ALL SELECT 'relation-status'
      UNION ALL SELECT 'on-this-day');

-- One rebuild at a time: a lease with an expiry, so a crashed rebuild does not block the next.
CREATE TABLE view_rebuild_lease (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  holder  TEXT NOT NULL,
  expires TEXT NOT NULL
) STRICT;

-- Every completed rebuild. The CHECKs make the swap abort (and the rebuild catch up and retry)
-- when events were appended after the last one it replayed, or when it no longer holds the lease.
CREATE TABLE view_rebuilds (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  rebuilt          TEXT NOT NULL,
  events           INTEGER NOT NULL,
  through_position INTEGER NOT NULL,
  log_position     INTEGER NOT NULL,
  holds_lease      INTEGER NOT NULL,
  CHECK (log_position <= through_position),
  CHECK (holds_lease = 1)
) STRICT;
