import type { FrontPage } from '../views/front-page';
import { AnniversaryList } from './anniversary-list';
import { Reason } from './fact-text';
import { logInWords } from './counts';
import { feedAlternates, Layout } from './layout';
import { Occurred } from './occurred';
import { withLang, type PageWords } from './page-words';

/** The front page: a search of every relation, today's anniversaries, every relation the log has, the feeds. */
export function HomePage({ words, data, today, canonical }: { words: PageWords; data: FrontPage; today: string; canonical: string }) {
  const { t } = words;
  const feeds = feedAlternates(words, '', t('feeds.all'));
  return (
    <Layout words={words} title={t('site.name')} description={t('home.description')} alternates={feeds} canonical={canonical}>
      <h1>{t('site.name')}</h1>
      <p>{t('home.intro')}</p>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t('home.searchHeading')}</h2>
        <form method="get" action={words.href('/search')} role="search" aria-labelledby="search-heading">
          <div class="field-wide">
            <label for="q">{t('searchForm.q')}</label>
            <input type="search" id="q" name="q" maxlength={200} required aria-describedby="q-hint" />
            <p class="hint" id="q-hint">{t('home.searchHint')}</p>
          </div>
          <button type="submit">{t('searchForm.submit')}</button>
        </form>
      </section>
      <section aria-labelledby="today-heading" id="on-this-day">
        <h2 id="today-heading">{t('home.onThisDay', { day: words.dayOfYear(Number(today.slice(5, 7)), Number(today.slice(8, 10))) })}</h2>
        <p class="muted">{t('home.onThisDayNote')}</p>
        {data.anniversaries.length ? <AnniversaryList words={words} anniversaries={data.anniversaries} /> : <p>{t('day.nothing')}</p>}
        <p><a href={words.href(`/on-this-day/${today.slice(5)}`)}>{t('home.anotherDay')}</a></p>
      </section>
      <section aria-labelledby="relations-heading">
        <h2 id="relations-heading">{t('home.relations')}</h2>
        {data.relations.length === 0 ? <p>{t('home.noRelations')}</p> : (
          <ul class="relations">
            {data.relations.map((entry) => (
              <li data-relation={entry.relation}>
                <a href={words.href(`/${entry.relation}`)}>{words.relation(entry.relation)}</a>:{' '}
                <span data-facts={entry.facts}>{t('count.facts', { count: entry.facts })}</span>
                {entry.firstOccurred && entry.lastOccurred ? (
                  <> {words.parts('home.span', {
                    from: <Occurred words={words} edtf={entry.firstOccurred} />, to: <Occurred words={words} edtf={entry.lastOccurred} />,
                  })}</>
                ) : null}
                {' '}<span class="muted">({logInWords(words, entry.facts, entry.log)})</span>.{' '}
                <span data-status={entry.status.status}>{words.parts('home.status', { reason: <Reason words={words} of={entry.status} /> })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('home.feeds')}</h2>
        <ul>
          {feeds.map((feed) => <li><a href={feed.href}>{feed.title}</a></li>)}
          <li><a href={withLang('/feeds.opml', words)}>{t('home.opml')}</a></li>
        </ul>
      </section>
    </Layout>
  );
}
