import { z } from 'zod';
import type { FactType } from '../domain/catalog';
import { citationDetails } from '../domain/citation';
import { occurredSpan } from '../domain/dates';
import { linkable } from '../domain/text';
import type { StatusPeriod } from '../domain/relation-status';
import { LOG_LANGUAGE } from '../i18n/languages';
import type { Words } from '../i18n/words';
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
  /** The language of its words, and of the pages it links. */
  words: Words;
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

/** The row of the timeline each type of fact is drawn on (its name: the catalog's `tljs.group.<row>`). */
const GROUPS: Record<FactType, string> = {
  RelationsEstablished: 'relations', RelationsSevered: 'relations', RelationsRestored: 'relations', RelationsQualified: 'relations',
  VisitMade: 'visits', AgreementSigned: 'agreements', AgreementEnded: 'agreements',
  MissionOpened: 'missions', AmbassadorAppointed: 'missions', TradeReported: 'trade', EventNoted: 'events',
};

function slide(words: Words, item: TimelineItem, factUrl: (id: string) => string): TimelineJsSlide {
  const { t } = words;
  const { start, end } = span(item.occurred);
  const when = words.date(item.occurred);
  // A fact not yet translated into the timeline's language is told in the log's, and marked so.
  const textLanguage = item.textLanguage ?? LOG_LANGUAGE;
  const own = (text: string) => (textLanguage === words.language ? escapeXml(text) : `<span lang="${textLanguage}">${escapeXml(text)}</span>`);
  const paragraphs = [
    ...(item.summary ? [`<p>${own(item.summary)}</p>`] : []),
    ...(item.participants.length ? [`<p>${escapeXml(t('feed.participants', { list: item.participants.join(', ') }))}</p>`] : []),
  ];
  const url = item.source.url ? linkable(item.source.url) : null;
  const source = url
    ? `<a href="${escapeXml(url)}">${escapeXml(item.source.title)}</a>`
    : escapeXml(item.source.title);
  paragraphs.push(`<p>${escapeXml(t('facts.source'))} ${source} (${escapeXml(citationDetails(item.source))})</p>`);
  // Words, not the address, in the link: TimelineJS turns an address in text into a link of its own.
  const page = `<a href="${escapeXml(factUrl(item.id))}">${escapeXml(t('tljs.factPage'))}</a>`;
  paragraphs.push(`<p>${words.parts('tljs.factPageLine', { page }).map((part) => (part === page ? part : escapeXml(part))).join('')}</p>`);
  return {
    start_date: { ...start, display_date: when },
    ...(end ? { end_date: end } : {}),
    display_date: when,
    text: { headline: own(item.headline), text: paragraphs.join('') },
    group: t(`tljs.group.${GROUPS[item.type]}`),
    unique_id: `event-${item.id}`,
  };
}

/** The timeline as TimelineJS slides, with the periods of relations as its eras. */
export function timelineJs(input: TimelineJsInput): TimelineJs {
  const { words } = input;
  const heading = words.t('relation.heading', { name: input.name });
  // Words, not the address, in the link: TimelineJS turns an address in text into a link of its own.
  const page = `<a href="${escapeXml(input.pageUrl)}">${escapeXml(heading)}</a>`;
  return {
    title: {
      text: {
        headline: escapeXml(heading),
        text: `<p>${words.parts('tljs.intro', { page }).map((part) => (part === page ? part : escapeXml(part))).join('')}</p>`,
      },
    },
    events: input.items.map((item) => slide(words, item, input.factUrl)),
    eras: input.periods.map((period) => ({
      start_date: span(period.from).start,
      end_date: period.until ? span(period.until).start : span(input.today).start,
      text: {
        headline: `${words.t(`period.${period.status}`)} (${words.date(period.from)}–${period.until ? words.date(period.until) : ''})`,
      },
    })),
  };
}
