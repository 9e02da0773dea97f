import { whenKind } from '../domain/agreements';
import type { ReasonClause, ReasonValue } from '../domain/reasons';
import { LOG_LANGUAGE } from './languages';
import type { Words } from './words';

/**
 * A reason (of a status, of an agreement's status) in a language's words: each clause its catalog's
 * `reason.<key>`, joined by "; ". The words of the record in it (why an agreement ended) are as recorded, and
 * given to `recorded` to be marked so.
 */
export function reasonParts<T>(words: Words, because: ReasonClause[], recorded: (text: string) => T): (string | T)[] {
  return because.flatMap(({ key, values }, index) => {
    const texts: Record<string, T> = {};
    const said: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      if ('text' in value) texts[name] = recorded(value.text);
      else said[name] = valueInWords(words, value);
    }
    return [...(index ? ['; '] : []), ...words.parts(`reason.${key}`, texts, said)];
  });
}

/** A view's reason as plain text in `words`' language: the log's own words in English. */
export const reasonIn = (words: Words, view: { reason: string; because: ReasonClause[] }): string =>
  words.language === LOG_LANGUAGE ? view.reason : reasonParts(words, view.because, (text) => text).join('');

function valueInWords(words: Words, value: Exclude<ReasonValue, { text: string }>): string {
  if ('when' in value) return words.t(`reason.when.${whenKind(value.when)}`, { date: words.date(value.when.occurred) });
  if ('date' in value) return words.date(value.date);
  return words.day(value.day);
}

/**
 * A view with a reason as JSON answers it: its reason in the words of the language asked for (the log's own
 * without one), and not its parts.
 */
export function toldIn<V extends { reason: string; because: ReasonClause[] }>(words: Words | null, view: V): Omit<V, 'because'> {
  const { because, ...told } = view;
  return words === null ? told : { ...told, reason: reasonIn(words, view) };
}
