import type { OpenAPIHono } from '@hono/zod-openapi';
import { FEED_FILES, FEED_FORMATS, type FeedFormat } from '../feeds/formats';
import { publicRoute } from '../http/documented-route';
import { FeedQuery } from '../http/feed-query';
import { notModified, problemContent, RelationParam } from '../http/schemas';
import { FEED_PAGE_SIZE } from '../store/feed-entries';

/**
 * The feeds (src/http/feeds.ts) as the OpenAPI document describes them: their handler reads the query itself,
 * with no route definition, so only the document (./document.ts) reads these, and the Worker is spared their words.
 */

/** Every feed, of all relations and of one, in the document's `paths`. */
export function registerFeeds(registry: OpenAPIHono['openAPIRegistry']): void {
  for (const file of FEED_FILES) {
    registry.registerPath(feedDoc(`/${file}`, FEED_FORMATS[file], false));
    registry.registerPath(feedDoc(`/v1/relations/{relation}/${file}`, FEED_FORMATS[file], true));
  }
}

function feedDoc(path: string, format: FeedFormat, perRelation: boolean) {
  return publicRoute({
    method: 'get',
    path,
    operationId: `get${perRelation ? 'Relation' : ''}${format.operationName}`,
    tags: ['Feeds'],
    summary: `${format.name} of the log${perRelation ? ' of one relation' : ' of all relations'}`,
    description: `The newest entries by recorded time (${FEED_PAGE_SIZE} to ${2 * FEED_PAGE_SIZE - 1} once there are ${FEED_PAGE_SIZE}); ` +
      `older entries on archive pages of ${FEED_PAGE_SIZE}, numbered from the oldest, through RFC 5005 links (next_url in JSON Feed). ` +
      'A full archive page never changes: it is served with Cache-Control: public, max-age=31536000, immutable. ' +
      'Served from the edge cache; ETag and Last-Modified answer conditional requests with 304. A WebSub topic (not an archive page).',
    request: { ...(perRelation ? { params: RelationParam } : {}), query: FeedQuery },
    responses: {
      200: { description: format.name, content: { [format.mediaType]: { schema: format.schema } } },
      301: {
        description: 'An archive link of old (before): the numbered page that holds the newest of its entries',
        headers: { Location: { required: true, description: 'the numbered archive page', schema: { type: 'string', format: 'uri' } } },
      },
      ...notModified,
      404: problemContent(perRelation
        ? 'No such relation, no such page yet, or no entry before the position given'
        : 'No such page yet, or no entry before the position given'),
    },
  });
}
