import { LOG_LANGUAGE, type Language } from '../i18n/languages';
import { isAmendment } from './catalog';

/**
 * Where a fact is shown to people: the path of its page, in a language. Every output that links a page (the
 * pages, the feeds, the calendar, the TimelineJS export, the chart, the webhook messages) takes the link from
 * here. A language's pages are under its code (`/es/mx-ru`, `/ru/`); the log's own language keeps the paths
 * without one (`/mx-ru`).
 */

/** A page's path (`/mx-ru`, `/`) in `language`: `/es/mx-ru`, `/es/`; unchanged in the log's language. */
export const pagePath = (path: string, language: Language = LOG_LANGUAGE): string =>
  language === LOG_LANGUAGE ? path : `/${language}${path}`;

/** The front page: `/`, `/es/`. */
export const frontPagePath = (language: Language = LOG_LANGUAGE): string => pagePath('/', language);

/** The page of a relation: `/mx-ru`, `/es/mx-ru`. */
export const relationPagePath = (relation: string, language: Language = LOG_LANGUAGE): string => pagePath(`/${relation}`, language);

/** The page of a fact: `/mx-ru/events/<id>`, `/es/mx-ru/events/<id>`, the fact as a reader cites it. */
export const factPagePath = (relation: string, id: string, language: Language = LOG_LANGUAGE): string =>
  pagePath(`/${relation}/events/${id}`, language);

/** The page of the anniversaries of a day of the year (`MM-DD`): `/on-this-day/12-01`, `/es/on-this-day/12-01`. */
export const onThisDayPagePath = (monthDay: string, language: Language = LOG_LANGUAGE): string =>
  pagePath(`/on-this-day/${monthDay}`, language);

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
 * The page that shows an event: a fact's own page; for a correction, a retraction or a translation, the page of
 * the fact it amends, at its entry in that fact's history.
 */
export function eventPagePath(event: LinkedEvent, language: Language = LOG_LANGUAGE): string {
  const amended = (event.data as { eventId?: unknown } | null)?.eventId;
  if (isAmendment(event.type) && typeof amended === 'string') {
    return `${factPagePath(event.relation, amended, language)}#${amendmentAnchor(event.id)}`;
  }
  return factPagePath(event.relation, event.id, language);
}
