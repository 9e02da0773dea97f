// The processes wrangler dev starts (found through /proc, Linux), and the memory of the one that runs the Worker.
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** State, parent and process group of a process, or null when it is gone. */
function statOf(pid) {
  try {
    // The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, parent, group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, parent: Number(parent), group: Number(group) };
  } catch {
    return null;
  }
}

function parentOf(pid) {
  return statOf(pid)?.parent ?? null;
}

const processIds = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);

/** The processes of a process group that still run (zombies left to be reaped do not count). */
export function liveMembersOf(group) {
  return processIds().filter((pid) => {
    const stat = statOf(pid);
    return stat !== null && stat.group === group && stat.state !== 'Z' && stat.state !== 'X';
  });
}

function descendantsOf(root) {
  const children = new Map();
  for (const pid of processIds()) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function command(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function holdsFileUnder(pid, dir) {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(dir);
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * wrangler dev runs two workerd processes (its proxy, and the one that runs the Worker); the
 * Worker's is the one holding the local D1 files under `persist` open.
 */
export function workerdProcessOf(wranglerPid, persist) {
  return workerdsOf(wranglerPid).find((pid) => holdsFileUnder(pid, persist)) ?? null;
}

/** The other one: wrangler's proxy. */
export function proxyProcessOf(wranglerPid, persist) {
  return workerdsOf(wranglerPid).find((pid) => !holdsFileUnder(pid, persist)) ?? null;
}

const workerdsOf = (wranglerPid) => descendantsOf(wranglerPid).filter((pid) => command(pid) === 'workerd');

/** Resident set size now and its peak since the last reset, in bytes. */
export function residentMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Resets the peak (VmHWM) to the current RSS, so a peak can be read for one phase. */
export function resetPeakMemory(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Samples the RSS of `pid` every `everyMs` while `work` runs; answers the work's result, the
 * highest RSS sampled, and the kernel's peak (VmHWM) when it could be reset at the start.
 */
export async function peakMemoryDuring(pid, work, everyMs = 50) {
  const resetWorked = resetPeakMemory(pid);
  const before = residentMemory(pid).rss;
  let sampled = before;
  let running = true;
  const sampler = (async () => {
    while (running) {
      try {
        sampled = Math.max(sampled, residentMemory(pid).rss);
      } catch {
        return;
      }
      await sleep(everyMs);
    }
  })();
  try {
    const result = await work();
    return { result, before, sampled, peak: resetWorked ? residentMemory(pid).peak : null };
  } finally {
    running = false;
    await sampler;
  }
}

/** The TCP ports a process listens on (its sockets, found in /proc/<pid>/net/tcp). */
export function listeningPorts(pid) {
  const sockets = new Set(readdirSync(`/proc/${pid}/fd`).map((fd) => {
    try {
      return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
    } catch {
      return undefined; // closed meanwhile
    }
  }).filter(Boolean));
  const rows = readFileSync(`/proc/${pid}/net/tcp`, 'utf8').trim().split('\n').slice(1).map((row) => row.trim().split(/\s+/));
  // Columns: local address (hex ip:port), remote address, state (0A: listening), …, inode (10th).
  return rows.filter((row) => row[3] === '0A' && sockets.has(row[9])).map((row) => parseInt(row[1].split(':')[1], 16));
}
