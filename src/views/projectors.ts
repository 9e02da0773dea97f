import type { Db } from '../store/db';
import { agreementsProjector } from './agreements/projector';
import { onThisDayProjector } from './on-this-day/projector';
import type { ProjectedEvent, Projector, TableSet } from './projection';
import { relationStatusProjector } from './relation-status/projector';
import { searchProjector } from './search/projector';
import { timelineProjector } from './timeline/projector';

/**
 * Every view, in the order its statements run for one event: the timeline first, because the
 * other views copy the current state of a fact from its timeline row.
 */
export const PROJECTORS: readonly Projector[] = [
  timelineProjector, agreementsProjector, relationStatusProjector, onThisDayProjector, searchProjector,
];

/** The statements every view writes for one event. */
export function projectEvent(db: Db, event: ProjectedEvent, tables: TableSet = ''): D1PreparedStatement[] {
  return PROJECTORS.flatMap((projector) => projector.handle(db, event, tables));
}
