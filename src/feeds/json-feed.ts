import { z } from 'zod';
import { AUTHOR, type Feed } from './feed';
import type { FeedItem } from './item';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); `next_url` pages back through the whole log. */

const Authors = z.array(z.object({ name: z.string() }));

const JsonFeedItem = z.object({
  id: z.string().describe('urn:uuid:<event id>, the same forever'),
  url: z.string().describe('the event on the web page of its relation'),
  external_url: z.string().optional().describe('the cited source'),
  title: z.string().describe('the historical date in words, and the headline'),
  content_html: z.string(),
  content_text: z.string(),
  summary: z.string().optional(),
  language: z.string().describe('the language of its title and summary, which may not be the feed\'s: the log\'s own for a fact not yet translated'),
  date_published: z.string().describe('when the event was recorded'),
  authors: Authors.describe('the editor who recorded it'),
  tags: z.array(z.string()),
  _relations_log: z.object({
    kind: z.enum(['fact', 'correction', 'retraction', 'translation']),
    event_url: z.string().describe('the event as JSON'),
    amends: z.string().optional().describe('urn:uuid: of the event a correction or retraction amends'),
    amends_url: z.string().optional(),
  }).describe('what the log says of the entry (a JSON Feed extension)'),
});

export const JsonFeedDocument = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  home_page_url: z.string(),
  feed_url: z.string(),
  description: z.string(),
  language: z.string(),
  authors: Authors,
  next_url: z.string().optional().describe('the next older archive page'),
  hubs: z.array(z.object({ type: z.literal('WebSub'), url: z.string() })).optional()
    .describe('the WebSub hub this feed is distributed through (not on an archive page)'),
  items: z.array(JsonFeedItem),
  _relations_log: z.object({
    rights: z.string().describe('what a reader may do with the entries: their sources, and the licence of text taken from Wikipedia'),
    editions: z.array(z.object({ language: z.string(), feed_url: z.string() }))
      .describe('the same feed in each language of the service, this one included'),
  }).describe('what the log says of the feed (a JSON Feed extension)'),
});

export function jsonFeed(feed: Feed): string {
  const document: z.input<typeof JsonFeedDocument> = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.currentUrl,
    description: feed.description,
    language: feed.language,
    authors: [{ name: AUTHOR }],
    ...(feed.olderUrl ? { next_url: feed.olderUrl } : {}),
    ...(feed.hubUrl ? { hubs: [{ type: 'WebSub' as const, url: feed.hubUrl }] } : {}),
    items: feed.items.map(jsonItem),
    // JSON Feed has no field for rights; extensions begin with an underscore.
    _relations_log: { rights: feed.rights, editions: feed.editions.map(({ language, url }) => ({ language, feed_url: url })) },
  };
  return JSON.stringify(document);
}

function jsonItem(item: FeedItem): z.input<typeof JsonFeedItem> {
  return {
    id: item.id,
    url: item.url,
    ...(item.sourceUrl ? { external_url: item.sourceUrl } : {}),
    title: item.title,
    content_html: item.html,
    content_text: item.text,
    ...(item.summary ? { summary: item.summary } : {}),
    language: item.language,
    date_published: item.recorded,
    authors: [{ name: item.author }],
    tags: item.categories,
    // JSON Feed extensions begin with an underscore.
    _relations_log: {
      kind: item.kind,
      event_url: item.eventUrl,
      ...(item.amends ? { amends: item.amends.id, amends_url: item.amends.eventUrl } : {}),
    },
  };
}
