import type { SignedIn } from '../env';
import { DESK_PAGES, Layout } from './layout';

const WHAT_EACH_DOES: Record<string, string> = {
  '/desk/record': 'Record a dated, cited fact about a relation.',
  '/desk/work': 'The facts you recorded, with their corrections, and what others recorded since you last looked.',
  '/desk/webhooks': 'Your webhook subscriptions: their secrets, delivery log and health.',
  '/desk/keys': 'Make, list and revoke editors\' keys.',
};

/** The desk's front page: the pages the key's scopes open, each with what it is for. */
export function HomePage({ signedIn }: { signedIn: SignedIn }) {
  const open = DESK_PAGES.filter((page) => signedIn.scopes.includes(page.scope));
  return (
    <Layout title="Editor's desk" signedIn={signedIn}>
      <p>You are signed in as <strong>{signedIn.name}</strong>, with the scopes {signedIn.scopes.join(', ')}.</p>
      <ul>
        {open.map((page) => <li><a href={page.href}>{page.label}</a>: {WHAT_EACH_DOES[page.href]}</li>)}
      </ul>
    </Layout>
  );
}
