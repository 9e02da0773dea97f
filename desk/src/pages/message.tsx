import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from './layout';

/** A page that says one thing: a refusal, an error, a missing scope. */
export function messagePage(c: Context, status: ContentfulStatusCode, title: string, message: string) {
  return c.html(
    <Layout title={title} signedIn={c.get('signedIn')}>
      <p role="alert">{message}</p>
      <p><a href="/desk">Back to the desk</a></p>
    </Layout>,
    status,
  );
}
