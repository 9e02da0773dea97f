import type { SignedIn } from '../env';
import type { FieldGroup } from '../fact-form';
import type { FactHistory } from '../history';
import { ErrorSummary, FieldGroups } from './fields';
import { History } from './history';
import { Layout } from './layout';

/** Correcting a fact (its form prefilled, a reason required) and retracting one (a reason required). */

interface AmendProps {
  signedIn: SignedIn;
  history: FactHistory;
  groups: FieldGroup[];
  values: Record<string, string>;
  errors: Record<string, string>;
  general: string[];
}

function Reason({ error, what }: { error?: string; what: string }) {
  return (
    <p class="field">
      <label for="f-reason">Reason for the {what} (required)</label>
      <textarea id="f-reason" name="reason" required rows={3} aria-describedby={`f-reason-hint${error ? ' f-reason-error' : ''}`} aria-invalid={error ? 'true' : undefined}></textarea>
      <span id="f-reason-hint" class="hint">Readers see it in the fact's history. The {what} is cited with the fact's source{what === 'correction' ? ', as corrected' : ''}.</span>
      {error && <span id="f-reason-error" class="error">{error}</span>}
    </p>
  );
}

export function CorrectPage({ signedIn, history, groups, values, errors, general }: AmendProps) {
  const fact = history.current;
  return (
    <Layout title={`Correct: ${fact.headline}`} signedIn={signedIn}>
      <p>Change what is wrong; only the fields you change are sent as the correction. <a href={`/desk/facts/${fact.id}`}>Back to the fact</a></p>
      <History history={history} />
      <form method="post" action={`/desk/facts/${fact.id}/correct`} data-fact-form>
        <ErrorSummary errors={errors} general={general} groups={groups} />
        <FieldGroups groups={groups} values={values} errors={errors} />
        <Reason error={errors.reason} what="correction" />
        <p><button type="submit">Record the correction</button></p>
      </form>
    </Layout>
  );
}

export function RetractPage({ signedIn, history, errors, general }: Omit<AmendProps, 'groups' | 'values'>) {
  const fact = history.current;
  return (
    <Layout title={`Retract: ${fact.headline}`} signedIn={signedIn}>
      <p>A retracted fact leaves the timeline and the feeds say so; the log keeps it, with your reason. <a href={`/desk/facts/${fact.id}`}>Back to the fact</a></p>
      <History history={history} />
      <form method="post" action={`/desk/facts/${fact.id}/retract`}>
        <ErrorSummary errors={errors} general={general} groups={[]} />
        <Reason error={errors.reason} what="retraction" />
        <p><button type="submit">Retract the fact</button></p>
      </form>
    </Layout>
  );
}
