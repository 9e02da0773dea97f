/**
 * What a reader may do with what the service publishes, stated once: the licence of the code, and the rights
 * in the data (each fact cites its source; text taken from Wikipedia stays under Wikipedia's licence, with
 * attribution to the article each fact cites; quotations remain their authors'). The pages' footer, every
 * feed and the OpenAPI document take their words from here; LICENSE and DATA-LICENSE.md say it in full.
 */

export const CODE_LICENSE = { name: 'MIT', identifier: 'MIT', url: 'https://opensource.org/license/mit' } as const;

export const WIKIPEDIA_LICENSE = { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' } as const;

/** The rights line of every feed (Atom `rights`, RSS `copyright`, JSON Feed `_relations_log.rights`). */
export const DATA_RIGHTS =
  'Each entry cites its source. Text adapted from Wikipedia is by Wikipedia\u2019s contributors and is licensed under ' +
  `${WIKIPEDIA_LICENSE.name} (${WIKIPEDIA_LICENSE.url}), with attribution to the article the entry cites; ` +
  'quotations remain their authors\u2019 and are cited with the entry.';
