-- Editors' API keys: one row per key. The key itself is shown once, when it is made, and never stored: the
-- row keeps its SHA-256, by which a request's key is found. A revoked key keeps its row, so the list of keys
-- says who could write when.

CREATE TABLE editor_keys (
  id         TEXT PRIMARY KEY,                       -- key_…
  hash       TEXT NOT NULL UNIQUE,                   -- SHA-256 of the key, hex
  prefix     TEXT NOT NULL,                          -- its first 12 characters (rlk_ and 8 more), to tell keys apart
  name       TEXT NOT NULL,                          -- the editor: the actor of every event recorded with the key
  scopes     TEXT NOT NULL CHECK (json_valid(scopes) AND json_type(scopes) = 'array'),
  created    TEXT NOT NULL,
  created_by TEXT NOT NULL,                          -- 'admin' (the ADMIN_TOKEN) or the name on the admin key used
  last_used  TEXT,                                   -- written at most once a minute: up to a minute behind
  revoked    TEXT,                                   -- when it stopped working; null while it works
  revoked_by TEXT
) STRICT;
