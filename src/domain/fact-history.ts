import type { EventContent, RecordedEvent } from './catalog';

/**
 * A fact and what became of it: each correction with what it changed, and the retraction that withdrew
 * it, in the order they were recorded. Pure: the fact as it now stands is the fact as recorded with every
 * correction applied in turn, field by field, as the timeline applies them.
 */

/** One field a correction changed: what it said before and what it says now. */
export interface ChangedField {
  field: string;
  before: unknown;
  after: unknown;
}

export interface Amendment {
  id: string;
  kind: 'correction' | 'retraction';
  recorded: string;
  actor: string;
  reason: string;
  /** What a correction changed; empty for a retraction. */
  changed: ChangedField[];
}

export interface FactHistory {
  /** The fact as first recorded. */
  recorded: RecordedEvent;
  /** The fact as it now stands: every correction applied. */
  current: EventContent;
  amendments: Amendment[];
  /** The retraction that withdrew it, if one did: the fact is then not presented as true. */
  retraction: Amendment | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The history of `fact` from its amendments (corrections and retractions that point at it, in log order). */
export function factHistory(fact: RecordedEvent, amendments: RecordedEvent[]): FactHistory {
  const current: Record<string, unknown> = { ...fact };
  const steps: Amendment[] = [];
  let retraction: Amendment | null = null;
  for (const amendment of amendments) {
    const data = amendment.data as { reason: string; changes?: Record<string, unknown> };
    const changed: ChangedField[] = [];
    if (amendment.type === 'EventCorrected') {
      for (const [field, after] of Object.entries(data.changes ?? {})) {
        if (after === undefined || same(current[field], after)) continue;
        changed.push({ field, before: current[field], after });
        current[field] = after;
      }
    }
    const step: Amendment = {
      id: amendment.id,
      kind: amendment.type === 'EventRetracted' ? 'retraction' : 'correction',
      recorded: amendment.recorded,
      actor: amendment.actor,
      reason: data.reason,
      changed,
    };
    steps.push(step);
    if (step.kind === 'retraction') retraction ??= step;
  }
  const { relation, position, version, schema, recorded, actor, ...content } = current as RecordedEvent;
  return { recorded: fact, current: content as EventContent, amendments: steps, retraction };
}
