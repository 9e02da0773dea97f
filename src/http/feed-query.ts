import { z } from 'zod';
import { EVENT_TYPES, Level } from '../domain/catalog';
import { relationNameProblem } from '../domain/relation';
import type { FeedFile } from '../feeds/formats';
import { LanguageCode, type Language } from '../i18n/languages';
import type { Words } from '../i18n/words';
import { FEED_PAGE_SIZE, type FeedFilters } from '../store/feed-entries';
import { invalidParameters } from './problem';

/** The query parameters of every feed: filters, its language, and `page` for an archive page. */
export const FeedQuery = z.object({
  type: z.enum(EVENT_TYPES as [string, ...string[]]).optional().describe('only events of this type, and their corrections'),
  tag: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lower-case-kebab').max(100).optional()
    .describe('only events with this tag, and their corrections'),
  level: Level.optional().describe('federal or subnational'),
  lang: LanguageCode.optional().describe('the edition of the feed in this language (its titles, texts and links); English without it'),
  page: z.coerce.number().int().min(1).max(Math.floor(Number.MAX_SAFE_INTEGER / FEED_PAGE_SIZE)).optional()
    .describe(`an archive page: page 1 holds the first ${FEED_PAGE_SIZE} entries of this feed, page 2 the next ${FEED_PAGE_SIZE}… (follow the feed's links)`),
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional()
    .meta({ deprecated: true })
    .describe('the archive links of old (the entries before a log position): answered with a 301 to the numbered page that holds the newest of them'),
});

export interface FeedRequest {
  filters: FeedFilters;
  /** The edition asked for by `lang`; none is the English one, at the URL it always had. */
  language?: Language;
  page?: number;
  /** An archive link of old: the entries before this log position. */
  before?: number;
}

/** The feed request, or a 400 problem naming the wrong parameter. */
export function parseFeedRequest(url: URL, relation: string | null): FeedRequest | Response {
  if (relation !== null) {
    const problem = relationNameProblem(relation);
    if (problem) return invalidParameters([{ parameter: 'relation', detail: problem }]);
  }
  const result = FeedQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!result.success) {
    return invalidParameters(result.error.issues.map((issue) => ({ parameter: String(issue.path[0]), detail: issue.message })));
  }
  const { page, before, lang, ...filters } = result.data;
  if (page !== undefined && before !== undefined) {
    return invalidParameters([{ parameter: 'before', detail: 'an archive page is one of page or before, not both' }]);
  }
  return { filters: filters as FeedFilters, language: lang, page, before };
}

/** "type Visit, tag trade, subnational level": how a feed's filters read in its title, in its language. */
export function filtersInWords({ t }: Words, filters: FeedFilters): string {
  return [
    filters.type && t('feed.filterType', { type: t(`type.${filters.type}`) }),
    filters.tag && t('feed.filterTag', { tag: filters.tag }),
    filters.level && t('feed.filterLevel', { level: t(`level.${filters.level}`) }),
  ].filter(Boolean).join(', ');
}

export const feedPath = (file: FeedFile, relation: string | null) => (relation === null ? `/${file}` : `/v1/relations/${relation}/${file}`);

/**
 * The URL of a feed or of one of its pages: the filters in a fixed order, its language, then the page; one URL per
 * page, for links and caches alike.
 */
export function feedPageUrl(
  origin: string, file: FeedFile, relation: string | null, request: Pick<FeedRequest, 'filters' | 'language'>, number?: number,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request.filters)) if (value) params.set(name, value);
  if (request.language) params.set('lang', request.language);
  if (number !== undefined) params.set('page', String(number));
  const query = params.toString();
  return `${origin}${feedPath(file, relation)}${query ? `?${query}` : ''}`;
}
