// Issues 3, 9 and 10: every view (and the page) from D1 against its floor, the same statements sent bare
// through the binding in the same runtime (bench/floors.ts); from the edge cache against /healthz; and
// the D1 rows each reads. A request from D1 says `Cache-Control: no-store`, so the cache is passed both ways.
import { getOk, getsPerSecond } from './load.mjs';
import { d1Cost, d1Rows } from './server-timing.mjs';
import { perSecond, printTable, ratio } from './table.mjs';

const SEEDED = 'mx-ru';
const SECONDS = 3;
const CONCURRENCY = 8;
const NO_STORE = { 'cache-control': 'no-store' };

/** The views and the page, each with what it answers (checked before it is measured). */
export const VIEWS = [
  { path: `/v1/relations/${SEEDED}/timeline?limit=50`, check: (body) => body.items.length === 50 && `${body.items.length} items` },
  // The same in the other languages: each item's text and date made at projection time, read in the one call.
  ...['es', 'ru'].map((lang) => ({
    path: `/v1/relations/${SEEDED}/timeline?limit=50&lang=${lang}`,
    check: (body) => body.items.length === 50 && body.items.every((item) => item.textLanguage === lang) && `50 items in ${lang}`,
  })),
  { path: `/v1/relations/${SEEDED}/agreements?asOf=2015-01-01`, check: (body) => body.items.length > 0 && `${body.items.length} agreements` },
  {
    path: `/v1/relations/${SEEDED}/agreements/mx-ru-1976-air-transportation?asOf=2015-01-01`,
    check: (body) => Boolean(body.agreement) && `1 agreement, ${body.history.length} events`,
  },
  { path: `/v1/relations/${SEEDED}/status?on=1935-05-01`, check: (body) => body.periods.length > 0 && `${body.periods.length} periods` },
  {
    path: `/v1/relations/${SEEDED}/status?on=1935-05-01&lang=ru`,
    check: (body) => body.event?.textLanguage === 'ru' && `${body.periods.length} periods in ru`,
  },
  { path: `/v1/relations/${SEEDED}/on-this-day?date=12-01&year=2026`, check: (body) => body.items.length > 0 && `${body.items.length} anniversaries` },
  {
    path: `/v1/relations/${SEEDED}/on-this-day?date=12-01&year=2026&lang=es`,
    check: (body) => body.items.length > 0 && body.items.every((item) => item.textLanguage === 'es') && `${body.items.length} in es`,
  },
  { path: '/v1/on-this-day?date=12-01&year=2026', check: (body) => body.items.length > 0 && `${body.items.length}, every relation` },
  { path: `/${SEEDED}?asOf=2015-01-01`, check: (text) => text.includes('<table') && 'the page', html: true },
  // The page and a feed in Spanish beside English: the facts in their translation, read in the same one call.
  { path: `/es/${SEEDED}?asOf=2015-01-01`, check: (text) => text.includes('<html lang="es">') && text.includes('<table') && 'the page in es', html: true },
  { path: `/v1/relations/${SEEDED}/feed.atom`, check: (text) => text.includes('<feed ') && 'the Atom feed', html: true },
  { path: `/v1/relations/${SEEDED}/feed.atom?lang=es`, check: (text) => text.includes('<feed ') && text.includes('xml:lang="es"') && 'the Atom feed in es', html: true },
];

async function described(server, view) {
  const response = await fetch(`${server.url}${view.path}`, { headers: NO_STORE });
  if (response.status !== 200) throw new Error(`${view.path}: ${response.status}`);
  const body = view.html ? await response.text() : await response.json();
  const what = view.check(body);
  if (!what) throw new Error(`${view.path}: not what the bench measures`);
  return { what, calls: d1Cost(response).calls, rows: d1Rows(response) };
}

export async function viewReadRates({ server }) {
  const health = await getsPerSecond(`${server.url}/healthz`, { seconds: SECONDS, concurrency: CONCURRENCY });
  const rows = [];
  const figures = [];
  for (const view of VIEWS) {
    const { what, calls, rows: read } = await described(server, view);
    const floorUrl = `${server.url}/__bench/floor?path=${encodeURIComponent(view.path)}`;
    await getOk(floorUrl);
    const floor = await getsPerSecond(floorUrl, { seconds: SECONDS, concurrency: CONCURRENCY });
    const fromD1 = await getsPerSecond(`${server.url}${view.path}`, { seconds: SECONDS, concurrency: CONCURRENCY, headers: NO_STORE });
    await getOk(`${server.url}${view.path}`);
    const hit = await getsPerSecond(`${server.url}${view.path}`, { seconds: SECONDS, concurrency: CONCURRENCY });
    const figure = {
      path: view.path, calls, rowsRead: read.read, rowsWritten: read.written,
      floor: floor.perSecond, fromD1: fromD1.perSecond, hit: hit.perSecond, health: health.perSecond,
    };
    figures.push(figure);
    rows.push([
      `GET ${view.path}`, what, `${calls} / ${read.read} / ${read.written}`,
      perSecond(floor.perSecond), perSecond(fromD1.perSecond), ratio(fromD1.perSecond / floor.perSecond),
      perSecond(hit.perSecond), ratio(hit.perSecond / health.perSecond),
    ]);
  }
  printTable(
    `Views from D1 against their floors (the same statements, bare), and from the edge cache against /healthz (${perSecond(health.perSecond)}/s); ${SECONDS} s each, ${CONCURRENCY} in flight (issues 9, 10)`,
    ['request', 'what it answers', 'D1 calls / rows read / written', 'floor/s', 'from D1/s', 'vs floor', 'cache hit/s', 'vs /healthz'],
    rows,
  );
  return figures;
}
