import type { RelationSummary } from '../store/relations';
import { feedAlternates, Layout } from './layout';
import { Occurred } from './occurred';

/** The front page: every relation the log has. */
export function HomePage({ relations }: { relations: RelationSummary[] }) {
  return (
    <Layout
      title="Relations log"
      description="The history of bilateral relations between countries, as an append-only log of sourced events."
      alternates={feedAlternates('', 'All relations')}
    >
      <h1>Relations log</h1>
      <p>The history of relations between pairs of countries: every event dated as precisely as its source allows, and cited.</p>
      <h2>Relations</h2>
      {relations.length === 0 ? (
        <p>No events have been recorded yet.</p>
      ) : (
        <ul>
          {relations.map((relation) => (
            <li>
              <a href={`/${relation.relation}`}>{relation.name}</a>{' '}
              <span class="muted">
                ({relation.events} events
                {relation.firstOccurred && relation.lastOccurred ? (
                  <>, <Occurred edtf={relation.firstOccurred} />–<Occurred edtf={relation.lastOccurred} /></>
                ) : null})
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>Feeds</h2>
      <ul>
        {feedAlternates('', 'All relations').map((feed) => <li><a href={feed.href}>{feed.title}</a></li>)}
      </ul>
    </Layout>
  );
}
