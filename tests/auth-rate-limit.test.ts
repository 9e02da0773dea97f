import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { editorKey, freshAddress, freshRelation, noted, TOKEN } from './setup/client';
import { problemOf, totalEvents } from './setup/log-state';

/** Failed authentications per client address: AUTH_FAILURES in wrangler.toml allows 10 a minute. */

const LIMIT = 10;
// Each test may first wait for the next minute of the limiter (up to 16 s), then makes a few dozen requests,
// which take seconds on a busy machine.
const WAITS = 90_000;

const from = (address: string, path: string, authorization?: string, method = 'GET', body?: unknown, host = 'relations.test') =>
  SELF.fetch(`https://${host}${path}`, {
    method,
    headers: {
      'cf-connecting-ip': address,
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The limiter counts in windows of a minute: start a run of failures well inside one (a wait of up to 16 s). */
async function awayFromTheMinute(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
}

describe('failed authentication', () => {
  it('is answered 429 with Retry-After past the limit, and then so is every credential from that address', async () => {
    await awayFromTheMinute();
    const address = freshAddress();
    // Failures through several host names count as one address's.
    const hosts = ['relations.test', 'localhost:8787', '127.0.0.1:8787', 'another.example'];
    for (let failure = 1; failure <= LIMIT; failure += 1) {
      const response = await from(address, '/v1/webhooks', `Bearer wrong-${failure}`, 'GET', undefined, hosts[failure % hosts.length]);
      expect(response.status, `failure ${failure}`).toBe(401);
    }
    const limited = await from(address, '/v1/webhooks', 'Bearer wrong-again');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await problemOf(limited)).toMatchObject({ type: '/problems/too-many-failed-authentications', status: 429 });

    // Locked out: even the right credential is not judged, so guessing gains nothing; nothing is written.
    const relation = freshRelation();
    const before = await totalEvents();
    const right = await from(address, `/v1/relations/${relation}/events`, `Bearer ${TOKEN}`, 'POST', { events: [noted()] });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeLessThanOrEqual(retryAfter);
    expect(await totalEvents()).toBe(before);
    // Whatever host the request names: the lockout is the address's alone.
    for (const host of hosts) {
      const elsewhere = await from(address, '/v1/webhooks', `Bearer ${TOKEN}`, 'GET', undefined, host);
      expect(elsewhere.status, host).toBe(429);
    }

    // Other addresses are not held up; public reads from this one are never limited.
    expect((await from(freshAddress(), '/v1/webhooks', `Bearer ${TOKEN}`)).status).toBe(200);
    for (const path of ['/v1/relations', '/healthz', '/openapi.json', '/v1/on-this-day?date=12-01']) {
      expect((await from(address, path)).status, path).toBe(200);
    }
    // Without a credential, an editor route still says what it needs.
    expect((await from(address, '/v1/webhooks')).status).toBe(401);
  }, WAITS);

  it('counts only credentials that fail: a missing credential or a missing scope is never held off', async () => {
    await awayFromTheMinute();
    const address = freshAddress();
    const hooksOnly = await editorKey('Scoped Editor', ['webhooks:manage']);
    for (let request = 0; request < LIMIT + 5; request += 1) {
      expect((await from(address, '/v1/webhooks')).status).toBe(401);
      expect((await from(address, '/v1/admin/keys', `Bearer ${hooksOnly.key}`)).status).toBe(403);
      expect((await from(address, '/v1/webhooks', `Bearer ${hooksOnly.key}`)).status).toBe(200);
    }
  }, WAITS);

  it('counts a revoked key as a failure', async () => {
    await awayFromTheMinute();
    const address = freshAddress();
    const editor = await editorKey('Revoked Soon', ['webhooks:manage']);
    await SELF.fetch(`https://relations.test/v1/admin/keys/${editor.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    const statuses: number[] = [];
    for (let request = 0; request <= LIMIT; request += 1) statuses.push((await from(address, '/v1/webhooks', `Bearer ${editor.key}`)).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
  }, WAITS);
});
