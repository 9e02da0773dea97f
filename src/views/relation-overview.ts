import type { Db } from '../store/db';
import { agreementsFrom, endingsQuery, signingsQuery, type AgreementView } from './agreements/queries';
import { readRelationViews } from './freshness';
import {
  statusChangesFrom, statusChangesQuery, statusQualifiersFrom, statusQualifiersQuery, statusReport, type RelationStatusReport,
} from './relation-status/queries';
import { timelineItem, type TimelineItem } from './timeline/item';
import { wholeTimelineQuery } from './timeline/queries';

/** Everything the page of a relation shows, read from several views in one call. */

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
  const read = await readRelationViews(db, relation, [
    wholeTimelineQuery(db, relation),
    statusChangesQuery(db, relation),
    statusQualifiersQuery(db, relation),
    signingsQuery(db, relation, {}),
    endingsQuery(db, relation),
  ]);
  if (!read) return null;
  const [timeline, changes, qualifiers, signings, endings] = read;
  return {
    timeline: timeline.results.map(timelineItem),
    status: statusReport(statusChangesFrom(changes), statusQualifiersFrom(qualifiers), asOf),
    agreements: agreementsFrom(relation, signings, endings, asOf),
  };
}
