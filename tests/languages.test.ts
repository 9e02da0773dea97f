import { env, SELF } from 'cloudflare:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_STATUSES, agreementStatusOn } from '../src/domain/agreements';
import { relationStatusOn } from '../src/domain/relation-status';
import { EVENT_TYPES } from '../src/domain/catalog';
import { PRECISIONS } from '../src/domain/dates';
import { wordsIn } from '../src/i18n/catalog';
import { LANGUAGES, LOG_LANGUAGE } from '../src/i18n/languages';
import { reasonIn } from '../src/i18n/reasons';
import { LEGEND_KEYS } from '../src/web/chart/legend';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';

/** The pages, feeds, chart and exports in each language; the catalogs each language's words come from. */

type Catalog = Record<string, string | Record<string, string>>;
const catalogOf = async (language: string) => (await env.ASSETS.fetch(`https://relations.test/i18n/${language}.json`)).json<Catalog>();
const placeholders = (message: string | Record<string, string>) =>
  [...new Set(Object.values(typeof message === 'string' ? { other: message } : message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['entry', 'item', 'atom:link', 'link'].includes(name) });
const parseXml = (text: string) => {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text);
};

async function relationWithFacts(): Promise<{ relation: string; ids: string[] }> {
  const relation = freshRelation();
  const response = await post(`/v1/relations/${relation}/events`, {
    events: [
      { type: 'RelationsEstablished', occurred: '1890-12-01', headline: 'Relations established', source: SOURCE, data: {} },
      { type: 'VisitMade', occurred: '2015-04-01', headline: 'A visit', source: SOURCE, data: { visitor: 'A minister', office: 'Minister', from: relation.slice(0, 2), to: relation.slice(3) } },
      noted({ occurred: '1943-06-14', headline: 'An untranslated fact' }),
    ],
  });
  expect(response.status).toBe(201);
  return { relation, ids: (await response.json<any>()).events.map((event: any) => event.id) };
}

describe('the catalogs', () => {
  it('give every message of English in every language, with the same placeholders and every plural form the language has', async () => {
    const english = await catalogOf(LOG_LANGUAGE);
    expect(Object.keys(english).length).toBeGreaterThan(200);
    for (const language of LANGUAGES) {
      const catalog = await catalogOf(language);
      expect(Object.keys(catalog).sort(), language).toEqual(Object.keys(english).sort());
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(catalog)) {
        expect(placeholders(message), `${language} ${key}`).toEqual(placeholders(english[key]));
        if (typeof english[key] === 'object') expect(Object.keys(message).sort(), `${language} ${key}`).toEqual([...categories].sort());
      }
      // Translated, not copied: only names and symbols read the same in every language.
      if (language !== LOG_LANGUAGE) {
        const same = Object.keys(english).filter((key) => JSON.stringify(catalog[key]) === JSON.stringify(english[key]));
        expect(same.length, `${language}: ${same.join(', ')}`).toBeLessThan(Object.keys(english).length / 20);
      }
    }
  });

  it('name every type of event, legend key, precision and status of an agreement', async () => {
    const english = await catalogOf(LOG_LANGUAGE);
    const keys = [
      ...EVENT_TYPES.map((type) => `type.${type}`), ...LEGEND_KEYS.map((key) => `legend.${key}`),
      ...PRECISIONS.map((precision) => `precision.${precision}`), ...AGREEMENT_STATUSES.map((status) => `agreement.status.${status}`),
    ];
    expect(keys.filter((key) => !(key in english))).toEqual([]);
  });
});

describe('the reasons of a status and of an agreement', () => {
  const dated = (occurred: string, earliest: string | null, latest: string | null) => ({ occurred, earliest, latest });
  const signed2014 = dated('2014-10-20', '2014-10-20', '2014-10-20');
  const agreements = [
    agreementStatusOn({ signed: signed2014, validUntil: null, endings: [] }, '2000-01-01'),
    agreementStatusOn({ signed: dated('2012', '2012-01-01', '2012-12-31'), validUntil: null, endings: [] }, '2012-06-01'),
    agreementStatusOn({ signed: signed2014, validUntil: null, endings: [] }, '2020-01-01'),
    agreementStatusOn({ signed: signed2014, validUntil: 'indefinite', endings: [] }, '2020-01-01'),
    agreementStatusOn({ signed: signed2014, validUntil: '2024-10-20', endings: [] }, '2020-01-01'),
    agreementStatusOn({ signed: signed2014, validUntil: '2024-10-20', endings: [] }, '2025-01-01'),
    agreementStatusOn({ signed: signed2014, validUntil: null, endings: [{ ...dated('2019', '2019-01-01', '2019-12-31'), reason: 'denounced' }] }, '2019-06-01'),
    agreementStatusOn({ signed: signed2014, validUntil: null, endings: [{ ...dated('2019-03-01', '2019-03-01', '2019-03-01'), reason: null }] }, '2020-01-01'),
  ];
  const change = (change: 'established' | 'severed', occurred: string, earliest: string, latest: string, position: number) =>
    ({ change, ...dated(occurred, earliest, latest), sortDay: earliest, position, event: null });
  const changes = [change('established', '1890-12-01', '1890-12-01', '1890-12-01', 1), change('severed', '1930', '1930-01-01', '1930-12-31', 2)];
  const qualifiers = [
    { qualifier: 'practically_non_existent' as const, ...dated('1910/1924-08', '1910-01-01', '1924-08-31'), position: 3, event: null },
    { qualifier: 'sources_differ' as const, ...dated('1910/1924-08', '1910-01-01', '1924-08-31'), position: 4, event: null },
  ];
  const statuses = [
    relationStatusOn([], '2000-01-01'),
    relationStatusOn(changes, '1800-01-01'),
    relationStatusOn(changes, '1900-01-01'),
    relationStatusOn(changes, '1930-06-01'),
    relationStatusOn(changes, '1920-01-01', qualifiers),
  ];

  it('are worded in every language from its catalog: every clause, none left as a key or a placeholder', async () => {
    for (const language of LANGUAGES) {
      const words = await wordsIn(env.ASSETS, language);
      for (const view of [...agreements, ...statuses]) {
        const reason = reasonIn(words, view);
        expect(reason, `${language} ${view.status}`).not.toMatch(/reason\.|\{\w+\}/);
        if (language === LOG_LANGUAGE) expect(reason).toBe(view.reason);
      }
    }
    const spanish = await wordsIn(env.ASSETS, 'es');
    const russian = await wordsIn(env.ASSETS, 'ru');
    expect(reasonIn(spanish, agreements[4])).toBe('firmado el 20 de octubre de 2014, vigente hasta el 20 de octubre de 2024');
    expect(reasonIn(russian, agreements[4])).toBe('подписано: 20 октября 2014 г.; срок действия — до 20 октября 2024 г.');
    expect(reasonIn(spanish, agreements[6])).toBe('terminado en 2019 (denounced); no se sabe si había terminado el 1 de junio de 2019');
    expect(reasonIn(spanish, statuses[3])).toBe('las relaciones se establecieron el 1 de diciembre de 1890; se rompieron en 1930, y no se sabe si eso había ocurrido el 1 de junio de 1930');
    expect(reasonIn(russian, statuses[4])).toBe('отношения установлены: 1 декабря 1890 г.; 1910 г. – август 1924 г.: практически отсутствовали; 1910 г. – август 1924 г.: источники расходятся');
  });

  it('are worded on the pages in their language, the words of the record in them and beside them marked as English', async () => {
    const relation = freshRelation();
    await post(`/v1/relations/${relation}/events`, {
      events: [
        { type: 'RelationsEstablished', occurred: '1890-12-01', headline: 'Relations established', source: SOURCE, data: {} },
        { type: 'AgreementSigned', occurred: '1975-12-01', headline: 'Agreement signed', source: SOURCE,
          data: { agreementId: 'a-1975', title: 'Agreement', kind: 'agreement', parties: ['A', 'B'], validUntil: null } },
        { type: 'AgreementEnded', occurred: '1980', headline: 'Agreement ended', source: SOURCE, data: { agreementId: 'a-1975', reason: 'denounced' } },
      ],
    });
    const spanish = await (await get(`/es/${relation}?asOf=1990-01-01`)).text();
    expect(spanish).toContain('El 1 de enero de 1990: las relaciones se establecieron el 1 de diciembre de 1890.');
    expect(spanish).toContain('<span class="reason">terminado en 1980 (<span lang="en">denounced</span>)</span>');
    // The agreement's title is the record's own, which no translation gives: marked as English.
    expect(spanish).toMatch(/<th scope="row"><a href="\/es\/[a-z-]+\/events\/[0-9a-f-]+"><span lang="en">Agreement<\/span><\/a><\/th>/);
    expect(await (await get(`/${relation}?asOf=1990-01-01`)).text()).toMatch(/<th scope="row"><a href="[^"]+">Agreement<\/a><\/th>/);
    const russian = await (await get(`/v1/relations/${relation}/chart.svg?lang=ru&asOf=1990-01-01`)).text();
    expect(russian).toContain('отношения установлены: 1 декабря 1890 г.');
  });
});

describe("the runtime's ICU", () => {
  it('names countries, plural forms, months and numbers in Spanish and Russian', () => {
    const region = (language: string) => new Intl.DisplayNames([language], { type: 'region' });
    expect(region('es').of('MX')).toBe('México');
    expect(region('ru').of('RU')).toBe('Россия');
    expect(region('ru').of('MX')).toBe('Мексика');
    expect(new Intl.PluralRules('ru').select(3)).toBe('few');
    expect(new Intl.PluralRules('ru').select(5)).toBe('many');
    expect(new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(1890, 11, 1))).toBe('1 декабря');
    expect(new Intl.DateTimeFormat('es', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(1943, 5, 1))).toBe('junio');
    expect(new Intl.DisplayNames(['ru'], { type: 'language' }).of('ru')).toBe('русский');
  });
});

describe('the pages in each language', () => {
  it('are under the prefix of their language, say it, and link every other language and the page without a prefix', async () => {
    const { relation, ids } = await relationWithFacts();
    const headings = { en: 'relations', es: 'Relaciones', ru: 'Отношения' };
    for (const path of [`/${relation}`, '/', '/search?q=visit', '/on-this-day/12-01', `/${relation}/events/${ids[0]}`, `/${relation}/timelinejs`]) {
      for (const language of LANGUAGES) {
        const prefixed = `/${language}${path === '/' ? '/' : path}`;
        const response = await get(prefixed, { 'accept-language': 'ru, es;q=0.5' });
        expect(response.status, prefixed).toBe(200);
        expect(response.headers.get('content-language'), prefixed).toBe(language);
        expect(response.headers.get('vary') ?? '', prefixed).not.toMatch(/accept-language/i);
        const html = await response.text();
        expect(html, prefixed).toContain(`<html lang="${language}">`);
        const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => [lang, new URL(href).pathname]);
        const bare = path.split('?')[0];
        expect(alternates, prefixed).toEqual([...LANGUAGES.map((l) => [l, `/${l}${bare === '/' ? '/' : bare}`]), ['x-default', bare]]);
        expect(html, prefixed).toMatch(new RegExp(`<link rel="canonical" href="https://relations.test/${language}${bare === '/' ? '/' : bare.replaceAll('/', '\\/')}`));
        // The switcher: a link to the page in each language, named in that language, the page's own current.
        const switcher = /<nav class="languages"[^>]*>(.*?)<\/nav>/s.exec(html)![1];
        for (const other of LANGUAGES) expect(switcher, prefixed).toMatch(new RegExp(`hreflang="${other}" lang="${other}"`));
        expect(switcher).toMatch(new RegExp(`lang="${language}" aria-current="page"`));
      }
    }
    const page = await (await get(`/ru/${relation}`)).text();
    expect(page).toContain(headings.ru);
    expect(page).toContain('1 декабря 1890 г.');
    expect(await (await get(`/es/${relation}`)).text()).toContain('1 de diciembre de 1890');
  });

  it('without a prefix follow Accept-Language, say so, and keep their links without a prefix', async () => {
    const { relation } = await relationWithFacts();
    const asked = [['es-MX,es;q=0.9,en;q=0.8', 'es'], ['ru-RU', 'ru'], ['de, ru;q=0.2', 'ru'], ['fr', 'en'], ['', 'en']];
    for (const [header, language] of asked) {
      const response = await get(`/${relation}`, header ? { 'accept-language': header } : {});
      expect(response.headers.get('content-language'), header).toBe(language);
      expect(response.headers.get('vary'), header).toMatch(/accept-language/i);
      const html = await response.text();
      expect(html, header).toContain(`<html lang="${language}">`);
      // Canonical for itself, the x-default of the pages in each language, which it links.
      expect(html, header).toContain(`<link rel="canonical" href="https://relations.test/${relation}"`);
      expect(html, header).toContain(`<link rel="alternate" hreflang="x-default" href="https://relations.test/${relation}"`);
      expect(html, header).toContain(`<link rel="alternate" hreflang="${language}" href="https://relations.test/${language}/${relation}"`);
      expect(html, header).toContain(`href="/${relation}/timelinejs"`);
    }
    const spanish = await (await get(`/es/${relation}`)).text();
    expect(spanish).toContain(`href="/es/${relation}/timelinejs"`);
    expect(spanish).toContain(`href="/v1/relations/${relation}/feed.atom?lang=es"`);
  });

  it('mark a fact whose text has no translation as English, and a language alone leads to its front page', async () => {
    const { relation } = await relationWithFacts();
    const html = await (await get(`/es/${relation}`)).text();
    expect(html).toMatch(/<span lang="en">An untranslated fact<\/span>/);
    expect(await (await get(`/${relation}`)).text()).not.toContain('<span lang="en">An untranslated fact');
    const bare = await SELF.fetch('https://relations.test/ru', { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/ru/');
  });

  it('answer errors in the language of the page', async () => {
    const spanish = await get('/es/no-such-page/at-all');
    expect(spanish.status).toBe(404);
    expect(await spanish.text()).toContain('No existe esa página');
    const russian = await get('/nothing/here', { 'accept-language': 'ru' });
    expect(russian.headers.get('content-language')).toBe('ru');
    expect(await russian.text()).toContain('Такой страницы нет');
  });
});

describe('the cache', () => {
  it('keys a page without a prefix by the language Accept-Language chose: no reader gets another language', async () => {
    const { relation } = await relationWithFacts();
    const expected = { es: 'Relaciones', ru: 'Отношения', en: ' relations</h1>' };
    for (const round of [1, 2]) {
      for (const language of ['es', 'ru', 'en'] as const) {
        const response = await get(`/${relation}`, { 'accept-language': language });
        if (round === 2) expect(response.headers.get('cache-status'), language).toMatch(/hit/);
        const html = await response.text();
        expect(html, `${round} ${language}`).toContain(`<html lang="${language}">`);
        expect(html, `${round} ${language}`).toContain(expected[language]);
      }
    }
  });

  it('keys feeds, the chart and the exports by their lang parameter', async () => {
    const { relation } = await relationWithFacts();
    const base = `/v1/relations/${relation}`;
    for (const round of [1, 2]) {
      for (const [query, language] of [['?lang=es', 'es'], ['?lang=ru', 'ru'], ['', 'en']]) {
        const atom = await get(`${base}/feed.atom${query}`);
        if (round === 2) expect(atom.headers.get('cache-status')).toMatch(/hit/);
        expect(parseXml(await atom.text()).feed['@xml:lang'], `${round}${query}`).toBe(language);
        const chart = await (await get(`${base}/chart.svg${query}`)).text();
        expect(chart, `${round}${query}`).toContain(`xml:lang="${language}"`);
      }
    }
  });
});

describe('the feeds, the chart and the exports in each language', () => {
  it('carry their language, link their other editions and the pages of their language', async () => {
    const { relation } = await relationWithFacts();
    const base = `/v1/relations/${relation}`;
    for (const language of LANGUAGES) {
      const query = language === LOG_LANGUAGE ? '' : `?lang=${language}`;
      const pages = language === LOG_LANGUAGE ? '' : `/${language}`;
      const rss = parseXml(await (await get(`${base}/feed.xml${query}`)).text()).rss.channel;
      expect(rss.language).toBe(language);
      const rssEditions = rss['atom:link'].filter((link: any) => link['@rel'] === 'alternate');
      expect(rssEditions.map((link: any) => link['@hreflang']).sort()).toEqual(LANGUAGES.filter((l) => l !== language).sort());
      expect(rss.item[0].link[0]).toContain(`https://relations.test${pages}/${relation}/events/`);
      const atom = parseXml(await (await get(`${base}/feed.atom${query}`)).text()).feed;
      expect(atom['@xml:lang']).toBe(language);
      const editions = atom.link.filter((link: any) => link['@rel'] === 'alternate' && link['@hreflang']);
      expect(editions.map((link: any) => link['@hreflang']).sort()).toEqual(LANGUAGES.filter((l) => l !== language).sort());
      const json = await (await get(`${base}/feed.json${query}`)).json<any>();
      expect(json.language).toBe(language);
      expect(json._relations_log.editions.map((edition: any) => edition.language)).toEqual([...LANGUAGES]);
      expect(json.home_page_url).toBe(`https://relations.test${pages}/${relation}`);
      const ics = await (await get(`${base}/anniversaries.ics${query}`)).text();
      expect(ics).toMatch(new RegExp(`X-WR-CALNAME;LANGUAGE=${language}:`));
      const tljs = await (await get(`${base}/timeline.timelinejs.json${query}`)).json<any>();
      expect(tljs.events[0].text.text).toContain(`https://relations.test${pages}/${relation}/events/`);
    }
    const spanish = await (await get(`${base}/feed.json?lang=es`)).json<any>();
    expect(spanish.title).toMatch(/^Registro de relaciones: Relaciones /);
    expect(spanish.items.find((item: any) => item.title.includes('Relations established')).title).toMatch(/^1 de diciembre de 1890 — /);
    const russianIcs = await (await get(`${base}/anniversaries.ics?lang=ru`)).text();
    expect(russianIcs.replace(/\r\n[ \t]/g, '')).toContain('1 декабря 1890 г.: Relations established');
    const chart = await (await get(`${base}/chart.svg?lang=ru`)).text();
    expect(chart).toContain('Дипломатические отношения');
    expect(chart).toMatch(/<desc id="ch-desc">Ось времени/);
  });

  it('answer a language the service does not speak with a 400 naming lang, and nothing else', async () => {
    const { relation } = await relationWithFacts();
    const base = `/v1/relations/${relation}`;
    for (const path of [`${base}/feed.xml`, '/feed.atom', `${base}/feed.json`, `${base}/chart.svg`, `${base}/anniversaries.ics`, `${base}/timeline.timelinejs.json`]) {
      const response = await get(`${path}?lang=fr`);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(await response.json()), path).toContain('lang');
    }
  });

  it('are WebSub topics in every language', async () => {
    const { relation } = await relationWithFacts();
    for (const topic of [`/v1/relations/${relation}/feed.atom?lang=es`, `/feed.xml?lang=ru`, `/es/${relation}`, '/ru/']) {
      const response = await get(topic);
      expect(response.headers.get('link'), topic).toContain(`<https://relations.test${topic}>; rel="self"`);
    }
  });
});

describe('discovery in every language', () => {
  it('lists each page in the sitemap at its address in every language, each listing the others, and every feed of every language in the OPML list', async () => {
    const { relation, ids } = await relationWithFacts();
    const sitemap = await (await get('/sitemap.xml')).text();
    expect(XMLValidator.validate(sitemap)).toBe(true);
    for (const path of [`/${relation}`, `/${relation}/events/${ids[0]}`]) {
      const everyAddress = [...LANGUAGES.map((l) => [l, `https://relations.test/${l}${path}`]), ['x-default', `https://relations.test${path}`]];
      // Each address is a URL of the sitemap of its own, and each lists them all.
      for (const [, address] of everyAddress) {
        const entry = new RegExp(`<url><loc>${address}</loc><lastmod>[^<]+</lastmod>(.*?)</url>`).exec(sitemap)?.[1];
        expect(entry, address).toBeDefined();
        expect([...entry!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => [lang, href]), address).toEqual(everyAddress);
      }
    }
    const opml = await (await get('/feeds.opml')).text();
    expect(XMLValidator.validate(opml)).toBe(true);
    expect(opml).toContain(`xmlUrl="https://relations.test/v1/relations/${relation}/feed.atom?lang=ru" htmlUrl="https://relations.test/ru/${relation}"`);
    expect(opml).toContain('xmlUrl="https://relations.test/feed.json?lang=es" htmlUrl="https://relations.test/es/"');
    expect(opml).toContain('title="Todas las relaciones (RSS)"');
  });
});
