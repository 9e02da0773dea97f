import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FEED_FILES } from '../feeds/formats';
import { MessagePage } from '../web/not-found';

/**
 * Errors told to people: a path a person opens in a browser (the pages, /docs, or any other path outside the
 * API) is answered with an HTML page; the API (`/v1/…`, /openapi.json, /healthz, the feeds) and the static files
 * keep problem+json.
 */

const MACHINE_PATHS = new Set(['/openapi.json', '/healthz', '/robots.txt', '/sitemap.xml', '/feeds.opml', ...FEED_FILES.map((file) => `/${file}`)]);

export function isPagePath(path: string): boolean {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  return !under('/v1') && !under('/static') && !MACHINE_PATHS.has(path);
}

export function messagePage(c: Context, status: ContentfulStatusCode, heading: string, detail: string): Response {
  return c.html(<MessagePage heading={heading} detail={detail} />, status) as Response;
}
