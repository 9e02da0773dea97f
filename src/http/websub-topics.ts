import { relationNameProblem } from '../domain/relation';
import { FEED_FILES, type FeedFile } from '../feeds/formats';
import type { FeedFilters } from '../store/feed-entries';
import { LANGUAGES } from '../i18n/languages';
import type { Topic } from '../websub/topics';
import { FeedQuery, feedPageUrl } from './feed-query';

/**
 * Which URLs are WebSub topics of this hub: the feeds of the service (all relations or one, in every format,
 * with any of their filters, in any language) and the pages of people that change with the log (`/` and `/{relation}`,
 * with or without a language's prefix), under
 * the origin the hub answers on. Not an archive page (a full one never changes; the page still filling is in
 * the feed), not a page as of a day, nothing of another origin.
 */

const FEED_PATH = new RegExp(`^(?:/v1/relations/([^/]+))?/(${FEED_FILES.map((file) => file.replace('.', '\\.')).join('|')})$`);
const FILTERS = ['type', 'tag', 'level', 'lang'] as const;
const PAGE_PATH = new RegExp(`^(/(?:${LANGUAGES.join('|')})(?=/))?/([^/]*)$`);

/** The topic a URL names, or why it is none. */
export function topicOf(raw: string, origin: string): Topic | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.origin !== origin) return `not a topic of this hub: its topics are the feeds and pages under ${origin}`;
  if (url.username || url.password || url.hash) return 'a topic has no credentials and no fragment';
  const feed = FEED_PATH.exec(url.pathname);
  if (feed) return feedTopic(origin, feed[2] as FeedFile, feed[1] ?? null, url.searchParams);
  const page = PAGE_PATH.exec(url.pathname);
  if (page) {
    const prefix = page[1] ?? '';
    const relation = page[2] || null;
    if (relation !== null && relationNameProblem(relation)) return `not a feed or page of this service: ${url.pathname}`;
    if (url.search) return 'a page is a topic without a query: as of another day it is not a page that changes with the log';
    return { url: `${origin}${prefix}/${relation ?? ''}`, kind: 'page', relation, type: null, tag: null, level: null };
  }
  return `not a feed or page of this service: ${url.pathname}`;
}

function feedTopic(origin: string, file: FeedFile, relation: string | null, query: URLSearchParams): Topic | string {
  if (relation !== null) {
    const problem = relationNameProblem(relation);
    if (problem) return `not a feed of this service: ${problem}`;
  }
  const names = [...query.keys()];
  if (names.includes('page') || names.includes('before')) {
    return 'an archive page is not a topic: a full one never changes, and the newest entries are in the feed itself';
  }
  const unknown = names.filter((name) => !(FILTERS as readonly string[]).includes(name));
  if (unknown.length) return `a feed takes no parameter ${unknown.join(', ')}: only type, tag, level and lang`;
  const parsed = FeedQuery.pick({ type: true, tag: true, level: true, lang: true }).safeParse(Object.fromEntries(query));
  if (!parsed.success) return `not a feed of this service: ${parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join('; ')}`;
  const { type, tag, level, lang } = parsed.data;
  // The filters in the order every link of the feed has them: the topic is the feed's canonical self.
  const filters = { type, tag, level } as FeedFilters;
  return { url: feedPageUrl(origin, file, relation, { filters, language: lang }), kind: 'feed', relation, type: type ?? null, tag: tag ?? null, level: level ?? null };
}
