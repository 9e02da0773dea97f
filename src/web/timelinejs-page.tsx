import { Layout } from './layout';
import { withLang, type PageWords } from './page-words';

/** Where TimelineJS is served from: this origin (scripts/build-assets.mjs copies it from the pinned npm package). */
const TIMELINEJS = '/static/timelinejs';

/**
 * The relation's timeline drawn by TimelineJS from /v1/relations/{relation}/timeline.timelinejs.json (in the page's
 * language), started by /static/timelinejs.js. The page works without it: it links the data and the page of the relation.
 */
export function TimelineJsPage({ words, relation, name, canonical }: { words: PageWords; relation: string; name: string; canonical: string }) {
  const { t } = words;
  const source = withLang(`/v1/relations/${relation}/timeline.timelinejs.json`, words);
  return (
    <Layout
      words={words}
      title={t('timelinejs.title', { name })}
      description={t('timelinejs.description', { name })}
      stylesheets={[`${TIMELINEJS}/css/timeline.css`]}
      canonical={canonical}
    >
      <h1>{t('timelinejs.heading', { name })}</h1>
      <p>
        {words.parts('timelinejs.intro', {
          library: <a href="https://timeline.knightlab.com/">TimelineJS</a>,
          data: <a href={source}>{t('timelinejs.data')}</a>,
          page: <a href={words.href(`/${relation}`)}>{t('relation.heading', { name })}</a>,
        })}
      </p>
      <div id="timeline-embed" data-source={source} data-language={words.language} role="region" aria-label={t('timelinejs.region')}></div>
      <script src={`${TIMELINEJS}/js/timeline.js`} defer></script>
      <script src="/static/timelinejs.js" defer></script>
    </Layout>
  );
}
