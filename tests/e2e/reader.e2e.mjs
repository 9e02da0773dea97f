// A reader's pages in a real browser (Debian's chromium, through playwright-core): the front page, a search and
// its filters, the page of a fact, a retracted fact; axe finds no violation on any of them, and on a phone the
// agreements table shows each status without the page scrolling sideways.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { axeViolations, CHROMIUM_ARGS, openPageIn } from './browser.mjs';
import { freePort, startWorker } from './worker.mjs';

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(tmpdir(), 'relations-e2e-screenshots');
// A fact of the seed that a later fixture retracts: the source never dated the opening.
const RETRACTED = 'c378a826-7edc-4c58-8dbd-04406d0c066c';

let worker;
let browser;

before(async () => {
  worker = await startWorker(process.env.E2E_READER_PORT ? Number(process.env.E2E_READER_PORT) : await freePort());
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  worker?.stop();
});

const openPage = (options) => openPageIn(browser, options);

const violations = axeViolations;

test('the front page: a search of every relation, today on this day, every relation with its counts and status', async () => {
  const page = await openPage();
  await page.goto(`${worker.url}/`);
  assert.deepEqual(await violations(page), []);
  const entry = page.locator('li[data-relation="mx-ru"]');
  assert.match(await entry.textContent(), /^Mexico–Russia: \d+ facts from the 1780s to .+ \(the log holds \d+ events: .+\)\. Today relations were .+\.$/);
  assert.ok(await page.getByRole('heading', { name: /^On this day, \d+ \w+$/ }).isVisible());

  await page.getByRole('link', { name: 'Another day' }).click();
  await page.waitForURL(/\/on-this-day\/\d{2}-\d{2}$/);
  await page.getByLabel('Month', { exact: true }).selectOption('12');
  await page.getByLabel('Day', { exact: true }).selectOption('01');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(`${worker.url}/on-this-day/12-01`);
  assert.ok(await page.getByRole('link', { name: /established diplomatic relations/ }).first().isVisible());
  assert.deepEqual(await violations(page), []);

  await page.goto(`${worker.url}/`);
  await page.getByLabel('Words').fill('Lopez');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(`${worker.url}/search?q=Lopez`);
  assert.match(await page.locator('#search-summary').textContent(), /^\d+ facts? match/);
  assert.ok(await page.locator('mark', { hasText: 'López' }).first().isVisible());
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test('a search on the page of a relation: words and filters in the URL, matches marked, nothing found said so', async () => {
  const page = await openPage();
  await page.goto(`${worker.url}/mx-ru`);
  assert.deepEqual(await violations(page), []);
  await page.getByLabel('Words').fill('Lopez');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/mx-ru\?q=Lopez/);
  const all = await page.locator('#timeline li[id^="event-"]').count();
  assert.ok(all >= 2, `López Portillo and López Obrador: ${all}`);
  assert.ok(await page.locator('#timeline mark', { hasText: 'López' }).first().isVisible());
  assert.deepEqual(await violations(page), []);

  // A filter narrows the same search; the URL holds both, so the page can be shared.
  await page.getByLabel('Visit', { exact: true }).check();
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/q=Lopez&type=VisitMade/);
  const visits = await page.locator('#timeline li[id^="event-"]').count();
  assert.ok(visits >= 1 && visits < all, `${visits} of ${all}`);
  const shared = page.url();
  const again = await openPage();
  await again.goto(shared);
  assert.equal(await again.locator('#timeline li[id^="event-"]').count(), visits);
  assert.equal(await again.getByLabel('Words').inputValue(), 'Lopez');
  assert.ok(await again.getByLabel('Visit', { exact: true }).isChecked());
  await again.close();

  await page.getByLabel('Words').fill('zzyzx');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/q=zzyzx/);
  assert.match(await page.locator('#search-summary').textContent(), /^No fact matches this search/);
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test('the page of a fact: followed from the timeline, it shows the fact, its source and how to cite it', async () => {
  const page = await openPage();
  await page.goto(`${worker.url}/mx-ru?q=Tlatelolco`);
  await page.locator('#timeline .headline a').first().click();
  await page.waitForURL(/\/mx-ru\/events\/[0-9a-f-]{36}$/);
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /Tlatelolco/);
  assert.ok(await page.getByRole('heading', { name: 'Cite this' }).isVisible());
  assert.match(await page.locator('#citation').textContent(), /^Relations log\. “.+\.” Mexico–Russia relations, event of .+ \(accessed .+\)\.$/);
  assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), page.url());
  assert.deepEqual(await violations(page), []);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'BibTeX' }).click()]);
  assert.match(download.suggestedFilename(), /^[0-9a-f-]{36}\.bib$/);
  // Its place in the timeline: the relation's page, at the fact.
  await page.getByRole('link', { name: 'Its place in the timeline' }).click();
  await page.waitForURL(/\/mx-ru\?from=.+#event-/);
  const anchor = new URL(page.url()).hash;
  assert.ok(await page.locator(anchor).isVisible());
  await page.close();
});

test('a retracted fact: its page says so first and does not present it as true', async () => {
  const page = await openPage();
  await page.goto(`${worker.url}/mx-ru/events/${RETRACTED}`);
  const notice = page.locator('#retracted');
  assert.match(await notice.textContent(), /^Retracted on .+ is not presented as true/);
  const noticeTop = (await notice.boundingBox()).y;
  assert.ok(noticeTop < (await page.getByRole('heading', { level: 1 }).boundingBox()).y);
  assert.equal(await page.locator('h1 s').count(), 1);
  assert.equal(await page.getByRole('link', { name: 'Its place in the timeline' }).count(), 0);
  assert.equal(await page.locator('ol.history li[data-kind="retraction"]').count(), 1);
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test('on a phone (375 px) the agreements table shows every status without sideways scrolling', async () => {
  const page = await openPage({ viewport: { width: 375, height: 812 } });
  await page.goto(`${worker.url}/mx-ru?asOf=2015-01-01`);
  const table = page.locator('#agreements table');
  await table.scrollIntoViewIfNeeded();
  const region = page.locator('#agreements .table-scroll');
  const { scrollWidth, clientWidth } = await region.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `the table fits its box: ${scrollWidth} > ${clientWidth}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'the page never scrolls sideways');
  const statuses = page.locator('#agreements [data-status]');
  const count = await statuses.count();
  assert.ok(count > 10);
  for (let index = 0; index < count; index += 1) {
    const box = await statuses.nth(index).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `status ${index} within the screen: ${JSON.stringify(box)}`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  await table.screenshot({ path: join(SCREENSHOTS, 'agreements-375.png') });
  assert.deepEqual(await violations(page), []);
  await page.close();
});
