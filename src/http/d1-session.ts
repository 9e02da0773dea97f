import type { SessionStart } from '../store/db';
import { invalidParameters } from './problem';

/**
 * Where a request's D1 session starts. A public read (a GET or HEAD without credentials) starts at the
 * nearest replica; anything else, appends and every editor route, at the primary. A request that
 * brings back the `x-d1-bookmark` of an earlier response starts from that bookmark, so it sees at least
 * what that response saw: an editor who appends and then reads sees the append, from any region.
 */
export const BOOKMARK_HEADER = 'x-d1-bookmark';

// D1 bookmarks: three 8-digit and one 32-digit hexadecimal fields (0000007b-0000b26e-00001538-0c3e87bb…).
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;

/** The header as the OpenAPI document describes it: a parameter every operation takes. */
export const BOOKMARK_PARAMETER_NAME = 'D1Bookmark';
export const BOOKMARK_PARAMETER = {
  name: BOOKMARK_HEADER,
  in: 'header' as const,
  required: false,
  description: 'The x-d1-bookmark of an earlier response: this request reads data at least as new as that response saw. ' +
    'A value that is not a D1 bookmark is a 400 naming the header.',
  schema: { type: 'string' as const, pattern: BOOKMARK.source },
};

/** The session a request starts, or a 400 problem for a bookmark that is not one. */
export function sessionStartOf(request: Request): SessionStart | Response {
  const bookmark = request.headers.get(BOOKMARK_HEADER);
  if (bookmark !== null) {
    if (BOOKMARK.test(bookmark.trim())) return { bookmark: bookmark.trim() };
    return invalidParameters([{ parameter: BOOKMARK_HEADER, detail: 'not a D1 bookmark: send back the x-d1-bookmark of an earlier response' }]);
  }
  const publicRead = (request.method === 'GET' || request.method === 'HEAD') && !request.headers.has('authorization');
  return publicRead ? 'first-unconstrained' : 'first-primary';
}
