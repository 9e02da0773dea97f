-- The page of a fact shows its history: the corrections and retractions that point at it, found by the
-- fact's id without a scan of the log.
CREATE INDEX events_amending ON events (json_extract(data, '$.eventId'), position)
  WHERE type IN ('EventCorrected', 'EventRetracted');
