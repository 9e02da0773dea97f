/**
 * The floors the bench measures the Worker against, in the same runtime: the very statements a route
 * sends to D1, sent through the bare binding, with none of the Worker's own work around them.
 * - A view: the route is run once through a binding that notes its batch (the same SQL, the same bound
 *   values); after that, every request sends that batch bare and answers its rows with Response.json.
 * - An append: the batch the append would send for the same events (the events, every view, the outbox,
 *   the version guard), built by the same functions, without the HTTP parsing, validation, digests,
 *   credential check or cache invalidation around it.
 */
import worker from '../src/index';
import type { NewEvent } from '../src/domain/catalog';
import { keptInStep } from '../src/recording';
import { appendBatch, pendingEvent, type AppendRequest } from '../src/store/append';
import { Db } from '../src/store/db';
import { recordingD1, type NotedStatement } from './recording-d1';

const viewBatches = new Map<string, NotedStatement[]>();

/** GET /__bench/floor?path=<the path of a view>. */
export async function viewFloor(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const path = new URL(request.url).searchParams.get('path');
  if (!path) return new Response('?path= names the view', { status: 400 });
  let batch = viewBatches.get(path);
  if (!batch) {
    let noted: NotedStatement[] | undefined;
    const noting = { ...env, DB: recordingD1(env.DB, (statements) => { noted = statements; }) };
    const view = await worker.fetch(new Request(new URL(path, request.url), { headers: { 'cache-control': 'no-store' } }), noting, ctx);
    if (view.status !== 200 || !noted) return new Response(`${path}: ${view.status}, no batch noted`, { status: 500 });
    batch = noted;
    viewBatches.set(path, batch);
  }
  const session = env.DB.withSession('first-unconstrained');
  const results = await session.batch(batch.map(({ sql, params }) => session.prepare(sql).bind(...params)));
  return Response.json(results.map((result) => result.results));
}

/** POST /__bench/append-floor?relation=, with the body of an append. */
export async function appendFloor(request: Request, env: Env): Promise<Response> {
  const relation = new URL(request.url).searchParams.get('relation') ?? '';
  const { events } = (await request.json()) as { events: NewEvent[] };
  const db = new Db(env.DB);
  const append: AppendRequest = { relation, actor: 'bench', events, recorded: new Date().toISOString() };
  // The defaults validation would have filled in (the bench's events give every other field).
  const defaults = { tags: [], places: [], participants: [], level: 'federal' } as const;
  const pending = events.map((event) => pendingEvent(append, { ...defaults, ...event }, 'bench'));
  await db.batch(appendBatch(db, append, pending, keptInStep(db, null)).statements);
  return new Response(null, { status: 201 });
}
