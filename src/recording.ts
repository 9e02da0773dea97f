import { appendEvents, type AppendOutcome, type AppendRequest } from './store/append';
import type { Db } from './store/db';
import { projectEvent } from './views/projectors';
import { recordedOutbox } from './webhooks/outbox';

/**
 * Records events: the append and everything that must change with each event (every view, the
 * webhook outbox), written in the SAME batch as the event itself, so that no table is ever ahead of
 * or behind the log. What follows the commit is in http/after-commit.ts.
 */
export function recordEvents(db: Db, request: AppendRequest): Promise<AppendOutcome> {
  return appendEvents(db, request, (event) => [...projectEvent(db, event), ...recordedOutbox(db, event)]);
}
