import { LANGUAGES, LOG_LANGUAGE, type Language } from '../i18n/languages';
import type { Words } from '../i18n/words';

/**
 * The words of a page, and where its links go: a page under its language's prefix (`/es/mx-ru`) links the
 * pages of that language; a page reached without one (`/mx-ru`, in the language `Accept-Language` chose)
 * links pages without one, so that a reader keeps whichever way they came.
 */
export interface PageWords extends Words {
  /** Whether the page's URL names its language (`/es/…`). */
  prefixed: boolean;
  /** A page's path as this page links it: `/mx-ru` → `/es/mx-ru` under `/es/`. */
  href: (path: string) => string;
  /** The query a link to a feed, the chart or an export takes for this language: `?lang=es`, or none in English. */
  lang: string;
}

/** The path of a page in `language`: `/es/`, `/es/mx-ru`. */
export const languagePath = (language: Language, path: string): string => `/${language}${path === '/' ? '/' : path}`;

export function pageWordsOf(words: Words, prefixed: boolean): PageWords {
  return {
    ...words,
    prefixed,
    href: (path) => (prefixed ? languagePath(words.language, path) : path),
    lang: words.language === LOG_LANGUAGE ? '' : `lang=${words.language}`,
  };
}

/** A URL's query with `lang` added for a language other than English: `/feed.atom?type=VisitMade&lang=es`. */
export function withLang(url: string, words: Pick<PageWords, 'lang'>): string {
  if (!words.lang) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${words.lang}`;
}

/** An absolute URL of a page without a prefix, in `language`: `https://…/mx-ru` → `https://…/es/mx-ru`. */
export function languageUrl(canonical: string, language: Language): string {
  const url = new URL(canonical);
  return `${url.origin}${languagePath(language, url.pathname)}${url.search}${url.hash}`;
}

/** The page of an absolute URL (a page's canonical address, without a prefix) in each language, and the one with none. */
export function languageAlternates(canonical: string): { hreflang: string; href: string }[] {
  return [
    ...LANGUAGES.map((language) => ({ hreflang: language, href: languageUrl(canonical, language) })),
    { hreflang: 'x-default', href: canonical },
  ];
}
