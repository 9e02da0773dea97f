import type { MarkedTimelinePage } from '../views/timeline/queries';
import { FactList, Paging, SearchErrors, SearchSummary } from './fact-list';
import { feedAlternates, Layout } from './layout';
import { feedQueryOf, isNarrowed, selectionQuery, TimelineSearchForm, type TimelineSelection } from './timeline-search';

/** A search of every relation: the facts that match, from the timelines of all of them. */

export interface SearchPageProps {
  selection: TimelineSelection;
  /** Null before anything is asked, or when what was asked cannot be read (`errors`). */
  results: MarkedTimelinePage | null;
  errors: string[];
  canonical: string;
}

const WORDS = {
  title: (q?: string) => (q ? `“${q}” in every relation — Relations log` : 'Search every relation — Relations log'),
  description: 'Search the facts of every relation the log records: their headlines, summaries, participants and places.',
  heading: 'Search every relation',
  ask: 'Give words to look for, or choose a filter.',
  results: 'Results',
};

export function SearchPage({ selection, results, errors, canonical }: SearchPageProps) {
  const here = (extra: Record<string, string | undefined> = {}) => `/search${selectionQuery(selection, extra)}`;
  return (
    <Layout title={WORDS.title(selection.q)} description={WORDS.description} alternates={feedAlternates('', 'All relations', feedQueryOf(selection))} canonical={canonical} noindex>
      <h1>{WORDS.heading}</h1>
      <TimelineSearchForm action="/search" selection={selection} clearHref="/search" />
      {errors.length ? <SearchErrors errors={errors} /> : !results || !isNarrowed(selection) ? <p>{WORDS.ask}</p> : (
        <section aria-labelledby="results-heading">
          <SearchSummary total={results.total} shown={results.items.length} />
          <h2 id="results-heading" class="visually-hidden">{WORDS.results}</h2>
          <FactList items={results.items} relation={results.relations} marked={results.marked} />
          <Paging next={results.next} firstHref={selection.cursor ? here() : null} nextHref={(cursor) => here({ cursor })} />
        </section>
      )}
    </Layout>
  );
}
