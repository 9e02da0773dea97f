-- What a webhook subscription chooses beyond its kinds and filters, and the origin its links are made under.
--
-- anniversary.today at the subscriber's own hour: an IANA time zone (UTC until one is chosen) and a local hour
-- (NULL: the operator's ANNIVERSARY_HOUR), and what a fact of 29 February does in a common year (feb28: it falls
-- on 28 February, as before; mar1: on 1 March; skip: it waits for a leap year). Existing subscriptions keep
-- today's behaviour: UTC, the operator's hour, feb28.
ALTER TABLE webhook_subscriptions ADD COLUMN anniversary_time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE webhook_subscriptions ADD COLUMN anniversary_hour INTEGER
  CHECK (anniversary_hour IS NULL OR anniversary_hour BETWEEN 0 AND 23);
ALTER TABLE webhook_subscriptions ADD COLUMN february29 TEXT NOT NULL DEFAULT 'feb28'
  CHECK (february29 IN ('feb28', 'mar1', 'skip'));

-- The signature scheme: NULL signs with HMAC (v1, a whsec_ secret); a whpk_ public key means ed25519 (v1a), the
-- secret column then holding the sealed whsk_ private key.
ALTER TABLE webhook_subscriptions ADD COLUMN public_key TEXT;

-- The origin that took the subscription: the links of its messages are absolute under PUBLIC_ORIGIN, else this.
-- Subscriptions made before have none until they are changed (PATCH).
ALTER TABLE webhook_subscriptions ADD COLUMN origin TEXT;

-- The cron finds the subscriptions whose local hour has come by their time zone and hour.
CREATE INDEX webhook_subscriptions_by_anniversary_hour ON webhook_subscriptions (anniversary_time_zone, anniversary_hour)
  WHERE enabled = 1;

-- A message made once per origin (event.recorded:<event id> <origin>): the deliveries of an append find theirs by it.
ALTER TABLE webhook_messages ADD COLUMN message_key TEXT;
CREATE UNIQUE INDEX webhook_messages_by_key ON webhook_messages (message_key) WHERE message_key IS NOT NULL;
