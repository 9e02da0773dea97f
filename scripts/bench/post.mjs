// Requests that write, to the bench server. wrangler dev's proxy answers 503 "Your worker restarted
// mid-request" whenever its connection to the Worker fails, and retries only GETs itself; a request
// that is safe to repeat (an append with event ids, a bare insert that skips rows already there, the
// cron, a probe of one request's cost) is sent again here, and every such retry is counted and
// reported with the figures.
const RESTARTED = /restarted mid-request/;
const MAX_TRIES = 3;

export const proxyRetries = { count: 0 };

/** Sends a request (POST unless told) and answers { status, body (parsed JSON, or text), headers }; retries only when `repeatable`. */
export async function post(url, { body, headers = {}, repeatable = false, method = 'POST' } = {}) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' || body === undefined ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status === 503 && RESTARTED.test(text) && repeatable && attempt < MAX_TRIES) {
      proxyRetries.count += 1;
      continue;
    }
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }
}
