import { z } from 'zod';

/**
 * What any text the service keeps may hold. Text goes into JSON, HTML, XML feeds, iCalendar and HTTP
 * headers of webhooks, and is read by people: so no control character (C0, DEL and C1: tab, CR and LF
 * too, since every text is shown as one line or one paragraph), no line or paragraph separator, no
 * bidirectional embedding, override or isolate (they reorder what a reader sees around them: U+202A to
 * U+202E, U+2066 to U+2069), no unpaired surrogate and no noncharacter U+FFFE or U+FFFF. White space is the
 * space characters of Unicode (U+0020, the no-break space and the other spaces of category Zs).
 */
const REFUSED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const TEXT_RULE = 'no control characters (tab and line breaks included), bidirectional overrides or unpaired surrogates';

/** Whether `value` holds only what text may hold. */
export const isPrintable = (value: string) => !REFUSED.test(value);

/** Text of 1 to `max` characters once the white space at either end is removed (which the document says). */
export const text = (max: number, description?: string) =>
  z.string().trim().min(1).max(max).refine(isPrintable, TEXT_RULE)
    .describe(`${description ? `${description}; ` : ''}white space at either end is removed, then 1 to ${max} characters remain; ${TEXT_RULE}`);

// A URL as people write it in a citation: non-ASCII letters are fine (an IRI), but nothing the URL parser
// would silently drop or rewrite (white space, controls) and nothing text may not hold.
const URL_REFUSED = /[\s\u0000-\u001f\u007f-\u009f]/u;

/**
 * An http(s) URL of at most `max` characters, kept exactly as written: no white space or control character
 * anywhere in it (zod's own `z.url()` would quietly drop a tab or a line break and keep the rest).
 */
export const httpUrl = (max: number) =>
  z.string().max(max)
    .refine((value) => !URL_REFUSED.test(value) && isPrintable(value), 'a URL holds no white space or control characters')
    .refine(isHttpUrl, 'an http or https URL')
    .meta({ format: 'uri' })
    .describe(`an http or https URL of at most ${max} characters, with no white space or control characters`);

function isHttpUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A recorded URL as a link may carry it: as recorded when it keeps the rule above (every URL recorded since
 * the rule), else its WHATWG serialization, with controls percent-encoded or dropped, or null when it is not
 * an http(s) URL at all. So a URL recorded before the rule never puts a control character in a page or feed.
 */
export function linkable(url: string): string | null {
  if (!URL_REFUSED.test(url) && isPrintable(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
