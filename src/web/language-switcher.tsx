import { LANGUAGES, type Language } from '../i18n/languages';
import { languageAlternates, languagePath, type PageWords } from './page-words';

/**
 * The page in each language, as a plain list of links: each language named in its own words (Intl.DisplayNames),
 * the page's own marked as current.
 */

const autonym = (language: Language) => {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return `${name[0].toLocaleUpperCase(language)}${name.slice(1)}`;
};

export function LanguageSwitcher({ words, canonical }: { words: PageWords; canonical?: string }) {
  const hrefs = canonical
    ? new Map(languageAlternates(canonical).map(({ hreflang, href }) => [hreflang, href.slice(new URL(href).origin.length)]))
    : new Map(LANGUAGES.map((language) => [language, languagePath(language, '/')]));
  return (
    <nav class="languages" aria-label={words.t('layout.languages')}>
      <ul>
        {LANGUAGES.map((language) => (
          <li>
            <a href={hrefs.get(language)} hreflang={language} lang={language} aria-current={language === words.language ? 'page' : undefined}>
              {autonym(language)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
