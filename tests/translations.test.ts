import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';
import { logOf, pointersOf, problemOf } from './setup/log-state';
import { badParameter, record, view } from './views-helpers';

const eventsOf = (relation: string) => `/v1/relations/${relation}/events`;

const translate = (eventId: string, language: string, text: Record<string, unknown> = {}) => ({
  type: 'EventTranslated', headline: `Translation into ${language}`, source: SOURCE,
  data: { eventId, language, headline: `Titular ${language}`, summary: `Resumen ${language}`, translator: 'the relations log project', ...text },
});
const correct = (eventId: string, changes: Record<string, unknown>) => ({
  type: 'EventCorrected', headline: 'Correction', source: SOURCE, data: { eventId, reason: 'a better word', changes },
});
const retract = (eventId: string) => ({
  type: 'EventRetracted', headline: 'Retraction', source: SOURCE, data: { eventId, reason: 'no source supports it' },
});

const itemIn = async (relation: string, lang?: string) =>
  (await view(`/v1/relations/${relation}/timeline${lang ? `?lang=${lang}` : ''}`)).items[0];

describe('a translation of a fact', () => {
  it('gives its headline and summary in that language, attributed, and changes nothing else of the fact', async () => {
    const relation = freshRelation();
    const fact = noted({ occurred: '1890-12-01', summary: 'In English', source: { ...SOURCE, quote: 'palabras de la fuente' } });
    const [id] = await record(relation, [fact]);
    const before = await (await get(`/v1/relations/${relation}/timeline`)).text();
    await record(relation, [translate(id, 'es')]);

    expect(await (await get(`/v1/relations/${relation}/timeline`)).text()).toBe(before);
    expect(await (await get(`/v1/relations/${relation}/timeline?lang=en`)).text()).toBe(before);
    const english = await itemIn(relation);
    expect(english).not.toHaveProperty('textLanguage');
    expect(await itemIn(relation, 'es')).toEqual({
      ...english,
      headline: 'Titular es',
      summary: 'Resumen es',
      occurredInWords: '1 de diciembre de 1890',
      links: { ...english.links, page: `/es/${relation}/events/${id}` },
      textLanguage: 'es',
      translator: 'the relations log project',
    });
    // Not translated into Russian: the log's own text, said to be English, with the date and page in Russian.
    expect(await itemIn(relation, 'ru')).toEqual({
      ...english, occurredInWords: '1 декабря 1890 г.', links: { ...english.links, page: `/ru/${relation}/events/${id}` },
      textLanguage: 'en', translator: null,
    });

    const event = await view(`/v1/events/${id}`);
    expect(event).toMatchObject({ headline: fact.headline, summary: 'In English', source: fact.source });
    expect(event.translations).toMatchObject([{ language: 'es', headline: 'Titular es', translator: 'the relations log project' }]);
    expect(event.history).toMatchObject([{ kind: 'translation', language: 'es' }]);
  });

  it('is corrected by a correction of its text, which the history of the fact shows with its reason', async () => {
    const relation = freshRelation();
    const [id] = await record(relation, [noted({ occurred: '1943-06' })]);
    const [translation] = await record(relation, [translate(id, 'ru', { headline: 'Заголовок', summary: undefined })]);
    expect(await itemIn(relation, 'ru')).toMatchObject({ headline: 'Заголовок', summary: null, occurredInWords: 'июнь 1943 г.' });
    const [correction] = await record(relation, [correct(id, { translations: { ru: { headline: 'Новый заголовок' } } })]);

    expect(await itemIn(relation, 'ru')).toMatchObject({ headline: 'Новый заголовок', textLanguage: 'ru' });
    const { history, translations } = await view(`/v1/events/${id}`);
    expect(history.map((step: { id: string }) => step.id)).toEqual([translation, correction]);
    expect(history[1]).toMatchObject({
      kind: 'correction', reason: 'a better word',
      changed: [{ field: 'translations.ru.headline', before: 'Заголовок', after: 'Новый заголовок' }],
    });
    expect(translations).toMatchObject([{ language: 'ru', headline: 'Новый заголовок', event: translation }]);
  });

  it('keeps its text when the fact is corrected, while the languages without one follow the correction', async () => {
    const relation = freshRelation();
    const [id] = await record(relation, [noted({ occurred: '1976', tags: ['trade'] })]);
    await record(relation, [translate(id, 'es')]);
    await record(relation, [correct(id, { headline: 'Corrected', occurred: '1943-21', tags: ['culture'] })]);

    expect(await itemIn(relation, 'es')).toMatchObject({
      headline: 'Titular es', occurred: '1943-21', precision: 'season', tags: ['culture'], occurredInWords: 'primavera de 1943 (enero–marzo)',
    });
    expect(await itemIn(relation, 'ru')).toMatchObject({ headline: 'Corrected', occurredInWords: 'весна 1943 г. (январь–март)', textLanguage: 'en' });
    await record(relation, [retract(id)]);
    for (const lang of ['en', 'es', 'ru']) expect(await itemIn(relation, lang)).toBeUndefined();
  });
});

describe('a translation that cannot be recorded', () => {
  async function refused(relation: string, event: Record<string, unknown>): Promise<(string | undefined)[]> {
    const before = await logOf(relation);
    const response = await post(eventsOf(relation), { events: [event] });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await logOf(relation)).toEqual(before);
    return pointersOf(await problemOf(response));
  }

  it('names the field: of an unknown or retracted fact, into no language of the service, without its translator', async () => {
    const relation = freshRelation();
    const [id, withdrawn] = await record(relation, [noted(), noted()]);
    await record(relation, [retract(withdrawn)]);
    expect(await refused(relation, translate(crypto.randomUUID(), 'es'))).toEqual(['/events/0/data/eventId']);
    expect(await refused(relation, translate(withdrawn, 'es'))).toEqual(['/events/0/data/eventId']);
    expect(await refused(relation, translate(id, 'en'))).toEqual(['/events/0/data/language']);
    expect(await refused(relation, translate(id, 'fr'))).toEqual(['/events/0/data/language']);
    expect(await refused(relation, translate(id, 'es', { translator: undefined }))).toEqual(['/events/0/data/translator']);
    expect(await refused(relation, translate(id, 'es', { headline: ' ' }))).toEqual(['/events/0/data/headline']);
    expect(await refused(relation, correct(id, { translations: { es: { headline: 'Nada' } } })))
      .toEqual(['/events/0/data/changes/translations/es']);
  });
});

describe('lang', () => {
  it('is one of the languages of the service, on every view of text for people', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    for (const path of [`/v1/relations/${relation}/timeline`, `/v1/relations/${relation}/on-this-day`, '/v1/on-this-day',
      `/v1/relations/${relation}/status`, `/v1/relations/${relation}/agreements`]) {
      expect(await badParameter(`${path}?lang=fr`)).toEqual(['lang']);
      expect(await badParameter(`${path}?lang=ES`)).toEqual(['lang']);
    }
  });

  it('gives on this day, the status of relations and the agreements, their reasons too, in the language asked for', async () => {
    const relation = freshRelation();
    const [established, signed] = await record(relation, [
      { type: 'RelationsEstablished', occurred: '1890-12-01', headline: 'Relations established', source: SOURCE, data: {} },
      { type: 'AgreementSigned', occurred: '1975-12-01', headline: 'Agreement signed', source: SOURCE,
        data: { agreementId: 'a-1975', title: 'Agreement', kind: 'agreement', parties: ['A', 'B'], validUntil: null } },
    ]);
    await record(relation, [translate(established, 'ru', { headline: 'Установлены отношения' })]);

    const english = await view(`/v1/relations/${relation}/on-this-day?date=12-01&year=2000`);
    expect(english.items[0]).not.toHaveProperty('textLanguage');
    const russian = await view(`/v1/relations/${relation}/on-this-day?date=12-01&year=2000&lang=ru`);
    expect(russian.items.map((a: any) => [a.headline, a.occurredInWords, a.textLanguage, a.links.page])).toEqual([
      ['Установлены отношения', '1 декабря 1890 г.', 'ru', `/ru/${relation}/events/${established}`],
      ['Agreement signed', '1 декабря 1975 г.', 'en', `/ru/${relation}/events/${signed}`],
    ]);
    expect(russian.february29.description).toBe('в невисокосный год события 29 февраля вспоминаются 28 февраля');
    expect(english.february29.description).toBe('in a common year, facts of 29 February are remembered on 28 February');
    expect((await view(`/v1/relations/${relation}/on-this-day?date=02-28&year=2001&february29=mar1&lang=es`)).february29)
      .toEqual({ rule: 'mar1', description: 'en un año común, los hechos del 29 de febrero se recuerdan el 1 de marzo', applied: false });
    const all = await view('/v1/on-this-day?date=12-01&year=2000&lang=ru');
    expect(all.items.find((a: any) => a.id === established)).toMatchObject({ headline: 'Установлены отношения', translator: 'the relations log project' });

    const status = await view(`/v1/relations/${relation}/status?on=1900-01-01&lang=ru`);
    expect(status.event).toMatchObject({ headline: 'Установлены отношения', occurredInWords: '1 декабря 1890 г.', textLanguage: 'ru' });
    expect(status.reason).toBe('отношения установлены: 1 декабря 1890 г.');
    const inEnglish = await view(`/v1/relations/${relation}/status?on=1900-01-01`);
    expect(inEnglish).toMatchObject({ reason: 'relations were established on 1 December 1890', event: { headline: 'Relations established' } });
    expect(inEnglish).not.toHaveProperty('because');

    const agreements = await view(`/v1/relations/${relation}/agreements?lang=es&asOf=2000-01-01`);
    expect(agreements.items[0].links.page).toBe(`/es/${relation}/events/${signed}`);
    expect(agreements.items[0].reason).toBe('firmado el 1 de diciembre de 1975; la fuente no dice cuánto tiempo está vigente');
    expect((await view(`/v1/relations/${relation}/agreements?asOf=2000-01-01`)).items[0].reason)
      .toBe('signed on 1 December 1975; the source does not say how long it is valid');
    const one = await view(`/v1/relations/${relation}/agreements/a-1975?lang=ru&asOf=1975-01-01`);
    expect(one.agreement.reason).toBe('подписано: 1 декабря 1975 г., позже чем 1 января 1975 г.');
    expect(one.agreement).not.toHaveProperty('because');
    expect((await view(`/v1/relations/${relation}/agreements/a-1975?lang=es`)).history)
      .toMatchObject([{ id: signed, occurredInWords: '1 de diciembre de 1975', textLanguage: 'en' }]);
  });
});

describe('a translated fact in every output', () => {
  const today = new Date().toISOString().slice(5, 10);
  async function translatedRelation() {
    const relation = freshRelation();
    const [id] = await record(relation, [
      { type: 'RelationsEstablished', occurred: `1890-${today}`, headline: 'Relations established', summary: 'In English', source: SOURCE, data: {} },
    ]);
    const [translation] = await record(relation, [translate(id, 'es')]);
    return { relation, id, translation };
  }
  const text = async (path: string) => (await get(path)).text();

  it('is told in its translation on the pages, and in English, marked so, in a language it has none in', async () => {
    const { relation, id } = await translatedRelation();
    for (const path of [`/es/${relation}`, `/es/${relation}?asOf=2000-01-01`, '/es/']) {
      const html = await text(path);
      expect(html, path).toContain('Titular es');
      expect(html, path).not.toContain('<span lang="en">Relations established');
    }
    for (const path of [`/ru/${relation}`, `/ru/${relation}/events/${id}`]) {
      expect(await text(path), path).toContain('<span lang="en">Relations established</span>');
    }
    const factPage = await text(`/es/${relation}/events/${id}`);
    expect(factPage).toMatch(/<h1 id="fact-heading">Titular es<\/h1>/);
    expect(factPage).toContain('<title>Titular es — ');
    // The translation says whose it is, and the text as recorded stays in reach.
    expect(factPage).toMatch(/id="translation">El titular y el resumen son una traducción \(the relations log project\)\. Tal como se registró: <span lang="en">Relations established<\/span>/);
    expect(factPage).toMatch(/<strong>Traducido<\/strong>/);
    expect(factPage).toMatch(/id="citation">Registro de relaciones\. «Titular es»\./);
    expect(await text(`/ru/${relation}/events/${id}`)).toMatch(/id="citation">[^<]*«<span lang="en">Relations established<\/span>»/);
    expect(await text(`/${relation}/events/${id}`)).not.toContain('id="translation"');
  });

  it('is told in its translation in the chart, the calendar and TimelineJS', async () => {
    const { relation } = await translatedRelation();
    const base = `/v1/relations/${relation}`;
    expect(await text(`${base}/chart.svg?lang=es`)).toContain('Titular es');
    expect(await text(`${base}/chart.svg?lang=ru`)).not.toContain('Titular es');
    expect((await text(`${base}/anniversaries.ics?lang=es`)).replace(/\r\n[ \t]/g, '')).toContain('SUMMARY;LANGUAGE=es:Titular es (1890)');
    expect((await text(`${base}/anniversaries.ics?lang=ru`)).replace(/\r\n[ \t]/g, '')).toContain('SUMMARY;LANGUAGE=en:Relations established (1890)');
    const spanish = (await view(`${base}/timeline.timelinejs.json?lang=es`)).events[0].text;
    expect(spanish.headline).toBe('Titular es');
    expect(spanish.text).toContain('<p>Resumen es</p>');
    const russian = (await view(`${base}/timeline.timelinejs.json?lang=ru`)).events[0].text;
    expect(russian.headline).toBe('<span lang="en">Relations established</span>');
    expect(russian.text).toContain('<p><span lang="en">In English</span></p>');
  });

  it('is an entry in its translation in the feeds of that language; every entry says the language of its text', async () => {
    const { relation, id, translation } = await translatedRelation();
    const base = `/v1/relations/${relation}`;
    const byId = (items: any[], eventId: string) => items.find((item) => item.id === `urn:uuid:${eventId}`);

    const english = (await view(`${base}/feed.json`)).items;
    expect(byId(english, id)).toMatchObject({ title: expect.stringContaining('Relations established'), summary: 'In English', language: 'en' });
    expect(byId(english, translation)).toMatchObject({ language: 'es' });
    const spanish = (await view(`${base}/feed.json?lang=es`)).items;
    expect(byId(spanish, id)).toMatchObject({ title: expect.stringMatching(/ — Titular es$/), summary: 'Resumen es', language: 'es' });
    expect(byId(spanish, translation).language).toBe('es');
    const russian = (await view(`${base}/feed.json?lang=ru`)).items;
    expect(byId(russian, id)).toMatchObject({ title: expect.stringMatching(/ — Relations established$/), language: 'en' });

    const atom = await text(`${base}/feed.atom?lang=ru`);
    const entries = [...atom.matchAll(/<entry( xml:lang="(\w+)")?>\s*<id>urn:uuid:([^<]+)<\/id>/g)].map((m) => [m[3], m[2]]);
    expect(entries).toEqual([[translation, 'es'], [id, 'en']]);
    expect(await text(`${base}/feed.atom?lang=es`)).not.toContain('<entry xml:lang');
    const rss = await text(`${base}/feed.xml?lang=ru`);
    expect([...rss.matchAll(/<dc:language>(\w+)<\/dc:language>/g)].map((m) => m[1])).toEqual(['es', 'en']);
    expect(await text(`${base}/feed.xml?lang=es`)).not.toContain('<dc:language>');
  });
});
