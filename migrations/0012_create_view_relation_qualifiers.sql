-- Relation status, qualified: the live RelationsQualified events, which say what a source says of the state
-- of relations over a span without changing it ("practically non-existent", "the sources differ"). Written
-- by the relation-status projector beside view_relation_status (whose CHECK admits only the three changes),
-- copied from the fact's timeline row as its changes are, and rebuilt with the other views.
CREATE TABLE view_relation_qualifiers (
  event_id  TEXT PRIMARY KEY,
  relation  TEXT NOT NULL,
  qualifier TEXT NOT NULL CHECK (qualifier IN ('practically_non_existent', 'sources_differ')),
  position  INTEGER NOT NULL
) STRICT;

CREATE INDEX view_relation_qualifiers_by_relation ON view_relation_qualifiers (relation);

-- On a log that already has events the relation-status view starts stale (its projector is at version 2
-- now), so the first read starts a rebuild that fills the new table; on an empty log it is current.
UPDATE view_versions SET version = 2 WHERE view = 'relation-status' AND NOT EXISTS (SELECT 1 FROM events);
