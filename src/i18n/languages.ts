import { z } from 'zod';

/**
 * The languages the service speaks: every text for people is given in each of them. This list is the one
 * place a language is named; a new language is one entry here and its strings (see CONTRIBUTING.md).
 * The first is the language of the log itself, shown wherever a text has no translation.
 */
export const LANGUAGES = ['en', 'es', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LOG_LANGUAGE: Language = LANGUAGES[0];

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The language a reader asks for by name, as a query parameter or a field takes it. */
export const LanguageCode = z.enum(LANGUAGES).describe('a language of the service, as a BCP 47 tag');
