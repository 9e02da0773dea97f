import { describe, expect, it } from 'vitest';
import { daysInMonth, InvalidDate, occurredInWords, parseOccurred } from '../src/domain/dates';

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

  it('refuses what is not an EDTF day, month, year or interval of them', () => {
    const invalid = [
      '2003-02-29', '1943-13', '1943-00', '1943-06-31', '1943-06-00', 'June 1943', '1 December 1890', '', ' 1943', '1943 ',
      '43', '194', '19431', '0000', '1920/1910', '1943-07/1943-06-30', '/', '../..', '19XX', '2001-21', 'Y170000',
      '2004-06-11T10:00:00Z', '1943/06', '1943-6', '1943-06-1', '{1943,1944}', '[1943..1945]', '1943~~', '-1943',
    ];
    for (const value of invalid) {
      expect(() => parseOccurred(value), value).toThrow(InvalidDate);
    }
  });

  it('says why a date is wrong', () => {
    expect(() => parseOccurred('2003-02-29')).toThrow('2003-02 has 28 days');
    expect(() => parseOccurred('1920/1910')).toThrow(/ends before it starts/);
    expect(() => parseOccurred('June 1943')).toThrow(/expected an EDTF date/);
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
    };
    expect(Object.fromEntries(Object.keys(words).map((edtf) => [edtf, occurredInWords(edtf)]))).toEqual(words);
  });
});
