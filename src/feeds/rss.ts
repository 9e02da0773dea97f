import { archiveLinks, AUTHOR, editionLinks, TTL_MINUTES, type Feed } from './feed';
import type { FeedItem } from './item';
import { element, emptyElement, XML_DECLARATION } from './xml';

/**
 * RSS 2.0, with atom:link self, hub (WebSub) and archive links (RFC 5005). An item's author is `dc:creator`: RSS's own
 * `author` must be an e-mail address.
 */
export function rssFeed(feed: Feed): string {
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:fh="http://purl.org/syndication/history/1.0">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.homeUrl),
    element('description', feed.description),
    element('language', feed.language),
    element('copyright', feed.rights),
    element('lastBuildDate', rfc822(feed.updated)),
    element('generator', AUTHOR),
    element('docs', 'https://www.rssboard.org/rss-specification'),
    element('ttl', String(TTL_MINUTES)),
    emptyElement('atom:link', { rel: 'self', type: 'application/rss+xml', href: feed.selfUrl }),
    feed.hubUrl ? emptyElement('atom:link', { rel: 'hub', href: feed.hubUrl }) : '',
    ...editionLinks('atom:link', 'application/rss+xml', feed),
    ...archiveLinks('atom:link', 'application/rss+xml', feed),
    ...feed.items.map((item) => rssItem(item, feed.language)),
    '</channel>',
    '</rss>',
  ].filter(Boolean).join('\n');
}

/** RFC 822 date-time, as RSS wants it (with a four-digit year, as RFC 1123 amends it). */
export function rfc822(instant: string): string {
  return new Date(instant).toUTCString();
}

/** RSS has no language per item: one whose text is in another language than the channel's says so in `dc:language`. */
function rssItem(item: FeedItem, language: string): string {
  return [
    '<item>',
    element('title', item.title),
    element('link', item.url),
    element('description', item.html),
    element('guid', item.id, { isPermaLink: 'false' }),
    element('pubDate', rfc822(item.recorded)),
    element('dc:creator', item.author),
    item.language === language ? '' : element('dc:language', item.language),
    ...item.categories.map((category) => element('category', category)),
    '</item>',
  ].filter(Boolean).join('\n');
}
