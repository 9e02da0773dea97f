import type { Language } from './languages';

/**
 * How each language puts a date in words: the runtime's Intl (its ICU data) writes the days, months and month
 * names; these patterns say the rest (decades, seasons, qualifiers, intervals, unknown ends, digits left
 * unspecified). `{name}` stands for what the pattern is given. A new language is one entry here.
 */
export interface DatePatterns {
  /** The locale whose month names Intl gives, as a date uses them (`{month}` of a day) and alone. */
  locale: string;
  /** A day of a year, a month of a year, a day of any year. */
  day: string;
  month: string;
  dayOfYear: string;
  /** A year alone. */
  year: string;
  /** The ten years of `197X`. */
  decade: string;
  /** The years of `19XX`, first to last. */
  years: string;
  /** The seasons 21 to 24 in order; a season is `{season}` of `{year}`, its months `{first}` to `{last}`. */
  seasons: [string, string, string, string];
  season: string;
  approximate: string;
  uncertain: string;
  monthUnspecified: string;
  monthAndDayUnspecified: string;
  dayUnspecified: string;
  /** An interval of two known ends; one known by its end alone (`../2023`, `/2023`) or its start alone (`1990/..`, `1990/`). */
  interval: string;
  until: string;
  by: string;
  from: string;
  orLater: string;
  /** What each rule for 29 February does in a common year (src/domain/anniversaries.ts). */
  february29: { feb28: string; mar1: string; skip: string };
}

export const DATE_PATTERNS: Record<Language, DatePatterns> = {
  en: {
    locale: 'en-GB',
    day: '{day} {month} {year}',
    month: '{month} {year}',
    dayOfYear: '{day} {month}',
    year: '{year}',
    decade: 'the {decade}s',
    years: '{first}–{last}',
    seasons: ['spring', 'summer', 'autumn', 'winter'],
    season: '{season} {year} ({first}–{last})',
    approximate: 'about {words}',
    uncertain: '{words} (uncertain)',
    monthUnspecified: '{year} (month unspecified)',
    monthAndDayUnspecified: '{year} (month and day unspecified)',
    dayUnspecified: '{month} (day unspecified)',
    interval: '{start}–{end}',
    until: 'until {end}',
    by: 'by {end}',
    from: 'from {start}',
    orLater: '{start} or later',
    february29: {
      feb28: 'in a common year, facts of 29 February are remembered on 28 February',
      mar1: 'in a common year, facts of 29 February are remembered on 1 March',
      skip: 'in a common year, facts of 29 February are not remembered: they come round in leap years only',
    },
  },
  es: {
    locale: 'es',
    day: '{day} de {month} de {year}',
    month: '{month} de {year}',
    dayOfYear: '{day} de {month}',
    year: '{year}',
    decade: 'la década de {decade}',
    years: '{first}–{last}',
    seasons: ['primavera', 'verano', 'otoño', 'invierno'],
    season: '{season} de {year} ({first}–{last})',
    approximate: 'hacia {words}',
    uncertain: '{words} (fecha incierta)',
    monthUnspecified: '{year} (mes sin especificar)',
    monthAndDayUnspecified: '{year} (mes y día sin especificar)',
    dayUnspecified: '{month} (día sin especificar)',
    interval: '{start}–{end}',
    until: 'hasta {end}',
    by: '{end} o antes',
    from: 'desde {start}',
    orLater: '{start} o después',
    february29: {
      feb28: 'en un año común, los hechos del 29 de febrero se recuerdan el 28 de febrero',
      mar1: 'en un año común, los hechos del 29 de febrero se recuerdan el 1 de marzo',
      skip: 'en un año común, los hechos del 29 de febrero no se recuerdan: vuelven solo en los años bisiestos',
    },
  },
  ru: {
    locale: 'ru',
    day: '{day} {month} {year} г.',
    month: '{month} {year} г.',
    dayOfYear: '{day} {month}',
    year: '{year} г.',
    decade: '{decade}-е годы',
    years: '{first}–{last} гг.',
    seasons: ['весна', 'лето', 'осень', 'зима'],
    season: '{season} {year} г. ({first}–{last})',
    approximate: '{words} (приблизительно)',
    uncertain: '{words} (дата не точна)',
    monthUnspecified: '{year} г. (месяц не указан)',
    monthAndDayUnspecified: '{year} г. (месяц и день не указаны)',
    dayUnspecified: '{month} (день не указан)',
    interval: '{start} – {end}',
    until: '… – {end}',
    by: '{end} или ранее',
    from: '{start} – …',
    orLater: '{start} или позже',
    february29: {
      feb28: 'в невисокосный год события 29 февраля вспоминаются 28 февраля',
      mar1: 'в невисокосный год события 29 февраля вспоминаются 1 марта',
      skip: 'в невисокосный год события 29 февраля не вспоминаются: они приходят только в високосные годы',
    },
  },
};

/** A pattern with its `{name}`s filled in. */
export const fill = (pattern: string, values: Record<string, string | number>): string =>
  pattern.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
