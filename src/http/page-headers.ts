import { createMiddleware } from 'hono/factory';
import { toBase64 } from '../base64';
import type { AppEnv } from '../env';
import { STYLES } from '../web/styles';

/**
 * The security headers of every HTML response (the pages, /docs, the error pages): a Content-Security-Policy
 * that lets a page load nothing from another origin and run no inline script (its one inline stylesheet is
 * allowed by its hash), be framed by no one and send no Referer, `X-Content-Type-Options: nosniff`, and the
 * cross-origin headers hono's secureHeaders sets by default, written out here: the same headers every time, so
 * that a general middleware (and its 3 KB) is not needed for them. HSTS is the zone's to set (it would bind
 * every subdomain); the Worker answers whatever scheme it is given. Feeds, JSON and the chart's SVG are left as
 * they are: the chart is made to be embedded elsewhere.
 */

async function sha256(text: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

const contentSecurityPolicy = (styleHash: string) => [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' 'sha256-${styleHash}'`,
  // Swagger UI's stylesheet draws its icons from data: URLs.
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers, made once per isolate: the stylesheet's hash is the same for every page. */
let pageHeaders: Promise<[string, string][]> | undefined;

const headersOfPages = () => (pageHeaders ??= sha256(STYLES).then((styleHash) => [
  ['Content-Security-Policy', contentSecurityPolicy(styleHash)],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
]));

/** Sets the headers once the response is known to be HTML. */
export const pageSecurityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
  for (const [name, value] of await headersOfPages()) c.res.headers.set(name, value);
});
