// Load with Node's own fetch and a bounded number of requests in flight, bounded in count and time.
import { performance } from 'node:perf_hooks';

/**
 * Runs `send(i)` for i = 0, 1, 2 … with at most `concurrency` in flight, until `count` have been sent
 * or `seconds` have passed (whichever comes first). `send` throws on a wrong answer.
 * Answers how many completed, in how many seconds, and the rate per second.
 */
export async function drive({ send, count = Infinity, seconds = Infinity, concurrency = 1 }) {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < count && performance.now() < deadline) {
      const i = next;
      next += 1;
      try {
        await send(i);
      } catch (error) {
        failed = true; // the other workers stop sending too
        throw error;
      }
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const elapsed = (performance.now() - start) / 1000;
  return { done, seconds: elapsed, perSecond: done / elapsed };
}

/** GETs `url` and checks the status; the body is read in full, as a client would. */
export async function getOk(url, expected = 200, headers = {}) {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== expected) throw new Error(`GET ${url}: ${response.status}, expected ${expected}`);
  return response;
}

/**
 * Requests per second of a GET, after a short warm-up, for `seconds` with `concurrency` in flight.
 * `url` is a string, or a function of a counter that never repeats (for a URL per request).
 */
export async function getsPerSecond(url, { seconds = 4, concurrency = 8, expected = 200, headers = {} } = {}) {
  let counter = 0;
  const send = () => getOk(typeof url === 'function' ? url(counter++) : url, expected, headers);
  await drive({ send, seconds: 0.5, concurrency });
  return drive({ send, seconds, concurrency });
}
