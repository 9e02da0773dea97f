import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone, dateExists, hoursBegunWithin, localDate, localHourStart, nextLocalHour, utcOffsetMs,
} from '../src/domain/local-time';

/**
 * Local time from the runtime's own time-zone data (workerd's ICU), at simulated instants around the
 * transitions of five zones. The expected instants are written as UTC; the offsets are ICU's, never a table.
 */

const utc = (iso: string) => Date.parse(iso);
const hours = (zone: string, from: string, to: string) =>
  hoursBegunWithin(zone, utc(from), utc(to)).map(({ day, hour, start }) => ({ day, hour, start: new Date(start).toISOString() }));

describe('the runtime knows the zones', () => {
  it('names each zone as IANA does, and refuses what is not one', () => {
    expect(canonicalTimeZone('america/mexico_city')).toBe('America/Mexico_City');
    expect(canonicalTimeZone('US/Pacific')).toBe('America/Los_Angeles');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    for (const zone of ['America/Tijuana', 'America/Mexico_City', 'Europe/Moscow', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect(canonicalTimeZone(zone)).toBe(zone);
    }
    for (const wrong of ['Mars/Olympus_Mons', '+05:30', 'GMT+3 ', '', 'America/Mexico City']) expect(canonicalTimeZone(wrong)).toBeNull();
  });

  it('has the offsets of today and of the past: Kiritimati at UTC+14, Pago Pago at UTC−11, Mexico City without daylight saving since 2022', () => {
    const hour = 3_600_000;
    expect(utcOffsetMs('Pacific/Kiritimati', utc('2026-12-01T00:00:00Z'))).toBe(14 * hour);
    expect(utcOffsetMs('Pacific/Pago_Pago', utc('2026-07-01T00:00:00Z'))).toBe(-11 * hour);
    expect(utcOffsetMs('America/Mexico_City', utc('2022-07-01T12:00:00Z'))).toBe(-5 * hour);
    expect(utcOffsetMs('America/Mexico_City', utc('2023-07-01T12:00:00Z'))).toBe(-6 * hour);
    expect(utcOffsetMs('Europe/Moscow', utc('2012-07-01T12:00:00Z'))).toBe(4 * hour);
    expect(utcOffsetMs('Europe/Moscow', utc('2015-07-01T12:00:00Z'))).toBe(3 * hour);
    // The same instant is a different day in each.
    expect(localDate('Pacific/Kiritimati', utc('2026-12-01T12:00:00Z'))).toBe('2026-12-02');
    expect(localDate('Pacific/Pago_Pago', utc('2026-12-01T10:00:00Z'))).toBe('2026-11-30');
  });
});

describe('when a local hour begins', () => {
  it('in a skipped hour, at the jump: Tijuana on 8 March 2026 has no 02:00', () => {
    expect(new Date(localHourStart('America/Tijuana', '2026-03-08', 2)).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(new Date(localHourStart('America/Tijuana', '2026-03-08', 3)).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(new Date(localHourStart('America/Tijuana', '2026-03-08', 1)).toISOString()).toBe('2026-03-08T09:00:00.000Z');
    expect(hours('America/Tijuana', '2026-03-08T09:30:00Z', '2026-03-08T10:30:00Z')).toEqual([
      { day: '2026-03-08', hour: 2, start: '2026-03-08T10:00:00.000Z' },
      { day: '2026-03-08', hour: 3, start: '2026-03-08T10:00:00.000Z' },
    ]);
  });

  it('in a repeated hour, the first time only: 01:00 of 1 November 2026 in Tijuana', () => {
    expect(new Date(localHourStart('America/Tijuana', '2026-11-01', 1)).toISOString()).toBe('2026-11-01T08:00:00.000Z');
    expect(new Date(localHourStart('America/Tijuana', '2026-11-01', 2)).toISOString()).toBe('2026-11-01T10:00:00.000Z');
    // The second 01:00 (09:00 UTC) begins no hour.
    expect(hours('America/Tijuana', '2026-11-01T08:30:00Z', '2026-11-01T09:30:00Z')).toEqual([]);
    expect(hours('America/Tijuana', '2026-11-01T07:30:00Z', '2026-11-01T08:30:00Z')).toEqual([
      { day: '2026-11-01', hour: 1, start: '2026-11-01T08:00:00.000Z' },
    ]);
  });

  it('in Moscow, the last jump forward (27 March 2011) and the last step back (26 October 2014)', () => {
    expect(new Date(localHourStart('Europe/Moscow', '2011-03-27', 2)).toISOString()).toBe('2011-03-26T23:00:00.000Z');
    expect(new Date(localHourStart('Europe/Moscow', '2014-10-26', 1)).toISOString()).toBe('2014-10-25T21:00:00.000Z');
    expect(hours('Europe/Moscow', '2014-10-25T21:30:00Z', '2014-10-25T22:30:00Z')).toEqual([]);
  });

  it('in Mexico City, the last step back (30 October 2022), and no jump in April 2023', () => {
    expect(new Date(localHourStart('America/Mexico_City', '2022-10-30', 1)).toISOString()).toBe('2022-10-30T06:00:00.000Z');
    expect(hours('America/Mexico_City', '2022-10-30T06:30:00Z', '2022-10-30T07:30:00Z')).toEqual([]);
    // 2 April 2023 would have jumped before 2022; now 02:00 is 08:00 UTC like any other day.
    expect(new Date(localHourStart('America/Mexico_City', '2023-04-02', 2)).toISOString()).toBe('2023-04-02T08:00:00.000Z');
    expect(dateExists('America/Mexico_City', '2023-04-02')).toBe(true);
  });

  it('in Kiritimati, whose 31 December 1994 never was: the day after the 30th is 1 January 1995', () => {
    expect(dateExists('Pacific/Kiritimati', '1994-12-30')).toBe(true);
    expect(dateExists('Pacific/Kiritimati', '1994-12-31')).toBe(false);
    expect(dateExists('Pacific/Kiritimati', '1995-01-01')).toBe(true);
    // The jump, from 23:59:59 on the 30th (UTC−10) to midnight of 1 January (UTC+14), at 10:00 UTC on the 31st.
    expect(hours('Pacific/Kiritimati', '1994-12-31T09:30:00Z', '1994-12-31T10:30:00Z')).toEqual([
      { day: '1995-01-01', hour: 0, start: '1994-12-31T10:00:00.000Z' },
    ]);
    const after30th = nextLocalHour('Pacific/Kiritimati', 8, utc('1994-12-30T18:00:00Z'));
    expect(after30th).toEqual({ day: '1995-01-01', hour: 8, start: utc('1994-12-31T18:00:00Z') });
  });

  it('in Pago Pago, eleven hours behind: its morning of 1 December is in the evening of 1 December, UTC', () => {
    expect(new Date(localHourStart('Pacific/Pago_Pago', '2026-12-01', 8)).toISOString()).toBe('2026-12-01T19:00:00.000Z');
    expect(hours('Pacific/Pago_Pago', '2026-12-01T18:00:00Z', '2026-12-01T19:00:00Z')).toEqual([
      { day: '2026-12-01', hour: 8, start: '2026-12-01T19:00:00.000Z' },
    ]);
  });

  it('in a zone half an hour off the hour, at the half hour of UTC', () => {
    expect(hours('Asia/Kolkata', '2026-12-01T02:05:00Z', '2026-12-01T03:05:00Z')).toEqual([
      { day: '2026-12-01', hour: 8, start: '2026-12-01T02:30:00.000Z' },
    ]);
  });
});
