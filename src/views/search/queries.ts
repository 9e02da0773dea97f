import { matchExpression, type SearchTerm } from './terms';

/** Search, read side: the facts whose words match a search, with how well they match. */

/** How much a match in each column of view_search counts for relevance (BM25), in the order of its columns: the headline most. */
const WEIGHTS = { event_id: 0, relation: 0, headline: 3, summary: 1, participants: 2, places: 2, translations: 2 };

/**
 * The facts that match `terms`, as a table `(event_id, score)` to join with the timeline: `score` is
 * BM25, lower for a better match. `bind` adds a parameter to the statement and answers its placeholder.
 */
export function matchingFacts(bind: (value: unknown) => string, terms: SearchTerm[], marked = false): string {
  const marks = marked ? `, ${MARKED.map(([column, name]) => `highlight(view_search, ${column}, '${MARK_START}', '${MARK_END}') AS ${name}`).join(', ')}` : '';
  return `(SELECT event_id, bm25(view_search, ${Object.values(WEIGHTS).join(', ')}) AS score${marks}
    FROM view_search WHERE view_search MATCH ${bind(matchExpression(terms))})`;
}

/**
 * Where a match begins and ends in the marked text (`marked`, above): characters no text of the log may hold
 * (the catalog refuses control characters), so they never stand for anything else.
 */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** The columns of view_search whose matches are marked (by their index), and the names they are read by. */
const MARKED = [[2, 'headline_marked'], [3, 'summary_marked']] as const;
