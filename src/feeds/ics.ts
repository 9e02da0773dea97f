import type { February29Rule } from '../domain/anniversaries';
import { citationDetails } from '../domain/citation';
import { linkable } from '../domain/text';
import { LOG_LANGUAGE } from '../i18n/languages';
import type { Words } from '../i18n/words';
import type { TimelineItem } from '../views/timeline/item';

/**
 * iCalendar (RFC 5545): one all-day event a year for every event dated to an exact day.
 * Lines end in CRLF and fold at 75 octets without splitting a character.
 */

export interface AnniversaryCalendar {
  /** The calendar's language: its name, description and each event's words. */
  words: Words;
  name: string;
  /** Events dated to an exact day, not approximate or uncertain. */
  items: TimelineItem[];
  /** The page an event is on, by its id. */
  eventUrl: (id: string) => string;
  /** When this calendar was produced (DTSTAMP). */
  stamp: string;
  /** Where a fact of 29 February falls in a common year. */
  february29: February29Rule;
}

/**
 * The yearly rule of a fact of 29 February (RFC 5545 §3.3.10): the last day of February (feb28); the 60th day
 * of the year, which is 1 March in a common year (mar1); 29 February, which a common year does not have, so
 * it recurs in leap years only (skip, as RFC 5545 ignores a day that does not exist).
 */
const LEAP_DAY_RULES: Record<February29Rule, string> = {
  feb28: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1',
  mar1: 'FREQ=YEARLY;BYYEARDAY=60',
  skip: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
};

// The rule in words, the same in every year.
const ruleInWords = (words: Words, rule: February29Rule) => words.t(`ics.february29.${rule}`);

const encoder = new TextEncoder();

/** Folds a content line so no physical line is over 75 octets (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines begin with a space, which counts towards their 75 octets.
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** TEXT escaping (RFC 5545 §3.3.11); control characters other than newline are dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, '\\n');
}

const compactDay = (day: string) => day.replaceAll('-', '');
const compactInstant = (instant: string) => `${instant.slice(0, 19).replace(/[-:]/g, '')}Z`;

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function anniversary(item: TimelineItem, calendar: AnniversaryCalendar): string[] {
  const day = item.occurred;
  const leapDay = day.endsWith('-02-29');
  const rule = leapDay ? LEAP_DAY_RULES[calendar.february29] : 'FREQ=YEARLY';
  const url = item.source.url ? linkable(item.source.url) : null;
  const { words } = calendar;
  // A fact not translated yet has its text in the log's language, and is labelled so.
  const textLanguage = (item as { textLanguage?: string }).textLanguage ?? LOG_LANGUAGE;
  const description = [
    `${words.date(item.occurred)}: ${item.headline}`,
    item.summary,
    leapDay ? words.t('ics.rule', { words: ruleInWords(words, calendar.february29), rule: calendar.february29 }) : null,
    `${words.t('facts.source')} ${item.source.title} (${citationDetails(item.source)})${url ? ` ${url}` : ''}`,
  ].filter(Boolean).join('\n\n');
  return [
    'BEGIN:VEVENT',
    // The event's UUID, as RFC 7986 §5.3 recommends: the same whichever host or origin serves the calendar.
    `UID:${item.id}`,
    `DTSTAMP:${compactInstant(calendar.stamp)}`,
    `DTSTART;VALUE=DATE:${compactDay(day)}`,
    `DTEND;VALUE=DATE:${compactDay(nextDay(day))}`,
    `RRULE:${rule}`,
    `SUMMARY;LANGUAGE=${textLanguage}:${escapeText(`${item.headline} (${day.slice(0, 4)})`)}`,
    // Its words in the calendar's language around a headline in another: no one language to name.
    `DESCRIPTION${textLanguage === words.language ? `;LANGUAGE=${textLanguage}` : ''}:${escapeText(description)}`,
    `URL:${calendar.eventUrl(item.id)}`,
    ...(item.tags.length ? [`CATEGORIES:${item.tags.map(escapeText).join(',')}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

export function anniversariesCalendar(calendar: AnniversaryCalendar): string {
  const { words } = calendar;
  // RFC 5545 §3.2.10: the language of the text of the calendar's properties.
  const language = `;LANGUAGE=${words.language}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Relations log//Anniversaries//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME${language}:${escapeText(words.t('ics.name', { name: calendar.name }))}`,
    `X-WR-CALDESC${language}:${escapeText(words.t('ics.description', { words: ruleInWords(words, calendar.february29), rule: calendar.february29 }))}`,
    'REFRESH-INTERVAL;VALUE=DURATION:P1D',
    'X-PUBLISHED-TTL:P1D',
    ...calendar.items.flatMap((item) => anniversary(item, calendar)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** An event has anniversaries when it is dated to an exact day, neither approximate nor uncertain. */
export function hasAnniversary(item: TimelineItem): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(item.occurred);
}
