import { archiveLinks, AUTHOR, editionLinks, type Feed } from './feed';
import type { FeedItem } from './item';
import { element, emptyElement, XML_DECLARATION } from './xml';

/** Atom 1.0 (RFC 4287), with archive links (RFC 5005), replies to amended entries (RFC 4685) and its WebSub hub. */
export function atomFeed(feed: Feed): string {
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="${feed.language}">`,
    element('id', feed.currentUrl),
    element('title', feed.title),
    element('subtitle', feed.description),
    element('updated', feed.updated),
    element('rights', feed.rights),
    `<author>${element('name', AUTHOR)}</author>`,
    emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
    feed.hubUrl ? emptyElement('link', { rel: 'hub', href: feed.hubUrl }) : '',
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
    ...editionLinks('link', 'application/atom+xml', feed),
    ...archiveLinks('link', 'application/atom+xml', feed),
    element('generator', AUTHOR),
    ...feed.items.map((item) => atomEntry(item, feed.language)),
    '</feed>',
  ].filter(Boolean).join('\n');
}

/** An entry whose text is in another language than the feed's says so (RFC 4287 §2: xml:lang on any element). */
function atomEntry(item: FeedItem, language: string): string {
  return [
    item.language === language ? '<entry>' : `<entry xml:lang="${item.language}">`,
    element('id', item.id),
    element('title', item.title),
    element('published', item.recorded),
    element('updated', item.recorded),
    `<author>${element('name', item.author)}</author>`,
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    emptyElement('link', { rel: 'related', type: 'application/json', href: item.eventUrl }),
    item.sourceUrl ? emptyElement('link', { rel: 'via', href: item.sourceUrl }) : '',
    item.amends ? emptyElement('thr:in-reply-to', { ref: item.amends.id, href: item.amends.eventUrl, type: 'application/json' }) : '',
    ...item.categories.map((term) => emptyElement('category', { term })),
    element('summary', item.summary),
    element('content', item.html, { type: 'html' }),
    '</entry>',
  ].filter(Boolean).join('\n');
}
