import type { Db } from '../store/db';
import { listRelationsQuery, relationsFrom, type RelationSummary } from '../store/relations';
import { readViews, type Row } from './freshness';

/** Every relation as the API lists it: the log's summary of it, with the live facts the timeline shows. */

export type RelationWithFacts = RelationSummary & { facts: number };

/** The statements of the directory, for a batch of their own or of a page's: read with `directoryFrom`. */
export const directoryQueries = (db: Db) => [
  listRelationsQuery(db),
  db.prepare('SELECT relation, COUNT(*) AS facts FROM view_timeline GROUP BY relation'),
];

export function directoryFrom([summaries, facts]: D1Result<Row>[]): RelationWithFacts[] {
  const counts = new Map(facts.results.map((row) => [row.relation as string, row.facts as number]));
  return relationsFrom(summaries).map((summary) => ({ ...summary, facts: counts.get(summary.relation) ?? 0 }));
}

/** Every relation with its live facts (corrections applied, retractions left out) beside its events. One D1 call. */
export async function relationsWithFacts(db: Db): Promise<RelationWithFacts[]> {
  return directoryFrom(await readViews(db, directoryQueries(db)));
}
