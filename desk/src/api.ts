import type { Context } from 'hono';
import type { DeskEnv } from './env';

/**
 * The main Worker's public API, called over the API service binding with the signed-in editor's session as
 * the bearer credential (or, to sign in, the key itself). The client's address goes with it, so that the API's
 * failed-authentication lockout counts the person at the browser, not the desk.
 */

/** An answer of the API: its status, its headers and its JSON body (a problem+json on an error), or null. */
export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function callApi<T = unknown>(
  c: Context<DeskEnv>, method: string, path: string, { credential, body }: { credential?: string; body?: unknown } = {},
): Promise<ApiAnswer<T>> {
  const headers = new Headers({ accept: 'application/json' });
  const bearer = credential ?? c.get('signedIn')?.session;
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  const address = c.req.header('cf-connecting-ip');
  if (address) headers.set('cf-connecting-ip', address);
  if (body !== undefined) headers.set('content-type', 'application/json');
  const response = await c.env.API.fetch(new Request(new URL(path, c.req.url), {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

/** What a problem+json says, for a person: its detail, or its title. */
export function problemDetail(answer: ApiAnswer): string {
  const problem = answer.body as { detail?: string; title?: string } | null;
  return problem?.detail ?? problem?.title ?? `the API answered ${answer.status}`;
}
