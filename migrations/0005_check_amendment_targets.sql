-- A correction or retraction points at an earlier fact of its own relation, and a corrected `data`
-- must suit that fact's type. Checked inside the append batch, so an amending append is still one
-- round trip: inserting a row aborts the batch unless the target qualifies; otherwise the row is
-- dropped, so the table stays empty.
CREATE TABLE amendment_targets (
  relation      TEXT NOT NULL,
  event_id      TEXT NOT NULL,
  allowed_types TEXT NOT NULL CHECK (json_valid(allowed_types))  -- JSON array of fact types
) STRICT;

CREATE TRIGGER amendment_target_holds BEFORE INSERT ON amendment_targets
BEGIN
  SELECT CASE
    WHEN NOT EXISTS (
      SELECT 1 FROM events
      WHERE id = NEW.event_id AND relation = NEW.relation
        AND type IN (SELECT value FROM json_each(NEW.allowed_types))
    )
    THEN RAISE(ABORT, 'the amended event is not a fact of this relation that the amendment suits')
    ELSE RAISE(IGNORE)
  END;
END;
