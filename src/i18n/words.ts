import { dayInWords, dayOfYearInWords, monthInWords, occurredInWords } from '../domain/dates';
import type { Language } from './languages';
import { countryNameIn, relationNameIn } from './places';

/**
 * The words of one language: a catalog of messages (public/i18n/<language>.json) read by key, with `{name}`
 * filled in, plurals chosen by Intl.PluralRules and numbers written by Intl.NumberFormat. Pure.
 */

/** A message: text, or one text per plural category of its language (CLDR: one, few, many, other …). */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type Catalog = Record<string, Message>;
export type Params = Record<string, string | number>;

export interface Words {
  language: Language;
  /** The message of `key` with its `{name}`s filled in; a message with plurals chooses by `params.count`. */
  t: (key: string, params?: Params) => string;
  /** The message of `key` cut at its `{name}`s, each replaced by what `parts` gives for it (a link, an element). */
  parts: <T>(key: string, parts: Record<string, T>, params?: Params) => (string | T)[];
  /** A number as this language writes it. */
  number: (value: number) => string;
  /** A country by its ISO 3166-1 code, and a relation by its name (`mx-ru`), in this language. */
  country: (code: string) => string;
  relation: (relation: string) => string;
  /** An EDTF date, a day (YYYY-MM-DD), a day of any year and a month, in words of this language. */
  date: (edtf: string) => string;
  day: (day: string) => string;
  dayOfYear: (month: number, day: number) => string;
  month: (month: number) => string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function wordsOf(language: Language, catalog: Catalog): Words {
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  const number = (value: number) => numbers.format(value);
  const message = (key: string, params: Params): string => {
    const found = catalog[key] ?? key;
    if (typeof found === 'string') return found;
    const count = Number(params.count);
    return found[plurals.select(count)] ?? found.other ?? key;
  };
  const value = (params: Params, name: string) => {
    const given = params[name];
    return typeof given === 'number' ? number(given) : given ?? `{${name}}`;
  };
  return {
    language,
    number,
    country: (code) => countryNameIn(language, code),
    relation: (relation) => relationNameIn(language, relation),
    date: (edtf) => occurredInWords(edtf, language),
    day: (day) => dayInWords(day, language),
    dayOfYear: (month, day) => dayOfYearInWords(month, day, language),
    month: (month) => monthInWords(month, language),
    t: (key, params = {}) => message(key, params).replace(PLACEHOLDER, (_, name: string) => value(params, name)),
    parts: (key, parts, params = {}) => message(key, params).split(PLACEHOLDER).map((piece, index) => {
      if (index % 2 === 0) return piece.replace(PLACEHOLDER, '');
      return piece in parts ? parts[piece] : value(params, piece);
    }),
  };
}
