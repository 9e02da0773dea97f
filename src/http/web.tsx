import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isDayOfYear } from '../domain/anniversaries';
import type { AppEnv } from '../env';
import { relationSummary } from '../store/relations';
import { frontPage } from '../views/front-page';
import { anniversariesOn } from '../views/on-this-day/queries';
import { relationPage } from '../views/relation-overview';
import { markedTimelineOfAll } from '../views/timeline/queries';
import { HomePage } from '../web/home';
import { OnThisDayPage, onThisDayPath } from '../web/on-this-day-page';
import { RelationPage } from '../web/relation-page';
import { SearchPage } from '../web/search-page';
import { selectionQuery } from '../web/timeline-search';
import { TimelineJsPage } from '../web/timelinejs-page';
import { topicLinkHeader } from '../websub/topics';
import { isLanguage } from '../i18n/languages';
import { messagePage } from './error-pages';
import { publicOrigin } from './origin';
import { LANGUAGE_PREFIX, pageWords } from './page-language';
import { refuseRelation, unknownRelation } from './page-answers';
import { cachedRead } from './response-cache';
import { readSelection } from './timeline-selection';
import { CalendarDay, todayUtc } from './view-params';

/**
 * The pages for people: the front page, a search of every relation, a day's anniversaries, one page per relation;
 * each under its language's prefix (`/es/mx-ru`) and without one (`/mx-ru`: the language Accept-Language prefers).
 */
export const webRoutes = new OpenAPIHono<AppEnv>();

// Any one segment: what is not a relation (`/0`, `/MX-RU`, `/mx-xx`) is a 404 page. /docs, /healthz,
// /openapi.json, /search and /feed.xml are routes of their own, mounted or registered before these.
const RELATION_PATH = '/:relation';

/** The facts a page lists at a time: the timeline API's most. */
const PAGE_SIZE = 100;

const AsOf = CalendarDay;

/** A page that changes with the log is a WebSub topic: its hub and its own URL in the Link header (§4). */
const advertiseHub = (c: Context<AppEnv>, path: string) => c.header('link', topicLinkHeader(publicOrigin(c), `${publicOrigin(c)}${path}`));

/** Each page's route, without a prefix and under every language's. */
const paths = (path: string) => [path, `${LANGUAGE_PREFIX}${path}`];

// Keyed by the day: today's anniversaries, and today's status of each relation.
for (const path of paths('/')) webRoutes.get(path, cachedRead({ scope: 'all', dependsOnToday: () => true, negotiated: true }), async (c) => {
  const today = todayUtc();
  const words = await pageWords(c);
  advertiseHub(c, c.req.path);
  return c.html(<HomePage words={words} data={await frontPage(c.var.db, today, words.language)} today={today} canonical={`${publicOrigin(c)}/`} />);
});

for (const path of paths('/search')) webRoutes.get(path, cachedRead({ scope: 'all', negotiated: true }), async (c) => {
  const words = await pageWords(c);
  const { selection, query, errors } = readSelection(new URL(c.req.url), PAGE_SIZE, words);
  const results = query ? await markedTimelineOfAll(c.var.db, { ...query, language: words.language }) : null;
  const canonical = `${publicOrigin(c)}/search${selectionQuery(selection)}`;
  return c.html(<SearchPage {...{ words, selection, results, errors, canonical }} />, errors.length ? 400 : 200);
});

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** The page of a day of the year, its anniversaries counted in this year (UTC). */
async function dayPage(c: Context<AppEnv>, month: number, day: number) {
  const words = await pageWords(c);
  const year = Number(todayUtc().slice(0, 4));
  const anniversaries = isDayOfYear(year, month, day) ? await anniversariesOn(c.var.db, { year, month, day, language: words.language }) : null;
  const canonical = `${publicOrigin(c)}${onThisDayPath(month, day)}`;
  return c.html(<OnThisDayPage {...{ words, month, day, year, anniversaries, canonical }} />);
}

// Keyed by the day: today's page, and the years ago counted from this year.
for (const path of paths('/on-this-day')) webRoutes.get(path, cachedRead({ scope: 'all', dependsOnToday: () => true, negotiated: true }), async (c) => {
  if (c.req.query('month') === undefined && c.req.query('day') === undefined) {
    const today = todayUtc();
    return dayPage(c, Number(today.slice(5, 7)), Number(today.slice(8, 10)));
  }
  const [month, day] = [Number(c.req.query('month')), Number(c.req.query('day'))];
  if (!isDayOfYear(2000, month, day)) return messagePage(c, 400, 'noDay');
  return c.redirect((await pageWords(c)).href(onThisDayPath(month, day)), 301);
});

for (const path of paths('/on-this-day/:day')) webRoutes.get(path, cachedRead({ scope: 'all', dependsOnToday: () => true, negotiated: true }), async (c) => {
  const asked = MONTH_DAY.exec(c.req.param('day') as string);
  const [month, day] = asked ? [Number(asked[1]), Number(asked[2])] : [0, 0];
  if (!isDayOfYear(2000, month, day)) return messagePage(c, 404, 'noSuchDay');
  return dayPage(c, month, day);
});

// Keyed by the day: without `asOf` the agreements' status is today's, and the chart runs to today.
for (const path of paths(RELATION_PATH)) webRoutes.get(path, cachedRead({ scope: 'relation', dependsOnToday: () => true, negotiated: true }), async (c) => {
  const relation = c.req.param('relation') as string;
  // A language named alone is its front page.
  if (isLanguage(relation) && path === RELATION_PATH) return c.redirect(`/${relation}/`, 301);
  const refused = refuseRelation(c, relation);
  if (refused) return refused;
  const words = await pageWords(c);
  const today = todayUtc();
  const asOf = c.req.query('asOf') || today;
  if (!AsOf.safeParse(asOf).success) return messagePage(c, 400, 'notDate', { asOf });
  const { selection, query, errors } = readSelection(new URL(c.req.url), PAGE_SIZE, words);
  const data = await relationPage(c.var.db, relation, asOf, words.language, query, PAGE_SIZE);
  if (!data) return unknownRelation(c, relation);
  const name = words.relation(relation);
  const canonical = `${publicOrigin(c)}/${relation}${selectionQuery(selection)}`;
  // The page as a feed reader follows it: no day chosen, no search.
  if (!new URL(c.req.url).search) advertiseHub(c, c.req.path);
  return c.html(<RelationPage {...{ words, relation, name, asOf, today, selection, errors, canonical, ...data }} />, errors.length ? 400 : 200);
});

for (const path of paths(`${RELATION_PATH}/timelinejs`)) webRoutes.get(path, cachedRead({ scope: 'relation', negotiated: true }), async (c) => {
  const relation = c.req.param('relation') as string;
  const refused = refuseRelation(c, relation);
  if (refused) return refused;
  if (!(await relationSummary(c.var.db, relation))) return unknownRelation(c, relation);
  const words = await pageWords(c);
  const canonical = `${publicOrigin(c)}/${relation}/timelinejs`;
  return c.html(<TimelineJsPage words={words} relation={relation} name={words.relation(relation)} canonical={canonical} />);
});
