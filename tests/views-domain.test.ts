import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementStatusOn } from '../src/domain/agreements';
import type { DatedFact } from '../src/domain/dates';
import { recordedDaysFallingOn, yearsAgo } from '../src/domain/anniversaries';
import { occurredInWords, parseOccurred } from '../src/domain/dates';
import { dating } from '../src/views/timeline/projector';
import { relationStatusOn, relationStatusPeriods, type StatusChange, type StatusQualifier } from '../src/domain/relation-status';

const year = (y: number): DatedFact => ({ occurred: String(y), earliest: `${y}-01-01`, latest: `${y}-12-31` });
const day = (d: string): DatedFact => ({ occurred: d, earliest: d, latest: d });
const signedIn2012 = (validUntil: string | null) => ({ signed: year(2012), validUntil, endings: [] });

describe('an agreement on a day', () => {
  it('signed in 2012 and valid to the end of 2014', () => {
    const agreement = signedIn2012('2014-12-31');
    expect(agreementStatusOn(agreement, '2011-12-31').status).toBe('not_yet_signed');
    expect(agreementStatusOn(agreement, '2012-01-01').status).toBe('unknown');
    expect(agreementStatusOn(agreement, '2012-12-30').status).toBe('unknown');
    expect(agreementStatusOn(agreement, '2012-12-31').status).toBe('in_force');
    expect(agreementStatusOn(agreement, '2013-05-01')).toEqual({
      status: 'in_force', reason: 'signed in 2012, valid until 31 December 2014',
      because: [{ key: 'signedValidUntil', values: { signed: { when: agreement.signed }, until: { day: '2014-12-31' } } }],
    });
    expect(agreementStatusOn(agreement, '2014-12-31').status).toBe('in_force');
    expect(agreementStatusOn(agreement, '2015-01-01').status).toBe('expired');
  });

  it('is never in force by guess', () => {
    fc.assert(fc.property(fc.integer({ min: 2013, max: 2200 }), (y) => {
      expect(agreementStatusOn(signedIn2012(null), `${y}-06-01`).status).toBe('unknown');
      expect(agreementStatusOn(signedIn2012('indefinite'), `${y}-06-01`).status).toBe('indefinite');
    }));
  });

  it('ends when its ending is certain, and is unknown while it may have ended', () => {
    const agreement = { signed: day('2000-06-01'), validUntil: '2030-01-01', endings: [{ ...year(2010), reason: 'denounced' }] };
    expect(agreementStatusOn(agreement, '2009-12-31').status).toBe('in_force');
    expect(agreementStatusOn(agreement, '2010-06-01').status).toBe('unknown');
    expect(agreementStatusOn(agreement, '2010-12-31')).toEqual({
      status: 'ended', reason: 'ended in 2010 (denounced)',
      because: [{ key: 'endedBecause', values: { ended: { when: agreement.endings[0] }, why: { text: 'denounced' } } }],
    });
    expect(agreementStatusOn(agreement, '1999-01-01').status).toBe('not_yet_signed');
  });
});

describe('relation status on a day', () => {
  const change = (kind: 'established' | 'severed' | 'restored', fact: DatedFact, position: number): StatusChange<string> => ({
    ...fact, change: kind, sortDay: fact.earliest!, position, event: `${kind} ${fact.occurred}`,
  });
  const month = (m: string): DatedFact => ({ occurred: m, earliest: `${m}-01`, latest: `${m}-30` });
  const changes = [
    change('restored', month('1943-06'), 3),
    change('established', day('1890-12-01'), 1),
    change('severed', day('1930-01-26'), 2),
  ];

  it('answers with the change that made it so, in the order things happened', () => {
    expect(relationStatusOn(changes, '1935-05-01')).toMatchObject({ status: 'severed', event: 'severed 1930-01-26' });
    expect(relationStatusOn(changes, '1890-11-30').status).toBe('not_established');
    expect(relationStatusOn(changes, '1943-06-15')).toMatchObject({
      status: 'unknown', event: 'severed 1930-01-26', possibleChange: 'restored 1943-06',
    });
    expect(relationStatusOn(changes, '1943-07-01').status).toBe('restored');
    expect(relationStatusPeriods(changes).map((period) => [period.status, period.from, period.until])).toEqual([
      ['established', '1890-12-01', '1930-01-26'],
      ['severed', '1930-01-26', '1943-06'],
      ['restored', '1943-06', null],
    ]);
  });

  it('adds what qualifies the status on every day the qualifier can mean, and never changes the status for it', () => {
    const qualified = (qualifier: StatusQualifier<string>['qualifier'], fact: DatedFact, position: number): StatusQualifier<string> => ({
      ...fact, qualifier, position, event: `${qualifier} ${fact.occurred}`,
    });
    const qualifiers = [
      qualified('practically_non_existent', { occurred: '1910/1930-01', earliest: '1910-01-01', latest: '1930-01-31' }, 4),
      qualified('sources_differ', { occurred: '1991/', earliest: '1991-01-01', latest: null }, 5),
    ];
    expect(relationStatusOn(changes, '1909-12-31', qualifiers)).toMatchObject({ status: 'established', qualifiers: [] });
    expect(relationStatusOn(changes, '1915-01-01', qualifiers)).toMatchObject({
      status: 'established',
      event: 'established 1890-12-01',
      qualifiers: [{ qualifier: 'practically_non_existent', event: 'practically_non_existent 1910/1930-01' }],
      reason: 'relations were established on 1 December 1890; during 1910–January 1930 they were practically non-existent',
    });
    // Across a change: the status changes, the qualifier still holds to the last day its date can mean.
    expect(relationStatusOn(changes, '1930-01-27', qualifiers)).toMatchObject({ status: 'severed', qualifiers: [{ qualifier: 'practically_non_existent' }] });
    expect(relationStatusOn(changes, '1930-02-01', qualifiers).qualifiers).toEqual([]);
    // Open at its end: it holds from its first day on.
    expect(relationStatusOn(changes, '2030-01-01', qualifiers)).toMatchObject({
      status: 'restored', reason: 'relations were restored in June 1943; for 1991 or later the sources differ',
    });
    expect(relationStatusPeriods(changes, qualifiers).map((period) => period.qualifiers.map((q) => q.event))).toEqual([
      ['practically_non_existent 1910/1930-01'],
      ['practically_non_existent 1910/1930-01'],
      ['sources_differ 1991/'],
    ]);
  });
});

describe('anniversaries', () => {
  it('put 29 February on 28 February in common years only', () => {
    expect(recordedDaysFallingOn(2023, 2, 28)).toEqual([{ month: 2, day: 28 }, { month: 2, day: 29 }]);
    expect(recordedDaysFallingOn(2024, 2, 28)).toEqual([{ month: 2, day: 28 }]);
    expect(recordedDaysFallingOn(1900, 2, 28)).toEqual([{ month: 2, day: 28 }, { month: 2, day: 29 }]);
    expect(recordedDaysFallingOn(2000, 2, 28)).toEqual([{ month: 2, day: 28 }]);
    expect(yearsAgo(1890, 2026)).toBe(136);
  });
});

describe('the dates of the timeline', () => {
  it('read plain dates, and seasons shaped like them, exactly as the EDTF parser does', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const plain = fc.oneof(
      fc.integer({ min: 1, max: 9999 }).map((y) => pad(y, 4)),
      fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${pad(y, 4)}-${pad(m)}`),
      fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
      // Shaped like a month, but seasons: the parser reads them.
      fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 21, max: 24 })).map(([y, s]) => `${pad(y, 4)}-${s}`),
    );
    fc.assert(fc.property(plain, (occurred) => {
      const { precision, earliest, latest } = parseOccurred(occurred);
      expect(dating(occurred)).toEqual({
        occurred, precision, earliest, latest, sort_day: earliest, occurred_in_words: occurredInWords(occurred),
      });
    }), { numRuns: 500 });
  });
});
