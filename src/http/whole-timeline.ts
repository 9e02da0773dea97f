import type { Db } from '../store/db';
import { timelinePage, type TimelineItem } from '../views/timeline';

const PAGE = 500;

/**
 * Every live event of a relation in the order things happened, or null for an unknown relation.
 * One D1 call per 500 events.
 */
export async function wholeTimeline(db: Db, relation: string): Promise<TimelineItem[] | null> {
  const items: TimelineItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await timelinePage(db, relation, { limit: PAGE, cursor });
    if (!page) return null;
    items.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return items;
}
