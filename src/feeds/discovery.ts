import { escapeXml, XML_DECLARATION } from './xml';

/** What tells crawlers and feed readers what the site holds: robots.txt, sitemaps (sitemaps.org 0.9) and an OPML list of feeds. Pure. */

/** A sitemap holds at most this many URLs (sitemaps.org); past that, /sitemap.xml is an index of numbered sitemaps. */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapUrl {
  loc: string;
  /** An ISO instant: when its content last changed. */
  lastmod: string;
  /** The same page in each language (and `x-default`), as Google's sitemaps extension for localized pages lists them. */
  alternates?: { hreflang: string; href: string }[];
}

const alternateLinks = (url: SitemapUrl) => (url.alternates ?? [])
  .map(({ hreflang, href }) => `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(href)}"/>`).join('');

const lastmod = (instant: string) => `${instant.slice(0, 19)}Z`;

export function urlSet(urls: SitemapUrl[]): string {
  const entries = urls.map((url) => `<url><loc>${escapeXml(url.loc)}</loc><lastmod>${lastmod(url.lastmod)}</lastmod>${alternateLinks(url)}</url>`);
  return `${XML_DECLARATION}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
}

export function sitemapIndex(sitemaps: SitemapUrl[]): string {
  const entries = sitemaps.map((map) => `<sitemap><loc>${escapeXml(map.loc)}</loc><lastmod>${lastmod(map.lastmod)}</lastmod></sitemap>`);
  return `${XML_DECLARATION}\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

export function robotsTxt(origin: string): string {
  // A search has no end of pages: its results are the facts' own pages, which the sitemap lists.
  return `User-agent: *\nDisallow: /search\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`;
}

export interface OpmlFeed {
  title: string;
  /** The feed, and the page it is about. */
  xmlUrl: string;
  htmlUrl: string;
}

/** OPML 2.0: one folder per format of the feeds, each holding the feed of every scope (all relations, each relation). */
export function opml(title: string, folders: { title: string; feeds: OpmlFeed[] }[]): string {
  const outline = (feed: OpmlFeed) =>
    `<outline type="rss" text="${escapeXml(feed.title)}" title="${escapeXml(feed.title)}" xmlUrl="${escapeXml(feed.xmlUrl)}" htmlUrl="${escapeXml(feed.htmlUrl)}"/>`;
  const body = folders.map((folder) => `<outline text="${escapeXml(folder.title)}">\n${folder.feeds.map((feed) => `  ${outline(feed)}`).join('\n')}\n</outline>`);
  return `${XML_DECLARATION}\n<opml version="2.0">\n<head><title>${escapeXml(title)}</title></head>\n<body>\n${body.join('\n')}\n</body>\n</opml>\n`;
}
