/** Validators and conditional GET (RFC 9110 §13): an unchanged representation is a 304 with no body. */

/** A 200 with a strong ETag (a digest of the body) and, when known, Last-Modified. */
export async function withValidators(
  body: string,
  contentType: string,
  lastModified: string | null,
): Promise<Response> {
  const headers = new Headers({ 'content-type': contentType, etag: await etagOf(body) });
  if (lastModified) headers.set('last-modified', new Date(lastModified).toUTCString());
  return new Response(body, { status: 200, headers });
}

/** A strong ETag: the first 128 bits of the body's SHA-256. */
export async function etagOf(body: string | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', typeof body === 'string' ? new TextEncoder().encode(body) : body);
  const bytes = [...new Uint8Array(digest).slice(0, 16)];
  return `"${bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('')}"`;
}

/** The response itself, or a 304 when the request's validators show the client already has it. */
export function answerConditionally(request: Request, response: Response): Response {
  if (response.status !== 200 || !isNotModified(request.headers, response.headers)) return response;
  const headers = new Headers();
  for (const name of ['etag', 'last-modified', 'cache-control', 'cache-status', 'vary']) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(null, { status: 304, headers });
}

function isNotModified(request: Headers, response: Headers): boolean {
  const ifNoneMatch = request.get('if-none-match');
  const etag = response.get('etag');
  // If-None-Match wins over If-Modified-Since; its comparison is weak (W/ prefixes ignored).
  if (ifNoneMatch !== null) {
    if (!etag) return false;
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag.replace(/^W\//, ''));
  }
  const ifModifiedSince = Date.parse(request.get('if-modified-since') ?? '');
  const lastModified = Date.parse(response.get('last-modified') ?? '');
  return !Number.isNaN(ifModifiedSince) && !Number.isNaN(lastModified) && lastModified <= ifModifiedSince;
}
