import { LOG_LANGUAGE, type Language } from './languages';
import { wordsOf, type Catalog, type Words } from './words';

/**
 * The catalogs of every language, static files (public/i18n/<language>.json) read through the ASSETS binding
 * once per isolate: the strings stay out of the Worker's bundle. A key a catalog lacks reads as English's
 * (a test checks that none lacks one).
 */

export const catalogPath = (language: Language) => `/i18n/${language}.json`;

const read = new Map<Language, Promise<Words>>();

async function fetchCatalog(assets: Fetcher, language: Language): Promise<Catalog> {
  const response = await assets.fetch(`https://assets.invalid${catalogPath(language)}`);
  if (!response.ok) throw new Error(`the catalog of ${language} (${catalogPath(language)}) is missing: ${response.status}`);
  return response.json<Catalog>();
}

/** The words of `language`, read once per isolate (again after a failed read). */
export function wordsIn(assets: Fetcher, language: Language): Promise<Words> {
  const known = read.get(language);
  if (known) return known;
  const words = (async () => {
    const own = await fetchCatalog(assets, language);
    const english = language === LOG_LANGUAGE ? own : await fetchCatalog(assets, LOG_LANGUAGE);
    return wordsOf(language, { ...english, ...own });
  })();
  read.set(language, words);
  words.catch(() => read.delete(language));
  return words;
}
