import { TRANSLATION_LANGUAGES } from '../../domain/catalog';
import { occurredInWords } from '../../domain/dates';
import { factPagePath } from '../../domain/pages';
import { LOG_LANGUAGE, type Language } from '../../i18n/languages';
import type { Db } from '../../store/db';
import type { TableSet } from '../projection';

/**
 * The timeline in the languages of the service besides the log's own: a row per fact and language in
 * `view_timeline_languages` (migrations/0023), keeping the item readers of that language are sent, made when the
 * fact is projected and amended with its corrections and translations. Its headline and summary are the
 * translation's, or the log's own while there is none (`textLanguage` says which); its date in words and its
 * page are in that language.
 */

/** A fact's item in `language` before it is translated: the log's item, its date and page in that language. */
export function untranslatedItem(item: { id: string; occurred: string; links: object }, relation: string, language: Language) {
  return {
    ...item,
    occurredInWords: occurredInWords(item.occurred, language),
    links: { ...item.links, page: factPagePath(relation, item.id, language) },
    textLanguage: LOG_LANGUAGE,
    translator: null,
  };
}

/** The rows of a new fact, one per language, its text the log's own. */
export function insertLanguageItems(
  db: Db, item: { id: string; occurred: string; links: object }, relation: string, tables: TableSet,
): D1PreparedStatement[] {
  if (!TRANSLATION_LANGUAGES.length) return [];
  const values = TRANSLATION_LANGUAGES.map((_, index) => `(?1, ?${2 * index + 2}, ?${2 * index + 3})`);
  const params = TRANSLATION_LANGUAGES.flatMap((language) => [language, JSON.stringify(untranslatedItem(item, relation, language))]);
  return [db.prepare(`INSERT INTO view_timeline_languages${tables} (event_id, language, item) VALUES ${values.join(', ')}`, item.id, ...params)];
}

/** The text a translation gives, as its row and item keep it. */
export interface TranslatedText {
  headline?: string;
  summary?: string | null;
  translator?: string;
}

/** A translation recorded, or a correction of one (only the fields it gives): its language's row and item. */
export function translateItem(
  db: Db, target: string, language: string, text: TranslatedText, tables: TableSet, correction = false,
): D1PreparedStatement {
  const fields = Object.entries(text).filter(([, value]) => value !== undefined);
  const assignments = fields.map(([name], index) => `${name} = ?${index + 3}`);
  const itemFields = fields.map(([name], index) => `'$.${name}', ?${index + 3}`);
  return db.prepare(
    `UPDATE view_timeline_languages${tables}
     SET ${[...assignments, `item = json_set(item, ${[...itemFields, "'$.textLanguage', ?2"].join(', ')})`].join(', ')}
     WHERE event_id = ?1 AND language = ?2${correction ? ' AND translator IS NOT NULL' : ''}`,
    target, language, ...fields.map(([, value]) => value ?? null),
  );
}

/**
 * A correction of the fact, in every language's item: the same changes as the log's item (`changes`, each its
 * key in the item, its value as its column holds it, and whether that is JSON), but the headline and summary
 * only where there is no translation, and the date in words in each language.
 */
export function correctLanguageItems(
  db: Db, target: string, changes: { key: string; value: unknown; json: boolean }[], tables: TableSet,
): D1PreparedStatement[] {
  if (!changes.length || !TRANSLATION_LANGUAGES.length) return [];
  const params: unknown[] = [target];
  const bind = (value: unknown) => `?${params.push(value)}`;
  const pairs = changes.map(({ key, value, json }) => {
    if (key === 'occurredInWords') {
      const occurred = changes.find((change) => change.key === 'occurred')!.value as string;
      const words = Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, occurredInWords(occurred, language)]));
      return `'$.${key}', json_extract(${bind(JSON.stringify(words))}, '$.' || language)`;
    }
    const placeholder = json ? `json(${bind(value)})` : bind(value);
    if (key === 'headline' || key === 'summary') return `'$.${key}', CASE WHEN translator IS NULL THEN ${placeholder} ELSE ${key} END`;
    return `'$.${key}', ${placeholder}`;
  });
  return [db.prepare(`UPDATE view_timeline_languages${tables} SET item = json_set(item, ${pairs.join(', ')}) WHERE event_id = ?1`, ...params)];
}

/** A retraction: the fact is gone from every language. */
export const forgetLanguageItems = (db: Db, target: string, tables: TableSet): D1PreparedStatement =>
  db.prepare(`DELETE FROM view_timeline_languages${tables} WHERE event_id = ?1`, target);
