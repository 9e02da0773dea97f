import type { Child } from 'hono/jsx';
import type { SignedIn } from '../env';

/** The frame of every desk page: landmarks, a skip link, who is signed in and the pages their scopes open. */

interface LayoutProps {
  title: string;
  signedIn?: SignedIn | null;
  children?: Child;
}

/** The desk's pages, each with the scope it needs. */
export const DESK_PAGES = [
  { href: '/desk/record', label: 'Record a fact', scope: 'events:write' },
  { href: '/desk/work', label: 'My work', scope: 'events:write' },
  { href: '/desk/webhooks', label: 'Webhooks', scope: 'webhooks:manage' },
  { href: '/desk/keys', label: 'Keys', scope: 'admin' },
] as const;

export function Layout({ title, signedIn, children }: LayoutProps) {
  return (
    <>
      {'<!doctype html>'}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${title} · Editor's desk`}</title>
          <link rel="stylesheet" href="/desk/desk.css" />
          <script src="/desk/desk.js" defer></script>
        </head>
        <body>
          <a class="skip" href="#main">Skip to content</a>
          <header>
            <p><a href="/desk">Editor's desk</a> · <a href="/">Relations log</a></p>
            {signedIn && <DeskNav signedIn={signedIn} />}
          </header>
          <main id="main">
            <h1>{title}</h1>
            {children}
          </main>
        </body>
      </html>
    </>
  );
}

function DeskNav({ signedIn }: { signedIn: SignedIn }) {
  return (
    <nav aria-label="Desk">
      <ul>
        {DESK_PAGES.filter((page) => signedIn.scopes.includes(page.scope)).map((page) => <li><a href={page.href}>{page.label}</a></li>)}
        <li>
          <form method="post" action="/desk/sign-out" class="inline">
            <span>Signed in as <strong>{signedIn.name}</strong></span> <button type="submit">Sign out</button>
          </form>
        </li>
      </ul>
    </nav>
  );
}
