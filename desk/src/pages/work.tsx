import { typeLabel } from '../catalog';
import type { SignedIn } from '../env';
import type { Amendment } from '../history';
import { Layout } from './layout';
import type { LoggedEvent } from './record';

export interface RelationWork {
  relation: string;
  name: string;
  version: number;
  /** The version last seen here, or null on the first look. */
  seen: number | null;
  othersSince: LoggedEvent[];
}

export interface MyFact {
  fact: LoggedEvent;
  amendments: Amendment[];
}

/** My work: each relation's version and what others recorded since the last look; the editor's facts, newest first. */
export function WorkPage({ signedIn, relations, mine }: { signedIn: SignedIn; relations: RelationWork[]; mine: MyFact[] }) {
  return (
    <Layout title="My work" signedIn={signedIn}>
      <section aria-labelledby="since">
        <h2 id="since">Since you last looked</h2>
        <ul>
          {relations.map((relation) => (
            <li data-relation={relation.relation}>
              <strong>{relation.name}</strong> is at version {relation.version}.{' '}
              {relation.seen === null ? 'Your first look here: from now on, this page says what others record after it.'
                : relation.othersSince.length === 0 ? `Nothing recorded by others since version ${relation.seen}.`
                : `Since version ${relation.seen}, others recorded:`}
              {relation.othersSince.length > 0 && (
                <ul>{relation.othersSince.map((event) => <li><a href={`/desk/facts/${event.id}`}>{event.headline}</a> ({typeLabel(event.type)}), by {event.actor}, version {event.version}</li>)}</ul>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="mine">
        <h2 id="mine">The facts you recorded, newest first</h2>
        {mine.length === 0 ? <p>None yet. <a href="/desk/record">Record a fact</a>.</p> : (
          <ol reversed class="mine">
            {mine.map(({ fact, amendments }) => (
              <li data-fact={fact.id}>
                <a href={`/desk/facts/${fact.id}`}>{fact.headline}</a> ({typeLabel(fact.type)}, {fact.occurred}), {fact.relation}, recorded {fact.recorded}
                {amendments.length > 0 && (
                  <ul>{amendments.map((amendment) => <li>{amendment.type === 'EventCorrected' ? 'Corrected' : 'Retracted'} by {amendment.actor} at {amendment.recorded}: {amendment.data.reason}</li>)}</ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </Layout>
  );
}
