import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';

/**
 * The HTML document every page is: the doctype (standards mode, never quirks), its language, the head every
 * page has, and what a page shared elsewhere shows (Open Graph and Twitter card metadata, the canonical URL).
 */

export const SITE_NAME = 'Relations log';

/** How a page is found and shared. */
export interface Sharing {
  /** The page's own absolute URL, the one to cite and share; none for an error page. */
  canonical?: string;
  /** `article` for the page of one fact; `website` otherwise. */
  kind?: 'website' | 'article';
  /** Not for search engines' indexes (results of a search, a day chosen among 366). */
  noindex?: boolean;
}

interface DocumentProps extends Sharing {
  title: string;
  description: string;
  /** What the page adds to the head: its stylesheets, its feeds. */
  head?: Child;
  children?: Child;
}

export function Document({ title, description, head, children, canonical, kind = 'website', noindex }: DocumentProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          <meta name="description" content={description} />
          {canonical ? <link rel="canonical" href={canonical} /> : null}
          {noindex ? <meta name="robots" content="noindex, follow" /> : null}
          <meta property="og:site_name" content={SITE_NAME} />
          <meta property="og:type" content={kind} />
          <meta property="og:title" content={title} />
          <meta property="og:description" content={description} />
          {canonical ? <meta property="og:url" content={canonical} /> : null}
          <meta name="twitter:card" content="summary" />
          <meta name="twitter:title" content={title} />
          <meta name="twitter:description" content={description} />
          <link rel="icon" href="/favicon.ico" sizes="32x32" />
          <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
          {head}
        </head>
        <body>{children}</body>
      </html>
    </>
  );
}
