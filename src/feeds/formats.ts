import { z } from 'zod';
import { atomFeed } from './atom';
import type { Feed } from './feed';
import { jsonFeed, JsonFeedDocument } from './json-feed';
import { rssFeed } from './rss';

/** A format a feed is served in. */
export interface FeedFormat {
  mediaType: string;
  /** What the format is called: "RSS 2.0". */
  name: string;
  /** How a link to it reads on a page: "RSS feed"; and after a feed's title: "RSS". */
  label: string;
  short: string;
  /** The operations of the OpenAPI document are get<operationName> and getRelation<operationName>. */
  operationName: string;
  /** The shape of the body, for the OpenAPI document. */
  schema: z.ZodType;
  render: (feed: Feed) => string;
}

/**
 * Every feed format, by the file name it is served at (`/feed.xml`, `/v1/relations/{relation}/feed.xml`).
 * The routes, the OpenAPI document and the pages' `<link rel="alternate">` are made from this list.
 */
export const FEED_FORMATS = {
  'feed.xml': {
    mediaType: 'application/rss+xml', name: 'RSS 2.0', label: 'RSS feed', short: 'RSS', operationName: 'RssFeed',
    schema: z.string().describe('an RSS 2.0 document'), render: rssFeed,
  },
  'feed.atom': {
    mediaType: 'application/atom+xml', name: 'Atom 1.0', label: 'Atom feed', short: 'Atom', operationName: 'AtomFeed',
    schema: z.string().describe('an Atom 1.0 document'), render: atomFeed,
  },
  'feed.json': {
    mediaType: 'application/feed+json', name: 'JSON Feed 1.1', label: 'JSON Feed', short: 'JSON Feed', operationName: 'JsonFeed',
    schema: JsonFeedDocument, render: jsonFeed,
  },
} satisfies Record<string, FeedFormat>;

export type FeedFile = keyof typeof FEED_FORMATS;
export const FEED_FILES = Object.keys(FEED_FORMATS) as FeedFile[];
