import { Layout } from './layout';

/** Where TimelineJS is served from: this origin (scripts/build-assets.mjs copies it from the pinned npm package). */
const TIMELINEJS = '/static/timelinejs';

/**
 * The relation's timeline drawn by TimelineJS from /v1/relations/{relation}/timeline.timelinejs.json, started by
 * /static/timelinejs.js. The page works without it: it links the data and the page of the relation.
 */
export function TimelineJsPage({ relation, name, canonical }: { relation: string; name: string; canonical: string }) {
  const source = `/v1/relations/${relation}/timeline.timelinejs.json`;
  return (
    <Layout
      title={`${name} relations: visual timeline — Relations log`}
      description={`A visual timeline of ${name} relations.`}
      stylesheets={[`${TIMELINEJS}/css/timeline.css`]}
      canonical={canonical}
    >
      <h1>{name} relations: visual timeline</h1>
      <p>
        Drawn by <a href="https://timeline.knightlab.com/">TimelineJS</a> from <a href={source}>its data</a>.
        The same events, as text: <a href={`/${relation}`}>{name} relations</a>.
      </p>
      <div id="timeline-embed" data-source={source} role="region" aria-label="Visual timeline"></div>
      <script src={`${TIMELINEJS}/js/timeline.js`} defer></script>
      <script src="/static/timelinejs.js" defer></script>
    </Layout>
  );
}
