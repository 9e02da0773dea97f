import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureEvents, loadFixtures, wholeTimeline } from './views-helpers';

// Search finds a fact by the words of any of its languages: its own (English) and its translations. What it should
// find is worked out here from the fixtures on their own: the facts with a word that starts with the one searched
// for, case and accents aside.
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

let texts: Map<string, string[]>;

beforeAll(async () => {
  await loadFixtures();
  texts = new Map();
  for (const item of await wholeTimeline('mx-ru')) {
    texts.set(item.id, [item.headline, item.summary ?? '', ...item.participants, ...item.places]);
  }
  for (const event of fixtureEvents.filter((e) => e.type === 'EventTranslated')) {
    texts.get(event.data.eventId)?.push(event.data.headline, event.data.summary ?? '');
  }
});

const expected = (word: string) =>
  [...texts].filter(([, fields]) => fields.some((field) => words(field).some((w) => w.startsWith(fold(word))))).map(([id]) => id).sort();

const found = async (q: string, lang = '') =>
  (await wholeTimeline('mx-ru', `&q=${encodeURIComponent(q)}${lang}`)).map((item) => item.id).sort();

describe('search in every language', () => {
  for (const word of ['Мексика', 'россия', 'РОССИЯ', 'acuerdo', 'Lopez', 'López', 'Trotsky', 'Троцкий', 'Троцк']) {
    it(`finds the facts with the word ${word} in any of their languages`, async () => {
      const facts = expected(word);
      expect(facts.length, word).toBeGreaterThan(0);
      expect(await found(word)).toEqual(facts);
    });
  }

  it('matches the start of a word, so without stemming a Russian word is found by its stem (Троцк) in every case', async () => {
    const [nominative, genitive, stem] = await Promise.all([found('Троцкий'), found('Троцкого'), found('Троцк')]);
    expect(genitive.length).toBeGreaterThan(0);
    expect(genitive.some((id) => !nominative.includes(id))).toBe(true);
    expect(stem).toEqual([...new Set([...nominative, ...genitive])].sort());
  });

  it('answers the facts found in the language asked for', async () => {
    const items = await wholeTimeline('mx-ru', `&q=${encodeURIComponent('Троцкий')}&lang=ru`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.textLanguage === 'ru')).toBe(true);
    expect(items.some((item) => /Троцк/.test(item.headline + (item.summary ?? '')))).toBe(true);
  });
});
