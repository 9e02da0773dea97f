import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { Feed } from '../feeds/feed';
import { FEED_FILES, FEED_FORMATS, type FeedFile, type FeedFormat } from '../feeds/formats';
import { feedItem } from '../feeds/item';
import { LANGUAGES, LOG_LANGUAGE } from '../i18n/languages';
import type { Words } from '../i18n/words';
import { DATA_RIGHTS } from '../rights';
import { archivePageBefore, feedPage, type FeedPage } from '../store/feed-entries';
import { hubUrl, topicLinkHeader } from '../websub/topics';
import { withValidators } from './conditional';
import { ARCHIVED, cachedRead, type CachedReadOptions } from './response-cache';
import { feedPageUrl, filtersInWords, parseFeedRequest, type FeedRequest } from './feed-query';
import { publicOrigin } from './origin';
import { askedWords } from './page-language';
import { notFound } from './problem';

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the log, per relation and for all relations, newest recorded first. */
export const feedRoutes = new OpenAPIHono<AppEnv>();

// An archive page (`page`) that is full never changes: it is kept apart from the generations.
const cached = (scope: CachedReadOptions['scope']) => cachedRead({ scope, mayBeArchived: (query) => query.has('page') });

for (const file of FEED_FILES) {
  feedRoutes.get(`/${file}`, cached('all'), (c) => serveFeed(c, file, null));
  feedRoutes.get(`/v1/relations/:relation/${file}`, cached('relation'), (c) => serveFeed(c, file, c.req.param('relation')));
}

async function serveFeed(c: Context<AppEnv>, file: FeedFile, relation: string | null): Promise<Response> {
  const url = new URL(c.req.url);
  const request = parseFeedRequest(url, relation);
  if (request instanceof Response) return request;
  if (request.before !== undefined) return redirectToNumberedPage(c, file, relation, request);
  const page = await feedPage(c.var.db, { relation, filters: request.filters, page: request.page, language: request.language });
  if (page === 'no such relation') return notFound(c, `no events have been recorded for ${relation}`);
  if (page === 'no such page') return notFound(c, `page ${request.page} of this feed has no entries yet`);
  const feed = feedDocument(await askedWords(c, request.language), publicOrigin(c), file, relation, request, page);
  const format: FeedFormat = FEED_FORMATS[file];
  const response = await withValidators(format.render(feed), `${format.mediaType}; charset=utf-8`, page.entries[0]?.recorded ?? null);
  if (page.full) response.headers.set('cache-control', ARCHIVED);
  // WebSub discovery in the headers too, where a subscriber looks first (§4).
  if (feed.hubUrl) response.headers.set('link', topicLinkHeader(publicOrigin(c), feed.selfUrl));
  return response;
}

/** An archive link of old (`?before=`, the entries before a log position): to the numbered page that now holds the newest of them, for good. */
async function redirectToNumberedPage(c: Context<AppEnv>, file: FeedFile, relation: string | null, request: FeedRequest): Promise<Response> {
  const page = await archivePageBefore(c.var.db, { relation, filters: request.filters, before: request.before! });
  if (page === null) return notFound(c, `this feed has no entries before position ${request.before}`);
  // The entries before a position never change, so neither does the page that holds the newest of them.
  c.header('cache-control', ARCHIVED);
  return c.redirect(feedPageUrl(publicOrigin(c), file, relation, request, page), 301);
}

function feedDocument(
  words: Words, origin: string, file: FeedFile, relation: string | null, request: FeedRequest, page: FeedPage,
): Feed {
  const { t } = words;
  const pageUrl = (number?: number) => feedPageUrl(origin, file, relation, request, number);
  // The feed asked in a language links that language's pages; the one without `lang`, the pages without a prefix.
  const pages = request.language ? `${origin}/${request.language}` : origin;
  const subject = relation === null ? t('feed.all') : t('relation.heading', { name: words.relation(relation) });
  const narrowed = filtersInWords(words, request.filters);
  const title = t('feed.title', { subject, filters: narrowed ? ` (${narrowed})` : '' });
  return {
    language: words.language,
    editions: LANGUAGES.map((language) => ({
      language, url: feedPageUrl(origin, file, relation, { ...request, language: language === LOG_LANGUAGE ? undefined : language }),
    })),
    title: request.page ? t('feed.page', { title, page: request.page }) : title,
    description: t('feed.description', { subject, filters: narrowed ? `, ${narrowed}` : '' }),
    homeUrl: `${pages}/${relation ?? ''}`,
    selfUrl: pageUrl(request.page),
    hubUrl: request.page === undefined ? hubUrl(origin) : null,
    currentUrl: pageUrl(),
    olderUrl: page.older === null ? null : pageUrl(page.older),
    newerUrl: page.newer === null ? null : pageUrl(page.newer),
    paged: request.page !== undefined,
    archive: page.full,
    updated: page.entries[0]?.recorded ?? page.created ?? new Date(0).toISOString(),
    rights: DATA_RIGHTS,
    items: page.entries.map((entry) => feedItem(entry, { origin, pages }, words)),
  };
}
