import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { MiddlewareHandler } from 'hono';
import { toBase64 } from '../base64';
import type { AppEnv } from '../env';
import { STYLES } from '../web/styles';

/**
 * The security headers of every HTML response (the pages, /docs, the error pages): a Content-Security-Policy
 * that lets a page load nothing from another origin and run no inline script (its one inline stylesheet is
 * allowed by its hash), be framed by no one and send no Referer, and `X-Content-Type-Options: nosniff`.
 * Feeds, JSON and the chart's SVG are left as they are: the chart is made to be embedded elsewhere.
 */

async function sha256(text: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

function pageSecureHeaders(styleHash: string): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", `'sha256-${styleHash}'`],
      // Swagger UI's stylesheet draws its icons from data: URLs.
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    // HSTS is the zone's to set (it would bind every subdomain); the Worker answers whatever scheme it is given.
    strictTransportSecurity: false,
  });
}

/** Sets the headers once the response is known to be HTML (secureHeaders sets them after its `next`). */
export const pageSecurityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
  await pageSecureHeaders(await sha256(STYLES))(c, async () => {});
});
