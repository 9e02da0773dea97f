import edtf from 'edtf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, EDTF_SYNTAX, InvalidDate, occurredInWords, occurredSpan, parseOccurred, readOccurred } from '../src/domain/dates';
import { dating } from '../src/views/timeline/projector';

describe('parseOccurred', () => {
  it('keeps the precision the source gives, with the first and last day it can mean', () => {
    expect(parseOccurred('1890-12-01')).toEqual({
      edtf: '1890-12-01', precision: 'day', earliest: '1890-12-01', latest: '1890-12-01', approximate: false, uncertain: false,
    });
    expect(parseOccurred('1943-06')).toMatchObject({ precision: 'month', earliest: '1943-06-01', latest: '1943-06-30' });
    expect(parseOccurred('1976')).toMatchObject({ precision: 'year', earliest: '1976-01-01', latest: '1976-12-31' });
    expect(parseOccurred('1910/1920')).toMatchObject({ precision: 'interval', earliest: '1910-01-01', latest: '1920-12-31' });
    expect(parseOccurred('1930-01-26/1943-06')).toMatchObject({ precision: 'interval', earliest: '1930-01-26', latest: '1943-06-30' });
  });

  it('knows the length of every month, leap years included', () => {
    expect(parseOccurred('2000-02').latest).toBe('2000-02-29');
    expect(parseOccurred('1900-02').latest).toBe('1900-02-28');
    expect(parseOccurred('2024-02').latest).toBe('2024-02-29');
    expect(parseOccurred('2023-04').latest).toBe('2023-04-30');
    expect(parseOccurred('2024-02-29').earliest).toBe('2024-02-29');
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2023, month)))
      .toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('reads a date the same however often it is asked, and no reader can change what the next one is told', () => {
    const first = readOccurred('1943-06');
    expect(() => { (first as { latest: string | null }).latest = '1943-06-01'; }).toThrow(TypeError);
    expect(readOccurred('1943-06')).toEqual({ edtf: '1943-06', precision: 'month', earliest: '1943-06-01', latest: '1943-06-30', approximate: false, uncertain: false });
    expect(occurredInWords('1943-06')).toBe(occurredInWords('1943-06'));
    expect(() => parseOccurred('1990/1990')).toThrow(InvalidDate);
    expect(readOccurred('1990/1990')).toMatchObject({ earliest: '1990-01-01', latest: '1990-12-31' });
    expect(() => parseOccurred('1990/1990')).toThrow(InvalidDate);
  });

  it('marks approximate and uncertain dates without moving their bounds', () => {
    expect(parseOccurred('2012~')).toMatchObject({ precision: 'year', earliest: '2012-01-01', latest: '2012-12-31', approximate: true, uncertain: false });
    expect(parseOccurred('1943-06?')).toMatchObject({ precision: 'month', approximate: false, uncertain: true });
    expect(parseOccurred('1926%')).toMatchObject({ approximate: true, uncertain: true });
    expect(parseOccurred('1910~/1920')).toMatchObject({ precision: 'interval', approximate: true });
  });

  it('leaves an open or unknown end of an interval open', () => {
    expect(parseOccurred('/2023')).toMatchObject({ precision: 'interval', earliest: null, latest: '2023-12-31' });
    expect(parseOccurred('../2023')).toMatchObject({ earliest: null, latest: '2023-12-31' });
    expect(parseOccurred('1990/..')).toMatchObject({ earliest: '1990-01-01', latest: null });
    expect(parseOccurred('1990/')).toMatchObject({ earliest: '1990-01-01', latest: null });
  });

  it('reads unspecified digits as every day they can mean, never as a day', () => {
    expect(parseOccurred('197X')).toMatchObject({ precision: 'interval', earliest: '1970-01-01', latest: '1979-12-31' });
    expect(parseOccurred('19XX')).toMatchObject({ precision: 'interval', earliest: '1900-01-01', latest: '1999-12-31' });
    expect(parseOccurred('1943-XX')).toMatchObject({ precision: 'year', earliest: '1943-01-01', latest: '1943-12-31' });
    expect(parseOccurred('1943-XX-XX')).toMatchObject({ precision: 'year', earliest: '1943-01-01', latest: '1943-12-31' });
    expect(parseOccurred('1943-06-XX')).toMatchObject({ precision: 'month', earliest: '1943-06-01', latest: '1943-06-30' });
    expect(parseOccurred('1900-02-XX')).toMatchObject({ precision: 'month', latest: '1900-02-28' });
  });

  it('reads a season as its three months, as the edtf package does', () => {
    expect(parseOccurred('1943-21')).toMatchObject({ precision: 'season', earliest: '1943-01-01', latest: '1943-03-31' });
    expect(parseOccurred('1943-22')).toMatchObject({ earliest: '1943-04-01', latest: '1943-06-30' });
    expect(parseOccurred('1943-23')).toMatchObject({ earliest: '1943-07-01', latest: '1943-09-30' });
    expect(parseOccurred('1943-24')).toMatchObject({ earliest: '1943-10-01', latest: '1943-12-31' });
  });

  it('means the same days as the edtf package for every date both accept, and refuses only days that do not exist', () => {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const year = fc.integer({ min: 1000, max: 9999 });
    const value = fc.oneof(
      fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
      year.map((y) => `${y}-02-29`),
      fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`),
      year.map(String),
      year.map((y) => `${String(y).slice(0, 3)}X`),
      year.map((y) => `${String(y).slice(0, 2)}XX`),
      year.map((y) => `${y}-XX`),
      year.map((y) => `${y}-XX-XX`),
      fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}-XX`),
      fc.tuple(year, fc.integer({ min: 21, max: 24 })).map(([y, s]) => `${y}-${s}`),
      fc.tuple(year, year).map(([a, b]) => `${Math.min(a, b)}/${Math.max(a, b)}`),
      fc.tuple(fc.constantFrom('1943', '1943-06', '1943-06-15', '1944', '..', ''), fc.constantFrom('1943', '1943-06', '1943-06-15', '1943-07', '1944', '..', ''))
        .map(([start, end]) => `${start}/${end}`),
    );
    // Where this log is stricter than the package, on purpose.
    const stricter = [
      // 29 February of a common year: the package rolls it over to 1 March.
      (value: string) => /^\d{4}-02-29$/.test(value) && daysInMonth(Number(value.slice(0, 4)), 2) === 28,
      // An interval with no known end: it would sort nowhere.
      (value: string) => /^(\.\.)?\/(\.\.)?$/.test(value),
    ];
    const known = (part: string) => part !== '' && part !== '..';
    fc.assert(fc.property(value, (edtfValue) => {
      try {
        edtf(edtfValue);
      } catch {
        expect(() => parseOccurred(edtfValue)).toThrow(InvalidDate);
        return;
      }
      let ours;
      try {
        ours = parseOccurred(edtfValue);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidDate);
        expect(stricter.some((refused) => refused(edtfValue)), edtfValue).toBe(true);
        return;
      }
      const [start, end] = edtfValue.includes('/') ? edtfValue.split('/') : [edtfValue, edtfValue];
      expect([ours.earliest, ours.latest]).toEqual([
        known(start) ? day(edtf(start).min) : null,
        known(end) ? day(edtf(end).max) : null,
      ]);
    }), { numRuns: 500 });
  });

  it('refuses, saying what it reads, anything but EDTF level 0 and 1 in years 0001 to 9999', () => {
    const invalid = [
      '2003-02-29', '1943-13', '1943-00', '1943-06-31', '1943-06-00', 'June 1943', '1 December 1890', '', ' 1943', '1943 ',
      '43', '194', '19431', '0000', '1920/1910', '1943-07/1943-06-30', '/', '../..', 'Y170000', 'Y-170000', 'Y10000',
      '2004-06-11T10:00:00Z', '1943/06', '1943-6', '1943-06-1', '{1943,1944}', '[1943..1945]', '1943~~', '-1943',
      '-0044-03-15', '-197X', 'XXXX', 'XXXX-XX-XX', '00XX', '000X', '0000-XX', '1XXX', '197X-06', '1943-XX-15', '156X-12-25',
      '1943-25', '1943-41', '1943-21~', '1943-21/1944', '197X/1980', '19xx', '1943-2X', '1990/1990', '1943-06/1943',
    ];
    for (const value of invalid) {
      expect(() => parseOccurred(value), value).toThrow(InvalidDate);
    }
  });

  it('says why a date is wrong, and what it reads instead', () => {
    expect(() => parseOccurred('2003-02-29')).toThrow('2003-02 has 28 days');
    expect(() => parseOccurred('1920/1910')).toThrow(/must end after it starts/);
    expect(() => parseOccurred('1990/1990')).toThrow(/must end after it starts/);
    expect(() => parseOccurred('June 1943')).toThrow(/expected an EDTF date: a day \(1890-12-01\), a month/);
    expect(() => parseOccurred('1943-25')).toThrow(/season \(1943-21 to 1943-24\)/);
    expect(() => parseOccurred('Y170000')).toThrow(/more than four digits .* years from 0001 to 9999/);
    expect(() => parseOccurred('-0044-03-15')).toThrow(/before the common era .* years from 0001 to 9999/);
    expect(() => parseOccurred('0000')).toThrow(/years from 0001 to 9999/);
    expect(() => parseOccurred('XXXX')).toThrow(/at least the first digits of its year/);
  });

  it('still reads every date the log accepted before a rule was added', () => {
    // Intervals whose end begins where their start begins were accepted once; new ones are refused.
    expect(() => parseOccurred('1990/1990')).toThrow(InvalidDate);
    expect(() => parseOccurred('1943-06/1943')).toThrow(InvalidDate);
    expect(readOccurred('1990/1990')).toMatchObject({ precision: 'interval', earliest: '1990-01-01', latest: '1990-12-31' });
    expect(dating('1943-06/1943')).toMatchObject({ precision: 'interval', earliest: '1943-06-01', latest: '1943-12-31' });
    expect(occurredInWords('1943-06/1943')).toBe('June 1943–1943');
    expect(occurredSpan('1990/1990')).toEqual({ start: { year: 1990 }, end: { year: 1990 } });
    expect(() => readOccurred('1920/1910')).toThrow(/must end after it starts/);
  });

  it('throws nothing but InvalidDate, whatever the text', () => {
    const edtfish = fc.string({ unit: fc.constantFrom(...'0123456789XY-/.~?%'), maxLength: 24 });
    fc.assert(fc.property(fc.oneof(edtfish, fc.string({ maxLength: 24 })), (value) => {
      try {
        parseOccurred(value);
        expect(typeof occurredInWords(value)).toBe('string');
        expect(occurredSpan(value).start.year).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidDate);
      }
    }), { numRuns: 2000 });
  });
});

describe('occurredInWords', () => {
  it('writes the date as a person would, at its precision', () => {
    const words: Record<string, string> = {
      '1890-12-01': '1 December 1890',
      '1930-01-26': '26 January 1930',
      '1943-06': 'June 1943',
      '1976': '1976',
      '1910/1920': '1910–1920',
      '1924-08/1930-01-26': 'August 1924–26 January 1930',
      '2012~': 'about 2012',
      '1943-06?': 'June 1943 (uncertain)',
      '/2023': 'by 2023',
      '../2023': 'until 2023',
      '1990/..': 'from 1990',
      '1990/': '1990 or later',
      '197X': 'the 1970s',
      '19XX': '1900–1999',
      '1943-XX': '1943 (month unspecified)',
      '1943-XX-XX': '1943 (month and day unspecified)',
      '1943-06-XX': 'June 1943 (day unspecified)',
      '1943-21': 'spring 1943 (January–March)',
      '1943-24': 'winter 1943 (October–December)',
    };
    expect(Object.fromEntries(Object.keys(words).map((edtf) => [edtf, occurredInWords(edtf)]))).toEqual(words);
  });
});

describe('occurredSpan', () => {
  it('gives where a date starts and ends, each as precise as the source gives it', () => {
    expect(occurredSpan('1890-12-01')).toEqual({ start: { year: 1890, month: 12, day: 1 }, end: null });
    expect(occurredSpan('1976')).toEqual({ start: { year: 1976 }, end: null });
    expect(occurredSpan('1943-06-XX')).toEqual({ start: { year: 1943, month: 6 }, end: null });
    expect(occurredSpan('197X')).toEqual({ start: { year: 1970 }, end: { year: 1979 } });
    expect(occurredSpan('1943-22')).toEqual({ start: { year: 1943, month: 4 }, end: { year: 1943, month: 6 } });
    expect(occurredSpan('1924-08/1930-01-26')).toEqual({ start: { year: 1924, month: 8 }, end: { year: 1930, month: 1, day: 26 } });
    expect(occurredSpan('/2023')).toEqual({ start: { year: 2023 }, end: null });
    expect(occurredSpan('1990/..')).toEqual({ start: { year: 1990 }, end: null });
  });
});

describe('EDTF_SYNTAX, the pattern of the OpenAPI document', () => {
  const accepted = (value: string) => {
    try {
      parseOccurred(value);
      return true;
    } catch (error) {
      if (error instanceof InvalidDate) return false;
      throw error;
    }
  };
  // Dates built from pieces, valid or not: years with and without unspecified digits, months, seasons and
  // days in and out of range, qualifiers, intervals with open and unknown ends, and stray characters.
  const digit = fc.constantFrom(...'0123456789');
  const year = fc.oneof(
    fc.tuple(digit, digit, digit, digit).map((d) => d.join('')),
    fc.constantFrom('0000', '0001', '9999', '197X', '19XX', '1XXX', 'XXXX', '1X7X', 'Y17000', '-1985', '19851', '985'),
  );
  const twoDigits = fc.oneof(fc.integer({ min: 0, max: 40 }).map((n) => String(n).padStart(2, '0')), fc.constantFrom('XX', '1X', '4', ''));
  const date = fc.tuple(year, fc.option(twoDigits), fc.option(twoDigits), fc.constantFrom('', '', '~', '?', '%', '~?', 'T10:00'))
    .map(([y, m, d, q]) => `${y}${m === null ? '' : `-${m}`}${m !== null && d !== null ? `-${d}` : ''}${q}`);
  const occurred = fc.oneof(
    date,
    fc.tuple(fc.oneof(date, fc.constantFrom('', '..')), fc.oneof(date, fc.constantFrom('', '..'))).map(([a, b]) => `${a}/${b}`),
  );

  it('matches every date the log accepts', () => {
    fc.assert(fc.property(occurred, (value) => !accepted(value) || EDTF_SYNTAX.test(value)), { numRuns: 5000 });
    for (const value of ['1890-12-01', '1943-06', '1976', '197X', '19XX', '1943-XX', '1943-06-XX', '1943-XX-XX', '1943-21',
      '1943-24', '2012~', '1943-06?', '1890-12-01%', '1910/1920', '/2023', '../2023', '1990/..', '1930-01-26/1943-06']) {
      expect(accepted(value), value).toBe(true);
      expect(EDTF_SYNTAX.test(value), value).toBe(true);
    }
  });

  it('refuses what is not written as an EDTF date at all', () => {
    for (const value of ['1943-6', '1943/06/01', '12/01/1943', 'June 1943', '1943-06-01T10:00', '1XXX', 'Y170000', '-1985', '/', '1943-21~']) {
      expect(EDTF_SYNTAX.test(value), value).toBe(false);
      expect(accepted(value), value).toBe(false);
    }
  });
});
