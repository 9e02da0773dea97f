import { toHex } from '../hex';
import { sendPost, type SendResult } from '../webhooks/send';
import { topicLinkHeader } from './topics';

/**
 * Content distribution (WebSub §7): a POST to the callback with the topic's full content as the topic serves
 * it (its own content type), a `Link` header naming the hub and the topic's canonical self, and, for a
 * subscription made with hub.secret, `X-Hub-Signature: sha256=` and the hex HMAC-SHA256 of the body (§7.1).
 */

/** The topic as a GET of it answers now. */
export interface TopicContent {
  status: number;
  contentType: string;
  body: ArrayBuffer;
}

export async function sendDistribution(
  callback: string, secret: string | null, topic: string, content: TopicContent, timeoutMs: number,
): Promise<SendResult> {
  const headers: Record<string, string> = {
    'content-type': content.contentType,
    'user-agent': 'relations-log-websub/1',
    link: topicLinkHeader(new URL(topic).origin, topic),
  };
  if (secret !== null) headers['x-hub-signature'] = `sha256=${await hmacSha256Hex(secret, content.body)}`;
  return sendPost(callback, headers, content.body, timeoutMs);
}

async function hmacSha256Hex(secret: string, body: ArrayBuffer): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', key, body)));
}
