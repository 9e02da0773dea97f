import { Layout } from './layout';
import type { PageWords } from './page-words';

/** A page for people when there is nothing at the address (or the address is not a relation), in the reader's language. */
export function MessagePage({ words, heading, detail }: { words: PageWords; heading: string; detail: string }) {
  return (
    <Layout words={words} title={words.t('message.title', { heading })} description={detail}>
      <h1>{heading}</h1>
      <p>{detail}</p>
      <p><a href={words.href('/')}>{words.t('message.home')}</a></p>
    </Layout>
  );
}
