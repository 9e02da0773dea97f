import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { invalidBody, pointerOf, problemResponse } from './problem';

/**
 * Every JSON body the API reads is read here, once, by every route that declares one (documentedRoute puts
 * this middleware after the route's credential check, so a body is never read for a client without a key):
 * - a body that declares a charset other than UTF-8 (RFC 8259 §8.1), or a content coding, is a 415, unread;
 * - a body over MAX_BODY_BYTES is a 413: unread when its Content-Length says so, and otherwise read to its
 *   end and dropped (wrangler dev's proxy hangs the next request on a chunked body left half read);
 * - a body that is not UTF-8 is a 400: decoded strictly, never with U+FFFD in place of the bytes sent;
 * - a `__proto__` key anywhere is a 422 naming it: zod's records drop it without a word (every object
 *   schema refuses it as an unknown field), and no object of this API has such a field.
 * The text is then what the route's validator parses.
 */

export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/i;

/** The body of a route that requires one; `optional`: no body at all (even one declared as JSON) reads as `{}`. */
export const jsonBody = (optional: boolean) => createMiddleware<AppEnv>(async (c, next) => {
  const contentType = c.req.header('content-type');
  // Not declared as JSON: the route's own media type check answers 415 without this reading anything.
  if (!contentType || !JSON_MEDIA_TYPE.test(contentType.split(';')[0].trim())) return next();
  const read = await strictBodyText(c.req.raw, MAX_BODY_BYTES);
  if (read instanceof Response) return read;
  // `curl -X POST -H 'content-type: application/json' …` with nothing to say, to a route whose body is optional.
  const text = optional && read === '' ? '{}' : read;
  const prototypeKeys = prototypeKeysIn(text);
  if (prototypeKeys.length) return invalidBody(prototypeKeys.map((pointer) => ({ pointer, detail: 'unknown field' })));
  // What c.req.json() and the validators read (Hono keeps each body it has read as a promise).
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
  await next();
});

const FORM_MEDIA_TYPE = /^application\/x-www-form-urlencoded$/i;
/** A form (the WebSub hub's) says a few hundred bytes: its limit is far below a JSON body's. */
export const MAX_FORM_BYTES = 64 * 1024;

/**
 * The body of a route that takes a form, by the same rules as a JSON body (a 415 for another charset, a 413 past
 * MAX_FORM_BYTES, a 400 for bytes that are not UTF-8), then the form the route's validator reads.
 */
export const formBody = createMiddleware<AppEnv>(async (c, next) => {
  const contentType = c.req.header('content-type');
  if (!contentType || !FORM_MEDIA_TYPE.test(contentType.split(';')[0].trim())) return next();
  const text = await strictBodyText(c.req.raw, MAX_FORM_BYTES);
  if (text instanceof Response) return text;
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
  (c.req.bodyCache as { formData?: Promise<FormData> }).formData = Promise.resolve(form);
  await next();
});

/**
 * The text of a body declared in a media type the route reads (JSON here, a backup's NDJSON lines elsewhere),
 * by the same rules: a 415 for another charset or a content coding, a 413 past `max` bytes (read to its end when
 * chunked), a 400 for bytes that are not UTF-8.
 */
export async function strictBodyText(request: Request, max: number): Promise<string | Response> {
  const refused = unsupportedEncoding(request.headers.get('content-type') ?? '', request.headers.get('content-encoding') ?? undefined);
  if (refused) return refused;
  const bytes = await bodyBytes(request, max);
  if (bytes === null) {
    return problemResponse({ title: 'Content Too Large', status: 413, detail: `a request body here is at most ${max / 1024 / 1024} MiB` });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return problemResponse({
      type: '/problems/not-utf-8',
      title: 'Bad Request',
      status: 400,
      detail: 'the body is not UTF-8: nothing was read from it',
      errors: [{ pointer: '', detail: 'not UTF-8' }],
    });
  }
}

/** A 415 for a body in a charset other than UTF-8 or in a content coding; null when it is plain UTF-8. */
function unsupportedEncoding(contentType: string, contentEncoding: string | undefined): Response | null {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType)?.[1];
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8') {
    return problemResponse({
      type: '/problems/unsupported-charset',
      title: 'Unsupported Media Type',
      status: 415,
      detail: `the body is declared as charset=${charset}: JSON is UTF-8 (send application/json, with no charset or charset=utf-8)`,
    });
  }
  if (contentEncoding !== undefined && contentEncoding.trim().toLowerCase() !== 'identity') {
    return problemResponse(
      {
        title: 'Unsupported Media Type',
        status: 415,
        detail: `the body is sent with Content-Encoding: ${contentEncoding}: send it unencoded`,
      },
      { 'accept-encoding': 'identity' },
    );
  }
  return null;
}

/** The body's bytes, or null when there are more than `max` of them. */
async function bodyBytes(request: Request, max: number): Promise<Uint8Array | null> {
  const length = request.headers.get('content-length');
  if (length !== null && !request.headers.has('transfer-encoding')) {
    // The framing holds the body to its length: nothing is read of one that is too large.
    if (Number(length) > max) return null;
    return new Uint8Array(await request.arrayBuffer());
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      // Read to its end, so that the connection is left at the start of the next request.
      while (!(await reader.read()).done);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The JSON pointers of every `__proto__` key in the body (none in almost every body: only a body that spells it, or escapes, is walked). */
function prototypeKeysIn(text: string): string[] {
  if (!/__proto__|\\u/.test(text)) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return []; // Not JSON: the route's validator says so.
  }
  const found: string[] = [];
  // Iterative, and each pointer a concatenation (no copied paths): a body may nest deeper than the stack.
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length) {
    const [node, pointer] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      const childPointer = pointer + pointerOf([key]);
      if (key === '__proto__') found.push(childPointer);
      else pending.push([child, childPointer]);
    }
  }
  return found.sort();
}
