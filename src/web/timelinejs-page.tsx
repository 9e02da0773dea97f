import { Layout } from './layout';

// Knight Lab's published build of TimelineJS 3; the page works without it (it links the data).
const TIMELINEJS = 'https://cdn.knightlab.com/libs/timeline3/latest';

/** The relation's timeline drawn by TimelineJS from /v1/relations/{relation}/timeline.timelinejs.json. */
export function TimelineJsPage({ relation, name }: { relation: string; name: string }) {
  const source = `/v1/relations/${relation}/timeline.timelinejs.json`;
  return (
    <Layout title={`${name} relations: visual timeline — Relations log`} description={`A visual timeline of ${name} relations.`}>
      <link rel="stylesheet" href={`${TIMELINEJS}/css/timeline.css`} />
      <h1>{name} relations: visual timeline</h1>
      <p>
        Drawn by <a href="https://timeline.knightlab.com/">TimelineJS</a> from <a href={source}>its data</a>.
        The same events, as text: <a href={`/${relation}`}>{name} relations</a>.
      </p>
      <div id="timeline-embed" style="width: 100%; height: 640px" role="region" aria-label="Visual timeline"></div>
      <script src={`${TIMELINEJS}/js/timeline.js`}></script>
      <script dangerouslySetInnerHTML={{ __html: `window.TL && new TL.Timeline('timeline-embed', ${JSON.stringify(source)});` }} />
    </Layout>
  );
}
