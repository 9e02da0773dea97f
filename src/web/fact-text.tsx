import { LOG_LANGUAGE, type Language } from '../i18n/languages';
import type { PageWords } from './page-words';

/**
 * A fact's own text (its headline, its summary) on a page: in the page's language when it has a translation,
 * else in the language it has (English, the log's), marked with `lang` so that a reader, a screen reader and a
 * search engine are told which.
 */

export interface FactTexts {
  headline: string;
  summary?: string | null;
  /** The language of the texts; none when read without a language: the log's own. */
  textLanguage?: Language;
}

export function Fact({ words, item, field, text }: { words: PageWords; item: FactTexts; field: 'headline' | 'summary'; text?: unknown }) {
  const shown = text ?? item[field];
  const language = item.textLanguage ?? LOG_LANGUAGE;
  return language !== words.language ? <span lang={language}>{shown}</span> : <>{shown}</>;
}

/**
 * What the views word in the log's language (the reason of a status, of an agreement's status): marked so on a
 * page of another language, never presented as a translation.
 */
export function LogWords({ words, text }: { words: PageWords; text: string }) {
  return words.language === LOG_LANGUAGE ? <>{text}</> : <span lang={LOG_LANGUAGE}>{text}</span>;
}
