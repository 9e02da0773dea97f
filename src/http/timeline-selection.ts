import type { FactType, Level } from '../domain/catalog';
import type { Words } from '../i18n/words';
import type { TimelineQuery } from '../views/timeline/queries';
import { isNarrowed, type TimelineSelection } from '../web/timeline-search';
import { TimelineParams } from './timeline';

/**
 * What a page's search form asked for, read from its URL with the timeline API's own rules: empty fields are
 * left out, and `type` may be given once per type (checkboxes) as well as comma-separated.
 */

const PARAMETERS = ['q', 'tag', 'level', 'from', 'to', 'sort', 'cursor'] as const;

/** The label of each parameter's field in the form (the catalog's `searchForm.<key>`), which an error names. */
const FIELDS: Record<string, string> = { q: 'q', type: 'types', tag: 'tag', level: 'level', from: 'from', to: 'to', sort: 'sort', cursor: 'page' };

export interface ReadSelection {
  selection: TimelineSelection;
  /** The timeline query to run: null when the reader narrowed nothing and turned no page, or asked for what cannot be read. */
  query: TimelineQuery | null;
  /** Why the selection cannot be read, each naming the field of the form. */
  errors: string[];
}

export function readSelection(url: URL, limit: number, words: Words): ReadSelection {
  const raw: Record<string, string> = {};
  for (const name of PARAMETERS) {
    const value = url.searchParams.get(name)?.trim();
    if (value) raw[name] = value;
  }
  const types = url.searchParams.getAll('type').flatMap((value) => value.split(',')).filter(Boolean);
  if (types.length) raw.type = types.join(',');
  // The form always sends an order; best match first means nothing without words.
  if (!raw.q && raw.sort === 'relevance') delete raw.sort;
  const selection: TimelineSelection = {
    q: raw.q, types: types as FactType[], tag: raw.tag, level: raw.level as Level | undefined,
    from: raw.from, to: raw.to, sort: raw.sort as TimelineSelection['sort'], cursor: raw.cursor,
  };
  // Most requests of a page ask for no search: nothing to check.
  if (!Object.keys(raw).length) return { selection, query: null, errors: [] };
  const parsed = TimelineParams.safeParse({ ...raw, limit: String(limit) });
  if (!parsed.success) {
    const field = (name: string) => (FIELDS[name] ? words.t(`searchForm.${FIELDS[name]}`) : name);
    const errors = parsed.error.issues.map((issue) => `${field(String(issue.path[0]))}: ${issue.message}`);
    return { selection, query: null, errors };
  }
  const { type, ...query } = parsed.data;
  const wanted = isNarrowed(selection) || selection.cursor !== undefined;
  return { selection, query: wanted ? { ...query, types: type?.split(',') } : null, errors: [] };
}
