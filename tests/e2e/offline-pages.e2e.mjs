// The pages in a browser that may reach no other origin (every request elsewhere is refused): Swagger UI and
// TimelineJS draw from this service alone, every page is in standards mode, and no page logs an error, such as
// a request its Content-Security-Policy refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './browser.mjs';
import { freePort, startWorker } from './worker.mjs';

let worker;
let browser;

before(async () => {
  worker = await startWorker(process.env.E2E_OFFLINE_PORT ? Number(process.env.E2E_OFFLINE_PORT) : await freePort());
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  worker?.stop();
});

/**
 * A page in a context that lets through only requests to the service, with what it tried to load elsewhere
 * and the errors it logged (console errors, uncaught exceptions, failed requests).
 */
async function offlinePage() {
  const context = await browser.newContext();
  const elsewhere = [];
  const errors = [];
  const origin = new URL(worker.url).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
    elsewhere.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
  });
  return { page, elsewhere, errors, close: () => context.close() };
}

test('/docs: Swagger UI lists every operation of the API and every webhook, from this service alone', async () => {
  const { page, elsewhere, errors, close } = await offlinePage();
  await page.goto(`${worker.url}/docs`);
  const document = await (await fetch(`${worker.url}/openapi.json`)).json();
  // Every operation, and every webhook (the messages the service sends), each a block of its own.
  const operations = [...Object.values(document.paths), ...Object.values(document.webhooks)]
    .flatMap((item) => Object.keys(item).filter((key) => key !== 'parameters'));
  const blocks = page.locator('.opblock');
  await blocks.first().waitFor();
  assert.equal(await blocks.count(), operations.length);
  assert.ok(await page.getByRole('heading', { name: /Relations log/ }).first().isVisible());
  // An operation opens, with its parameters.
  await page.locator('.opblock-summary', { hasText: '/v1/relations/{relation}/timeline' }).first().click();
  await page.locator('.opblock.is-open .parameters').first().waitFor();
  assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat');
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(errors, []);
  await close();
});

test('/{relation}/timelinejs: TimelineJS draws a slide per event, from this service alone', async () => {
  const { page, elsewhere, errors, close } = await offlinePage();
  await page.goto(`${worker.url}/mx-ru/timelinejs`);
  const data = await (await fetch(`${worker.url}/v1/relations/mx-ru/timeline.timelinejs.json`)).json();
  const slides = page.locator('#timeline-embed .tl-slide-content');
  await slides.first().waitFor();
  // The title slide and one per event.
  assert.equal(await slides.count(), data.events.length + (data.title ? 1 : 0));
  // Its time navigation has a marker per event.
  assert.equal(await page.locator('#timeline-embed .tl-timenav .tl-timemarker').count(), data.events.length);
  // Its navigation brings the first event into view.
  const firstEventInView = () => {
    const box = document.querySelectorAll('#timeline-embed .tl-slide')[1].getBoundingClientRect();
    return box.left >= 0 && box.left < window.innerWidth / 2;
  };
  assert.equal(await page.evaluate(firstEventInView), false);
  await page.locator('#timeline-embed .tl-slidenav-next').first().click();
  await page.waitForFunction(firstEventInView);
  assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat');
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(errors, []);
  await close();
});

test('the other pages, and an error page, load nothing from elsewhere and log no error', async () => {
  const pages = [
    ['/', 200], ['/mx-ru', 200], ['/mx-ru?asOf=2012-01-01', 200], ['/mx-ru?q=lopez&type=VisitMade', 200], ['/search?q=embassy', 200],
    ['/on-this-day/12-01', 200], ['/mx-ru/events/c378a826-7edc-4c58-8dbd-04406d0c066c', 200], ['/no-such-page', 404],
  ];
  for (const [path, status] of pages) {
    const { page, elsewhere, errors, close } = await offlinePage();
    const response = await page.goto(`${worker.url}${path}`, { waitUntil: 'networkidle' });
    assert.equal(response.status(), status, path);
    assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat', path);
    assert.ok(await page.getByRole('heading', { level: 1 }).isVisible(), path);
    assert.deepEqual(elsewhere, [], path);
    // An error page answers with its status, which the browser reports: nothing else may fail.
    const itself = (error) => status !== 200 && (error === `${status}: ${worker.url}${path}` || /status of 404/.test(error));
    assert.deepEqual(errors.filter((error) => !itself(error)), [], path);
    await close();
  }
});
