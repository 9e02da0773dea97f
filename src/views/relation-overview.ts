import type { Db } from '../store/db';
import { agreementsFrom, endingsQuery, signingsQuery, type AgreementView } from './agreements';
import { readViews } from './freshness';
import { statusChangesFrom, statusChangesQuery, statusReport, type RelationStatusReport } from './relation-status';
import { timelineItem, wholeTimelineQuery, type TimelineItem, type TimelineRow } from './timeline';

export interface RelationOverview {
  timeline: TimelineItem[];
  status: RelationStatusReport;
  agreements: AgreementView[];
}

/**
 * What the page of a relation shows: its whole timeline, its status over time and on `asOf`, and its
 * agreements as of that day. Null for an unknown relation. One D1 call.
 */
export async function relationOverview(db: Db, relation: string, asOf: string): Promise<RelationOverview | null> {
  const [known, timeline, changes, signings, endings] = await readViews(db, [
    db.prepare('SELECT 1 FROM relations WHERE relation = ?1', relation),
    wholeTimelineQuery(db, relation),
    statusChangesQuery(db, relation),
    signingsQuery(db, relation, {}),
    endingsQuery(db, relation),
  ]);
  if (!known.results.length) return null;
  return {
    timeline: (timeline.results as TimelineRow[]).map(timelineItem),
    status: statusReport(statusChangesFrom(changes), asOf),
    agreements: agreementsFrom(relation, signings, endings, asOf),
  };
}
