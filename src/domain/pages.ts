/**
 * Where a fact is shown to people: the path of its page. Every output that links a fact (the pages, the
 * feeds, the calendar, the TimelineJS export, the chart, the webhook messages) takes the link from here.
 */

/** The page of a fact: `/mx-ru/events/<id>`, the fact as a reader cites it. */
export const factPagePath = (relation: string, id: string): string => `/${relation}/events/${id}`;

/** The id of the entry of an amendment in the history on the page of the fact it amends. */
export const amendmentAnchor = (id: string): string => `amendment-${id}`;

/** What an event needs for the page that shows it. */
export interface LinkedEvent {
  relation: string;
  id: string;
  type: string;
  data: unknown;
}

/**
 * The page that shows an event: a fact's own page; for a correction or a retraction, the page of the fact
 * it amends, at its entry in that fact's history.
 */
export function eventPagePath(event: LinkedEvent): string {
  const amended = (event.data as { eventId?: unknown } | null)?.eventId;
  if ((event.type === 'EventCorrected' || event.type === 'EventRetracted') && typeof amended === 'string') {
    return `${factPagePath(event.relation, amended)}#${amendmentAnchor(event.id)}`;
  }
  return factPagePath(event.relation, event.id);
}
