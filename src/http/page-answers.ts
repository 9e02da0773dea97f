import type { Context } from 'hono';
import { relationDisplayName, relationNameProblem } from '../domain/relation';
import type { AppEnv } from '../env';
import { messagePage } from './error-pages';

/** The answers the pages of a relation share: a 404 page for what is not a relation, or a relation with no events. */

/** A 404 page unless `relation` is a well-formed relation name. */
export function refuseRelation(c: Context<AppEnv>, relation: string): Response | null {
  if (relation !== relation.toLowerCase() && !relationNameProblem(relation.toLowerCase())) {
    return messagePage(c, 404, 'No such page', `Relation names are lower case: try /${relation.toLowerCase()}.`);
  }
  const problem = relationNameProblem(relation);
  return problem ? messagePage(c, 404, 'No such relation', `“${relation}” is not a relation: ${problem}.`) : null;
}

export function unknownRelation(c: Context<AppEnv>, relation: string): Response {
  return messagePage(c, 404, 'No such relation', `No events have been recorded for ${relationDisplayName(relation)} (${relation}).`);
}
