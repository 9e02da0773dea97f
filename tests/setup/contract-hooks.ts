import { afterAll, afterEach } from 'vitest';
import { takeViolations } from './checked-worker';
import { receivedMessageViolations } from './message-contract';

// Every test fails when a response it received broke the contract of /openapi.json (tests/setup/contract.ts),
// or when a message the test receiver got does not match the webhooks of that document
// (tests/setup/message-contract.ts); what was received in a hook (or arrived late) fails the file.
async function failOnViolations(): Promise<void> {
  const violations = takeViolations();
  if (violations.length) {
    throw new Error(`${violations.length} response(s) do not match /openapi.json:\n${violations.join('\n')}`);
  }
  const messages = await receivedMessageViolations();
  if (messages.length) {
    throw new Error(`${messages.length} webhook message(s) do not match the webhooks of /openapi.json:\n${messages.join('\n')}`);
  }
}

afterEach(failOnViolations);
afterAll(failOnViolations);
