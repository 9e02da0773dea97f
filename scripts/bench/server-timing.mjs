// The cost of a request as the Worker reports it: `Server-Timing: d1;desc="N calls";dur=…`.

/** D1 calls and their milliseconds from a response (or its headers); `what` names it in an error. */
export function d1Cost(response, what = response.url) {
  const headers = response.headers ?? response;
  const header = headers.get('server-timing') ?? '';
  const match = /d1;desc="(\d+) calls?";dur=([\d.]+)/.exec(header);
  if (!match) throw new Error(`${what}: ${response.status ?? ''} with no d1 entry in Server-Timing (${JSON.stringify(header)})`);
  return { calls: Number(match[1]), milliseconds: Number(match[2]) };
}
