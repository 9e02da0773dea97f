/** What a subscription wants to hear about: null means "every one". Lists match when they share a value. */
export interface SubscriptionFilters {
  relations: string[] | null;
  types: string[] | null;
  tags: string[] | null;
}

/** What a message is about, for matching against filters. */
export interface Subject {
  relation: string;
  types: string[];
  tags: string[];
}

/** One string per distinct set of filters, so subscriptions that see the same things share one message. */
export function filterKey(filters: SubscriptionFilters): string {
  const sorted = (list: string[] | null) => (list ? [...new Set(list)].sort() : null);
  return JSON.stringify([sorted(filters.relations), sorted(filters.types), sorted(filters.tags)]);
}

export function filtersOfKey(key: string): SubscriptionFilters {
  const [relations, types, tags] = JSON.parse(key) as (string[] | null)[];
  return { relations, types, tags };
}

export function matchesFilters(subject: Subject, filters: SubscriptionFilters): boolean {
  const shares = (wanted: string[] | null, present: string[]) => wanted === null || wanted.some((v) => present.includes(v));
  return shares(filters.relations, [subject.relation]) && shares(filters.types, subject.types) && shares(filters.tags, subject.tags);
}

/**
 * The same test in SQL, for a subscription row `s` and a subject row `f` (relation, types, tags as JSON
 * arrays): the outbox rows of `event.recorded` are chosen by the database in the append batch itself.
 */
export const MATCHES_FILTERS_SQL = `
  (s.relations IS NULL OR EXISTS (SELECT 1 FROM json_each(s.relations) r WHERE r.value = f.relation))
  AND (s.types IS NULL OR EXISTS (SELECT 1 FROM json_each(s.types) t JOIN json_each(f.types) x ON t.value = x.value))
  AND (s.tags IS NULL OR EXISTS (SELECT 1 FROM json_each(s.tags) t JOIN json_each(f.tags) x ON t.value = x.value))`;
