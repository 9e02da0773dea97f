import type { Db } from '../store/db';
import { listRelationsQuery, relationsFrom, type RelationSummary } from '../store/relations';
import { readViews } from './freshness';

/** Every relation as the API lists it: the log's summary of it, with the live facts the timeline shows. */

export type RelationWithFacts = RelationSummary & { facts: number };

/** Every relation with its live facts (corrections applied, retractions left out) beside its events. One D1 call. */
export async function relationsWithFacts(db: Db): Promise<RelationWithFacts[]> {
  const [summaries, facts] = await readViews(db, [
    listRelationsQuery(db),
    db.prepare('SELECT relation, COUNT(*) AS facts FROM view_timeline GROUP BY relation'),
  ]);
  const counts = new Map(facts.results.map((row) => [row.relation as string, row.facts as number]));
  return relationsFrom(summaries).map((summary) => ({ ...summary, facts: counts.get(summary.relation) ?? 0 }));
}
