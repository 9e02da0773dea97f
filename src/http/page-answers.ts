import type { Context } from 'hono';
import { relationNameProblem } from '../domain/relation';
import type { AppEnv } from '../env';
import { messagePage } from './error-pages';
import { pageWords } from './page-language';

/** The answers the pages of a relation share: a 404 page for what is not a relation, or a relation with no events. */

/** A 404 page unless `relation` is a well-formed relation name. */
export function refuseRelation(c: Context<AppEnv>, relation: string): Promise<Response> | null {
  if (relation !== relation.toLowerCase() && !relationNameProblem(relation.toLowerCase())) {
    return messagePage(c, 404, 'lowerCase', { lower: relation.toLowerCase() });
  }
  const problem = relationNameProblem(relation);
  return problem ? messagePage(c, 404, 'notRelation', { relation, problem }) : null;
}

export async function unknownRelation(c: Context<AppEnv>, relation: string): Promise<Response> {
  const words = await pageWords(c);
  return messagePage(c, 404, 'unknownRelation', { name: words.relation(relation), relation });
}
