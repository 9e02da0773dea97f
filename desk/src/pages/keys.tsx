import type { EditorKey } from '../../../src/editors/keys';
import type { Scope } from '../../../src/editors/scopes';
import type { SignedIn } from '../env';
import { Layout } from './layout';

// A key as the API lists it (never the key itself), and the scopes a key may hold: main's own types.
export type { EditorKey } from '../../../src/editors/keys';

const SCOPES: readonly (readonly [Scope, string])[] = [
  ['events:write', 'records, corrects and retracts facts'],
  ['webhooks:manage', 'manages webhook subscriptions'],
  ['admin', 'makes and revokes keys'],
];

interface KeysProps {
  signedIn: SignedIn;
  keys: EditorKey[];
  /** The key just made, shown this once. */
  made?: EditorKey & { key: string };
  errors?: Record<string, string>;
  values?: { name?: string; scopes?: string[]; anotherKey?: boolean };
  notice?: string;
}

export function KeysPage({ signedIn, keys, made, errors = {}, values = {}, notice }: KeysProps) {
  return (
    <Layout title="Keys" signedIn={signedIn}>
      {notice && <p class="notice" role="status">{notice}</p>}
      {made && (
        <div class="notice" role="status" id="made">
          <h2>The key of {made.name}</h2>
          <p>Give it to {made.name} now, by a safe way (a password manager): it is shown this once, and only its hash is kept.</p>
          <p class="secret" id="made-key">{made.key}</p>
        </div>
      )}
      <h2>Make a key</h2>
      <form method="post" action="/desk/keys">
        {Object.keys(errors).length > 0 && <p class="alert" role="alert">The key was not made: {Object.values(errors).join('; ')}</p>}
        <p class="field">
          <label for="f-name">Editor's name (required)</label>
          <input id="f-name" name="name" type="text" required value={values.name ?? ''} aria-describedby={`f-name-hint${errors.name ? ' f-name-error' : ''}`} aria-invalid={errors.name ? 'true' : undefined} />
          <span id="f-name-hint" class="hint">What the log and the feeds show as the author of every fact recorded with the key.</span>
          {errors.name && <span id="f-name-error" class="error">{errors.name}</span>}
        </p>
        <fieldset aria-describedby={errors.scopes ? 'f-scopes-error' : undefined}>
          <legend>Scopes (at least one)</legend>
          {SCOPES.map(([scope, what]) => (
            <p><input type="checkbox" id={`f-scope-${scope}`} name="scopes" value={scope} checked={values.scopes?.includes(scope)} /> <label for={`f-scope-${scope}`} class="inline">{scope}: {what}</label></p>
          ))}
          {errors.scopes && <span id="f-scopes-error" class="error">{errors.scopes}</span>}
        </fieldset>
        <p><input type="checkbox" id="f-anotherKey" name="anotherKey" value="true" checked={values.anotherKey} /> <label for="f-anotherKey" class="inline">Another key of an editor who has one</label></p>
        <p><button type="submit">Make the key</button></p>
      </form>
      <h2>Every key</h2>
      <div class="table-scroll">
        <table>
          <caption>Keys, oldest first; a revoked key keeps its row</caption>
          <thead><tr><th scope="col">Editor</th><th scope="col">Scopes</th><th scope="col">Key begins</th><th scope="col">Made</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead>
          <tbody>
            {keys.map((key) => (
              <tr data-key={key.id}>
                <td>{key.name}</td>
                <td>{key.scopes.join(', ')}</td>
                <td><code>{key.prefix}…</code></td>
                <td>{key.created} by {key.createdBy}</td>
                <td>{key.lastUsed ?? 'never'}</td>
                <td>
                  {key.revoked ? `Revoked ${key.revoked} by ${key.revokedBy}` : (
                    <form method="post" action={`/desk/keys/${key.id}/revoke`} class="inline">
                      <button type="submit" class="secondary" aria-label={`Revoke the key of ${key.name} (${key.prefix}…)`}>Revoke</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
