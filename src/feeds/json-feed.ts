import { AUTHOR, type Feed } from './feed';
import type { FeedItem } from './item';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); `next_url` pages back through the whole log. */
export function jsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.currentUrl,
    description: feed.description,
    language: 'en',
    authors: [{ name: AUTHOR }],
    ...(feed.olderUrl ? { next_url: feed.olderUrl } : {}),
    items: feed.items.map(jsonItem),
  });
}

function jsonItem(item: FeedItem) {
  return {
    id: item.id,
    url: item.url,
    ...(item.sourceUrl ? { external_url: item.sourceUrl } : {}),
    title: item.title,
    content_html: item.html,
    content_text: item.text,
    ...(item.summary ? { summary: item.summary } : {}),
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
