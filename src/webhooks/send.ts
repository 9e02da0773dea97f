import { retryAfterSeconds } from './retry-schedule';
import { signatureHeader } from './signing';
import type { Attempt } from './delivery-log';

/** Sending one signed message over HTTP. */

const RESPONSE_BODY_BYTES = 2048;

export interface SendResult extends Attempt {
  retryAfterSeconds: number | null;
}

/**
 * One signed POST of a message, Standard Webhooks style. Redirects are not followed (a 3xx fails);
 * a receiver that has not answered within the timeout fails. Never throws.
 */
export async function sendSigned(
  url: string, secrets: string[], messageId: string, body: string, timeoutMs: number,
): Promise<SendResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'relations-log-webhooks/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': await signatureHeader(secrets, messageId, timestamp, body),
  };
  return sendPost(url, headers, body, timeoutMs);
}

/** One POST and what came of it: the status, the first 2 KB of the answer, or why there was none. Never throws. */
export async function sendPost(
  url: string, headers: Record<string, string>, body: string | ArrayBuffer, timeoutMs: number,
): Promise<SendResult> {
  const started = new Date();
  const attempted = started.toISOString();
  const elapsed = () => Date.now() - started.getTime();
  try {
    const response = await fetch(url, { method: 'POST', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers, body });
    const responseBody = await firstBytes(response);
    const status = response.status;
    const succeeded = status >= 200 && status < 300;
    return {
      attempted,
      statusCode: status,
      latencyMs: elapsed(),
      responseBody,
      error: succeeded ? null : failureOf(response),
      succeeded,
      retryAfterSeconds: status === 429 || status === 503 ? retryAfterSeconds(response.headers.get('retry-after'), new Date()) : null,
    };
  } catch (error) {
    return { attempted, statusCode: null, latencyMs: elapsed(), responseBody: null, error: unansweredReason(error, timeoutMs), succeeded: false, retryAfterSeconds: null };
  }
}

/** Why a request had no answer: the timeout ran out, or no connection was made. */
export function unansweredReason(error: unknown, timeoutMs: number): string {
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  return timedOut ? `no answer within ${timeoutMs / 1000} s` : `could not connect: ${String(error instanceof Error ? error.message : error)}`;
}

function failureOf(response: Response): string {
  if (response.status >= 300 && response.status < 400) {
    return `redirect to ${response.headers.get('location') ?? '(no location)'} not followed`;
  }
  return `HTTP ${response.status}`;
}

/** The first 2 KB of a response body, as text; the rest is never read. */
export async function firstBytes(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes.slice(0, RESPONSE_BODY_BYTES));
}
