// The cost of a request as the Worker reports it: `Server-Timing: d1;desc="N calls";dur=…`.

/** D1 calls and their milliseconds from a response (or its headers); `what` names it in an error. */
export function d1Cost(response, what = response.url) {
  const headers = response.headers ?? response;
  const header = headers.get('server-timing') ?? '';
  const match = /d1;desc="(\d+) calls?";dur=([\d.]+)/.exec(header);
  if (!match) throw new Error(`${what}: ${response.status ?? ''} with no d1 entry in Server-Timing (${JSON.stringify(header)})`);
  return { calls: Number(match[1]), milliseconds: Number(match[2]) };
}

/** The D1 rows a request read and wrote: `Server-Timing: d1-rows;desc="12 read, 0 written"`. */
export function d1Rows(response) {
  const headers = response.headers ?? response;
  const match = /d1-rows;desc="(\d+) read, (\d+) written"/.exec(headers.get('server-timing') ?? '');
  return match ? { read: Number(match[1]), written: Number(match[2]) } : { read: 0, written: 0 };
}
