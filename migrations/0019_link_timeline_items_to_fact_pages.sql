-- Each timeline item links the page of its fact (links.page) beside its log entry. Items projected before
-- lack it until the rebuild that the timeline projector's new version starts; readers make the link
-- themselves meanwhile.

-- On an empty log there is nothing to remake: the timeline is current at its new version.
UPDATE view_versions SET version = 4 WHERE view = 'timeline' AND NOT EXISTS (SELECT 1 FROM events);
