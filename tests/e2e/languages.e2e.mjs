// The pages and feeds in each language, read as their readers read them: the relation page in Chromium at 1280 and
// 375 px (screenshots kept for a person to look at), axe finding no violation on every page in every language, and
// each feed in each language read by an independent reader, Python's feedparser (Debian's python3-feedparser).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { axeViolations, CHROMIUM_ARGS, openPageIn } from './browser.mjs';
import { freePort, startWorker } from './worker.mjs';

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(tmpdir(), 'relations-e2e-screenshots');
const LANGUAGES = ['en', 'es', 'ru'];
const HEADINGS = { en: 'Mexico–Russia relations', es: 'Relaciones México–Rusia', ru: 'Отношения Мексика–Россия' };

let worker;
let browser;

before(async () => {
  worker = await startWorker(process.env.E2E_LANGUAGES_PORT ? Number(process.env.E2E_LANGUAGES_PORT) : await freePort());
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  worker?.stop();
});

const openPage = (options) => openPageIn(browser, options);

const violations = (page) => axeViolations(page, '#timeline-embed');

for (const language of ['es', 'ru']) {
  for (const [width, height] of [[1280, 900], [375, 812]]) {
    test(`the relation page in ${language} at ${width} px: its own words, nothing wider than the screen, no axe violation`, async () => {
      const page = await openPage({ viewport: { width, height } });
      await page.goto(`${worker.url}/${language}/mx-ru?asOf=2012-01-01`);
      assert.equal(await page.locator('html').getAttribute('lang'), language);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), HEADINGS[language]);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'the page never scrolls sideways');
      // No word of the page runs out of the element that holds it (a long Spanish word, a Cyrillic one).
      const overflowing = await page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main h3, main p, main li, main label, main td, main th')]
        .filter((element) => element.closest('.table-scroll, .chart-box') === null && element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent.slice(0, 60)));
      assert.deepEqual(overflowing, []);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `relation-${language}-${width}.png`) });
      await page.locator('figure.chart').screenshot({ path: join(SCREENSHOTS, `chart-${language}-${width}.png`) });
      await page.locator('#timeline form').screenshot({ path: join(SCREENSHOTS, `search-${language}-${width}.png`) });
      await page.locator('#agreements').screenshot({ path: join(SCREENSHOTS, `agreements-${language}-${width}.png`) });
      assert.deepEqual(await violations(page), []);
      await page.close();
    });
  }
}

test('every page in every language: no axe violation, its language said, a switcher to the others', async () => {
  const timeline = await (await fetch(`${worker.url}/v1/relations/mx-ru/timeline?limit=1`)).json();
  const fact = timeline.items[0].id;
  for (const language of LANGUAGES) {
    for (const path of ['/', '/mx-ru', `/mx-ru/events/${fact}`, '/search?q=acuerdo', '/on-this-day/12-01', '/mx-ru/timelinejs', '/no-such/page']) {
      const page = await openPage();
      await page.goto(`${worker.url}/${language}${path}`);
      assert.equal(await page.locator('html').getAttribute('lang'), language, path);
      const switcher = page.getByRole('navigation', { name: { en: 'Languages', es: 'Idiomas', ru: 'Языки' }[language] });
      assert.equal(await switcher.getByRole('link').count(), LANGUAGES.length, `${language}${path}`);
      assert.deepEqual(await violations(page), [], `${language}${path}`);
      await page.close();
    }
  }
});

test('a reader without a prefix gets the language the browser asks for, and can switch', async () => {
  const page = await openPage({ locale: 'ru-RU' });
  await page.goto(`${worker.url}/mx-ru`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  await page.getByRole('link', { name: 'Español' }).click();
  await page.waitForURL(`${worker.url}/es/mx-ru`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), HEADINGS.es);
  await page.close();
});

/** A feed as Python's feedparser reads it: whether it is well formed, its language, title and entries. */
function readByFeedparser(url) {
  const script = [
    'import feedparser, json, sys',
    'd = feedparser.parse(sys.argv[1])',
    'print(json.dumps({"bozo": d.bozo, "version": d.version, "language": d.feed.get("language"), "title": d.feed.get("title"),',
    '  "links": [{"rel": l.get("rel"), "hreflang": l.get("hreflang"), "href": l.get("href")} for l in d.feed.get("links", [])],',
    '  "entries": [{"title": e.get("title"), "link": e.get("link")} for e in d.entries]}))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, url], { encoding: 'utf8' }));
}

test('each feed in each language, as feedparser reads it: well formed, its language, its other editions, its links to that language', async () => {
  for (const language of LANGUAGES) {
    for (const [file, version] of [['feed.xml', 'rss20'], ['feed.atom', 'atom10']]) {
      const feed = readByFeedparser(`${worker.url}/v1/relations/mx-ru/${file}?lang=${language}`);
      assert.ok(!feed.bozo, `${language} ${file}`);
      assert.equal(feed.version, version);
      assert.equal(feed.language, language, `${language} ${file}`);
      assert.ok(feed.title.includes(HEADINGS[language]), feed.title);
      const editions = feed.links.filter((link) => link.rel === 'alternate' && link.hreflang).map((link) => link.hreflang).sort();
      assert.deepEqual(editions, LANGUAGES.filter((other) => other !== language));
      assert.ok(feed.entries.length > 0);
      for (const entry of feed.entries) assert.ok(entry.link.startsWith(`${worker.url}/${language}/mx-ru/events/`), entry.link);
    }
  }
});
