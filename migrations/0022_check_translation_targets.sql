-- A translation is of a live fact, and a correction of a translation corrects one that was recorded. Checked
-- inside the append batch as the amendment's target is (migrations/0005): inserting a row aborts the batch unless
-- the target qualifies; otherwise the row is dropped, so the table stays empty. `language` NULL: a new
-- translation, of a fact of this relation that no retraction has withdrawn; a language: a correction of the
-- translation into it, which must have been recorded.
CREATE TABLE translation_targets (
  relation TEXT NOT NULL,
  event_id TEXT NOT NULL,
  language TEXT
) STRICT;

CREATE TRIGGER translation_target_holds BEFORE INSERT ON translation_targets
BEGIN
  SELECT CASE
    WHEN NEW.language IS NULL AND EXISTS (
      SELECT 1 FROM events
      WHERE type IN ('EventCorrected', 'EventRetracted', 'EventTranslated') AND json_extract(data, '$.eventId') = NEW.event_id
        AND type = 'EventRetracted'
    )
    THEN RAISE(ABORT, 'a retracted fact is not translated')
    WHEN NEW.language IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM events
      WHERE type IN ('EventCorrected', 'EventRetracted', 'EventTranslated') AND json_extract(data, '$.eventId') = NEW.event_id
        AND type = 'EventTranslated' AND relation = NEW.relation AND json_extract(data, '$.language') = NEW.language
    )
    THEN RAISE(ABORT, 'no translation of the fact into this language has been recorded')
    ELSE RAISE(IGNORE)
  END;
END;

-- The history of a fact (its page, its entry in the log) finds its translations with its corrections and
-- retractions, by the fact's id without a scan of the log: the index of migrations/0018, with translations.
DROP INDEX events_amending;
CREATE INDEX events_amending ON events (json_extract(data, '$.eventId'), position)
  WHERE type IN ('EventCorrected', 'EventRetracted', 'EventTranslated');
