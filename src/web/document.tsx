import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { languageAlternates, type PageWords } from './page-words';

/**
 * The HTML document every page is: the doctype (standards mode, never quirks), its language, the head every
 * page has, and what a page shared elsewhere shows (Open Graph and Twitter card metadata, the canonical URL).
 */

/** How a page is found and shared. */
export interface Sharing {
  /**
   * The page's own absolute URL without a language prefix; none for an error page. A page under a language's
   * prefix is canonical at that address (`/es/…`), and every page links each of its languages (hreflang).
   */
  canonical?: string;
  /** `article` for the page of one fact; `website` otherwise. */
  kind?: 'website' | 'article';
  /** Not for search engines' indexes (results of a search, a day chosen among 366). */
  noindex?: boolean;
}

interface DocumentProps extends Sharing {
  words: PageWords;
  title: string;
  description: string;
  /** What the page adds to the head: its stylesheets, its feeds. */
  head?: Child;
  children?: Child;
}

export function Document({ words, title, description, head, children, canonical, kind = 'website', noindex }: DocumentProps) {
  const alternates = canonical ? languageAlternates(canonical) : [];
  // Each address is canonical for itself: the page of a language, and the page without a prefix (x-default), which
  // answers by Accept-Language; never one language's page for another's (search engines and Lighthouse ask so).
  const own = words.prefixed ? alternates.find((alternate) => alternate.hreflang === words.language)?.href : canonical;
  const site = words.t('site.name');
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={words.language}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          <meta name="description" content={description} />
          {own ? <link rel="canonical" href={own} /> : null}
          {alternates.map((alternate) => <link rel="alternate" hreflang={alternate.hreflang} href={alternate.href} />)}
          {noindex ? <meta name="robots" content="noindex, follow" /> : null}
          <meta property="og:site_name" content={site} />
          <meta property="og:type" content={kind} />
          <meta property="og:title" content={title} />
          <meta property="og:description" content={description} />
          {own ? <meta property="og:url" content={own} /> : null}
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
