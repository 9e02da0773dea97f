// The development editor's key for `npm start`: made once with the ADMIN_TOKEN and kept next to the local
// D1 (.wrangler/dev-editor-key.json, never committed), so that every start prints the same key for as long
// as the local database lives. A key that was revoked, or made for another name, is replaced.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const DEV_KEY_FILE = '.wrangler/dev-editor-key.json';
export const DEV_SCOPES = ['events:write', 'webhooks:manage'];

export async function developmentKey(baseUrl, adminToken, name, file = DEV_KEY_FILE) {
  const admin = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const saved = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  const listed = await patiently(() => fetch(`${baseUrl}/v1/admin/keys`, { headers: admin }));
  if (!listed.ok) throw new Error(`GET /v1/admin/keys: ${listed.status} ${await listed.text()}`);
  const { keys } = await listed.json();
  const live = saved && keys.find((key) => key.id === saved.id && key.revoked === null && key.name === name);
  if (live) return { ...saved, scopes: live.scopes, reused: true };
  // A name already on a key is that editor's: the new key is another of theirs.
  const anotherKey = keys.some((key) => key.name === name);
  const made = await patiently(() =>
    fetch(`${baseUrl}/v1/admin/keys`, { method: 'POST', headers: admin, body: JSON.stringify({ name, scopes: DEV_SCOPES, anotherKey }) }));
  const body = await made.json();
  if (made.status !== 201) throw new Error(`POST /v1/admin/keys: ${made.status} ${JSON.stringify(body)}`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ id: body.id, name: body.name, key: body.key }, null, 2)}\n`, { mode: 0o600 });
  return { id: body.id, name: body.name, key: body.key, scopes: body.scopes, reused: false };
}

/** A request again after its Retry-After, once, when this address is locked out after failed authentications. */
async function patiently(request) {
  const response = await request();
  if (response.status !== 429) return response;
  const seconds = Number(response.headers.get('retry-after') ?? 60);
  console.log(`this address is locked out after failed authentications: trying again in ${seconds} s`);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return request();
}
