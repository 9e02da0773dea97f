import type { RecordedEvent } from '../../../src/domain/catalog';
import type { Child } from 'hono/jsx';
import { typeLabel } from '../catalog';
import type { SignedIn } from '../env';
import { Layout } from './layout';

/** A fact as the log holds it: main's own RecordedEvent, as `/v1/events/{id}` answers it. */
export type Fact = RecordedEvent;

/** A fact on the desk: what it says and where it came from, with a link to its public page. */
export function FactPage({ signedIn, fact, notice, retracted = false, children }: { signedIn: SignedIn; fact: Fact; notice?: string; retracted?: boolean; children?: Child }) {
  return (
    <Layout title={fact.headline} signedIn={signedIn}>
      {notice && <p class="notice" role="status">{notice}</p>}
      {retracted && <p class="alert">This fact was retracted: the timeline no longer shows it.</p>}
      <dl class="fact">
        <dt>Kind</dt><dd>{typeLabel(fact.type)}</dd>
        <dt>When</dt><dd>{fact.occurred ?? '(when it was recorded)'}</dd>
        <dt>Relation</dt><dd>{fact.relation}, version {fact.version}</dd>
        {fact.summary && <><dt>Summary</dt><dd>{fact.summary}</dd></>}
        {fact.tags.length > 0 && <><dt>Tags</dt><dd>{fact.tags.join(', ')}</dd></>}
        <dt>Source</dt>
        <dd>{fact.source.title}, {fact.source.publisher}{fact.source.date ? `, ${fact.source.date}` : ''}{fact.source.url && <> (<a href={fact.source.url}>{fact.source.url}</a>)</>}</dd>
        {Object.keys(fact.data).length > 0 && <><dt>Details</dt><dd><code>{JSON.stringify(fact.data)}</code></dd></>}
        <dt>Recorded</dt><dd>by {fact.actor} at {fact.recorded}</dd>
      </dl>
      <p><a href={`/${fact.relation}/events/${fact.id}`}>The fact's public page</a> · <a href={`/desk/record?relation=${fact.relation}`}>Record another fact in {fact.relation}</a></p>
      {children}
    </Layout>
  );
}
