import type { RecordedEvent } from '../../../src/domain/catalog';
import type { EventType } from '../catalog';
import { typeLabel } from '../catalog';
import type { SignedIn } from '../env';
import type { FieldGroup } from '../fact-form';
import { ErrorSummary, FieldGroups } from './fields';
import { Layout } from './layout';

/** An event of the log as the API answers it: what the desk shows of main's RecordedEvent. */
export type LoggedEvent = Pick<RecordedEvent, 'id' | 'type' | 'relation' | 'version' | 'occurred' | 'headline' | 'actor' | 'recorded'>;

export interface RecordForm {
  relation: string;
  type: EventType;
  groups: FieldGroup[];
  id: string;
  expectedVersion: number;
  values: Record<string, string>;
  errors: Record<string, string>;
  general: string[];
  /** After a conflict: what others recorded since the form was opened. */
  meanwhile?: LoggedEvent[];
}

interface RecordPageProps {
  signedIn: SignedIn;
  relations: { relation: string; name: string }[];
  facts: EventType[];
  relation: string;
  form?: RecordForm;
}

/** Step one (a GET form: which relation, which type), then the type's own form (a POST) beneath it. */
export function RecordPage({ signedIn, relations, facts, relation, form }: RecordPageProps) {
  return (
    <Layout title="Record a fact" signedIn={signedIn}>
      <form method="get" action="/desk/record" class="choose">
        <p>
          <label for="relation">Relation</label>
          <input id="relation" name="relation" type="text" list="relations" value={relation} required aria-describedby="relation-hint" />
          <span id="relation-hint" class="hint">Two country codes in alphabetical order, e.g. mx-ru.</span>
          <datalist id="relations">{relations.map((known) => <option value={known.relation}>{known.name}</option>)}</datalist>
        </p>
        <p>
          <label for="type">What kind of fact</label>
          <select id="type" name="type" required>
            <option value="">Choose one</option>
            {facts.map((fact) => <option value={fact.type} selected={fact.type === form?.type.type}>{typeLabel(fact.type)}</option>)}
          </select>
        </p>
        <p><button type="submit" class="secondary">{form ? 'Change' : 'Show its fields'}</button></p>
      </form>
      {form && <FactForm form={form} />}
    </Layout>
  );
}

function FactForm({ form }: { form: RecordForm }) {
  return (
    <form method="post" action="/desk/record" data-fact-form>
      <h2>{typeLabel(form.type.type)} in {form.relation}</h2>
      {form.meanwhile && <Meanwhile events={form.meanwhile} version={form.expectedVersion} />}
      <ErrorSummary errors={form.errors} general={form.general} groups={form.groups} />
      <input type="hidden" name="relation" value={form.relation} />
      <input type="hidden" name="type" value={form.type.type} />
      <input type="hidden" name="id" value={form.id} />
      <input type="hidden" name="expectedVersion" value={String(form.expectedVersion)} />
      <FieldGroups groups={form.groups} values={form.values} errors={form.errors} />
      <p><button type="submit">{form.meanwhile ? 'Record on top of them' : 'Record'}</button></p>
    </form>
  );
}

/** A conflict: the relation moved on while the editor typed; what was recorded, and the form kept as it was. */
function Meanwhile({ events, version }: { events: LoggedEvent[]; version: number }) {
  return (
    <div class="notice" role="alert" id="meanwhile">
      <h3>Recorded in the meantime</h3>
      <p>While you were typing, {events.length === 1 ? 'one event was' : `${events.length} events were`} recorded in this relation, which is now at version {version}. Nothing of yours was recorded. Check that your fact is not among them; your form is kept below, and you can record it on top of them.</p>
      <ul>
        {events.map((event) => (
          <li>
            <a href={`/desk/facts/${event.id}`}>{event.headline}</a> ({typeLabel(event.type)}{event.occurred ? `, ${event.occurred}` : ''}), by {event.actor} at {event.recorded}
          </li>
        ))}
      </ul>
    </div>
  );
}
