import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { relationsWithFacts } from '../views/relation-directory';
import { publicRoute } from './documented-route';
import { validationHook } from './problem';
import { jsonContent, notModified } from './schemas';
import { cachedRead } from './response-cache';

/** Every relation the log has, with its counts and dates. */

export const relationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const RelationSummary = z.object({
  relation: z.string(),
  name: z.string(),
  version: z.number().int(),
  events: z.number().int().describe('every event of its log, corrections and retractions included (its version)'),
  facts: z.number().int().describe('its facts on record: what the timeline shows, corrections applied and retractions left out'),
  firstOccurred: z.string().nullable().describe('the date of the first live fact in the order of its timeline'),
  lastOccurred: z.string().nullable().describe('the date of the last live fact in the order of its timeline (`/2023`, known only by its end, sorts on 2023)'),
  created: z.string(),
});

const list = publicRoute({
  method: 'get',
  path: '/v1/relations',
  operationId: 'listRelations',
  tags: ['Relations'],
  description: 'Each relation once, in the order of its name (mx-ru), with how many events its log holds, its version, and the dates of the first and last of its live facts in the order of its timeline.',
  middleware: [cachedRead({ scope: 'all' })] as const,
  summary: 'Every relation with its facts on record, the events of its log, its version, and first and last occurred',
  responses: { 200: jsonContent(z.object({ relations: z.array(RelationSummary) }), 'The relations'), ...notModified },
});

relationRoutes.openapi(list, async (c) => c.json({ relations: await relationsWithFacts(c.var.db) }, 200));
