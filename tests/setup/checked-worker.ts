import worker from '../../src/index';
import type { DeliveryJob } from '../../src/webhooks/dispatch';
import { contractViolations, type OpenApiDocument } from './contract';

/**
 * The Worker as the tests meet it (vitest.config.mts names this module `main`, so `SELF` is this): the
 * real Worker, with every HTTP answer checked against the Worker's own `/openapi.json` before the test
 * sees it. What breaks the contract is kept for `tests/setup/contract-hooks.ts`, which fails the test.
 */

export { RebuildWorkflow } from '../../src/index';

let documentOf: Promise<OpenApiDocument> | undefined;
const violations: string[] = [];

/** The violations found since the last call, and forgets them. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

/** The Worker's fetch, checking what it answers. */
export async function checkedFetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const { method, url } = request;
  const response = await worker.fetch(request, env, ctx);
  documentOf ??= Promise.resolve(worker.fetch(new Request('https://relations.test/openapi.json'), env, ctx))
    .then((answer) => answer.json<OpenApiDocument>());
  // Decoded by hand: the runtime reads as text only the media types it knows (not NDJSON).
  const body = new TextDecoder().decode(await response.clone().arrayBuffer());
  const exchange = { method, url, status: response.status, headers: response.headers, body };
  violations.push(...contractViolations(await documentOf, exchange).map((violation) => `${violation}\n  (request: ${method} ${url})`));
  return response;
}

export default { ...worker, fetch: checkedFetch } satisfies ExportedHandler<Env, DeliveryJob>;
