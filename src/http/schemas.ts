import { z } from 'zod';
import { NewEvent } from '../domain/catalog';
import { relationNameProblem } from '../domain/relation';
import { Uuid } from '../domain/uuid';

/** Request and response shapes shared by the route modules; the OpenAPI document is generated from them. */

export const RelationParam = z.object({
  relation: z
    .string()
    .superRefine((value, ctx) => {
      const problem = relationNameProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe('two ISO 3166-1 alpha-2 codes, lower case, alphabetical: mx-ru'),
});

export const AppendBody = z.strictObject({
  expectedVersion: z.number().int().min(0).optional()
    .describe('the version the relation must be at; otherwise 409 and nothing is written'),
  actor: z.unknown().refine(() => false, 'events are attributed to the editor whose key records them: leave actor out').optional()
    .meta({ deprecated: true, description: 'refused: the actor of an event is the name on the key that records it' }),
  events: z.array(NewEvent).min(1).max(100),
});

export const AppendResult = z.object({
  relation: z.string(),
  version: z.number().int(),
  events: z.array(z.object({ id: Uuid, position: z.number().int(), version: z.number().int() })),
});

/** The headers of an answer that holds a key or a secret: no cache keeps it. */
export const NOT_STORED = { 'cache-control': 'no-store' };

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z
    .array(z.object({ pointer: z.string().optional(), parameter: z.string().optional(), detail: z.string() }))
    .optional()
    .describe('each wrong field: a JSON pointer into the body, or the name of a parameter or header'),
}).meta({
  id: 'Problem',
  description: 'RFC 9457 problem details. Some problems add members of their own: currentVersion (a version conflict), ids (an id conflict), scope (a missing scope).',
});

/** The answer to a conditional GET whose validators show the client's copy is current. */
export const notModified = { 304: { description: 'Not modified since the ETag or date the client sent' } };

export const problemContent = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A page for people: the document says only that it is HTML. */
export const htmlContent = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

/** A page's 400 for a malformed x-d1-bookmark header: a page too, as every error on a page's path (app.ts). */
export const badBookmarkPage = htmlContent('The x-d1-bookmark header is not a D1 bookmark');
