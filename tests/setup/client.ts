import { SELF } from 'cloudflare:test';

/** Talks to the Worker as a client would: through its fetch handler, over HTTP semantics. */
export const TOKEN = 'test-editor-token';

export function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`https://relations.test${path}`, { headers });
}

export function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`https://relations.test${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A client address (`cf-connecting-ip`) no other request uses, so that its failed authentications are its own. */
export function freshAddress(): string {
  const [a, b] = crypto.randomUUID().split('-');
  return `2001:db8:${a.slice(0, 4)}:${a.slice(4)}::${b}`;
}

/** Makes an editor key with the ADMIN_TOKEN (`anotherKey` for an editor who has one): its id and the key itself. */
export async function editorKey(
  name: string, scopes: string[], options: { anotherKey?: boolean } = {},
): Promise<{ id: string; key: string; headers: Record<string, string> }> {
  const response = await post('/v1/admin/keys', { name, scopes, ...options });
  if (response.status !== 201) throw new Error(`POST /v1/admin/keys: ${response.status} ${await response.text()}`);
  const { id, key } = await response.json<{ id: string; key: string }>();
  return { id, key, headers: { authorization: `Bearer ${key}` } };
}

/** A citation that satisfies the catalog. */
export const SOURCE = { title: 'Test source', publisher: 'Test publisher', url: 'https://example.org/source' };

let counter = 0;
/** A valid EventNoted, different each time unless fields say otherwise. */
export function noted(fields: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return { type: 'EventNoted', occurred: '1943-06', headline: `Something noted ${counter}`, data: {}, source: SOURCE, ...fields };
}

/** A relation name no other test uses, so tests sharing one database stay independent. */
const codes = ['ad', 'ae', 'af', 'ag', 'al', 'am', 'ao', 'ar', 'at', 'au', 'az', 'ba', 'bb', 'bd', 'be', 'bf', 'bg', 'bh', 'bi', 'bj', 'bn', 'bo', 'br', 'bs', 'bt', 'bw', 'by', 'bz', 'ca', 'cd', 'cf', 'cg', 'ch', 'ci', 'cl', 'cm', 'cn', 'co', 'cr', 'cu', 'cv', 'cy', 'cz', 'de', 'dj', 'dk', 'dm', 'do', 'dz', 'ec', 'ee', 'eg', 'er', 'es', 'et', 'fi', 'fj', 'fr', 'ga', 'gb', 'gd', 'ge', 'gh', 'gm', 'gn', 'gq', 'gr', 'gt', 'gw', 'gy'];
const handedOut = new Set<string>();
export function freshRelation(): string {
  // Random pairs collide often (a birthday problem over ~2,400 pairs): never hand out the same one twice.
  for (;;) {
    const a = codes[Math.floor(Math.random() * codes.length)];
    let b = a;
    while (b === a) b = codes[Math.floor(Math.random() * codes.length)];
    const relation = [a, b].sort().join('-');
    if (!handedOut.has(relation)) {
      handedOut.add(relation);
      return relation;
    }
  }
}
