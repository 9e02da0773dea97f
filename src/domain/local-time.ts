/**
 * Local time in IANA time zones, from the runtime's own time-zone data (`Intl`): what day and hour it is
 * somewhere at an instant, and when a local hour of a day begins, daylight saving time included. Pure: the
 * instant comes in (milliseconds since 1970). No offsets are written down here; ICU knows them.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at `instant`, as if it were a UTC instant (milliseconds, to the second). */
function wallClock(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  wall.setUTCHours(parts.hour, parts.minute, parts.second);
  return wall.getTime();
}

/** How far the wall clock of `zone` is ahead of UTC at `instant`, in milliseconds. */
export function utcOffsetMs(zone: string, instant: number): number {
  return wallClock(zone, instant) - Math.floor(instant / 1000) * 1000;
}

const dayOf = (wall: number) => new Date(wall).toISOString().slice(0, 10);

/** The local date (YYYY-MM-DD) in `zone` at `instant`. */
export function localDate(zone: string, instant: number): string {
  return dayOf(wallClock(zone, instant));
}

/** The day `days` after a YYYY-MM-DD date (before it, when negative). */
export function addDays(date: string, days: number): string {
  return dayOf(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/**
 * An IANA time zone's own name (`america/mexico_city` is `America/Mexico_City`, `US/Pacific` is
 * `America/Los_Angeles`), or null when the runtime knows no such zone. Offsets (`+05:30`) are not time zones.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * When `hour` o'clock of `date` begins in `zone`: the first instant at which the wall clock there reads that
 * hour of that day or later. In an hour that is repeated (clocks go back), its first occurrence; in an hour
 * that is skipped (clocks go forward), the instant the clocks jump, when the next hour begins.
 */
export function localHourStart(zone: string, date: string, hour: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS;
  const offsets = [...new Set([-36, 0, 36].map((hours) => utcOffsetMs(zone, wall + hours * HOUR_MS)))];
  const shown = offsets.map((offset) => wall - offset).filter((instant) => wallClock(zone, instant) === wall);
  if (shown.length) return Math.min(...shown);
  // The wall clock never reads this hour: find the jump, between the instants the two offsets would give.
  let lo = wall - Math.max(...offsets);
  let hi = wall - Math.min(...offsets);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (wallClock(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Whether `date` is a day in `zone` at all (Pacific/Kiritimati had no 31 December 1994). */
export function dateExists(zone: string, date: string): boolean {
  return localDate(zone, localHourStart(zone, date, 0)) === date;
}

/** A local hour of a local day, and the instant it began. */
export interface LocalHour {
  day: string;
  hour: number;
  start: number;
}

/**
 * The local hours of `zone` that began after `from` and by `to` (a span of at most a few hours): usually
 * one. Where the clocks jumped forward, the skipped hours begin with the next one, at the jump; where they
 * went back, the repeated hour began the first time only. A day the zone skipped has no hours.
 */
export function hoursBegunWithin(zone: string, from: number, to: number): LocalHour[] {
  const before = utcOffsetMs(zone, from);
  const after = utcOffsetMs(zone, to);
  if (before === after) {
    // No change of offset: every whole hour of the wall clock in (from, to] begins where it seems to.
    const hours: LocalHour[] = [];
    for (let wall = Math.floor((from + before) / HOUR_MS + 1) * HOUR_MS; wall <= to + before; wall += HOUR_MS) {
      hours.push({ day: dayOf(wall), hour: new Date(wall).getUTCHours(), start: wall - before });
    }
    return hours;
  }
  const hours: LocalHour[] = [];
  const first = Math.floor((from + Math.min(before, after)) / HOUR_MS) * HOUR_MS;
  for (let wall = first; wall <= to + Math.max(before, after); wall += HOUR_MS) {
    const day = dayOf(wall);
    const hour = new Date(wall).getUTCHours();
    const start = localHourStart(zone, day, hour);
    if (start > from && start <= to && dateExists(zone, day)) hours.push({ day, hour, start });
  }
  return hours;
}

/** The next time `hour` o'clock begins in `zone` after `after`, on a day the zone has. */
export function nextLocalHour(zone: string, hour: number, after: number): LocalHour {
  const today = localDate(zone, after);
  for (let days = -1; ; days += 1) {
    const day = addDays(today, days);
    if (!dateExists(zone, day)) continue;
    const start = localHourStart(zone, day, hour);
    if (start > after) return { day, hour, start };
  }
}
