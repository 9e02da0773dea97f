import { describe, expect, it } from 'vitest';
import { dayInWords, dayOfYearInWords, monthInWords, occurredInWords } from '../src/domain/dates';
import { LANGUAGES } from '../src/i18n/languages';

// Every EDTF form the README lists, with its words in each language of the service, as a reader writes them.
const WORDS: Record<string, Record<(typeof LANGUAGES)[number], string>> = {
  '1890-12-01': { en: '1 December 1890', es: '1 de diciembre de 1890', ru: '1 декабря 1890 г.' },
  '1943-06': { en: 'June 1943', es: 'junio de 1943', ru: 'июнь 1943 г.' },
  '1976': { en: '1976', es: '1976', ru: '1976 г.' },
  '197X': { en: 'the 1970s', es: 'la década de 1970', ru: '1970-е годы' },
  '19XX': { en: '1900–1999', es: '1900–1999', ru: '1900–1999 гг.' },
  '1943-XX': { en: '1943 (month unspecified)', es: '1943 (mes sin especificar)', ru: '1943 г. (месяц не указан)' },
  '1943-XX-XX': {
    en: '1943 (month and day unspecified)', es: '1943 (mes y día sin especificar)', ru: '1943 г. (месяц и день не указаны)',
  },
  '1943-06-XX': { en: 'June 1943 (day unspecified)', es: 'junio de 1943 (día sin especificar)', ru: 'июнь 1943 г. (день не указан)' },
  '1943-21': { en: 'spring 1943 (January–March)', es: 'primavera de 1943 (enero–marzo)', ru: 'весна 1943 г. (январь–март)' },
  '1943-22': { en: 'summer 1943 (April–June)', es: 'verano de 1943 (abril–junio)', ru: 'лето 1943 г. (апрель–июнь)' },
  '1943-23': { en: 'autumn 1943 (July–September)', es: 'otoño de 1943 (julio–septiembre)', ru: 'осень 1943 г. (июль–сентябрь)' },
  '1943-24': { en: 'winter 1943 (October–December)', es: 'invierno de 1943 (octubre–diciembre)', ru: 'зима 1943 г. (октябрь–декабрь)' },
  '2012~': { en: 'about 2012', es: 'hacia 2012', ru: '2012 г. (приблизительно)' },
  '1943-06?': { en: 'June 1943 (uncertain)', es: 'junio de 1943 (fecha incierta)', ru: 'июнь 1943 г. (дата не точна)' },
  '1890-12-01%': {
    en: 'about 1 December 1890 (uncertain)', es: 'hacia 1 de diciembre de 1890 (fecha incierta)',
    ru: '1 декабря 1890 г. (приблизительно) (дата не точна)',
  },
  '1910/1920': { en: '1910–1920', es: '1910–1920', ru: '1910 г. – 1920 г.' },
  '1924-08/1930-01-26': { en: 'August 1924–26 January 1930', es: 'agosto de 1924–26 de enero de 1930', ru: 'август 1924 г. – 26 января 1930 г.' },
  '/2023': { en: 'by 2023', es: '2023 o antes', ru: '2023 г. или ранее' },
  '../2023': { en: 'until 2023', es: 'hasta 2023', ru: '… – 2023 г.' },
  '1990/..': { en: 'from 1990', es: 'desde 1990', ru: '1990 г. – …' },
  '1990/': { en: '1990 or later', es: '1990 o después', ru: '1990 г. или позже' },
};

describe('dates in words, in every language', () => {
  it('has the month names of every language from the runtime (workerd ICU holds es and ru)', () => {
    const december = new Date(Date.UTC(2001, 11, 1));
    expect(new Intl.DateTimeFormat('es', { month: 'long', timeZone: 'UTC' }).format(december)).toBe('diciembre');
    expect(new Intl.DateTimeFormat('ru', { month: 'long', timeZone: 'UTC' }).format(december)).toBe('декабрь');
    expect(new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(december)).toBe('1 декабря');
  });

  for (const language of LANGUAGES) {
    it(`writes every EDTF form in ${language}`, () => {
      const expected = Object.fromEntries(Object.entries(WORDS).map(([edtf, words]) => [edtf, words[language]]));
      const written = Object.fromEntries(Object.keys(WORDS).map((edtf) => [edtf, occurredInWords(edtf, language)]));
      expect(written).toEqual(expected);
    });
  }

  it('writes a day, a day of any year and a month alone in each language', () => {
    expect(LANGUAGES.map((language) => dayInWords('2014-12-31', language)))
      .toEqual(['31 December 2014', '31 de diciembre de 2014', '31 декабря 2014 г.']);
    expect(LANGUAGES.map((language) => dayOfYearInWords(12, 1, language))).toEqual(['1 December', '1 de diciembre', '1 декабря']);
    expect(LANGUAGES.map((language) => monthInWords(6, language))).toEqual(['June', 'junio', 'июнь']);
  });

  it('keeps English the default, as every reader had it', () => {
    expect(occurredInWords('1943-21')).toBe(occurredInWords('1943-21', 'en'));
    expect(occurredInWords('1943-21', 'es')).not.toBe(occurredInWords('1943-21'));
  });
});
