import type { MarkedTimelinePage } from '../views/timeline/queries';
import { FactList, Paging, SearchErrors, SearchSummary } from './fact-list';
import { feedAlternates, Layout } from './layout';
import type { PageWords } from './page-words';
import { feedQueryOf, isNarrowed, selectionQuery, TimelineSearchForm, type TimelineSelection } from './timeline-search';

/** A search of every relation: the facts that match, from the timelines of all of them. */

export interface SearchPageProps {
  words: PageWords;
  selection: TimelineSelection;
  /** Null before anything is asked, or when what was asked cannot be read (`errors`). */
  results: MarkedTimelinePage | null;
  errors: string[];
  canonical: string;
}

export function SearchPage({ words, selection, results, errors, canonical }: SearchPageProps) {
  const { t } = words;
  const page = words.href('/search');
  const here = (extra: Record<string, string | undefined> = {}) => `${page}${selectionQuery(selection, extra)}`;
  const title = selection.q ? t('search.titleOf', { q: selection.q }) : t('search.title');
  return (
    <Layout
      words={words} title={title} description={t('search.description')} canonical={canonical} noindex
      alternates={feedAlternates(words, '', t('feeds.all'), feedQueryOf(selection))}
    >
      <h1>{t('home.searchHeading')}</h1>
      <TimelineSearchForm words={words} action={page} selection={selection} clearHref={page} />
      {errors.length ? <SearchErrors words={words} errors={errors} /> : !results || !isNarrowed(selection) ? <p>{t('search.ask')}</p> : (
        <section aria-labelledby="results-heading">
          <SearchSummary words={words} total={results.total} shown={results.items.length} />
          <h2 id="results-heading" class="visually-hidden">{t('search.results')}</h2>
          <FactList words={words} items={results.items} relation={results.relations} marked={results.marked} />
          <Paging words={words} next={results.next} firstHref={selection.cursor ? here() : null} nextHref={(cursor) => here({ cursor })} />
        </section>
      )}
    </Layout>
  );
}
