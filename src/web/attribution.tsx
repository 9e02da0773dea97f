import { CODE_LICENSE, WIKIPEDIA_LICENSE } from '../rights';

/**
 * The attribution every page carries in its footer (src/rights.ts): whose the text is and under which
 * licence, and the code's licence. Each fact on a page links the article or document it cites.
 */
export function Attribution() {
  return (
    <p>
      Each fact cites its source. Text adapted from Wikipedia is by Wikipedia’s contributors, under{' '}
      <a href={WIKIPEDIA_LICENSE.url} rel="license">{WIKIPEDIA_LICENSE.name}</a>, and links the article it comes from;
      quotations remain their authors’. The code is under the <a href={CODE_LICENSE.url}>{CODE_LICENSE.name} licence</a>.
    </p>
  );
}
