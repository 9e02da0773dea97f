import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { publicRoute } from './documented-route';
import { jsonContent } from './schemas';

/** A liveness check for whoever starts the Worker (npm start waits on it): answers without touching D1. */
export const healthRoutes = new OpenAPIHono<AppEnv>();

const health = publicRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'checkHealth',
  tags: ['Admin'],
  description: 'Answers {"ok": true} without touching D1: for uptime checks.',
  summary: 'Is the Worker up?',
  responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'It is') },
});

healthRoutes.openapi(health, (c) => c.json({ ok: true as const }, 200));
