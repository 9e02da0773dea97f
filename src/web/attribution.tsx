import { CODE_LICENSE, WIKIPEDIA_LICENSE } from '../rights';
import type { PageWords } from './page-words';

/**
 * The attribution every page carries in its footer (src/rights.ts): whose the text is and under which
 * licence, and the code's licence. Each fact on a page links the article or document it cites.
 */
export function Attribution({ words }: { words: PageWords }) {
  return (
    <p>
      {words.parts('layout.attribution', {
        wikipedia: <a href={WIKIPEDIA_LICENSE.url} rel="license">{WIKIPEDIA_LICENSE.name}</a>,
        code: <a href={CODE_LICENSE.url}>{words.t('layout.codeLicence', { name: CODE_LICENSE.name })}</a>,
      })}
    </p>
  );
}
