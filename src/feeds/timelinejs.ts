import { z } from 'zod';
import type { FactType } from '../domain/catalog';
import { citationDetails } from '../domain/citation';
import { occurredInWords, occurredSpan } from '../domain/dates';
import { linkable } from '../domain/text';
import { PERIOD_NAMES, type StatusPeriod } from '../domain/relation-status';
import type { TimelineItem } from '../views/timeline/item';
import { escapeXml } from './xml';

/** Knight Lab TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html). */

const TimelineJsDate = z.object({
  year: z.number().int(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  display_date: z.string().optional(),
}).describe('as precise as the source: a year stays a year');
type TimelineJsDate = z.infer<typeof TimelineJsDate>;

const TimelineJsSlide = z.object({
  start_date: TimelineJsDate,
  end_date: TimelineJsDate.optional(),
  text: z.object({ headline: z.string(), text: z.string().optional() }).describe('HTML'),
  group: z.string().optional().describe('the row the slide is drawn on: Relations, Visits, Agreements, Missions, Trade, Events'),
  unique_id: z.string().optional().describe('event-<event id>'),
  display_date: z.string().optional(),
});
type TimelineJsSlide = z.infer<typeof TimelineJsSlide>;

export const TimelineJs = z.object({
  title: z.object({ text: z.object({ headline: z.string(), text: z.string() }) }),
  events: z.array(TimelineJsSlide),
  eras: z.array(z.object({ start_date: TimelineJsDate, end_date: TimelineJsDate, text: z.object({ headline: z.string() }) }))
    .describe('the periods of relations'),
});
export type TimelineJs = z.infer<typeof TimelineJs>;

export interface TimelineJsInput {
  name: string;
  items: TimelineItem[];
  periods: StatusPeriod<{ occurredInWords: string }>[];
  /** YYYY-MM-DD: where the last period, still running, ends. */
  today: string;
  pageUrl: string;
  /** The absolute URL of a fact's page, by its id. */
  factUrl: (id: string) => string;
}

/** A date as precise as the source gives it (a year stays a year), where it starts and, if later, ends. */
function span(edtf: string): { start: TimelineJsDate; end?: TimelineJsDate } {
  const { start, end } = occurredSpan(edtf);
  return { start, ...(end ? { end } : {}) };
}

/** The row of the timeline each type of fact is drawn on. */
const GROUPS: Record<FactType, string> = {
  RelationsEstablished: 'Relations', RelationsSevered: 'Relations', RelationsRestored: 'Relations', RelationsQualified: 'Relations',
  VisitMade: 'Visits', AgreementSigned: 'Agreements', AgreementEnded: 'Agreements',
  MissionOpened: 'Missions', AmbassadorAppointed: 'Missions', TradeReported: 'Trade', EventNoted: 'Events',
};

function slide(item: TimelineItem, factUrl: (id: string) => string): TimelineJsSlide {
  const { start, end } = span(item.occurred);
  const paragraphs = [
    item.summary,
    item.participants.length ? `Participants: ${item.participants.join(', ')}` : null,
  ].filter((text): text is string => Boolean(text)).map((text) => `<p>${escapeXml(text)}</p>`);
  const url = item.source.url ? linkable(item.source.url) : null;
  const source = url
    ? `<a href="${escapeXml(url)}">${escapeXml(item.source.title)}</a>`
    : escapeXml(item.source.title);
  paragraphs.push(`<p>Source: ${source} (${escapeXml(citationDetails(item.source))})</p>`);
  // Words, not the address, in the link: TimelineJS turns an address in text into a link of its own.
  paragraphs.push(`<p><a href="${escapeXml(factUrl(item.id))}">The page of this fact</a>: its source, its history, how to cite it.</p>`);
  return {
    start_date: { ...start, display_date: item.occurredInWords },
    ...(end ? { end_date: end } : {}),
    display_date: item.occurredInWords,
    text: { headline: escapeXml(item.headline), text: paragraphs.join('') },
    group: GROUPS[item.type],
    unique_id: `event-${item.id}`,
  };
}

/** The timeline as TimelineJS slides, with the periods of relations as its eras. */
export function timelineJs(input: TimelineJsInput): TimelineJs {
  return {
    title: {
      text: {
        headline: escapeXml(`${input.name} relations`),
        // Words, not the address, in the link: TimelineJS turns an address in text into a link of its own.
        text: `<p>A timeline from the relations log; the same events, as text: <a href="${escapeXml(input.pageUrl)}">${escapeXml(input.name)} relations</a>.</p>`,
      },
    },
    events: input.items.map((item) => slide(item, input.factUrl)),
    eras: input.periods.map((period) => ({
      start_date: span(period.from).start,
      end_date: period.until ? span(period.until).start : span(input.today).start,
      text: {
        headline: `${PERIOD_NAMES[period.status]} (${occurredInWords(period.from)}–${period.until ? occurredInWords(period.until) : ''})`,
      },
    })),
  };
}
