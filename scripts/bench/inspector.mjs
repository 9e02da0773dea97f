// The V8 inspector of the workerd that runs the Worker (wrangler dev --inspector-port), over the DevTools
// protocol: for CPU profiles, and for the memory of the Worker's own isolate (its V8 heap), which is what
// a Worker may use (128 MB), apart from the process's, which also holds local D1's SQLite and the rest.

// Time enough for a heap snapshot or a CPU profile of the Worker.
const ANSWER_WITHIN_MS = 120_000;
// Time enough for a reading of the heap.
const HEAP_USAGE_WITHIN_MS = 15_000;

/** A DevTools protocol session with the inspector of the workerd that runs the Worker. */
export async function inspect(inspectorUrl) {
  const targets = await (await fetch(`${inspectorUrl}/json`)).json();
  const target = targets.find((t) => /relations|worker|core:user/i.test(`${t.title} ${t.url}`)) ?? targets[0];
  if (!target) throw new Error(`no inspector target at ${inspectorUrl}`);
  // The inspector proxy accepts a local origin only (undici's WebSocket takes headers as its second argument).
  const socket = new WebSocket(target.webSocketDebuggerUrl, { headers: { origin: 'http://localhost' } });
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot reach ${target.webSocketDebuggerUrl}`)), { once: true });
  });
  let id = 0;
  const waiting = new Map();
  socket.addEventListener('message', (message) => {
    const reply = JSON.parse(message.data);
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (reply.error) pending.reject(new Error(reply.error.message));
    else pending.resolve(reply.result);
  });
  // A request left unanswered ends the bench with its name rather than holding it up for good.
  socket.addEventListener('close', () => {
    for (const pending of waiting.values()) pending.reject(new Error('the inspector closed the session'));
    waiting.clear();
  });
  const send = (method, params = {}, withinMs = ANSWER_WITHIN_MS) => new Promise((resolve, reject) => {
    id += 1;
    const timer = setTimeout(() => reject(new Error(`the inspector did not answer ${method} within ${withinMs / 1000} s`)), withinMs);
    const settle = (then) => (value) => {
      clearTimeout(timer);
      then(value);
    };
    waiting.set(id, { resolve: settle(resolve), reject: settle(reject) });
    socket.send(JSON.stringify({ id, method, params }));
  });
  return { send, close: () => socket.close() };
}

/**
 * Samples the V8 heap of the Worker's isolate, in bytes, over one session. `sample()` answers the heap in use
 * now, garbage included: V8 collects it when it must, and workerd sets no limit locally that makes it. `live()`
 * answers the heap that survives a full collection, made by taking a heap snapshot (workerd's inspector does
 * not answer a plain request to collect garbage; a snapshot collects first). `close()` ends the session.
 */
export async function heapSampler(server) {
  const inspector = await inspect(server.inspectorUrl);
  const sample = async () => (await inspector.send('Runtime.getHeapUsage', {}, HEAP_USAGE_WITHIN_MS)).usedSize;
  return {
    sample,
    live: async () => {
      await inspector.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      return sample();
    },
    close: () => inspector.close(),
  };
}
