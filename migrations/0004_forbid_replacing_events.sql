-- INSERT OR REPLACE deletes the row it conflicts with without firing DELETE triggers (SQLite fires
-- them on REPLACE only with recursive_triggers on), so it could rewrite an event. An insert that
-- would collide with an event already in the log aborts instead: the log stays append-only.
CREATE TRIGGER events_are_never_replaced BEFORE INSERT ON events
WHEN EXISTS (
  SELECT 1 FROM events
  WHERE id = NEW.id OR position = NEW.position OR (relation = NEW.relation AND version = NEW.version)
)
BEGIN
  SELECT RAISE(ABORT, 'append-only: events are never replaced');
END;
