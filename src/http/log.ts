import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { isAmendment, RecordedEvent, TRANSLATION_LANGUAGES } from '../domain/catalog';
import { factHistory } from '../domain/fact-history';
import { LANGUAGES } from '../i18n/languages';
import { Uuid } from '../domain/uuid';
import type { AppEnv } from '../env';
import { recordEvents } from '../recording';
import { relationLogPage } from '../store/events';
import { eventWithAmendments } from '../store/fact-history';
import { afterAppendCommitted } from './after-commit';
import { publicRoute } from './documented-route';
import { editorRoute } from './editor-auth';
import { notFound, problem, validationHook } from './problem';
import { AppendBody, AppendResult, jsonContent, notModified, problemContent, RelationParam } from './schemas';
import { cachedRead } from './response-cache';

/** The raw log: record events (editors), replay a relation's log, read one event. */
export const logRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

// A restore moves some thousands of events a second into the log.
const RESTORE_RETRY_SECONDS = 30;

const append = editorRoute('events:write', {
  method: 'post',
  path: '/v1/relations/{relation}/events',
  operationId: 'appendEvents',
  tags: ['Log'],
  summary: 'Record events',
  description: 'Appends 1 to 100 events in one transaction, attributed to the editor of the key. Posting events whose ids are already in the log is a no-op that answers 200 with their original positions. ' +
    `EventCorrected, EventRetracted and EventTranslated (a fact's headline and summary in ${TRANSLATION_LANGUAGES.join(' or ')}, and whose translation it is) amend a fact (\`data.eventId\`); a translation is corrected by an EventCorrected of \`changes.translations\`.`,
  request: {
    params: RelationParam,
    body: { required: true, content: { 'application/json': { schema: AppendBody } } },
  },
  responses: {
    201: jsonContent(AppendResult, 'Recorded'),
    200: jsonContent(AppendResult, 'Already recorded: a retry of an earlier call'),
    409: problemContent('The expected version does not match, an id is already used by a different event, or only some of the events are already in the log'),
    503: {
      ...problemContent('A restore of the log from a backup is under way: nothing is appended until it ends'),
      headers: { 'Retry-After': { required: true, description: 'seconds to wait before trying again', schema: { type: 'integer' } } },
    },
    422: problemContent('Invalid events: each wrong field with its JSON pointer'),
  },
});

logRoutes.openapi(append, async (c) => {
  const { relation } = c.req.valid('param');
  const body = c.req.valid('json');
  const result = await recordEvents(c.var.db, {
    relation,
    expectedVersion: body.expectedVersion,
    actor: c.var.editor.name,
    events: body.events,
    recorded: new Date().toISOString(),
  }, c.env.PUBLIC_ORIGIN || null);
  if (result.outcome === 'appended') await afterAppendCommitted(c, relation, result.keptInStep);
  switch (result.outcome) {
    case 'appended':
    case 'replayed': {
      const { relation, version, events } = result;
      return c.json({ relation, version, events }, result.outcome === 'appended' ? 201 : 200);
    }
    case 'invalid':
      return problem(c, 422, {
        type: '/problems/invalid-body',
        title: 'The request body is not valid',
        detail: result.errors.map((error) => error.detail).join('; '),
        errors: result.errors,
      });
    case 'version-conflict':
      return problem(c, 409, {
        type: '/problems/version-conflict',
        title: 'The relation has moved on',
        detail: `expected version ${body.expectedVersion}, but ${relation} is at version ${result.currentVersion}; nothing was written`,
        currentVersion: result.currentVersion,
      });
    case 'id-conflict':
      return problem(c, 409, {
        type: '/problems/id-conflict',
        title: 'An id is already used by a different event',
        detail: 'events with these ids are already in the log with other contents; nothing was written',
        ids: result.ids,
      });
    case 'restoring':
      c.header('retry-after', String(RESTORE_RETRY_SECONDS));
      return problem(c, 503, {
        type: '/problems/restore-in-progress',
        title: 'A restore is under way',
        detail: 'the log is being restored from a backup: nothing is appended until the restore ends; nothing was written',
      });
    case 'partly-recorded':
      return problem(c, 409, {
        type: '/problems/partly-recorded',
        title: 'Some of these events are already in the log',
        detail: 'events with these ids are already in the log and the others are not; nothing was written: post the new events on their own',
        ids: result.ids,
      });
  }
});

const LogQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0)
    .describe('return events after this position'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const replay = publicRoute({
  method: 'get',
  path: '/v1/relations/{relation}/events',
  operationId: 'getRelationLog',
  tags: ['Log'],
  description: 'Every event of the relation as it was recorded, corrections and retractions included, oldest first; `next` is the link to the following page, null on the last.',
  middleware: [cachedRead({ scope: 'relation' })] as const,
  summary: "A relation's log in position order",
  request: { params: RelationParam, query: LogQuery },
  responses: {
    200: jsonContent(
      z.object({ relation: z.string(), events: z.array(RecordedEvent), next: z.string().nullable() }),
      'One page of the log; `next` is the URL of the following page, null at the end',
    ),
    ...notModified,
    404: problemContent('No such relation'),
  },
});

logRoutes.openapi(replay, async (c) => {
  const { relation } = c.req.valid('param');
  const { after, limit } = c.req.valid('query');
  const events = await relationLogPage(c.var.db, relation, after, limit);
  if (!events) return notFound(c, `no events have been recorded for ${relation}`);
  const last = events.at(-1);
  const next = events.length === limit && last ? `/v1/relations/${relation}/events?after=${last.position}&limit=${limit}` : null;
  return c.json({ relation, events, next }, 200);
});

/** A fact with what became of it: its translations as they stand and its amendments in order; an amendment as recorded. */
const EventWithHistory = RecordedEvent.extend({
  translations: z.array(z.object({
    language: z.enum(LANGUAGES),
    headline: z.string(),
    summary: z.string().nullable(),
    translator: z.string(),
    event: z.string(),
    recorded: z.string(),
    actor: z.string(),
  })).optional(),
  history: z.array(z.object({
    id: z.string(),
    kind: z.enum(['correction', 'retraction', 'translation']),
    language: z.enum(LANGUAGES).nullable(),
    recorded: z.string(),
    actor: z.string(),
    reason: z.string(),
    changed: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    links: z.object({ event: z.string() }),
  })).optional(),
});

const oneEvent = publicRoute({
  method: 'get',
  path: '/v1/events/{id}',
  operationId: 'getEvent',
  tags: ['Log'],
  description: 'The event as recorded, where it stands in the log, when and by whom. A fact is answered as recorded, with `history`: its amendments in order, each with what it changed (a translation as `translations.es.headline`…), and `translations`, as they now stand.',
  middleware: [cachedRead({ scope: 'all' })] as const,
  summary: 'One event of the log',
  request: { params: z.object({ id: Uuid }) },
  responses: {
    200: jsonContent(EventWithHistory, 'The event'),
    ...notModified,
    404: problemContent('No such event'),
  },
});

logRoutes.openapi(oneEvent, async (c) => {
  const found = await eventWithAmendments(c.var.db, c.req.valid('param').id);
  if (!found) return notFound(c, 'no event has this id');
  if (isAmendment(found.event.type)) return c.json(found.event, 200);
  const { amendments, translations } = factHistory(found.event, found.amendments);
  const history = amendments.map(({ id, ...step }) => ({ id, ...step, links: { event: `/v1/events/${id}` } }));
  return c.json({ ...found.event, translations, history }, 200);
});
