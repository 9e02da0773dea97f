import { appendEvents, type AppendOutcome, type AppendRequest } from './store/append';
import type { Db } from './store/db';
import type { PendingEvent } from './store/events';
import { projectEvent } from './views/projectors';
import { announceRecorded } from './webhooks/dispatch';
import { recordedOutbox } from './webhooks/outbox';

/**
 * Everything that must change with an event, written in the SAME batch as the event itself,
 * so that no table is ever ahead of or behind the log.
 */
function inStepWith(db: Db, event: PendingEvent): D1PreparedStatement[] {
  return [...projectEvent(db, event), ...recordedOutbox(db, event)];
}

/**
 * Records events: the append and everything kept in step with it, in one transaction; then hands
 * the new `event.recorded` webhook deliveries to the queue.
 */
export async function recordEvents(db: Db, request: AppendRequest): Promise<AppendOutcome> {
  const outcome = await appendEvents(db, request, (event) => inStepWith(db, event));
  if (outcome.outcome === 'appended') announceRecorded(outcome.events.map((event) => event.id));
  return outcome;
}
