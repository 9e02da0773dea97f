-- A subscription's message kinds as one JSON list (`["anniversary.today", "event.recorded"]`) instead of a
-- column per kind, so that a new kind of message needs no migration. Existing subscriptions keep the
-- kinds they had. SQLite cannot drop a column that an index uses, so the table is rebuilt.

CREATE TABLE webhook_subscriptions_with_kinds (
  id                      TEXT PRIMARY KEY,                  -- wh_…
  url                     TEXT NOT NULL,
  kinds                   TEXT NOT NULL CHECK (json_valid(kinds) AND json_type(kinds) = 'array'),  -- message kinds it wants
  relations               TEXT CHECK (relations IS NULL OR json_valid(relations)),  -- null: every relation
  types                   TEXT CHECK (types IS NULL OR json_valid(types)),          -- null: every type
  tags                    TEXT CHECK (tags IS NULL OR json_valid(tags)),            -- null: any tags
  filter_key              TEXT NOT NULL,                     -- the filters as one canonical string
  description             TEXT,
  enabled                 INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  disabled_reason         TEXT,
  disabled_at             TEXT,
  secret                  TEXT NOT NULL,                     -- whsec_…
  previous_secret         TEXT,                              -- still signs until previous_secret_expires
  previous_secret_expires TEXT,
  failing_since           TEXT,                              -- first failed attempt since the last success
  created                 TEXT NOT NULL,
  updated                 TEXT NOT NULL
) STRICT;

INSERT INTO webhook_subscriptions_with_kinds (id, url, kinds, relations, types, tags, filter_key, description, enabled,
  disabled_reason, disabled_at, secret, previous_secret, previous_secret_expires, failing_since, created, updated)
SELECT id, url,
  CASE
    WHEN on_anniversary = 1 AND on_recorded = 1 THEN '["anniversary.today","event.recorded"]'
    WHEN on_anniversary = 1 THEN '["anniversary.today"]'
    WHEN on_recorded = 1 THEN '["event.recorded"]'
    ELSE '[]'
  END,
  relations, types, tags, filter_key, description, enabled, disabled_reason, disabled_at, secret, previous_secret,
  previous_secret_expires, failing_since, created, updated
FROM webhook_subscriptions;

DROP TABLE webhook_subscriptions;
ALTER TABLE webhook_subscriptions_with_kinds RENAME TO webhook_subscriptions;

-- Subscriptions with the same filters share one anniversary message: found by their filters.
CREATE INDEX webhook_subscriptions_by_filters ON webhook_subscriptions (filter_key) WHERE enabled = 1;
