// Follows a rebuild of the views through GET /v1/admin/rebuilds/{id} until it ends, with a progress bar;
// answers its last status, and ends the script when it did not complete.
import { expectJson, fail, request } from './options.mjs';
import { progressBar } from './progress-bar.mjs';

export async function followRebuild(service, started) {
  const bar = progressBar('events');
  let status = started;
  while (status.state === 'queued' || status.state === 'running') {
    bar.show(status.events, status.total, status.state);
    await new Promise((resolve) => setTimeout(resolve, 500));
    status = await expectJson(await request(service, status.links.self), [200], `GET ${status.links.self}`);
  }
  bar.show(status.events, status.total, status.state);
  bar.end();
  if (status.state !== 'complete') fail(`the rebuild ${status.state}: ${status.error ?? 'no reason given'}`);
  return status;
}

/** What a rebuild that completed did, in one line. */
export function rebuildSummary(status) {
  const seconds = (Date.parse(status.finished) - Date.parse(status.started)) / 1000;
  return `rebuilt every view from ${status.events} events (through position ${status.throughPosition}) in ${seconds.toFixed(1)} s:` +
    ` ${status.pages} pages, ${status.calls} D1 calls`;
}
