import { Layout } from './layout';

/** A page for people when there is nothing at the address (or the address is not a relation). */
export function MessagePage({ heading, detail }: { heading: string; detail: string }) {
  return (
    <Layout title={`${heading} — Relations log`} description={detail}>
      <h1>{heading}</h1>
      <p>{detail}</p>
      <p><a href="/">See every relation</a></p>
    </Layout>
  );
}
