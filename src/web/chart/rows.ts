import { z } from 'zod';
import { dataSchemas, FACT_TYPES, type FactType, type Level } from '../../domain/catalog';
import type { QualifierOf, StatusPeriod } from '../../domain/relation-status';
import type { AgreementView } from '../../views/agreements/queries';
import type { RelationOverview } from '../../views/relation-overview';
import type { RelationStatusReport, StatusEvent } from '../../views/relation-status/queries';
import type { TimelineItem } from '../../views/timeline/item';

/** Which facts the chart draws, on which row, and the selection a reader asks for (level, types). */

export type ChartRow = 'relations' | 'agreements' | 'visits';

/**
 * The row each type of fact is drawn on, or null for a fact the chart leaves to the timeline below
 * it. A new type of fact must say which.
 */
export const CHART_ROWS: Record<FactType, ChartRow | null> = {
  RelationsEstablished: 'relations',
  RelationsSevered: 'relations',
  RelationsRestored: 'relations',
  RelationsQualified: 'relations',
  AgreementSigned: 'agreements',
  AgreementEnded: 'agreements',
  VisitMade: 'visits',
  MissionOpened: null,
  AmbassadorAppointed: null,
  TradeReported: null,
  EventNoted: null,
};

/** The types of fact the chart draws: what its `type` filter accepts. */
export const CHARTED_TYPES = FACT_TYPES.filter((type) => CHART_ROWS[type] !== null);

export interface ChartFilters {
  level?: Level;
  /** Draw only the rows of these types. */
  types?: FactType[];
}

export type Visit = TimelineItem & { visit: z.output<(typeof dataSchemas)['VisitMade']> };

/** What the chart draws, selected by the filters. */
export interface ChartData {
  periods: StatusPeriod<StatusEvent>[];
  /** What the sources say of relations over a span without changing them, each once, drawn under the periods. */
  qualifiers: QualifierOf<StatusEvent>[];
  agreements: AgreementView[];
  visits: Visit[];
  /** The state of relations on the as-of day, with its reason, when the periods are drawn. */
  relationsOnAsOf: RelationStatusReport | null;
}

function asVisit(item: TimelineItem): Visit | null {
  const data = dataSchemas.VisitMade.safeParse(item.data);
  return item.type === 'VisitMade' && data.success ? { ...item, visit: data.data } : null;
}

/** The periods of relations, the agreements and the visits of a relation that the filters keep. */
export function chartData(overview: RelationOverview, filters: ChartFilters): ChartData {
  const rows = new Set((filters.types ?? FACT_TYPES).map((type) => CHART_ROWS[type]));
  const level = (item: { level: Level }) => filters.level === undefined || item.level === filters.level;
  const levels = new Map(overview.timeline.map((item) => [item.id, item.level]));
  const periods = rows.has('relations')
    ? overview.status.periods.filter((period) => level({ level: levels.get(period.event.id) ?? 'federal' }))
    : [];
  const qualifiers = new Map(periods.flatMap((period) => period.qualifiers).map((q) => [q.event.id, q]));
  return {
    periods,
    qualifiers: [...qualifiers.values()].filter((q) => level({ level: levels.get(q.event.id) ?? 'federal' })),
    relationsOnAsOf: periods.length ? overview.status : null,
    agreements: rows.has('agreements') ? overview.agreements.filter(level) : [],
    visits: rows.has('visits')
      ? overview.timeline.filter(level).map(asVisit).filter((visit): visit is Visit => visit !== null)
      : [],
  };
}
