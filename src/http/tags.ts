/**
 * The groups of the OpenAPI document, by resource: every operation is in exactly one (`publicRoute` and
 * `editorRoute` ask for it), and the document lists them in this order, each with what it holds, so that
 * Swagger UI (`/docs`) and generated clients group the operations as a reader looks for them.
 */
export const API_TAGS = {
  Relations: 'The relations the log holds: their names, counts and first and last dates',
  Log: 'The append-only event log: recording events (editors), and reading them back in the order they were recorded',
  Timeline: 'The live facts of a relation in the order they happened, searched and filtered; drawn as a chart and exported for TimelineJS',
  Agreements: 'The agreements of a relation with their status on any day',
  Status: 'Whether relations were established, severed or restored on a day, the periods over time and what qualifies them',
  'On this day': 'Facts dated to the day whose anniversary it is, in one relation or all; the anniversaries as an iCalendar feed',
  Feeds: 'RSS, Atom and JSON Feed of the log, newest recorded first, with archive pages that never change',
  Webhooks: 'Subscriptions to anniversary.today and event.recorded, their signing secrets and their delivery log (editors); the kinds of message and their schemas',
  Keys: 'Editor keys: made, listed and revoked by an admin; sessions of the editor\'s desk, started with a key',
  Admin: 'Running the service: its health, rebuilding the views, resealing webhook secrets',
  Backups: 'The whole log as NDJSON, and a restore of such a file into an empty log, which then rebuilds the views (admin)',
  Pages: 'The pages for people (HTML): the front page, each relation, each fact, searches and the days of the year',
  Discovery: 'How the site is found and followed: robots.txt, the sitemap of every page, an OPML list of every feed',
} as const;

export type ApiTag = keyof typeof API_TAGS;

/** The top-level `tags` of the document. */
export const documentTags = () => Object.entries(API_TAGS).map(([name, description]) => ({ name, description }));
