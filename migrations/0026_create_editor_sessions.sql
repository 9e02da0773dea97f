-- Browser sessions of the editor's desk, each made from an editor key. The session's token is the desk's
-- cookie and is never stored: the row keeps its SHA-256 and when it ends. A session is valid while its key is:
-- the editors' authentication joins it to its key, so that revoking the key ends every session made from it.

CREATE TABLE editor_sessions (
  hash    TEXT PRIMARY KEY,                              -- SHA-256 of the session's token, hex
  key_id  TEXT NOT NULL REFERENCES editor_keys (id),     -- the key it was made from
  created TEXT NOT NULL,
  expires TEXT NOT NULL                                  -- it is refused from this instant on
) STRICT;

CREATE INDEX editor_sessions_by_expiry ON editor_sessions (expires);
