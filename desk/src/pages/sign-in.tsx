import { Layout } from './layout';

/**
 * Signing in with an editor key. The key goes in a password field of a POST form (never a URL, never kept in
 * the page again: a refused key is not shown back), and only its session is kept, in an HttpOnly cookie.
 */
export function SignInPage({ error, notice }: { error?: string; notice?: string }) {
  return (
    <Layout title="Sign in">
      {notice && <p role="status">{notice}</p>}
      <form method="post" action="/desk/sign-in">
        <p>
          <label for="key">Editor key</label>
          <input id="key" name="key" type="password" required autocomplete="off" spellcheck={false}
            aria-describedby={error ? 'key-help key-error' : 'key-help'} aria-invalid={error ? 'true' : undefined} autofocus />
          <span id="key-help" class="hint">The key an admin gave you: it begins with rlk_.</span>
          {error && <span id="key-error" class="error" role="alert">{error}</span>}
        </p>
        <p><button type="submit">Sign in</button></p>
      </form>
      <p class="hint">The desk keeps you signed in for 12 hours, or until you sign out or the key is revoked.</p>
    </Layout>
  );
}
