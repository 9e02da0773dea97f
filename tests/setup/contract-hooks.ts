import { afterAll, afterEach } from 'vitest';
import { takeViolations } from './checked-worker';

// Every test fails when a response it received broke the contract of /openapi.json (tests/setup/contract.ts);
// a response received in a hook fails the file.
function failOnViolations(): void {
  const violations = takeViolations();
  if (violations.length) {
    throw new Error(`${violations.length} response(s) do not match /openapi.json:\n${violations.join('\n')}`);
  }
}

afterEach(failOnViolations);
afterAll(failOnViolations);
