import { Validator, type Schema } from '@cfworker/json-schema';
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { get } from './setup/client';
import { messageViolations, type OpenApiDocument } from './setup/contract';

/** The kinds of message in the contract: GET /v1/webhooks/kinds, and the webhooks of /openapi.json. */

interface Kind {
  kind: string;
  subscribable: boolean;
  description: string;
  schema: Schema;
  example: { type: string };
}

describe('the kinds of message', () => {
  it('are listed for anyone, each with its description, the JSON Schema of its payload and an example that keeps it', async () => {
    const response = await get('/v1/webhooks/kinds');
    expect(response.status).toBe(200);
    expect(response.headers.get('server-timing')).toMatch(/desc="0 calls"/);
    const { kinds } = await response.json<{ kinds: Kind[] }>();
    expect(kinds.map((kind) => [kind.kind, kind.subscribable])).toEqual([
      ['anniversary.today', true], ['event.recorded', true], ['webhook.test', false],
    ]);
    const doc = await (await get('/openapi.json')).json<OpenApiDocument>();
    for (const { kind, description, schema, example } of kinds) {
      expect(description.length, kind).toBeGreaterThan(20);
      expect(example.type).toBe(kind);
      const result = new Validator(schema, '2020-12', false).validate(example);
      expect(result.errors, kind).toEqual([]);
      expect(messageViolations(doc, example), kind).toEqual([]);
      // A payload of another kind does not pass for this one.
      const other = kinds.find((candidate) => candidate.kind !== kind)!.example;
      expect(new Validator(schema, '2020-12', false).validate(other).valid, kind).toBe(false);
    }
  });

  it('are the webhooks of /openapi.json, with the Standard Webhooks headers', async () => {
    const doc = await (await get('/openapi.json')).json<any>();
    expect(Object.keys(doc.webhooks)).toEqual(['anniversary.today', 'event.recorded', 'webhook.test']);
    const recorded = doc.webhooks['event.recorded'].post;
    expect(recorded.operationId).toBe('receiveEventRecorded');
    expect(recorded.parameters.map((parameter: any) => [parameter.in, parameter.name])).toEqual([
      ['header', 'webhook-id'], ['header', 'webhook-timestamp'], ['header', 'webhook-signature'],
    ]);
    const anniversary = doc.webhooks['anniversary.today'].post.requestBody.content['application/json'].schema;
    expect(anniversary.properties.data.properties.anniversaries.items.properties.links.required).toEqual(['event', 'page']);
  });

  it('answers only GET and HEAD at its path, not the methods of a subscription', async () => {
    const response = await SELF.fetch('https://relations.test/v1/webhooks/kinds', { method: 'PATCH', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect((await SELF.fetch('https://relations.test/v1/webhooks/kinds', { method: 'HEAD' })).status).toBe(200);
  });
});
