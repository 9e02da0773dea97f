import type { FeedItem } from './item';
import { emptyElement } from './xml';

/** A feed document in any format: one page of entries and the links around it (RFC 5005). */
export interface Feed {
  /** The language of its words (BCP 47), and the same feed in each language, this one included. */
  language: string;
  editions: { language: string; url: string }[];
  title: string;
  description: string;
  /** The web page the feed is about. */
  homeUrl: string;
  /** This document, as its canonical URL: a feed's filters in a fixed order, then its page. */
  selfUrl: string;
  /** The WebSub hub of the subscription document; null on an archive page (not a topic: it changes no more, or goes into the feed). */
  hubUrl: string | null;
  /** The subscription document: the newest entries. */
  currentUrl: string;
  /** The next, older archive page; null when there is none. */
  olderUrl: string | null;
  /** The next, newer archive page, from a full one; null otherwise. */
  newerUrl: string | null;
  /** Not the subscription document but a page of its archive (by number). */
  paged: boolean;
  /** A full archive page: its entries and links never change. */
  archive: boolean;
  /** ISO instant: the newest entry's `recorded`, or when the scope began. */
  updated: string;
  /** What a reader may do with the entries (src/rights.ts). */
  rights: string;
  items: FeedItem[];
}

export const AUTHOR = 'Relations log';

/** How long, in minutes, a reader may wait between polls (RSS `ttl`). */
export const TTL_MINUTES = 30;

/**
 * RFC 5005 paging in an XML feed, as `<link>` (Atom) or `<atom:link>` (RSS) elements: a page of the
 * archive points at the current document, a full one also at the next newer page and says it is an
 * archive; every document with older entries, at the next older page (as `next` too, for paged readers).
 */
export function archiveLinks(link: 'link' | 'atom:link', type: string, feed: Feed): string[] {
  return [
    ...(feed.paged ? [emptyElement(link, { rel: 'current', type, href: feed.currentUrl })] : []),
    ...(feed.olderUrl ? ['next', 'prev-archive'].map((rel) => emptyElement(link, { rel, type, href: feed.olderUrl! })) : []),
    ...(feed.newerUrl ? [emptyElement(link, { rel: 'next-archive', type, href: feed.newerUrl })] : []),
    ...(feed.archive ? ['<fh:archive/>'] : []),
  ];
}

/** The same feed in the other languages (RFC 4287 §4.2.7.2 `hreflang`), as `<link>` (Atom) or `<atom:link>` (RSS). */
export function editionLinks(link: 'link' | 'atom:link', type: string, feed: Feed): string[] {
  return feed.editions.filter((edition) => edition.language !== feed.language)
    .map((edition) => emptyElement(link, { rel: 'alternate', type, hreflang: edition.language, href: edition.url }));
}
