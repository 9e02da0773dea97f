import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env';
import { FEED_FILES } from '../feeds/formats';
import type { Params } from '../i18n/words';
import { MessagePage } from '../web/not-found';
import { pageWords } from './page-language';

/**
 * Errors told to people: a path a person opens in a browser (the pages, /docs, or any other path outside the
 * API) is answered with an HTML page in the reader's language (the path's prefix, else Accept-Language); the
 * API (`/v1/…`, /openapi.json, /healthz, the feeds) and the static files keep problem+json.
 */

const MACHINE_PATHS = new Set(['/openapi.json', '/healthz', '/robots.txt', '/sitemap.xml', '/feeds.opml', ...FEED_FILES.map((file) => `/${file}`)]);

export function isPagePath(path: string): boolean {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  return !under('/v1') && !under('/static') && !MACHINE_PATHS.has(path);
}

/** The page of an error: its heading and its detail are the catalog's `error.<message>.heading` and `.detail`, with `params`. */
export async function messagePage(c: Context<AppEnv>, status: ContentfulStatusCode, message: string, params: Params = {}): Promise<Response> {
  const words = await pageWords(c);
  const heading = words.t(`error.${message}.heading`, params);
  return c.html(<MessagePage words={words} heading={heading} detail={words.t(`error.${message}.detail`, params)} />, status) as Response;
}
