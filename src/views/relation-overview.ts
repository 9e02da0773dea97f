import type { Language } from '../i18n/languages';
import type { Db } from '../store/db';
import { logCountsQuery, type LogCounts } from '../store/relations';
import { agreementsFrom, endingsQuery, signingsQuery, type AgreementView } from './agreements/queries';
import { readRelationViews, readViews, type Row } from './freshness';
import {
  statusChangesFrom, statusChangesQuery, statusQualifiersFrom, statusQualifiersQuery, statusReport, type RelationStatusReport,
} from './relation-status/queries';
import { timelineItem, type TimelineItem } from './timeline/item';
import {
  encodeCursor, markedPageFrom, markedPageStatements, wholeTimelineQuery, type MarkedTimelinePage, type TimelineQuery,
} from './timeline/queries';

/** Everything the page of a relation shows, read from several views in one call. */

export interface RelationOverview {
  timeline: TimelineItem[];
  status: RelationStatusReport;
  agreements: AgreementView[];
}

/** The page of a relation: its overview and the page of its timeline it lists. */
export interface RelationPageData extends RelationOverview {
  list: MarkedTimelinePage;
  /** What the relation's log holds: its events, corrections and retractions included, and those. */
  log: LogCounts;
}

function overviewReads(db: Db, relation: string, language: Language) {
  return [
    wholeTimelineQuery(db, relation, language),
    statusChangesQuery(db, relation, language),
    statusQualifiersQuery(db, relation, language),
    signingsQuery(db, relation, {}),
    endingsQuery(db, relation),
  ];
}

function overviewFrom(results: D1Result<Row>[], asOf: string, relation: string, language: Language): RelationOverview {
  const [timeline, changes, qualifiers, signings, endings] = results;
  return {
    timeline: timeline.results.map(timelineItem),
    status: statusReport(statusChangesFrom(changes, language), statusQualifiersFrom(qualifiers, language), asOf),
    agreements: agreementsFrom(relation, signings, endings, asOf, {}, language),
  };
}

/**
 * What the chart and the exports of a relation show: its whole timeline in `language`, its status over time and
 * on `asOf`, and its agreements as of that day. Null for an unknown relation. One D1 call.
 */
export async function relationOverview(db: Db, relation: string, asOf: string, language: Language): Promise<RelationOverview | null> {
  const read = await readRelationViews(db, relation, overviewReads(db, relation, language));
  return read && overviewFrom(read, asOf, relation, language);
}

/**
 * The page of a relation in `language`: its overview, and the page of its timeline that `list` asks for (a search,
 * filters, a cursor), its matches marked, read in the same call; without `list`, the first `limit` facts of the
 * whole timeline, which the overview reads anyway. Null for an unknown relation. One D1 call.
 */
export async function relationPage(
  db: Db, relation: string, asOf: string, language: Language, list: TimelineQuery | null, limit: number,
): Promise<RelationPageData | null> {
  const reads = overviewReads(db, relation, language);
  const [counts, ...read] = await readViews(db, [logCountsQuery(db, relation), ...reads, ...(list ? markedPageStatements(db, relation, { ...list, language }) : [])]);
  if (!counts.results.length) return null;
  const overview = { ...overviewFrom(read, asOf, relation, language), log: counts.results[0] as unknown as LogCounts };
  if (list) return { ...overview, list: markedPageFrom(read.slice(reads.length), list.limit) };
  const rows = read[0].results;
  const last = rows.length > limit ? rows[limit - 1] : null;
  return {
    ...overview,
    list: {
      items: overview.timeline.slice(0, limit),
      marked: new Map(),
      relations: new Map(),
      next: last ? encodeCursor({ sortDay: last.sort_day as string, position: last.position as number }) : null,
      total: overview.timeline.length,
    },
  };
}
