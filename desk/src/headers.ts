import { createMiddleware } from 'hono/factory';

/**
 * Every answer of the desk: never stored by a browser or a cache (the edge cache included: the desk is not a
 * route of the main Worker's cache, and `no-store` keeps it out of every other), and on every page a
 * Content-Security-Policy that runs no inline script and loads nothing from another origin: the desk's one
 * script and one stylesheet are static files of its own.
 */
const HEADERS: [string, string][] = [
  ['Cache-Control', 'no-store'],
  ['Content-Security-Policy', [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
    "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
  ].join('; ')],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  // Not no-referrer: with it, browsers send `Origin: null` on the desk's own POSTs, which the origin check refuses.
  ['Referrer-Policy', 'same-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

export const deskHeaders = createMiddleware(async (c, next) => {
  await next();
  for (const [name, value] of HEADERS) c.res.headers.set(name, value);
});
