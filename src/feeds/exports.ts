import { z } from 'zod';
import { factPagePath } from '../domain/pages';
import type { RelationOverview } from '../views/relation-overview';
import { anniversariesCalendar, hasAnniversary } from './ics';
import { TimelineJs, timelineJs } from './timelinejs';

/** What an export of a relation is made from. */
export interface ExportInput {
  relation: string;
  /** "Mexico–Russia". */
  name: string;
  /** The public origin, for links. */
  origin: string;
  /** YYYY-MM-DD and the instant, UTC: when the export is made. */
  today: string;
  now: string;
  overview: RelationOverview;
}

/** A format the whole timeline of a relation is exported in, for other people's tools. */
export interface ExportFormat {
  mediaType: string;
  operationId: string;
  summary: string;
  description: string;
  /** The shape of the body, for the OpenAPI document. */
  schema: z.ZodType;
  render: (input: ExportInput) => string;
}

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
    render: ({ name, overview, today, origin, relation }) => JSON.stringify(timelineJs({
      name, items: overview.timeline, periods: overview.status.periods, today, pageUrl: `${origin}/${relation}`,
      factUrl: (id) => `${origin}${factPagePath(relation, id)}`,
    })),
  },
  'anniversaries.ics': {
    mediaType: 'text/calendar',
    operationId: 'getRelationAnniversaryCalendar',
    summary: 'Yearly anniversaries of the events dated to an exact day, as an iCalendar feed',
    description: 'One all-day event a year per day-precise event (29 February falls on 28 February in common years).',
    schema: z.string().describe('an iCalendar (RFC 5545) document'),
    render: ({ name, overview, origin, relation, now }) => anniversariesCalendar({
      name,
      items: overview.timeline.filter(hasAnniversary),
      eventUrl: (id) => `${origin}${factPagePath(relation, id)}`,
      stamp: now,
    }),
  },
} satisfies Record<string, ExportFormat>;

export type ExportFile = keyof typeof EXPORTS;
export const EXPORT_FILES = Object.keys(EXPORTS) as ExportFile[];
