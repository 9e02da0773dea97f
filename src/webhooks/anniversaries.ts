import type { Db } from '../store/db';
import { anniversariesOn, type Anniversary } from '../views/on-this-day/queries';
import { filtersOfKey, matchesFilters } from './filters';
import { wantsKind } from './kinds';
import { anniversaryMessage, stableMessageId, type AnniversaryItem } from './messages';
import { anniversaryOutbox } from './outbox';

// Statements per D1 batch when fanning out: two per distinct set of filters.
const STATEMENTS_PER_BATCH = 100;

/**
 * "On this day" for one UTC day: every subscription to `anniversary.today` gets the day's anniversaries
 * that match its filters, as one message, or nothing when none match. Subscriptions with the same
 * filters share the message. Running it twice for a day makes no second delivery. Answers the ids of
 * the new deliveries, to be queued.
 */
export async function anniversaryDeliveries(db: Db, day: Date, now: Date): Promise<string[]> {
  const groups = await db.all<{ filter_key: string }>(db.prepare(
    `SELECT DISTINCT filter_key FROM webhook_subscriptions s WHERE enabled = 1 AND ${wantsKind("'anniversary.today'")}`,
  ));
  if (!groups.length) return [];
  const date = day.toISOString().slice(0, 10);
  const anniversaries = await anniversariesOn(db, {
    year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(),
  });
  const statements: D1PreparedStatement[] = [];
  for (const { filter_key: key } of groups) {
    const filters = filtersOfKey(key);
    const items = anniversaries.filter((a) => matchesFilters({ relation: a.relation, types: [a.type], tags: a.tags }, filters));
    if (!items.length) continue;
    const body = anniversaryMessage(date, now.toISOString(), items.map(anniversaryItem));
    const messageId = await stableMessageId('anniversary.today', date, key);
    statements.push(...anniversaryOutbox(db, messageId, body, key, date, now.toISOString()));
  }
  const ids: string[] = [];
  for (let start = 0; start < statements.length; start += STATEMENTS_PER_BATCH) {
    const results = await db.batch<{ id: string }>(statements.slice(start, start + STATEMENTS_PER_BATCH));
    for (const result of results) ids.push(...result.results.map((row) => row.id));
  }
  return ids;
}

function anniversaryItem(a: Anniversary): AnniversaryItem {
  return {
    id: a.id,
    relation: a.relation,
    type: a.type,
    date: a.occurred,
    yearsAgo: a.yearsAgo,
    headline: a.headline,
    summary: a.summary,
    tags: a.tags,
    citation: a.source,
    links: a.links,
  };
}
