// The web page in a real browser: Debian's chromium, driven by playwright-core.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './browser.mjs';
import { startWorker } from './worker.mjs';


// Where the screenshots of the chart go, for a person to look at.
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(tmpdir(), 'relations-e2e-screenshots');

let worker;
let browser;

before(async () => {
  worker = await startWorker();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  worker?.stop();
});

/** Every agreement row of the table: its id and the status shown. */
async function statuses(page) {
  return page.$$eval('tr[data-agreement]', (rows) =>
    Object.fromEntries(rows.map((row) => [row.dataset.agreement, row.querySelector('[data-status]').dataset.status])));
}

test('a reader opens a relation, changes the as-of date and sees the agreements change, then follows a feed', async () => {
  const page = await browser.newPage();
  await page.goto(`${worker.url}/`);
  await page.getByRole('link', { name: 'Mexico–Russia' }).click();
  await page.waitForURL(`${worker.url}/mx-ru`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Mexico–Russia relations');
  assert.ok(await page.getByRole('heading', { level: 3, name: /^Relations established: 1 December 1890/ }).isVisible());

  await page.getByLabel('Status as of').fill('2012-01-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/asOf=2012-01-01/);
  const in2012 = await statuses(page);
  assert.match(await page.locator('caption').textContent(), /status on 1 January 2012/);

  await page.getByLabel('Status as of').fill('2016-01-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/asOf=2016-01-01/);
  const in2016 = await statuses(page);

  assert.deepEqual(Object.keys(in2016), Object.keys(in2012));
  const expired = Object.keys(in2012).filter((id) => in2012[id] === 'in_force' && in2016[id] === 'expired');
  assert.ok(expired.length > 0, `some agreement in force in 2012 has expired by 2016: ${JSON.stringify({ in2012, in2016 })}`);
  const signedSince = Object.keys(in2012).filter((id) => in2012[id] === 'not_yet_signed' && in2016[id] !== 'not_yet_signed');
  assert.ok(signedSince.length > 0, 'some agreement not yet signed in 2012 is signed by 2016');

  // The feed the page advertises to readers, followed from the page's own link.
  const atomHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  assert.equal(atomHref, '/v1/relations/mx-ru/feed.atom');
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith('/v1/relations/mx-ru/feed.atom')),
    page.getByRole('link', { name: 'Atom feed', exact: true }).click(),
  ]);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/atom\+xml/);
  const feed = new XMLParser({ ignoreAttributes: false }).parse(await response.text()).feed;
  // The subscription document: the newest full page of 50 and the page filling, so fewer than 100 entries.
  assert.ok(feed.entry.length > 0 && feed.entry.length < 100);
  assert.match(feed.entry[0].id, /^urn:uuid:[0-9a-f-]{36}$/);
  await page.close();
});

/** Where the as-of line is drawn across the page (px), from the browser's own layout. */
async function asOfLineX(page) {
  const box = await page.locator('figure.chart [data-as-of] line').boundingBox();
  return box.x + box.width / 2;
}

for (const [width, height] of [[1280, 900], [375, 812]]) {
  test(`the chart at ${width} px: drawn without making the page scroll sideways, its as-of line moving with the form`, async () => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${worker.url}/mx-ru?asOf=2012-01-01`);
    const chart = page.getByRole('group', { name: /^Mexico–Russia relations over time/ });
    assert.ok(await chart.isVisible());
    assert.equal(await page.locator('figure.chart [data-period]').count(), 4);
    assert.equal(await page.locator('figure.chart [data-agreement]').count(), await page.locator('tr[data-agreement]').count());
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'the page itself never scrolls sideways');

    const box = page.locator('.chart-box');
    const { boxWidth, chartWidth, scrolls } = await box.evaluate((element) => ({
      boxWidth: element.clientWidth, chartWidth: element.querySelector('svg').getBoundingClientRect().width, scrolls: element.scrollWidth > element.clientWidth,
    }));
    // Wide screens see all of it; a phone scrolls inside the box, the chart never narrower than it is legible at.
    assert.equal(scrolls, width < 560 + 32);
    assert.ok(chartWidth >= 560 && chartWidth >= boxWidth);
    const tickSize = await page.locator('figure.chart .ch-tick text').first().evaluate((text) => getComputedStyle(text).fontSize);
    assert.equal(tickSize, '11.5px', 'text keeps its size at any width');
    // Year labels shown never overlap.
    const labels = await page.locator('figure.chart .ch-tick text').evaluateAll((texts) => texts
      .map((text) => text.getBoundingClientRect()).filter((rect) => rect.width > 0).map((rect) => [rect.left, rect.right]));
    for (let i = 1; i < labels.length; i += 1) assert.ok(labels[i][0] > labels[i - 1][1], `year labels ${i - 1} and ${i} overlap`);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.locator('figure.chart').screenshot({ path: join(SCREENSHOTS, `chart-${width}.png`) });
    await page.screenshot({ path: join(SCREENSHOTS, `page-${width}.png`) });

    await box.evaluate((element) => { element.scrollLeft = 0; });
    const in2012 = await asOfLineX(page);
    await page.getByLabel('Status as of').fill('2016-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/asOf=2016-01-01/);
    assert.equal(await page.locator('figure.chart [data-as-of]').getAttribute('data-as-of'), '2016-01-01');
    await page.locator('.chart-box').evaluate((element) => { element.scrollLeft = 0; });
    const in2016 = await asOfLineX(page);
    assert.ok(in2016 > in2012, `the line moves later in time: ${in2012} → ${in2016}`);
    await page.close();
  });
}
