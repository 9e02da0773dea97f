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
 * The recorded month-days whose anniversary falls on this day of `year`: the day itself, and on
 * 28 February of a common year also 29 February, which that year does not have.
 */
export function recordedDaysFallingOn(year: number, month: number, day: number): { month: number; day: number }[] {
  const days = [{ month, day }];
  if (month === 2 && day === 28 && !isLeapYear(year)) days.push({ month: 2, day: 29 });
  return days;
}

export function yearsAgo(eventYear: number, year: number): number {
  return year - eventYear;
}
