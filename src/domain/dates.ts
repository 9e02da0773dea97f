import { parse, type ParsedDate } from 'edtf';

/** How finely the source dates an event. An interval is as precise as its coarser end. */
export const PRECISIONS = ['day', 'month', 'year', 'interval'] as const;
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

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses EDTF level 0 and 1 dates and intervals of days, months and years. Throws InvalidDate. */
export function parseOccurred(edtf: string): Occurred {
  if (!/^[0-9./~?%-]+$/.test(edtf)) {
    throw new InvalidDate('expected an EDTF date such as 1890-12-01, 1943-06, 1976, 1910/1920 or 2012~');
  }
  let parsed;
  try {
    parsed = parse(edtf, { level: 1 });
  } catch {
    throw new InvalidDate(`"${edtf}" is not an EDTF date (level 0 or 1)`);
  }
  if (parsed.type === 'Interval') {
    const [lower, upper] = parsed.values.map(knownEnd);
    if (!lower && !upper) throw new InvalidDate('an interval needs at least one known end');
    const start = lower ? dateBounds(lower) : null;
    const end = upper ? dateBounds(upper) : null;
    if (start && end && start.earliest > end.latest) {
      throw new InvalidDate(`the interval "${edtf}" ends before it starts`);
    }
    return {
      edtf,
      precision: 'interval',
      earliest: start?.earliest ?? null,
      latest: end?.latest ?? null,
      approximate: Boolean(lower?.approximate || upper?.approximate),
      uncertain: Boolean(lower?.uncertain || upper?.uncertain),
    };
  }
  const { earliest, latest, precision } = dateBounds(parsed);
  return {
    edtf,
    precision,
    earliest,
    latest,
    approximate: Boolean(parsed.approximate),
    uncertain: Boolean(parsed.uncertain),
  };
}

/** The end of an interval when it is a date: an open end (`..`) parses as Infinity, an unknown one as null. */
function knownEnd(end: ParsedDate | number | null): ParsedDate | null {
  return end !== null && typeof end === 'object' ? end : null;
}

function dateBounds(date: ParsedDate): { earliest: string; latest: string; precision: Exclude<Precision, 'interval'> } {
  if (date.type !== 'Date' || date.unspecified) {
    throw new InvalidDate('only days, months and years are supported (no seasons, unspecified digits or Y-years)');
  }
  const [year, month, day] = date.values;
  if (year < 1 || year > 9999) throw new InvalidDate('the year must have four digits, from 0001 to 9999');
  const y = pad(year, 4);
  if (month === undefined) return { earliest: `${y}-01-01`, latest: `${y}-12-31`, precision: 'year' };
  const m = pad(month + 1);
  const last = daysInMonth(year, month + 1);
  if (day === undefined) return { earliest: `${y}-${m}-01`, latest: `${y}-${m}-${pad(last)}`, precision: 'month' };
  if (day > last) throw new InvalidDate(`${y}-${m} has ${last} days`);
  return { earliest: `${y}-${m}-${pad(day)}`, latest: `${y}-${m}-${pad(day)}`, precision: 'day' };
}

/** The date as a person writes it: "1 December 1890", "June 1943", "1976", "1910–1920", "about 2012". */
export function occurredInWords(edtf: string): string {
  const parsed = parse(edtf, { level: 1 });
  if (parsed.type !== 'Interval') return dateInWords(parsed);
  const [lower, upper] = parsed.values.map(knownEnd);
  if (lower && upper) return `${dateInWords(lower)}–${dateInWords(upper)}`;
  if (upper) return edtf.startsWith('..') ? `until ${dateInWords(upper)}` : `by ${dateInWords(upper)}`;
  return edtf.endsWith('..') ? `from ${dateInWords(lower!)}` : `${dateInWords(lower!)} or later`;
}

function dateInWords(date: ParsedDate): string {
  const [year, month, day] = date.values;
  const base =
    month === undefined ? String(year)
    : day === undefined ? `${MONTHS[month]} ${year}`
    : `${day} ${MONTHS[month]} ${year}`;
  const approximate = date.approximate ? `about ${base}` : base;
  return date.uncertain ? `${approximate} (uncertain)` : approximate;
}
