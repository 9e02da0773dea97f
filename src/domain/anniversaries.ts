import { DATE_PATTERNS } from '../i18n/date-words';
import { LOG_LANGUAGE, type Language } from '../i18n/languages';

/** Anniversaries: which recorded days fall on a day of a given year. Pure: the year comes in. */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether `month`-`day` is a day of `year` (29 February only in leap years). */
export function isDayOfYear(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What a fact of 29 February does in a common year: `feb28`, it is remembered on 28 February (the default);
 * `mar1`, on 1 March; `skip`, not at all (only in leap years).
 */
export const FEBRUARY_29_RULES = ['feb28', 'mar1', 'skip'] as const;
export type February29Rule = (typeof FEBRUARY_29_RULES)[number];

/** The day of a common year on which a rule acts: where it moves the facts of 29 February, or leaves them out. */
const RULE_DAY: Record<February29Rule, { month: number; day: number }> = {
  feb28: { month: 2, day: 28 },
  mar1: { month: 3, day: 1 },
  skip: { month: 2, day: 28 },
};

/** The rule a list of anniversaries was made with, in words, and whether it acted on this day. */
export interface February29Note {
  rule: February29Rule;
  description: string;
  /** This is the day of a common year on which the rule moved the facts of 29 February here, or left them out. */
  applied: boolean;
}

/** The note of a rule on a day, its words in `language` (the log's by default; src/i18n/date-words.ts). */
export function february29Note(rule: February29Rule, year: number, month: number, day: number, language: Language = LOG_LANGUAGE): February29Note {
  const acts = RULE_DAY[rule];
  return { rule, description: DATE_PATTERNS[language].february29[rule], applied: !isLeapYear(year) && acts.month === month && acts.day === day };
}

/**
 * The recorded month-days whose anniversary falls on this day of `year` under a rule: the day itself, and in
 * a common year 29 February too on 28 February (`feb28`) or on 1 March (`mar1`).
 */
export function recordedDaysFallingOn(
  year: number, month: number, day: number, rule: February29Rule = 'feb28',
): { month: number; day: number }[] {
  const days = [{ month, day }];
  const moved = rule !== 'skip' && !isLeapYear(year) && RULE_DAY[rule].month === month && RULE_DAY[rule].day === day;
  if (moved) days.push({ month: 2, day: 29 });
  return days;
}

/** The recorded month-days any rule may put on this day of `year`: read once, then sorted out by rule. */
export function recordedDaysForAnyRule(year: number, month: number, day: number): { month: number; day: number }[] {
  const days = new Map<string, { month: number; day: number }>();
  for (const rule of FEBRUARY_29_RULES) {
    for (const recorded of recordedDaysFallingOn(year, month, day, rule)) days.set(`${recorded.month}-${recorded.day}`, recorded);
  }
  return [...days.values()];
}

export function yearsAgo(eventYear: number, year: number): number {
  return year - eventYear;
}
