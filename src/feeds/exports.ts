import { z } from 'zod';
import { FEBRUARY_29_RULES } from '../domain/anniversaries';
import { factPagePath } from '../domain/pages';
import { LanguageCode } from '../i18n/languages';
import type { Words } from '../i18n/words';
import type { RelationOverview } from '../views/relation-overview';
import { anniversariesCalendar, hasAnniversary } from './ics';
import { TimelineJs, timelineJs } from './timelinejs';

/** What an export of a relation is made from. */
export interface ExportInput {
  /** The language asked for (`lang`), English without it. */
  words: Words;
  relation: string;
  /** "Mexico–Russia", in that language. */
  name: string;
  /** The public origin, for links to the API; and where the pages of the language are (`origin/es`, or the origin). */
  origin: string;
  pages: string;
  /** YYYY-MM-DD and the instant, UTC: when the export is made. */
  today: string;
  now: string;
  overview: RelationOverview;
  /** The export's own query parameters, as its `query` schema reads them. */
  query: Record<string, unknown>;
}

/** A format the whole timeline of a relation is exported in, for other people's tools. */
export interface ExportFormat {
  mediaType: string;
  operationId: string;
  summary: string;
  description: string;
  /** The shape of the body, for the OpenAPI document. */
  schema: z.ZodType;
  /** The query parameters it takes. */
  query: z.ZodObject;
  render: (input: ExportInput) => string;
}

/** The language of an export's words and of the pages it links: English without it. */
const Lang = z.object({ lang: LanguageCode.optional().describe('the language of its words and of the pages it links; English without it') });

const CalendarQuery = Lang.extend({
  february29: z.enum(FEBRUARY_29_RULES).default('feb28')
    .describe('29 February in a common year: on 28 February, 1 March, or none'),
});

/**
 * Every export, by the file name it is served at under `/v1/relations/{relation}/`. The routes and
 * the OpenAPI document are made from this list.
 */
export const EXPORTS = {
  'timeline.timelinejs.json': {
    mediaType: 'application/json',
    operationId: 'getRelationTimelineJs',
    summary: 'The timeline in Knight Lab TimelineJS format',
    description: 'Partial dates stay partial (a year is only a year); the periods of relations are the eras.',
    schema: TimelineJs,
    query: Lang,
    render: ({ words, name, overview, today, pages, relation }) => JSON.stringify(timelineJs({
      words, name, items: overview.timeline, periods: overview.status.periods, today, pageUrl: `${pages}/${relation}`,
      factUrl: (id) => `${pages}${factPagePath(relation, id)}`,
    })),
  },
  'anniversaries.ics': {
    mediaType: 'text/calendar',
    operationId: 'getRelationAnniversaryCalendar',
    summary: 'Yearly anniversaries of the events dated to an exact day, as an iCalendar feed',
    description: 'One all-day event a year per day-precise event; 29 February recurs by the rule asked (february29), which the calendar says.',
    schema: z.string().describe('an iCalendar (RFC 5545) document'),
    query: CalendarQuery,
    render: ({ words, name, overview, pages, relation, now, query }) => anniversariesCalendar({
      words,
      name,
      items: overview.timeline.filter(hasAnniversary),
      eventUrl: (id) => `${pages}${factPagePath(relation, id)}`,
      stamp: now,
      february29: CalendarQuery.parse(query).february29,
    }),
  },
} satisfies Record<string, ExportFormat>;

export type ExportFile = keyof typeof EXPORTS;
export const EXPORT_FILES = Object.keys(EXPORTS) as ExportFile[];
