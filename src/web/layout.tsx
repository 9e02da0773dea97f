import type { Child } from 'hono/jsx';
import { FEED_FILES, FEED_FORMATS } from '../feeds/formats';
import { Attribution } from './attribution';
import { Document, SITE_NAME, type Sharing } from './document';
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
  title: string;
  description: string;
  alternates?: Alternate[];
  /** Stylesheets of this origin that the page needs besides its own (a library's). */
  stylesheets?: string[];
  children?: Child;
}

/** The frame of every page: landmarks, a skip link, the feeds for readers to discover, the attribution in the footer. */
export function Layout({ title, description, alternates = [], stylesheets = [], children, ...sharing }: LayoutProps) {
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
    <Document title={title} description={description} head={head} {...sharing}>
      <a class="skip" href="#main">Skip to content</a>
      <header>
        <p><a href="/">{SITE_NAME}</a></p>
      </header>
      <main id="main">{children}</main>
      <footer>
        <p>
          An append-only record of bilateral relations, every fact with its source.{' '}
          <a href="/docs">API documentation</a> · <a href="/feed.atom">Atom feed of all relations</a>
        </p>
        <Attribution />
      </footer>
    </Document>
  );
}

/**
 * The feeds of a scope, for `<link rel="alternate">` and for links on the page; `query` (the filters a feed
 * takes: type, tag, level) keeps a filtered page's selection in its feeds.
 */
export function feedAlternates(base: string, name: string, query = ''): Alternate[] {
  return FEED_FILES.map((file) => {
    const format = FEED_FORMATS[file];
    return { type: format.mediaType, title: `${name} (${format.short})`, href: `${base}/${file}${query}`, label: format.label };
  });
}
