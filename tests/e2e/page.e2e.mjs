// The web page in a real browser: Debian's chromium, driven by playwright-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { chromium } from 'playwright-core';
import { startWorker } from './worker.mjs';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

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
  assert.ok(feed.entry.length > 0 && feed.entry.length <= 50);
  assert.match(feed.entry[0].id, /^urn:uuid:[0-9a-f-]{36}$/);
  await page.close();
});
