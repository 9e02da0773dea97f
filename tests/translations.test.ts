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
  it('is one of the languages of the service', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    expect(await badParameter(`/v1/relations/${relation}/timeline?lang=fr`)).toEqual(['lang']);
    expect(await badParameter(`/v1/relations/${relation}/timeline?lang=ES`)).toEqual(['lang']);
  });
});
