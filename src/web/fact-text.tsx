import type { ReasonClause } from '../domain/reasons';
import { LOG_LANGUAGE, type Language } from '../i18n/languages';
import { reasonParts } from '../i18n/reasons';
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
  return <Recorded words={words} text={text ?? item[field]} language={item.textLanguage} />;
}

/**
 * Words of the record in `language` (by default the log's: a fact's data, an agreement's title, an office, why it
 * ended; its participants and places, which no translation gives), marked so on a page of another language.
 */
export function Recorded({ words, text, language = LOG_LANGUAGE }: { words: { language: Language }; text: unknown; language?: Language }) {
  return language === words.language ? <>{text}</> : <span lang={language}>{text}</span>;
}

/**
 * The reason of a status, of an agreement's status, in the page's language: the log's own words in English, else
 * the catalog's, with the words of the record in it (why an agreement ended) as recorded.
 */
export function Reason({ words, of }: { words: PageWords; of: { reason: string; because: ReasonClause[] } }) {
  if (words.language === LOG_LANGUAGE) return <>{of.reason}</>;
  return <>{reasonParts(words, of.because, (text) => <Recorded words={words} text={text} />)}</>;
}
