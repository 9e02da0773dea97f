import type { Child } from 'hono/jsx';
import { FEED_FILES, FEED_FORMATS } from '../feeds/formats';
import { Attribution } from './attribution';
import { Document, type Sharing } from './document';
import { LanguageSwitcher } from './language-switcher';
import { withLang, type PageWords } from './page-words';
import { STYLES } from './styles';

/** The frame every page shares, and the feeds a page links. */

export interface Alternate {
  type: string;
  title: string;
  href: string;
  /** How a link to it reads on the page. */
  label: string;
}

interface LayoutProps extends Sharing {
  words: PageWords;
  title: string;
  description: string;
  alternates?: Alternate[];
  /** Stylesheets of this origin that the page needs besides its own (a library's). */
  stylesheets?: string[];
  children?: Child;
}

/** The frame of every page: landmarks, a skip link, its languages, the feeds for readers to discover, the attribution in the footer. */
export function Layout({ words, title, description, alternates = [], stylesheets = [], children, ...sharing }: LayoutProps) {
  const { t } = words;
  const head = (
    <>
      {alternates.map((alternate) => (
        <link rel="alternate" type={alternate.type} title={alternate.title} href={alternate.href} />
      ))}
      {stylesheets.map((href) => <link rel="stylesheet" href={href} />)}
      {/* Allowed by its hash in the Content-Security-Policy (src/http/page-headers.ts). */}
      <style dangerouslySetInnerHTML={{ __html: STYLES }} />
    </>
  );
  return (
    <Document words={words} title={title} description={description} head={head} {...sharing}>
      <a class="skip" href="#main">{t('layout.skip')}</a>
      <header>
        <p><a href={words.href('/')}>{t('site.name')}</a></p>
        <LanguageSwitcher words={words} canonical={sharing.canonical} />
      </header>
      <main id="main">{children}</main>
      <footer>
        <p>
          {t('layout.about')}{' '}
          <a href="/docs">{t('layout.api')}</a> · <a href={withLang('/feed.atom', words)}>{t('layout.atom')}</a>
        </p>
        <Attribution words={words} />
      </footer>
    </Document>
  );
}

/**
 * The feeds of a scope, for `<link rel="alternate">` and for links on the page; `query` (the filters a feed
 * takes: type, tag, level) keeps a filtered page's selection in its feeds, and the page's language goes with it.
 */
export function feedAlternates(words: PageWords, base: string, name: string, query = ''): Alternate[] {
  return FEED_FILES.map((file) => {
    const format = FEED_FORMATS[file];
    return {
      type: format.mediaType,
      title: words.t('feeds.title', { name, format: words.t(`format.${file}.short`) }),
      href: withLang(`${base}/${file}${query}`, words),
      label: words.t(`format.${file}.label`),
    };
  });
}
