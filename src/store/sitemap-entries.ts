import { AMENDMENT_TYPES_SQL } from './amendment-types';
import type { Db } from './db';

/**
 * What a sitemap lists, from the log: every relation and every fact (not its corrections or retraction, which
 * its page shows), each with the last time the log changed it: when the fact or its latest amendment was
 * recorded, and for a relation its latest event.
 */

export interface SitemapEntries {
  relations: { relation: string; lastmod: string }[];
  facts: { relation: string; id: string; lastmod: string }[];
  /** How many facts the log has in all. */
  total: number;
}

const FACTS = `
  SELECT e.relation, e.id, MAX(e.recorded, COALESCE(
    (SELECT MAX(a.recorded) FROM events a
     WHERE a.type IN (${AMENDMENT_TYPES_SQL}) AND json_extract(a.data, '$.eventId') = e.id), '')) AS lastmod
  FROM events e WHERE e.type NOT IN (${AMENDMENT_TYPES_SQL})
  ORDER BY e.position LIMIT ?1 OFFSET ?2`;

/** The relations, and `limit` facts from the `offset`-th, in log order. One D1 call. */
export async function sitemapEntries(db: Db, offset: number, limit: number): Promise<SitemapEntries> {
  const [relations, facts, total] = await db.batch<Record<string, unknown>>([
    db.prepare(`SELECT r.relation, (SELECT MAX(recorded) FROM events e WHERE e.relation = r.relation) AS lastmod
      FROM relations r ORDER BY r.relation`),
    db.prepare(FACTS, limit, offset),
    db.prepare(`SELECT COUNT(*) AS total FROM events WHERE type NOT IN (${AMENDMENT_TYPES_SQL})`),
  ]);
  return {
    relations: relations.results as SitemapEntries['relations'],
    facts: facts.results as SitemapEntries['facts'],
    total: total.results[0].total as number,
  };
}
