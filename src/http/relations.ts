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
  firstOccurred: z.string().nullable(),
  lastOccurred: z.string().nullable(),
  created: z.string(),
});

const list = publicRoute({
  method: 'get',
  path: '/v1/relations',
  operationId: 'listRelations',
  middleware: [cachedRead({ scope: 'all' })] as const,
  summary: 'Every relation with its facts on record, the events of its log, its version, and first and last occurred',
  responses: { 200: jsonContent(z.object({ relations: z.array(RelationSummary) }), 'The relations'), ...notModified },
});

relationRoutes.openapi(list, async (c) => c.json({ relations: await relationsWithFacts(c.var.db) }, 200));
