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
  const shown = text ?? item[field];
  const language = item.textLanguage ?? LOG_LANGUAGE;
  return language !== words.language ? <span lang={language}>{shown}</span> : <>{shown}</>;
}

/**
 * Words of the record that no translation gives (a fact's data: an agreement's title, an office, why it ended;
 * its participants and places), as recorded: marked with the log's language on a page of another.
 */
export function Recorded({ words, text }: { words: { language: Language }; text: unknown }) {
  return words.language === LOG_LANGUAGE ? <>{text}</> : <span lang={LOG_LANGUAGE}>{text}</span>;
}

/**
 * The reason of a status, of an agreement's status, in the page's language: the log's own words in English, else
 * the catalog's, with the words of the record in it (why an agreement ended) as recorded.
 */
export function Reason({ words, of }: { words: PageWords; of: { reason: string; because: ReasonClause[] } }) {
  if (words.language === LOG_LANGUAGE) return <>{of.reason}</>;
  return <>{reasonParts(words, of.because, (text) => <Recorded words={words} text={text} />)}</>;
}
