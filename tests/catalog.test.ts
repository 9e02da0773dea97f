import { describe, expect, it } from 'vitest';
import { amendableTypes, EVENT_TYPES, FACT_TYPES, isAmendment, NewEvent, Source } from '../src/domain/catalog';
import { countryName, relationDisplayName, relationNameProblem } from '../src/domain/relation';

const SOURCE = { title: 'Mexico–Russia relations', publisher: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Mexico%E2%80%93Russia_relations' };
const base = { occurred: '1976', headline: 'Something happened', source: SOURCE };

/** One valid event of every fact type, with only what its schema requires. */
const minimal: Record<string, Record<string, unknown>> = {
  RelationsEstablished: {},
  RelationsSevered: {},
  RelationsRestored: { states: ['Mexico', 'Soviet Union'] },
  RelationsQualified: { qualifier: 'practically_non_existent' },
  VisitMade: { visitor: 'Vicente Fox', office: 'President', from: 'mx', to: 'ru' },
  AgreementSigned: { agreementId: 'mx-ru-1976-air-transport', title: 'Air Transport Agreement', kind: 'agreement', parties: ['Mexico', 'Soviet Union'] },
  AgreementEnded: { agreementId: 'mx-ru-1976-air-transport' },
  MissionOpened: { mission: 'honorary-consulate', sendingState: 'ru', city: 'Puebla' },
  AmbassadorAppointed: { ambassador: 'Alexandra Kollontai', sendingState: 'ru', receivingState: 'mx' },
  TradeReported: { period: '2023', totalUsd: 2.4e9 },
  EventNoted: {},
};

const errorsOf = (value: unknown) => {
  const result = NewEvent.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('/'));
};

describe('the event catalog', () => {
  it('names the types DESIGN.md lists, facts and amendments, and the translation of a fact', () => {
    expect([...EVENT_TYPES].sort()).toEqual([...Object.keys(minimal), 'EventCorrected', 'EventRetracted', 'EventTranslated'].sort());
    expect(EVENT_TYPES.filter(isAmendment)).toEqual(['EventCorrected', 'EventRetracted', 'EventTranslated']);
  });

  it('accepts a minimal event of every fact type and fills in the defaults', () => {
    for (const [type, data] of Object.entries(minimal)) {
      const result = NewEvent.safeParse({ ...base, type, data });
      expect(result.success, type).toBe(true);
      expect(result.data).toMatchObject({ type, tags: [], places: [], participants: [], level: 'federal' });
    }
    const agreement = NewEvent.parse({ ...base, type: 'AgreementSigned', data: minimal.AgreementSigned });
    expect(agreement.data).toMatchObject({ subject: null, validUntil: null });
  });

  it('refuses an unknown type, unknown fields, and a missing headline or source', () => {
    expect(errorsOf({ ...base, type: 'WarDeclared', data: {} })).toEqual(['type']);
    expect(errorsOf({ ...base, type: 'EventNoted', data: { mood: 'tense' } })).toEqual(['data']);
    expect(errorsOf({ ...base, type: 'EventNoted', data: {}, colour: 'red' })).toEqual(['']);
    expect(errorsOf({ type: 'EventNoted', occurred: '1976', data: {} }).sort()).toEqual(['headline', 'source']);
    expect(errorsOf({ ...base, type: 'EventNoted', headline: '   ', data: {} })).toEqual(['headline']);
  });

  it('checks the type-specific data of each fact', () => {
    const with_ = (type: string, data: Record<string, unknown>) => errorsOf({ ...base, type, data });
    expect(with_('VisitMade', { ...minimal.VisitMade, from: 'MX' })).toEqual(['data/from']);
    expect(with_('VisitMade', { office: 'President', from: 'mx', to: 'ru' })).toEqual(['data/visitor']);
    expect(with_('AgreementSigned', { ...minimal.AgreementSigned, parties: ['Mexico'] })).toEqual(['data/parties']);
    expect(with_('AgreementSigned', { ...minimal.AgreementSigned, agreementId: 'Air Transport' })).toEqual(['data/agreementId']);
    expect(with_('AgreementSigned', { ...minimal.AgreementSigned, kind: 'handshake' })).toEqual(['data/kind']);
    expect(with_('MissionOpened', { ...minimal.MissionOpened, mission: 'palace' })).toEqual(['data/mission']);
    expect(with_('TradeReported', { period: '2023-13', totalUsd: 1 })).toEqual(['data/period']);
    expect(with_('TradeReported', { period: '2023', totalUsd: -1 })).toEqual(['data/totalUsd']);
  });

  it('tells a validity end that is a day, indefinite, or not specified apart', () => {
    for (const validUntil of ['2025-12-31', 'indefinite', null]) {
      expect(errorsOf({ ...base, type: 'AgreementSigned', data: { ...minimal.AgreementSigned, validUntil } }), String(validUntil)).toEqual([]);
    }
    for (const validUntil of ['2025-13-01', '2025', 'forever', 'Indefinite']) {
      expect(errorsOf({ ...base, type: 'AgreementSigned', data: { ...minimal.AgreementSigned, validUntil } }), validUntil).toEqual(['data/validUntil']);
    }
  });

  it('validates `occurred` as EDTF', () => {
    expect(errorsOf({ ...base, occurred: '1943-06', type: 'EventNoted', data: {} })).toEqual([]);
    expect(errorsOf({ ...base, occurred: '2003-02-29', type: 'EventNoted', data: {} })).toEqual(['occurred']);
    expect(errorsOf({ ...base, occurred: undefined, type: 'EventNoted', data: {} })).toEqual(['occurred']);
  });

  it('lets a correction or retraction go without a date of its own, but not without a target and a reason', () => {
    const eventId = crypto.randomUUID();
    const correction = { headline: 'Corrected', source: SOURCE, type: 'EventCorrected' };
    expect(errorsOf({ ...correction, data: { eventId, reason: 'typo', changes: { occurred: '1890-12-01' } } })).toEqual([]);
    expect(errorsOf({ ...correction, data: { eventId, reason: 'typo', changes: {} } })).toEqual(['data/changes']);
    // The type of an event is never corrected: an unknown field of `changes`.
    expect(new Set(errorsOf({ ...correction, data: { eventId, reason: 'typo', changes: { type: 'VisitMade' } } }))).toEqual(new Set(['data/changes']));
    expect(errorsOf({ ...correction, data: { eventId: 'not-a-uuid', reason: 'typo', changes: { headline: 'X' } } })).toEqual(['data/eventId']);
    expect(errorsOf({ ...correction, type: 'EventRetracted', data: { eventId } })).toEqual(['data/reason']);
  });
});

describe('amendableTypes', () => {
  it('lets a retraction or a correction without data point at any fact, and corrected data only at the types it suits', () => {
    expect(amendableTypes('EventRetracted', { eventId: crypto.randomUUID(), reason: 'r' })).toEqual(FACT_TYPES);
    expect(amendableTypes('EventCorrected', { changes: { headline: 'h' } })).toEqual(FACT_TYPES);
    expect(amendableTypes('EventCorrected', { changes: { data: minimal.VisitMade } })).toEqual(['VisitMade']);
    expect(amendableTypes('EventCorrected', { changes: { data: {} } }).sort())
      .toEqual(['EventNoted', 'RelationsEstablished', 'RelationsRestored', 'RelationsSevered']);
    expect(amendableTypes('EventCorrected', { changes: { data: { visitor: 'only a visitor' } } })).toEqual([]);
  });
});

describe('a source citation', () => {
  const valid = (source: unknown) => Source.safeParse(source).success;

  it('needs a title, a publisher, and a url or a date', () => {
    expect(valid(SOURCE)).toBe(true);
    expect(valid({ title: 'México y Rusia a nivel subnacional', publisher: 'CEMERI', date: '2023-08-14' })).toBe(true);
    expect(valid({ title: 'A book', publisher: 'A press' })).toBe(false);
    expect(valid({ title: 'A book', url: 'https://example.org' })).toBe(false);
    expect(valid({ publisher: 'A press', url: 'https://example.org' })).toBe(false);
  });

  it('takes only web links, and dates at the precisions an event takes', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/a', 'example.org', 'data:text/html,hi']) {
      expect(valid({ title: 'T', publisher: 'P', url }), url).toBe(false);
    }
    // A source may be dated by its year or month alone, as events are.
    for (const date of ['2023-08-14', '2023-08', '2020', '2020~', '201X', '2019/2020']) {
      expect(valid({ title: 'T', publisher: 'P', date }), date).toBe(true);
    }
    for (const date of ['2023-02-29', '14 August 2023', '2023-13', '0000', '']) {
      expect(valid({ title: 'T', publisher: 'P', date }), date).toBe(false);
    }
  });
});

describe('relation names', () => {
  it('are two country codes, lower case, alphabetical, once each', () => {
    expect(relationNameProblem('mx-ru')).toBeNull();
    expect(relationNameProblem('de-fr')).toBeNull();
    expect(relationNameProblem('ru-mx')).toMatch(/alphabetical.*mx-ru/);
    expect(relationNameProblem('mx-mx')).toMatch(/alphabetical/);
    for (const name of ['xx-yy', 'mx-zz', 'eu-mx', 'MX-RU', 'mx_ru', 'mex-rus', 'mx', 'mx-ru-us', '']) {
      expect(relationNameProblem(name), name).not.toBeNull();
    }
  });

  it('take one code per state: no retired or alias codes, no territories with reserved codes, no groupings', () => {
    expect(relationNameProblem('fr-uk')).toBe('"uk" is a retired or alias code: use "gb"');
    expect(relationNameProblem('mx-su')).toBe('"su" is a retired or alias code: use "ru"');
    expect(relationNameProblem('dd-fr')).toBe('"dd" is a retired or alias code: use "de"');
    for (const name of ['fr-fx', 'mx-yu', 'tp-us', 'ac-gb', 'es-ic', 'eu-us', 'un-us', 'xa-xb']) {
      expect(relationNameProblem(name), name).not.toBeNull();
    }
    expect(relationNameProblem('rs-xk')).toBeNull();
    expect(relationDisplayName('rs-xk')).toBe('Serbia–Kosovo');
  });

  it('are shown with the countries\' names', () => {
    expect(relationDisplayName('mx-ru')).toBe('Mexico–Russia');
    expect(relationDisplayName('de-fr')).toBe('Germany–France');
    expect(countryName('jp')).toBe('Japan');
    expect(countryName('zz')).toBeUndefined();
  });
});
