-- WebSub: the Worker is the hub of its own feeds and pages. A subscription is a (topic, callback) pair, made or
-- ended only once the callback has confirmed it (verification of intent), and ends by itself at the end of its
-- lease. Its content distributions are deliveries of the webhook outbox (webhook_deliveries, with this id as
-- their subscription_id), written in the batch of the append that changed the topic.

CREATE TABLE websub_subscriptions (
  id            TEXT PRIMARY KEY,                          -- ws_ + 32 hex digits of the SHA-256 of topic and callback
  topic         TEXT NOT NULL,                             -- the topic's canonical URL (its rel="self")
  callback      TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
  relation      TEXT,                                      -- null: every relation
  type          TEXT,                                      -- a feed's filters; null: none
  tag           TEXT,
  level         TEXT,
  secret        TEXT,                                      -- hub.secret, sealed; null: distributions are not signed
  lease_seconds INTEGER NOT NULL,
  expires       TEXT NOT NULL,                             -- the end of the lease: no distribution after it
  created       TEXT NOT NULL,
  updated       TEXT NOT NULL,
  UNIQUE (topic, callback)
) STRICT;

-- An append finds the subscriptions of its relation (and of every relation) still in their lease.
CREATE INDEX websub_subscriptions_by_relation ON websub_subscriptions (relation, expires);
CREATE INDEX websub_subscriptions_by_expiry ON websub_subscriptions (expires);

-- A request to subscribe or unsubscribe, kept until the callback has answered the challenge (or failed to).
CREATE TABLE websub_verifications (
  id              TEXT PRIMARY KEY,                        -- wsv_…
  subscription_id TEXT NOT NULL,                           -- the ws_ id of its (topic, callback)
  mode            TEXT NOT NULL CHECK (mode IN ('subscribe', 'unsubscribe')),
  requested_topic TEXT NOT NULL,                           -- hub.topic as the subscriber sent it: the challenge echoes it
  topic           TEXT NOT NULL,
  callback        TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
  relation        TEXT,
  type            TEXT,
  tag             TEXT,
  level           TEXT,
  secret          TEXT,                                    -- sealed under the subscription's id
  lease_seconds   INTEGER NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'failed')),
  failure         TEXT,
  requested       TEXT NOT NULL,
  answered        TEXT
) STRICT;

CREATE INDEX websub_verifications_pending ON websub_verifications (requested) WHERE status = 'pending';
