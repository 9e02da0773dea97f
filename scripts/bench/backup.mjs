// A backup of a log of synthetic events and its restore into a fresh database, with the operator's own code
// (scripts/service/export-file.mjs and restore-file.mjs, which npm run backup and npm run restore run): the
// time of each, and the V8 heap of the Worker's isolate while it works, in use and what survives a full
// collection as each quarter ends, which shows whether it grows with the log.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportToFile } from '../service/export-file.mjs';
import { restoreFromFile } from '../service/restore-file.mjs';
import { heapSampler } from './inspector.mjs';
import { fillLog, followRebuildStatus } from './rebuild.mjs';
import { startBenchServer } from './server.mjs';
import { mebibytes, perSecond, printTable, seconds } from './table.mjs';

const SAMPLE_EVERY_MS = 500;

/**
 * Runs `work(onProgress)` while sampling the heap: every SAMPLE_EVERY_MS its use, and once each quarter of
 * `onProgress(done, total)` is passed what survives a full collection. Answers the work's result, its
 * seconds and the figures.
 */
async function sampled(heap, work) {
  const memory = { before: await heap.sample(), peak: 0, liveByQuarter: [] };
  let quarter = 0;
  let pending = Promise.resolve();
  const timer = setInterval(() => {
    pending = pending.then(async () => {
      memory.peak = Math.max(memory.peak, await heap.sample());
    });
  }, SAMPLE_EVERY_MS);
  const began = performance.now();
  try {
    const result = await work((done, total) => {
      const reached = total ? Math.floor((4 * done) / total) : 0;
      if (reached > quarter && quarter < 3) {
        quarter = reached;
        pending = pending.then(async () => {
          memory.liveByQuarter.push(await heap.live());
        });
      }
    });
    const elapsed = (performance.now() - began) / 1000;
    clearInterval(timer);
    await pending;
    memory.peak = Math.max(memory.peak, await heap.sample());
    memory.liveAfter = await heap.live();
    return { result, elapsed, memory };
  } finally {
    clearInterval(timer);
  }
}

const heapCell = (memory) => `${mebibytes(memory.before)} / ${mebibytes(memory.peak)}`;
const liveCell = (memory) => [...memory.liveByQuarter, memory.liveAfter].map(mebibytes).join(' / ');

export function backupSection(total) {
  return async function backupAndRestore({ server: proxied }) {
    // Past wrangler's proxy, which keeps memory for every request it passes on (see server.mjs).
    const source = { ...proxied, url: await proxied.directUrl(), key: proxied.token };
    const dir = mkdtempSync(join(tmpdir(), 'relations-bench-backup-'));
    const sourceHeap = await heapSampler(proxied);
    let target = null;
    let targetHeap = null;
    try {
      const filled = await fillLog(source, total);
      const file = join(dir, 'backup.ndjson');
      const exported = await sampled(sourceHeap, (onProgress) => exportToFile(source, file, onProgress));
      const bytes = statSync(file).size;

      target = await startBenchServer();
      targetHeap = await heapSampler(target);
      const into = { ...target, url: await target.directUrl(), key: target.token };
      const restored = await sampled(targetHeap, (onProgress) => restoreFromFile(into, file, onProgress));
      const { committed } = restored.result;
      if (committed.staged !== filled.events) throw new Error(`the restore put ${committed.staged} events into the log, not ${filled.events}`);
      const rebuilt = await followRebuildStatus(into, committed.links.rebuild);
      const liveAfterRebuild = await targetHeap.live();
      const log = await (await fetch(`${into.url}/v1/relations`)).json();
      const events = log.relations.reduce((sum, relation) => sum + relation.events, 0);
      if (events !== filled.events) throw new Error(`after the restore the log holds ${events} events, not ${filled.events}`);

      printTable(`Backup and restore of ${total.toLocaleString('en-US')} events (issue 17)`, ['measure', 'value'], [
        ['events in the log', filled.events.toLocaleString('en-US')],
        ['export: wall clock, events a second', `${seconds(exported.elapsed)}, ${perSecond(filled.events / exported.elapsed)}`],
        ['export: file', `${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / filled.events)} bytes an event)`],
        ['export: Worker heap in use, before / peak', heapCell(exported.memory)],
        ['export: … live after a full GC, at each quarter / at the end', liveCell(exported.memory)],
        ['restore (lines checked and staged, commit): wall clock, events a second', `${seconds(restored.elapsed)}, ${perSecond(filled.events / restored.elapsed)}`],
        ['restore: Worker heap in use, before / peak', heapCell(restored.memory)],
        ['restore: … live after a full GC, at each quarter / at the commit (the rebuild begun)', liveCell(restored.memory)],
        ['then the rebuild of the views: wall clock', seconds(rebuilt.elapsed)],
        ['… live after a full GC once it is done', mebibytes(liveAfterRebuild)],
        ['(log filled by bare insert in)', seconds(filled.seconds)],
      ]);
      return { events: filled.events, exported, restored, rebuilt: rebuilt.elapsed, bytes };
    } finally {
      sourceHeap.close();
      targetHeap?.close();
      await target?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
