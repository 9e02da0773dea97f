import type { Db } from '../store/db';
import { sendDistribution, type TopicContent } from '../websub/distribute';
import { recordOutcomes, type Outcome } from './attempts';
import { claimDeliveries, type ClaimedDelivery } from './deliveries';
import { openSecret, SealingError, type Keyring } from './sealed-secrets';
import { sendSigned, type SendResult } from './send';
import type { WebhookSettings } from './settings';
import { webhookUrlProblem } from './url-guard';
import { verdictForDisabled, verdictOf } from './verdict';

// A Worker keeps at most six connections open at once; a seventh request would wait for one while its
// timeout runs. Sending six at a time keeps every attempt's timeout its own.
const SENDS_AT_ONCE = 6;

/**
 * What a WebSub topic answers to a GET now (the Worker's own route, in process), read at least as new as
 * `bookmark`: a content distribution sends it.
 */
export type TopicReader = (topic: string, bookmark: string | null) => Promise<Response>;

/**
 * Attempts deliveries: claims the due ones (one D1 call), sends them six at a time, and records every
 * outcome (one D1 call). Deliveries not due or already taken are skipped and have no outcome. A WebSub
 * distribution sends its topic's content, read once per topic for the batch (a D1 call each, from a session
 * that has seen the claim, so at least as new as the append that queued it).
 */
export async function attemptDeliveries(
  db: Db, ids: string[], settings: WebhookSettings, keyring: Keyring, readTopic?: TopicReader,
): Promise<Outcome[]> {
  // The claim outlasts the slowest possible run of this batch, so no one else takes these meanwhile.
  const leaseMs = Math.ceil(ids.length / SENDS_AT_ONCE) * settings.timeoutMs + 60_000;
  const claimed = await claimDeliveries(db, ids, new Date(), leaseMs);
  const contents = new Map<string, Promise<TopicContent>>();
  const contentOf = (topic: string) => {
    if (!contents.has(topic)) contents.set(topic, topicContent(topic, db.bookmark(), readTopic));
    return contents.get(topic)!;
  };
  const outcomes = await inTurns(claimed, SENDS_AT_ONCE, (delivery) => attemptOne(delivery, settings, keyring, contentOf));
  await recordOutcomes(db, outcomes, new Date());
  return outcomes;
}

async function attemptOne(
  delivery: ClaimedDelivery, settings: WebhookSettings, keyring: Keyring, contentOf: (topic: string) => Promise<TopicContent>,
): Promise<Outcome> {
  if (delivery.disabledReason) return { delivery, result: null, verdict: verdictForDisabled(delivery.disabledReason) };
  const opened = await openedSecrets(delivery, keyring);
  // Checked again at send time: the rules may have tightened since the URL was accepted.
  const refused = webhookUrlProblem(delivery.url, settings.allowHttpLocal) ?? opened.problem;
  const result: SendResult = refused ? notSent(refused) : delivery.topic !== null
    ? await distribute(delivery, delivery.topic, opened.secrets[0] ?? null, contentOf, settings.timeoutMs)
    : await sendSigned(delivery.url, opened.secrets, delivery.messageId, delivery.body, settings.timeoutMs);
  return { delivery, result, verdict: verdictOf(result, delivery.attempts + 1, settings.retrySchedule, Math.random()) };
}

const notSent = (reason: string): SendResult => ({
  attempted: new Date().toISOString(), statusCode: null, latencyMs: 0, responseBody: null,
  error: `not sent: ${reason}`, succeeded: false, retryAfterSeconds: null,
});

/** A content distribution: the topic as it is now, unless reading it failed (then retried, as a receiver that is down). */
async function distribute(
  delivery: ClaimedDelivery, topic: string, secret: string | null, contentOf: (topic: string) => Promise<TopicContent>, timeoutMs: number,
): Promise<SendResult> {
  const content = await contentOf(topic);
  if (content.status !== 200) return notSent(`the topic ${topic} answered ${content.status}`);
  return sendDistribution(delivery.url, secret, topic, content, timeoutMs);
}

async function topicContent(topic: string, bookmark: string | null, readTopic: TopicReader | undefined): Promise<TopicContent> {
  if (!readTopic) return { status: 503, contentType: '', body: new ArrayBuffer(0) };
  const response = await readTopic(topic, bookmark);
  return { status: response.status, contentType: response.headers.get('content-type') ?? 'application/octet-stream', body: await response.arrayBuffer() };
}

/** The delivery's secrets, opened; or why they cannot be: the attempt then fails and is retried, as for a receiver that is down. */
async function openedSecrets(delivery: ClaimedDelivery, keyring: Keyring): Promise<{ secrets: string[]; problem: string | null }> {
  try {
    const secrets = await Promise.all(delivery.storedSecrets.map((stored) => openSecret(keyring, delivery.subscriptionId, stored)));
    return { secrets, problem: null };
  } catch (error) {
    if (!(error instanceof SealingError)) throw error;
    return { secrets: [], problem: `the signing secret cannot be opened: ${error.message}` };
  }
}

/** Maps with at most `width` calls in flight, keeping the order of the items. */
async function inTurns<T, R>(items: T[], width: number, call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await call(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
