import type { ParsedDate } from 'edtf';
// The package's parser alone: its index also brings in its date classes, their formatting and its locales
// (about 2.5 KiB gzip of the bundle), which the service never uses. Typed in edtf.d.ts.
import { parse } from '../../node_modules/edtf/src/parser.js';
import { z } from 'zod';
import { DATE_PATTERNS, fill, type DatePatterns } from '../i18n/date-words';
import { LOG_LANGUAGE, type Language } from '../i18n/languages';

/**
 * EDTF (ISO 8601-2) level 0 and 1, as the `edtf` package reads it → precision, the first and last day
 * a date can mean, the parts it is known to, and words.
 */

/**
 * How finely the source dates an event. A season is its three months; a year with unspecified digits
 * (`197X`) is an interval of years, and an interval is as precise as its coarser end.
 */
export const PRECISIONS = ['day', 'month', 'season', 'year', 'interval'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** An `occurred` value understood: its precision, and the first and last day it can mean. */
export interface Occurred {
  edtf: string;
  precision: Precision;
  /** First day it can mean (`YYYY-MM-DD`), or null when the start is open or unknown. */
  earliest: string | null;
  /** Last day it can mean, or null when the end is open or unknown. */
  latest: string | null;
  approximate: boolean;
  uncertain: boolean;
}

export class InvalidDate extends Error {}

/** The years a `YYYY-MM-DD` day can hold and sort as text. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

const SUPPORTED =
  'a day (1890-12-01), a month (1943-06), a year (1976), a season (1943-21 to 1943-24), unspecified digits ' +
  '(197X, 19XX, 1943-XX, 1943-06-XX), with ~ ? % (2012~), or an interval of days, months and years (1910/1920, /2023, 1990/..)';
const YEARS = `years from ${String(FIRST_YEAR).padStart(4, '0')} to ${LAST_YEAR}`;

// The syntax of the dates the log accepts, as a regular expression: every date parseOccurred accepts matches
// it (a test checks), though not every match is a date (1943-02-30). For the OpenAPI document.
const DAY = '(?:0[1-9]|[12][0-9]|3[01]|XX)';
const MONTH_DAY = `(?:(?:0[1-9]|1[0-2])(?:-${DAY})?|XX(?:-XX)?)`;
const ONE_DATE = `(?:[0-9]{4}(?:-${MONTH_DAY})?|[0-9]{3}X|[0-9]{2}XX)[~?%]?`;
const SEASON = '[0-9]{4}-2[1-4]';
export const EDTF_SYNTAX = new RegExp(`^(?:${SEASON}|${ONE_DATE}|${ONE_DATE}/(?:${ONE_DATE}|\\.\\.)?|(?:\\.\\.)?/${ONE_DATE})$`);

/**
 * A day of the calendar as the API takes one (`asOf`, `on`, a citation's date, an agreement's validity):
 * YYYY-MM-DD in the years the log holds. A day of year 0000 is a real ISO 8601 day, but no view can put it
 * in words or on a chart.
 */
export const CalendarDay = z.iso.date()
  .refine((day) => !day.startsWith('0000'), `a day of the ${YEARS}`)
  .meta({ pattern: '^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$' })
  .describe(`a day of the calendar, YYYY-MM-DD, from ${String(FIRST_YEAR).padStart(4, '0')}-01-01 to ${LAST_YEAR}-12-31`);

/** EDTF level 1 seasons (21–24), each the three months the `edtf` package gives it, within its year. */
const SEASON_FIRST_MONTHS: Record<number, number> = { 21: 1, 22: 4, 23: 7, 24: 10 };

/** The month names of a language, from the runtime's Intl: as a day uses them (`1 декабря`) and alone (`декабрь`). */
interface MonthNames {
  inDate: string[];
  alone: string[];
}
const monthNamesOf = new Map<Language, MonthNames>();

function monthNames(language: Language): MonthNames {
  const known = monthNamesOf.get(language);
  if (known) return known;
  const { locale } = DATE_PATTERNS[language];
  const inDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const alone = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, index) => new Date(Date.UTC(2001, index, 1)));
  const names = {
    inDate: months.map((month) => inDate.formatToParts(month).find((part) => part.type === 'month')!.value),
    alone: months.map((month) => alone.format(month)),
  };
  monthNamesOf.set(language, names);
  return names;
}

/**
 * What a date says, to be put in words in a language: a day, a month or a year; the ten years of `197X` or the
 * years of `19XX`; a season; a year or month with digits unspecified.
 */
type Wording =
  | { form: 'day'; year: number; month: number; day: number }
  | { form: 'month' | 'dayUnspecified'; year: number; month: number }
  | { form: 'year' | 'monthUnspecified' | 'monthAndDayUnspecified'; year: number }
  | { form: 'decade'; first: number }
  | { form: 'years'; first: number; last: number }
  | { form: 'season'; year: number; code: number };

function formInWords(wording: Wording, patterns: DatePatterns, names: MonthNames): string {
  switch (wording.form) {
    case 'day': return fill(patterns.day, { day: wording.day, month: names.inDate[wording.month - 1], year: wording.year });
    case 'month': return fill(patterns.month, { month: names.alone[wording.month - 1], year: wording.year });
    case 'dayUnspecified': return fill(patterns.dayUnspecified, { month: formInWords({ ...wording, form: 'month' }, patterns, names) });
    case 'decade': return fill(patterns.decade, { decade: wording.first });
    case 'years': return fill(patterns.years, wording);
    case 'season': {
      const first = SEASON_FIRST_MONTHS[wording.code];
      const season = patterns.seasons[wording.code - 21];
      return fill(patterns.season, { season, year: wording.year, first: names.alone[first - 1], last: names.alone[first + 1] });
    }
    default: return fill(patterns[wording.form], wording);
  }
}

/** A date read, in words in `language`, with its qualifiers. */
function readInWords(date: ReadDate, language: Language): string {
  const patterns = DATE_PATTERNS[language];
  const words = formInWords(date.wording, patterns, monthNames(language));
  const about = date.approximate ? fill(patterns.approximate, { words }) : words;
  return date.uncertain ? fill(patterns.uncertain, { words: about }) : about;
}

// The `edtf` package marks unspecified digits (X) in a bitmask over YYYYMMDD, the first digit lowest.
const YEAR_DIGITS = [0b1, 0b10, 0b100, 0b1000];
const UNSPECIFIED_MONTH = 0b110000;
const UNSPECIFIED_DAY = 0b11000000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The days of a month of the proleptic Gregorian calendar, as `Date` counts them. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The parts of a date a source gives: a year, a month of it, a day of that. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/** The finest unit whose every digit a date gives. */
type Unit = 'day' | 'month' | 'year';

/** One EDTF date (not an interval) read: the days it can mean, the unit it is known to, and words. */
interface ReadDate {
  earliest: string;
  latest: string;
  unit: Unit;
  precision: Precision;
  wording: Wording;
  approximate: boolean;
  uncertain: boolean;
}

/**
 * Parses a new date: EDTF level 0 and 1 dates, seasons and intervals of days, months and years, as the log
 * accepts them now. Throws InvalidDate.
 */
export function parseOccurred(edtf: string): Occurred {
  return readOccurred(edtf, 'new');
}

/**
 * Reads a date the log holds. `stored` (the default) reads every date the log has ever accepted, so that
 * no rule added since makes an event unreadable: an interval whose end begins where its start begins
 * (`1990/1990`), refused now, still reads as the days from its start to its end.
 */
export function readOccurred(edtf: string, as: 'new' | 'stored' = 'stored'): Occurred {
  return remembered(as === 'new' ? newReads : storedReads, edtf, () => Object.freeze(readAfresh(edtf, as)));
}

function readAfresh(edtf: string, as: 'new' | 'stored'): Occurred {
  const parsed = parseEdtf(edtf);
  if (parsed.type === 'Interval') {
    const { start, end } = intervalEnds(edtf, parsed.values, as);
    return {
      edtf,
      precision: 'interval',
      earliest: start?.earliest ?? null,
      latest: end?.latest ?? null,
      approximate: Boolean(start?.approximate || end?.approximate),
      uncertain: Boolean(start?.uncertain || end?.uncertain),
    };
  }
  const { earliest, latest, precision, approximate, uncertain } = readDate(parsed);
  return { edtf, precision, earliest, latest, approximate, uncertain };
}

/** A month (1 to 12) in words, as it is named alone: "December", "diciembre", "декабрь". */
export const monthInWords = (month: number, language: Language = LOG_LANGUAGE): string => monthNames(language).alone[month - 1];

/** A day of the year in words, whatever the year: "1 December", "1 de diciembre", "1 декабря". */
export const dayOfYearInWords = (month: number, day: number, language: Language = LOG_LANGUAGE): string =>
  fill(DATE_PATTERNS[language].dayOfYear, { day, month: monthNames(language).inDate[month - 1] });

/**
 * The date as a person writes it in `language` (the log's own by default): "1 December 1890", "June 1943",
 * "the 1970s", "spring 1943 (January–March)", "1910–1920", "about 2012"; "1 de diciembre de 1890",
 * "la década de 1970"; "1 декабря 1890 г.", "1970-е годы".
 */
export function occurredInWords(edtf: string, language: Language = LOG_LANGUAGE): string {
  return remembered(datesInWords, `${language} ${edtf}`, () => inWordsAfresh(edtf, language));
}

function inWordsAfresh(edtf: string, language: Language): string {
  const parsed = parseEdtf(edtf);
  if (parsed.type !== 'Interval') return readInWords(readDate(parsed), language);
  const { start, end } = intervalEnds(edtf, parsed.values);
  const patterns = DATE_PATTERNS[language];
  const [from, to] = [start && readInWords(start, language), end && readInWords(end, language)];
  if (from && to) return fill(patterns.interval, { start: from, end: to });
  if (to) return fill(edtf.startsWith('..') ? patterns.until : patterns.by, { end: to });
  return fill(edtf.endsWith('..') ? patterns.from : patterns.orLater, { start: from! });
}

/**
 * A day the log holds (`YYYY-MM-DD`) in words: "31 December 2014". Read as written, so that a day recorded
 * before a rule refused it (an agreement valid until 0000-12-31) still reads.
 */
export function dayInWords(day: string, language: Language = LOG_LANGUAGE): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!(month >= 1 && month <= 12) || !date) return day;
  return formInWords({ form: 'day', year, month, day: date }, DATE_PATTERNS[language], monthNames(language));
}

/**
 * Where a date starts and ends, each as precise as the source gives it: `1976` is the year 1976,
 * `197X` the years 1970 to 1979, `1943-21` the months January to March 1943, `1910/1920` from 1910 to
 * 1920. `end` is null when it is the start itself, or when the interval has no known end; an interval
 * with no known start starts where it ends.
 */
export function occurredSpan(edtf: string): { start: DateParts; end: DateParts | null } {
  const parsed = parseEdtf(edtf);
  if (parsed.type !== 'Interval') {
    const date = readDate(parsed);
    const [start, end] = [partsOf(date.earliest, date.unit), partsOf(date.latest, date.unit)];
    return { start, end: sameParts(start, end) ? null : end };
  }
  const { start, end } = intervalEnds(edtf, parsed.values);
  if (start && end) return { start: partsOf(start.earliest, start.unit), end: partsOf(end.latest, end.unit) };
  const known = (start ?? end)!;
  return { start: partsOf(known.earliest, known.unit), end: null };
}

// A log holds few distinct dates, and its readers ask the same of them again and again (a page reads
// each of its dates several times): each is parsed, read and put in words once per isolate. Bounded,
// oldest out first; only what succeeds is kept (a date that throws throws again).
const REMEMBERED = 10_000;
const parsedDates = new Map<string, ReturnType<typeof parse>>();
const storedReads = new Map<string, Occurred>();
const newReads = new Map<string, Occurred>();
const datesInWords = new Map<string, string>();

function remembered<T>(memo: Map<string, T>, edtf: string, work: () => T): T {
  const known = memo.get(edtf);
  if (known !== undefined) return known;
  const value = work();
  if (memo.size >= REMEMBERED) memo.delete(memo.keys().next().value!);
  memo.set(edtf, value);
  return value;
}

const PLAIN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A plain day, month or year (most of any log) as the parser reads it, without the parser; else null. */
function plainDate(edtf: string): ParsedDate | null {
  const match = PLAIN.exec(edtf);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as [number, number?, number?];
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) return null;
  const values = day !== undefined ? [year, month! - 1, day] : month !== undefined ? [year, month - 1] : [year];
  return { type: 'Date', level: 0, values };
}

function parseEdtf(edtf: string) {
  return remembered(parsedDates, edtf, () => plainDate(edtf) ?? parseWithTheParser(edtf));
}

function parseWithTheParser(edtf: string) {
  if (!/^[0-9XY./~?%-]+$/.test(edtf)) throw new InvalidDate(`expected an EDTF date: ${SUPPORTED}`);
  try {
    return parse(edtf, { level: 1 });
  } catch {
    throw new InvalidDate(`"${edtf}" is not an EDTF date this log reads: ${SUPPORTED}`);
  }
}

/** The known ends of an interval: an open end (`..`) parses as Infinity, an unknown one as null. */
function intervalEnds(
  edtf: string, values: [ParsedDate | number | null, ParsedDate | number | null], as: 'new' | 'stored' = 'stored',
) {
  const [lower, upper] = values.map((end) => (end !== null && typeof end === 'object' ? readDate(end) : null));
  if (!lower && !upper) throw new InvalidDate('an interval needs at least one known end');
  // A new interval, as the edtf package has it: its end begins after its start begins (`1990/1990` and
  // `1943-06/1943` are none). The log has always refused one that ends before it starts.
  const backwards = as === 'new' ? upper && lower && upper.earliest <= lower.earliest : upper && lower && upper.latest < lower.earliest;
  if (backwards) throw new InvalidDate(`the interval "${edtf}" must end after it starts: its end must begin later than its start`);
  return { start: lower, end: upper };
}

function readDate(date: ParsedDate): ReadDate {
  const qualifiers = { approximate: Boolean(date.approximate), uncertain: Boolean(date.uncertain) };
  if (date.type === 'Year') {
    throw new InvalidDate(`years of more than four digits (Y${date.values[0]}) are not supported: the log holds ${YEARS}`);
  }
  const [year] = date.values;
  if (year < 0) throw new InvalidDate(`years before the common era are not supported: the log holds ${YEARS}`);
  if (date.type === 'Season') return { ...seasonOf(year, date.values[1]), ...qualifiers };
  if (date.type !== 'Date') throw new InvalidDate(`expected an EDTF date: ${SUPPORTED}`);
  const read = date.unspecified ? unspecifiedDate(date) : specifiedDate(date);
  const first = Number(read.earliest.slice(0, 4));
  if (first < FIRST_YEAR || Number(read.latest.slice(0, 4)) > LAST_YEAR) {
    throw new InvalidDate(`the year must be one of the ${YEARS}`);
  }
  return { ...read, ...qualifiers };
}

type Dated = Omit<ReadDate, 'approximate' | 'uncertain'>;

function specifiedDate({ values: [year, month, day] }: ParsedDate): Dated {
  const y = pad(year, 4);
  if (month === undefined) return { ...yearOf(year), precision: 'year' };
  const m = pad(month + 1);
  const last = daysInMonth(year, month + 1);
  if (day === undefined) return { ...monthOf(year, month + 1), precision: 'month' };
  if (day > last) throw new InvalidDate(`${y}-${m} has ${last} days`);
  const dayOf = `${y}-${m}-${pad(day)}`;
  return { earliest: dayOf, latest: dayOf, unit: 'day', precision: 'day', wording: { form: 'day', year, month: month + 1, day } };
}

/**
 * A date with unspecified digits is every day it can mean: `197X` the years 1970 to 1979, `1943-XX`
 * the year 1943, `1943-06-XX` the month of June 1943. It is never a day.
 */
function unspecifiedDate({ values: [year, month], unspecified = 0 }: ParsedDate): Dated {
  const yearDigits = YEAR_DIGITS.filter((bit) => unspecified & bit).length;
  if (yearDigits === 4) throw new InvalidDate(`a date needs at least the first digits of its year (19XX, 197X): ${SUPPORTED}`);
  if (yearDigits > 0) {
    const span = 10 ** yearDigits;
    const first = Math.floor(year / span) * span;
    const last = first + span - 1;
    return {
      earliest: `${pad(first, 4)}-01-01`,
      latest: `${pad(last, 4)}-12-31`,
      unit: 'year',
      precision: 'interval',
      wording: yearDigits === 1 ? { form: 'decade', first } : { form: 'years', first, last },
    };
  }
  if (unspecified & UNSPECIFIED_MONTH) {
    const form = unspecified & UNSPECIFIED_DAY ? 'monthAndDayUnspecified' : 'monthUnspecified';
    return { ...yearOf(year), precision: 'year', wording: { form, year } };
  }
  return { ...monthOf(year, month + 1), precision: 'month', wording: { form: 'dayUnspecified', year, month: month + 1 } };
}

function yearOf(year: number): Omit<Dated, 'precision'> {
  const y = pad(year, 4);
  return { earliest: `${y}-01-01`, latest: `${y}-12-31`, unit: 'year', wording: { form: 'year', year } };
}

/** `month` from 1 to 12. */
function monthOf(year: number, month: number): Omit<Dated, 'precision'> {
  const [y, m] = [pad(year, 4), pad(month)];
  return {
    earliest: `${y}-${m}-01`,
    latest: `${y}-${m}-${pad(daysInMonth(year, month))}`,
    unit: 'month',
    wording: { form: 'month', year, month },
  };
}

function seasonOf(year: number, code: number): Dated {
  const firstMonth = SEASON_FIRST_MONTHS[code];
  if (!firstMonth) throw new InvalidDate(`only the seasons 21 to 24 (spring, summer, autumn, winter) are supported: ${SUPPORTED}`);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new InvalidDate(`the year must be one of the ${YEARS}`);
  const [first, last] = [monthOf(year, firstMonth), monthOf(year, firstMonth + 2)];
  return { earliest: first.earliest, latest: last.latest, unit: 'month', precision: 'season', wording: { form: 'season', year, code } };
}

/** A day cut to the unit a date is known to: `1943-06-30` as a month is June 1943. */
function partsOf(day: string, unit: Unit): DateParts {
  const [year, month, date] = day.split('-').map(Number);
  if (unit === 'year') return { year };
  if (unit === 'month') return { year, month };
  return { year, month, day: date };
}

const sameParts = (a: DateParts, b: DateParts) => a.year === b.year && a.month === b.month && a.day === b.day;

/** A date as the log has it: its EDTF and the first and last day it can mean. */
export interface DatedFact {
  occurred: string;
  earliest: string | null;
  latest: string | null;
}
