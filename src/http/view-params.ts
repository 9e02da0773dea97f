import { z } from 'zod';
import { CalendarDay } from '../domain/dates';
import { LanguageCode, LANGUAGES, LOG_LANGUAGE } from '../i18n/languages';

/** Query parameters and shapes the view routes share. */

export { CalendarDay };

export const pageLimit = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(`items per page, 1 to ${max}`);

/** A comma-separated list whose every item must be one of `allowed`. */
export const listOf = (allowed: readonly string[], what: string) =>
  z.string().superRefine((value, ctx) => {
    const unknown = value.split(',').filter((item) => !allowed.includes(item));
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `not ${what}: ${unknown.join(', ')}; one of ${allowed.join(', ')}` });
  });

export const splitList = (value: string | undefined) => (value === undefined ? undefined : value.split(','));

/** The language of a view's text for people (its headlines, summaries, dates in words), by its code. */
export const Lang = LanguageCode.default(LOG_LANGUAGE).describe(`${LANGUAGES.join(', ')}: the language of text for people (untranslated: textLanguage ${LOG_LANGUAGE})`);

/** Today in UTC, read by the handler: the domain and the views take the day as an argument. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
