// The V8 inspector of the workerd that runs the Worker (wrangler dev --inspector-port), over the DevTools
// protocol: for CPU profiles, and for the memory of the Worker's own isolate (its V8 heap), which is what
// a Worker may use (128 MB), apart from the process's, which also holds local D1's SQLite and the rest.

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
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    id += 1;
    waiting.set(id, { resolve, reject });
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
  const sample = async () => (await inspector.send('Runtime.getHeapUsage')).usedSize;
  return {
    sample,
    live: async () => {
      await inspector.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      return sample();
    },
    close: () => inspector.close(),
  };
}
