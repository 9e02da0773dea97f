import { describe, expect, it } from 'vitest';
import { eventPagePath, factPagePath, frontPagePath, onThisDayPagePath, relationPagePath } from '../src/domain/pages';

describe("a page's path in a language", () => {
  const id = '6f1c1a34-3a5e-4d7e-9d2a-1b1f5e0c2d11';

  it('keeps the paths without a language in English, and puts the others under their code', () => {
    expect([frontPagePath(), frontPagePath('en'), frontPagePath('es'), frontPagePath('ru')]).toEqual(['/', '/', '/es/', '/ru/']);
    expect([relationPagePath('mx-ru'), relationPagePath('mx-ru', 'es')]).toEqual(['/mx-ru', '/es/mx-ru']);
    expect([factPagePath('mx-ru', id), factPagePath('mx-ru', id, 'ru')]).toEqual([`/mx-ru/events/${id}`, `/ru/mx-ru/events/${id}`]);
    expect(onThisDayPagePath('12-01', 'es')).toBe('/es/on-this-day/12-01');
  });

  it("links an amendment at its entry in the history on its fact's page, in the language asked for", () => {
    const translation = { relation: 'mx-ru', id: 'abc', type: 'EventTranslated', data: { eventId: id } };
    expect(eventPagePath(translation, 'es')).toBe(`/es/mx-ru/events/${id}#amendment-abc`);
    expect(eventPagePath({ ...translation, type: 'EventNoted', id }, 'ru')).toBe(`/ru/mx-ru/events/${id}`);
  });
});
