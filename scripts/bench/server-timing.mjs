// The cost of a request as the Worker reports it: `Server-Timing: d1;desc="N calls";dur=…`.

export function d1Cost(response) {
  const header = response.headers.get('server-timing') ?? '';
  const match = /d1;desc="(\d+) calls?";dur=([\d.]+)/.exec(header);
  if (!match) throw new Error(`${response.url}: no d1 entry in Server-Timing (${JSON.stringify(header)})`);
  return { calls: Number(match[1]), milliseconds: Number(match[2]) };
}
