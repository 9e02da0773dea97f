import type { SignedIn } from '../env';
import { Layout } from './layout';
import type { Subscription } from './webhooks';

/** A delivery of the log, with its attempts. */
export interface Delivery {
  id: string;
  messageId: string;
  type: string;
  status: string;
  created: string;
  failure: string | null;
  attempts: { attempted: string; statusCode: number | null; latencyMs: number; responseBody: string | null; error: string | null; succeeded: boolean }[];
}

/** A secret shown once: after making the subscription, or rotating its secret. */
export interface ShownSecret {
  secret: string | null;
  publicKey: string | null;
  previousSecretExpires?: string | null;
}

interface WebhookProps {
  signedIn: SignedIn;
  subscription: Subscription;
  deliveries: Delivery[];
  shown?: ShownSecret;
  notice?: string;
  error?: string;
}

const FIRST_BYTES = 120;

/** The endpoint's health: the share of recent deliveries that succeeded, and whether it is disabled and why. */
function Health({ subscription, deliveries }: { subscription: Subscription; deliveries: Delivery[] }) {
  const settled = deliveries.filter((delivery) => delivery.status !== 'pending');
  const succeeded = settled.filter((delivery) => delivery.status === 'succeeded').length;
  return (
    <section aria-labelledby="health">
      <h2 id="health">Health</h2>
      <ul>
        <li id="success-rate">{settled.length === 0 ? 'No delivery settled yet.' : `${Math.round((100 * succeeded) / settled.length)}% of the last ${settled.length} deliveries succeeded (${succeeded} of ${settled.length}).`}</li>
        <li>{subscription.disabled ? `Disabled at ${subscription.disabled.at}: ${subscription.disabled.reason}. Resume it once the endpoint answers again.`
          : subscription.enabled ? 'Active: messages are sent.' : 'Paused: no message is sent until you resume it.'}</li>
        {subscription.failingSince && <li>Failing since {subscription.failingSince}.</li>}
        {subscription.previousSecretExpires && <li>The secret it replaced still signs until {subscription.previousSecretExpires}.</li>}
      </ul>
    </section>
  );
}

function Action({ action, label, secondary = true }: { action: string; label: string; secondary?: boolean }) {
  return <form method="post" action={action} class="inline"><button type="submit" class={secondary ? 'secondary' : undefined}>{label}</button></form>;
}

export function WebhookPage({ signedIn, subscription, deliveries, shown, notice, error }: WebhookProps) {
  const base = `/desk/webhooks/${subscription.id}`;
  return (
    <Layout title={subscription.description ?? subscription.url} signedIn={signedIn}>
      {notice && <p class="notice" role="status">{notice}</p>}
      {error && <p class="alert" role="alert">{error}</p>}
      {shown && (
        <div class="notice" id="secret">
          <h2>{shown.secret ? 'The signing secret' : 'The public key'}</h2>
          <p>{shown.secret ? 'Keep it in your receiver now: it is shown this once.' : 'Messages are signed with ed25519; verify them with this key.'}
            {shown.previousSecretExpires && ` The secret it replaces still signs until ${shown.previousSecretExpires}.`}</p>
          <p class="secret" id="secret-value">{shown.secret ?? shown.publicKey}</p>
        </div>
      )}
      <p>{subscription.url} · {subscription.events.join(', ')} · <a href="/desk/webhooks">Every subscription</a></p>
      <Health subscription={subscription} deliveries={deliveries} />
      <h2>Manage it</h2>
      <p class="actions">
        {subscription.enabled ? <Action action={`${base}/pause`} label="Pause" /> : <Action action={`${base}/resume`} label="Resume" />}{' '}
        <Action action={`${base}/test`} label="Send a test message" />{' '}
        <Action action={`${base}/rotate`} label="Rotate the secret" />{' '}
        <Action action={`${base}/delete`} label="Delete the subscription" />
      </p>
      <form method="post" action={`${base}/recover`}>
        <p class="field">
          <label for="since">Send again every failed delivery since</label>
          <input id="since" name="since" type="datetime-local" step={1} required aria-describedby="since-hint" />
          <span id="since-hint" class="hint">In UTC. Deliveries that failed, made at or after it, are sent again.</span>
        </p>
        <p><button type="submit">Recover the failures</button></p>
      </form>
      <h2 id="deliveries">Delivery log</h2>
      <div class="table-scroll">
        <table aria-labelledby="deliveries">
          <thead><tr><th scope="col">Message</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col"><span class="visually-hidden">Retry</span></th></tr></thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr data-delivery={delivery.id} data-status={delivery.status}>
                <td>{delivery.type}<br /><code>{delivery.messageId}</code><br />{delivery.created}</td>
                <td>{delivery.status}{delivery.failure ? `: ${delivery.failure}` : ''}</td>
                <td>
                  <ol>
                    {delivery.attempts.map((attempt) => (
                      <li>{attempt.attempted}: {attempt.statusCode ?? attempt.error ?? 'no answer'} in {attempt.latencyMs} ms{attempt.responseBody ? <> — <code>{attempt.responseBody.slice(0, FIRST_BYTES)}</code></> : ''}</li>
                    ))}
                  </ol>
                </td>
                <td><Action action={`${base}/deliveries/${delivery.id}/retry`} label={`Retry ${delivery.messageId}`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
