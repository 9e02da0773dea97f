import { relationCountries } from '../domain/relation';
import type { Language } from './languages';

/** Countries and relations named in the reader's language, as the runtime's ICU names them (Intl.DisplayNames). */

const namers = new Map<Language, Intl.DisplayNames>();

/** "México" in Spanish, "Мексика" in Russian; the code in capitals for one ICU does not name. */
export function countryNameIn(language: Language, code: string): string {
  let namer = namers.get(language);
  if (!namer) namers.set(language, (namer = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' })));
  return namer.of(code.toUpperCase()) ?? code.toUpperCase();
}

/** "México–Rusia" for `mx-ru` in Spanish. */
export const relationNameIn = (language: Language, relation: string): string =>
  relationCountries(relation).map((code) => countryNameIn(language, code)).join('–');
