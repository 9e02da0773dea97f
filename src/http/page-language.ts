import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { wordsIn } from '../i18n/catalog';
import { isLanguage, LANGUAGES, LOG_LANGUAGE, type Language } from '../i18n/languages';
import { negotiatedLanguage } from '../i18n/negotiate';
import { pageWordsOf, type PageWords } from '../web/page-words';

/**
 * The language of a page: the one its path begins with (`/es/mx-ru`), else the one `Accept-Language`
 * prefers, said so with `Content-Language` and `Vary: Accept-Language` (and the response cache keys it by
 * the same language).
 */

/** Where a language's pages are: `/es/…`, one prefix per language of the list (grouped: the router anchors the group as a whole). */
export const LANGUAGE_PREFIX = `/:lang{(?:${LANGUAGES.join('|')})}`;

/** The language a path names by its first segment, or null. */
export function prefixLanguage(path: string): Language | null {
  const first = path.split('/')[1] ?? '';
  return isLanguage(first) ? first : null;
}

/** The path without its language prefix: `/es/mx-ru` → `/mx-ru`, `/es/` → `/`. */
export const unprefixed = (path: string) => (prefixLanguage(path) ? path.slice(3) || '/' : path);

export function pageLanguage(c: Context<AppEnv>): { language: Language; prefixed: boolean } {
  const named = prefixLanguage(c.req.path);
  return named ? { language: named, prefixed: true } : { language: negotiatedLanguage(c.req.header('accept-language')), prefixed: false };
}

/** The words of this request's page, its Content-Language (and Vary, when negotiated) set. */
export async function pageWords(c: Context<AppEnv>): Promise<PageWords> {
  const { language, prefixed } = pageLanguage(c);
  c.header('content-language', language);
  if (!prefixed) c.header('vary', 'accept-language', { append: true });
  return pageWordsOf(await wordsIn(c.env.ASSETS, language), prefixed);
}

/** The words of a feed, the chart or an export: the language its `lang` parameter asks for, English without one. */
export const askedWords = (c: Context<AppEnv>, language: Language | undefined) => wordsIn(c.env.ASSETS, language ?? LOG_LANGUAGE);
