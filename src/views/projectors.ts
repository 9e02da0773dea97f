import type { Db } from '../store/db';
import { agreementsProjector } from './agreements';
import { onThisDayProjector } from './on-this-day';
import type { ProjectedEvent, Projector, TableSet } from './projection';
import { relationStatusProjector } from './relation-status';
import { timelineProjector } from './timeline';

/**
 * Every view, in the order its statements run for one event: the timeline first, because the
 * other views copy the current state of a fact from its timeline row.
 */
export function projectors(): Projector[] {
  // A function, not a constant: the view modules import the rebuild, which imports this list.
  return [timelineProjector, agreementsProjector, relationStatusProjector, onThisDayProjector];
}

/** The statements every view writes for one event. */
export function projectEvent(db: Db, event: ProjectedEvent, tables: TableSet = ''): D1PreparedStatement[] {
  return projectors().flatMap((projector) => projector.project(db, event, tables));
}
