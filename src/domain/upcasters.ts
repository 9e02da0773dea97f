import { SCHEMA_VERSION, type EventType } from './catalog';

/**
 * Old payloads are upcast on read (DESIGN.md): the log keeps each event's `data` as it was recorded, with
 * its payload version (`schema`), and every read of the log passes it through `upcast`, so that no change
 * of a payload ever rewrites the log. A change to the `data` of an event type raises SCHEMA_VERSION and
 * adds, for that type, the step from the version before it; types the change leaves alone need no step.
 */

/** Makes a payload of one version into one of the next. */
export type PayloadStep = (data: Record<string, unknown>) => Record<string, unknown>;

/** The steps there are, by event type and by the version each step starts from. */
export type Upcasters = Partial<Record<EventType, Record<number, PayloadStep>>>;

/** None yet: every payload the log has ever recorded is version 1. */
export const UPCASTERS: Upcasters = {};

interface Payload {
  type: string;
  schema: number;
  data: Record<string, unknown>;
}

/** The event with its payload at the current version, each step from its own version on applied in turn. */
export function upcast<E extends Payload>(event: E, upcasters: Upcasters = UPCASTERS, current: number = SCHEMA_VERSION): E {
  if (event.schema >= current) return event;
  let data = event.data;
  for (let version = event.schema; version < current; version += 1) {
    const step = upcasters[event.type as EventType]?.[version];
    if (step) data = step(data);
  }
  return { ...event, data, schema: current };
}
