import { appendEvents, type AppendOutcome, type AppendRequest } from './store/append';
import type { Db } from './store/db';
import type { PendingEvent } from './store/events';
import { projectEvent } from './views/projectors';

/**
 * Everything that must change with an event, written in the SAME batch as the event itself,
 * so that no table is ever ahead of or behind the log.
 */
function inStepWith(db: Db, event: PendingEvent): D1PreparedStatement[] {
  return [...projectEvent(db, event)];
}

/** Records events: the append and everything kept in step with it, in one transaction. */
export function recordEvents(db: Db, request: AppendRequest): Promise<AppendOutcome> {
  return appendEvents(db, request, (event) => inStepWith(db, event));
}
