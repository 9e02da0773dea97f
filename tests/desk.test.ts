import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { dataSchemas, EVENT_FIELD_NAMES, FACT_TYPES } from '../src/domain/catalog';
import { editorKey, freshAddress } from './setup/client';

/** The editor's desk, reached through this Worker: /desk is forwarded to the desk Worker, which calls this API back. */

const ORIGIN = 'https://relations.test';
const desk = (path: string, init: RequestInit = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, { redirect: 'manual', ...init, headers: { 'cf-connecting-ip': freshAddress(), ...init.headers } });
const signIn = (key: string, origin = ORIGIN) =>
  desk('/desk/sign-in', { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ key }) });
const cookieOf = (response: Response) => /^(__Host-desk-session=[^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';

describe('the desk', () => {
  it('sends a visitor without a session to sign in, and no page of it is stored by any cache', async () => {
    const home = await desk('/desk');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/desk/sign-in');
    const signInPage = await desk('/desk/sign-in');
    expect(signInPage.status).toBe(200);
    for (const response of [home, signInPage]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    }
    expect(await signInPage.text()).toContain('type="password"');
  });

  it('signs in with a key into an HttpOnly, Secure, SameSite=Strict __Host- cookie, and out again', async () => {
    const name = `Desk Reader ${crypto.randomUUID().slice(0, 6)}`;
    const { key } = await editorKey(name, ['events:write']);
    const signedIn = await signIn(key);
    expect(signedIn.status).toBe(303);
    const setCookie = signedIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-desk-session=rls_[\w-]+; Path=\/; Secure; HttpOnly; SameSite=Strict; Expires=/);
    expect(setCookie).not.toContain(key);
    const home = await desk('/desk', { headers: { cookie: cookieOf(signedIn) } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(name);

    const out = await desk('/desk/sign-out', { method: 'POST', headers: { origin: ORIGIN, cookie: cookieOf(signedIn) } });
    expect(out.status).toBe(303);
    const after = await desk('/desk', { headers: { cookie: cookieOf(signedIn) } });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/desk/sign-in?ended');
  });

  it('refuses a POST from another origin, or without one, and starts no session', async () => {
    const { key } = await editorKey(`Desk Target ${crypto.randomUUID().slice(0, 6)}`, ['events:write']);
    for (const origin of ['https://attacker.example', 'null']) {
      const refused = await signIn(key, origin);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
    const withoutOrigin = await desk('/desk/sign-in', { method: 'POST', body: new URLSearchParams({ key }) });
    expect(withoutOrigin.status).toBe(403);
  });

  it('says a key that is not valid is not, and keeps nothing of it in the page', async () => {
    const wrong = `rlk_${'A'.repeat(43)}`;
    const refused = await signIn(wrong);
    expect(refused.status).toBe(401);
    const page = await refused.text();
    expect(page).toContain('not valid');
    expect(page).not.toContain(wrong);
  });

  it("offers every fact type of the catalog, each form with the type's own fields, the common ones and the citation", async () => {
    const { key } = await editorKey(`Desk Catalog ${crypto.randomUUID().slice(0, 6)}`, ['events:write']);
    const cookie = cookieOf(await signIn(key));
    const choose = await (await desk('/desk/record?relation=mx-ru', { headers: { cookie } })).text();
    for (const type of FACT_TYPES) {
      expect(choose, type).toContain(`<option value="${type}"`);
      const form = await (await desk(`/desk/record?relation=mx-ru&type=${type}`, { headers: { cookie } })).text();
      const names = [...form.matchAll(/ name="([\w.]+)"/g)].map((match) => match[1]);
      for (const field of Object.keys(dataSchemas[type].shape)) expect(names, `${type}: data.${field}`).toContain(`data.${field}`);
      for (const field of EVENT_FIELD_NAMES.filter((name) => name !== 'source')) expect(names, `${type}: ${field}`).toContain(field);
      for (const field of ['source.title', 'source.publisher', 'source.url', 'source.date']) expect(names, `${type}: ${field}`).toContain(field);
    }
  });
});
