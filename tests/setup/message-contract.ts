import { SELF } from 'cloudflare:test';
import { inject } from 'vitest';
import { messageViolations, type OpenApiDocument } from './contract';
import type { Received } from './receiver';

/**
 * Every message the test receiver gets, checked against the `webhooks` of the Worker's own `/openapi.json`,
 * as tests/setup/contract.ts checks every response: the endpoints a test file sets up (webhooks-helpers.ts)
 * are watched, and tests/setup/contract-hooks.ts fails a test after which one of them received a message
 * off its schema.
 */

const watched = new Map<string, number>();
let documentOf: Promise<OpenApiDocument> | undefined;

/** Check what this endpoint of the receiver gets from now on. */
export function watchEndpoint(name: string): void {
  watched.set(name, 0);
}

/** What is wrong with the messages the watched endpoints received since the last call. */
export async function receivedMessageViolations(): Promise<string[]> {
  if (!watched.size) return [];
  documentOf ??= SELF.fetch('https://relations.test/openapi.json').then((response) => response.json<OpenApiDocument>());
  const doc = await documentOf;
  const { port } = inject('receiver');
  const violations: string[] = [];
  for (const [name, checked] of watched) {
    const response = await fetch(`http://127.0.0.1:${port}/_control/endpoints/${name}`);
    const { received } = await response.json<{ received: Received[] }>();
    for (const entry of received.slice(checked)) {
      violations.push(...messageViolations(doc, entry.body).map((violation) => `${name} (${entry.webhookId}): ${violation}`));
    }
    watched.set(name, received.length);
  }
  return violations;
}
