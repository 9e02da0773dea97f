import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { TrieRouter } from 'hono/router/trie-router';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env';
import { agreementRoutes } from './http/agreements';
import { answerUnservedMethod } from './http/allowed-methods';
import { chartRoutes } from './http/chart';
import { BOOKMARK_HEADER, sessionStartOf } from './http/d1-session';
import { mountDocs } from './http/docs';
import { isPagePath, messagePage } from './http/error-pages';
import { discoveryRoutes } from './http/discovery';
import { factPageRoutes } from './http/fact-pages';
import { exportRoutes } from './http/export';
import { feedRoutes } from './http/feeds';
import { healthRoutes } from './http/health';
import { keyRoutes } from './http/keys';
import { logRoutes } from './http/log';
import { messageKindRoutes } from './http/message-kinds';
import { onThisDayRoutes } from './http/on-this-day';
import { pageSecurityHeaders } from './http/page-headers';
import { problemResponse, validationHook } from './http/problem';
import { rebuildRoutes } from './http/rebuild';
import { relationStatusRoutes } from './http/relation-status';
import { relationRoutes } from './http/relations';
import { restoreRoutes } from './http/restores';
import { sessionRoutes } from './http/sessions';
import { timelineRoutes } from './http/timeline';
import { timelineExportRoutes } from './http/timeline-exports';
import { webRoutes } from './http/web';
import { webhookSecretRoutes } from './http/webhook-secrets';
import { webhookRoutes } from './http/webhooks';
import { websubRoutes } from './http/websub';
import { FEED_FILES } from './feeds/formats';
import { rebuildStaleViews } from './rebuild-workflow';
import { Db } from './store/db';

/**
 * The Hono app: meters every request's D1 calls, mounts the route modules, answers errors as problem+json (as an
 * HTML page on a page's path: an unknown path 404, a method a path does not serve 405 with Allow), gives every
 * HTML response its security headers.
 */

// The trie router from the start: Hono's default would try its RegExpRouter on the first request of every
// isolate, which cannot take a one-segment `/{relation}` beside the static paths (`/healthz`, `/docs`, the
// feeds), and then fall back to this one. (The route modules' own routers are never asked: `app.route` copies
// their routes into this one.)
export const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook, router: new TrieRouter() });

// Every public route may be read from another origin: the API, its description and the feeds of all relations.
const publicCors = cors({
  origin: '*',
  exposeHeaders: ['server-timing', 'etag', 'last-modified', 'link', 'cache-status', 'retry-after', 'allow', BOOKMARK_HEADER],
});
app.use('/v1/*', publicCors);
app.use('/openapi.json', publicCors);
for (const file of FEED_FILES) app.use(`/${file}`, publicCors);

app.use(pageSecurityHeaders);

// Every request makes its D1 calls in one session, meters them and says what they cost; a response that
// touched D1 carries the session's bookmark.
app.use(async (c, next) => {
  const start = sessionStartOf(c.req.raw);
  if (start instanceof Response) {
    return isPagePath(c.req.path) ? messagePage(c, 400, 'bookmark', { header: BOOKMARK_HEADER }) : start;
  }
  const db = new Db(c.env.DB, start);
  c.set('db', db);
  await next();
  c.res.headers.set('server-timing', db.serverTiming());
  const bookmark = db.calls > 0 ? db.bookmark() : null;
  if (bookmark) c.res.headers.set(BOOKMARK_HEADER, bookmark);
  // Served from views built by another projector version: the rebuild swaps new ones in when done.
  if (db.staleViews) c.executionCtx.waitUntil(rebuildStaleViews(c.env));
});

app.route('/', healthRoutes);

app.route('/', relationRoutes);
app.route('/', logRoutes);
app.route('/', feedRoutes);
app.route('/', websubRoutes);
app.route('/', timelineExportRoutes);
app.route('/', chartRoutes);
app.route('/', timelineRoutes);
app.route('/', agreementRoutes);
app.route('/', relationStatusRoutes);
app.route('/', onThisDayRoutes);
// Before the subscriptions: /v1/webhooks/kinds is not a subscription's id.
app.route('/', messageKindRoutes);
app.route('/', webhookRoutes);
app.route('/', rebuildRoutes);
app.route('/', keyRoutes);
app.route('/', sessionRoutes);
app.route('/', exportRoutes);
app.route('/', restoreRoutes);
app.route('/', webhookSecretRoutes);
mountDocs(app);
// The pages for people last: their relation-shaped paths must not shadow an API route.
app.route('/', discoveryRoutes);
app.route('/', factPageRoutes);
app.route('/', webRoutes);

app.notFound(answerUnservedMethod(app, (c) => {
  const path = new URL(c.req.url).pathname;
  if (isPagePath(path)) return messagePage(c, 404, 'noPage', { path });
  return problemResponse({ title: 'Not Found', status: 404, detail: `nothing at ${path}` });
}));

app.onError(async (error, c) => {
  const page = isPagePath(c.req.path);
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (page) return messagePage(c, status, 'badRequest');
    return problemResponse({ title: error.message || 'Bad Request', status, detail: error.message });
  }
  console.error(`${c.req.method} ${c.req.path}`, error);
  if (page) return messagePage(c, 500, 'failed');
  return problemResponse({ title: 'Internal Server Error', status: 500, detail: 'the request failed; nothing was written' });
});
