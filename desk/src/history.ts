import type { Context } from 'hono';
import type { DeskEnv } from './env';
import { relationLog } from './log';
import type { Fact } from './pages/fact';

/**
 * A fact's history, from its relation's log: the fact as recorded, then each correction and retraction that
 * points at it, in the order they were recorded; and the fact as they leave it (corrections applied in turn,
 * a correction's `data` replacing the whole of it).
 */

export interface Amendment {
  id: string;
  type: 'EventCorrected' | 'EventRetracted';
  actor: string;
  recorded: string;
  version: number;
  data: { eventId: string; reason: string; changes?: Record<string, unknown> };
}

export interface FactHistory {
  recorded: Fact;
  amendments: Amendment[];
  current: Fact;
  retracted: boolean;
}

export async function historyOf(c: Context<DeskEnv>, fact: Fact): Promise<FactHistory> {
  const log = (await relationLog(c, fact.relation)) as unknown as (Amendment | Fact)[];
  const amendments = log.filter((event): event is Amendment =>
    (event.type === 'EventCorrected' || event.type === 'EventRetracted') && (event as Amendment).data.eventId === fact.id);
  let current: Fact = structuredClone(fact);
  for (const amendment of amendments) {
    if (amendment.type === 'EventCorrected') current = { ...current, ...amendment.data.changes } as Fact;
  }
  return { recorded: fact, amendments, current, retracted: amendments.some((amendment) => amendment.type === 'EventRetracted') };
}
