import type { FeedItem } from './item';
import { emptyElement } from './xml';

/** A feed document in any format: one page of entries and the links around it (RFC 5005). */
export interface Feed {
  title: string;
  description: string;
  /** The web page the feed is about. */
  homeUrl: string;
  /** This document. */
  selfUrl: string;
  /** The subscription document: the newest page. */
  currentUrl: string;
  /** The next, older page; null on the oldest. */
  olderUrl: string | null;
  /** True for every page but the subscription document: its entries never change. */
  archive: boolean;
  /** ISO instant: the newest entry's `recorded`, or when the scope began. */
  updated: string;
  items: FeedItem[];
}

export const AUTHOR = 'Relations log';

/** How long, in minutes, a reader may wait between polls (RSS `ttl`). */
export const TTL_MINUTES = 30;

/**
 * RFC 5005 paging in an XML feed, as `<link>` (Atom) or `<atom:link>` (RSS) elements: an archive page
 * points at the current document and says it is an archive; every page but the oldest, at the next older one.
 */
export function archiveLinks(link: 'link' | 'atom:link', type: string, feed: Feed): string[] {
  return [
    ...(feed.archive ? [emptyElement(link, { rel: 'current', type, href: feed.currentUrl })] : []),
    ...(feed.olderUrl ? ['next', 'prev-archive'].map((rel) => emptyElement(link, { rel, type, href: feed.olderUrl! })) : []),
    ...(feed.archive ? ['<fh:archive/>'] : []),
  ];
}
