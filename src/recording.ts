import { appendEvents, type AlsoWrite, type AppendOutcome, type AppendRequest } from './store/append';
import type { Db } from './store/db';
import { projectEvent } from './views/projectors';
import { recordedOutbox } from './webhooks/outbox';
import { websubOutbox } from './websub/outbox';

/**
 * Everything that must change with an event (every view, the webhook outbox, the WebSub distributions),
 * written in the SAME batch as the event itself, so that no table is ever ahead of or behind the log.
 * `publicOrigin` (PUBLIC_ORIGIN, when set) is the origin the messages' links are under.
 */
export const keptInStep = (db: Db, publicOrigin: string | null): AlsoWrite => (event) => [
  ...projectEvent(db, event), ...recordedOutbox(db, event, publicOrigin), ...websubOutbox(db, event),
];

/** Records events: the append and everything kept in step with it, in one transaction. What follows the commit is in http/after-commit.ts. */
export function recordEvents(db: Db, request: AppendRequest, publicOrigin: string | null): Promise<AppendOutcome> {
  return appendEvents(db, request, keptInStep(db, publicOrigin));
}
