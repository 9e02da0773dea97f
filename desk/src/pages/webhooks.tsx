import type { SignedIn } from '../env';
import { Layout } from './layout';

/** A subscription as the API answers it. */
export interface Subscription {
  id: string;
  url: string;
  events: string[];
  relations: string[] | null;
  types: string[] | null;
  tags: string[] | null;
  description: string | null;
  signatureScheme: string;
  publicKey: string | null;
  enabled: boolean;
  disabled: { reason: string; at: string } | null;
  failingSince: string | null;
  previousSecretExpires: string | null;
  created: string;
  secret?: string | null;
}

export const MESSAGE_KINDS = [
  ['event.recorded', 'every fact recorded, corrected or retracted that matches the filters'],
  ['anniversary.today', 'once a day, the anniversaries of the day'],
] as const;

const stateOf = (subscription: Subscription) =>
  subscription.disabled ? `disabled: ${subscription.disabled.reason}` : subscription.enabled ? 'active' : 'paused';

interface WebhooksProps {
  signedIn: SignedIn;
  subscriptions: Subscription[];
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
}

function Text({ name, label, hint, values, errors, type = 'text', required = false, long = false }: {
  name: string; label: string; hint: string; values: Record<string, string | string[]>; errors: Record<string, string>; type?: string; required?: boolean; long?: boolean;
}) {
  const value = String(values[name] ?? '');
  const described = `w-${name}-hint${errors[name] ? ` w-${name}-error` : ''}`;
  return (
    <p class="field">
      <label for={`w-${name}`}>{label}{required ? ' (required)' : ''}</label>
      {long
        ? <textarea id={`w-${name}`} name={name} rows={2} aria-describedby={described} aria-invalid={errors[name] ? 'true' : undefined}>{value}</textarea>
        : <input id={`w-${name}`} name={name} type={type} value={value} required={required} aria-describedby={described} aria-invalid={errors[name] ? 'true' : undefined} />}
      <span id={`w-${name}-hint`} class="hint">{hint}</span>
      {errors[name] && <span id={`w-${name}-error`} class="error">{errors[name]}</span>}
    </p>
  );
}

/** The subscriber's subscriptions, and a form to add one. */
export function WebhooksPage({ signedIn, subscriptions, values = {}, errors = {} }: WebhooksProps) {
  const kinds = [values.events ?? ['event.recorded']].flat();
  return (
    <Layout title="Webhooks" signedIn={signedIn}>
      <h2>Your subscriptions</h2>
      {subscriptions.length === 0 ? <p>None yet.</p> : (
        <ul>
          {subscriptions.map((subscription) => (
            <li data-subscription={subscription.id}>
              <a href={`/desk/webhooks/${subscription.id}`}>{subscription.description ?? subscription.url}</a> ({subscription.url}; {subscription.events.join(', ')}; {stateOf(subscription)})
            </li>
          ))}
        </ul>
      )}
      <h2>Add a subscription</h2>
      <form method="post" action="/desk/webhooks">
        {Object.keys(errors).length > 0 && <p class="alert" role="alert">Not subscribed: {Object.values(errors).join('; ')}</p>}
        <Text name="url" label="Endpoint URL" type="url" required hint="Where the messages are POSTed: https (http only for localhost when the service allows it)." values={values} errors={errors} />
        <fieldset>
          <legend>Messages</legend>
          {MESSAGE_KINDS.map(([kind, what]) => (
            <p><input type="checkbox" id={`w-kind-${kind}`} name="events" value={kind} checked={kinds.includes(kind)} /> <label class="inline" for={`w-kind-${kind}`}>{kind}: {what}</label></p>
          ))}
          {errors.events && <span class="error">{errors.events}</span>}
        </fieldset>
        <Text name="relations" label="Only these relations" long hint="One per line, e.g. mx-ru; empty: every relation." values={values} errors={errors} />
        <Text name="types" label="Only these event types" long hint="One per line, e.g. AgreementSigned; empty: every type." values={values} errors={errors} />
        <Text name="tags" label="Only events with one of these tags" long hint="One per line; empty: any tags." values={values} errors={errors} />
        <Text name="description" label="What it is for" hint="Shown in this list, e.g. the morning bot." values={values} errors={errors} />
        <p><button type="submit">Subscribe</button></p>
      </form>
    </Layout>
  );
}
