import { z } from 'zod';
import { EVENT_TYPES, Level } from '../domain/catalog';
import { relationNameProblem } from '../domain/relation';
import { FEED_PAGE_SIZE, type FeedFilters } from '../store/feed-entries';
import { invalidParameters } from './problem';

/** The query parameters of every feed: filters, and `page` for an archive page. */
export const FeedQuery = z.object({
  type: z.enum(EVENT_TYPES as [string, ...string[]]).optional().describe('only events of this type, and their corrections'),
  tag: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lower-case-kebab').max(100).optional()
    .describe('only events with this tag, and their corrections'),
  level: Level.optional().describe('federal or subnational'),
  page: z.coerce.number().int().min(1).max(Math.floor(Number.MAX_SAFE_INTEGER / FEED_PAGE_SIZE)).optional()
    .describe(`an archive page: page 1 holds the first ${FEED_PAGE_SIZE} entries of this feed, page 2 the next ${FEED_PAGE_SIZE}… (follow the feed's links)`),
});

export interface FeedRequest {
  filters: FeedFilters;
  page?: number;
}

/** The feed request, or a 400 problem naming the wrong parameter. */
export function parseFeedRequest(url: URL, relation: string | null): FeedRequest | Response {
  if (relation !== null) {
    const problem = relationNameProblem(relation);
    if (problem) return invalidParameters([{ parameter: 'relation', detail: problem }]);
  }
  if (url.searchParams.has('before')) {
    // Archive pages were once cut at a log position, which moved with every append.
    return invalidParameters([{ parameter: 'before', detail: 'archive pages are numbered now (page): follow the links of the current feed' }]);
  }
  const result = FeedQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!result.success) {
    return invalidParameters(result.error.issues.map((issue) => ({ parameter: String(issue.path[0]), detail: issue.message })));
  }
  const { page, ...filters } = result.data;
  return { filters: filters as FeedFilters, page };
}

/** "visits (VisitMade), tag trade, subnational": how a feed's filters read in its title. */
export function filtersInWords(filters: FeedFilters): string {
  return [
    filters.type && `type ${filters.type}`,
    filters.tag && `tag ${filters.tag}`,
    filters.level && `${filters.level} level`,
  ].filter(Boolean).join(', ');
}
