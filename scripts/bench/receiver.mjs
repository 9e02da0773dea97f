// A webhook receiver on 127.0.0.1 for the bench: answers 204 to every POST and counts what arrives,
// per path (each subscription has a path of its own).
import { createServer } from 'node:http';

export async function startReceiver() {
  const arrivals = new Map();
  let received = 0;
  let unsigned = 0;
  let last = 0;
  const waiters = new Set();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      last = performance.now();
      if (!request.headers['webhook-id'] || !request.headers['webhook-signature']) unsigned += 1;
      arrivals.set(request.url, (arrivals.get(request.url) ?? 0) + 1);
      response.writeHead(204).end();
      for (const waiter of waiters) waiter();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ received, distinct: arrivals.size, unsigned, last }),
    /** Resolves when `count` distinct paths have been posted to; rejects after `seconds`. */
    waitForDistinct(count, seconds) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (arrivals.size < count) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`only ${arrivals.size} of ${count} subscriptions received a message within ${seconds} s`));
        }, seconds * 1000);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
