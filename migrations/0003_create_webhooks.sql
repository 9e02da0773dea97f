-- Webhooks: subscriptions, the messages sent to them, the outbox of deliveries, and every attempt.

CREATE TABLE webhook_subscriptions (
  id                      TEXT PRIMARY KEY,                  -- wh_…
  url                     TEXT NOT NULL,
  on_anniversary          INTEGER NOT NULL CHECK (on_anniversary IN (0, 1)),  -- wants anniversary.today
  on_recorded             INTEGER NOT NULL CHECK (on_recorded IN (0, 1)),     -- wants event.recorded
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

CREATE INDEX webhook_subscriptions_for_anniversaries ON webhook_subscriptions (filter_key)
  WHERE enabled = 1 AND on_anniversary = 1;
CREATE INDEX webhook_subscriptions_for_recorded ON webhook_subscriptions (on_recorded) WHERE enabled = 1;

-- A message is sent to every subscription it concerns, with the same webhook-id.
CREATE TABLE webhook_messages (
  id      TEXT PRIMARY KEY,                                  -- msg_…: the webhook-id
  type    TEXT NOT NULL,                                     -- anniversary.today | event.recorded | webhook.test
  body    TEXT NOT NULL CHECK (json_valid(body)),            -- the exact bytes that are signed and sent
  created TEXT NOT NULL
) STRICT;

-- The outbox: a delivery is written before anything is sent, once per (message key, subscription).
CREATE TABLE webhook_deliveries (
  id                TEXT PRIMARY KEY,                        -- dlv_…
  subscription_id   TEXT NOT NULL,
  message_id        TEXT NOT NULL REFERENCES webhook_messages (id),
  dedupe_key        TEXT NOT NULL,                           -- event.recorded:<event id>, anniversary.today:<day>, …
  status            TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts          INTEGER NOT NULL DEFAULT 0,              -- attempts in this round (a manual retry starts another)
  next_attempt_at   TEXT,                                    -- when pending: when the next attempt is due
  claim             TEXT,                                    -- the attempt in flight …
  claimed_until     TEXT,                                    -- … and when its lease runs out
  last_attempt_at   TEXT,
  last_status_code  INTEGER,
  failure           TEXT,                                    -- why it failed for good
  dead_lettered_at  TEXT,
  created           TEXT NOT NULL,
  UNIQUE (dedupe_key, subscription_id)
) STRICT;

CREATE INDEX webhook_deliveries_of_subscription ON webhook_deliveries (subscription_id, status);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_attempts (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id   TEXT NOT NULL,
  attempted     TEXT NOT NULL,                               -- UTC instant the request was sent
  status_code   INTEGER,                                     -- null: no response (timeout, refused, …)
  latency_ms    INTEGER NOT NULL,
  response_body TEXT,                                        -- the first 2 KB
  error         TEXT,
  succeeded     INTEGER NOT NULL CHECK (succeeded IN (0, 1))
) STRICT;

CREATE INDEX webhook_attempts_of_delivery ON webhook_attempts (delivery_id, id);
