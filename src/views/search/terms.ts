/**
 * The search language of `q`, and the SQLite FTS5 query it becomes. A word is a run of letters and
 * digits; every word must match, as the start of a word of the text (`Tlatel` finds Tlatelolco); words
 * in double quotes must match as a phrase, whole words in that order. Nothing else is syntax: FTS5's
 * operators (AND, OR, NOT, NEAR, `*`, `^`, `column:`) are words or separators like any other, because
 * every term reaches FTS5 as a quoted string.
 */

/** A bare word (a prefix), or the words of a quoted phrase. */
export interface SearchTerm {
  words: string[];
  phrase: boolean;
}

// Letters and digits, as FTS5's unicode61 tokenizer reads them (with the marks that may follow a letter).
const WORD = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{M}\p{Co}]*/gu;

/** The terms of a search, in the order given; none when it has no letter or digit. */
export function searchTerms(q: string): SearchTerm[] {
  // Between the 1st and 2nd double quote, the 3rd and 4th…: phrases; an unclosed quote runs to the end.
  return q.normalize('NFC').split('"').flatMap((part, index): SearchTerm[] => {
    const words: string[] = part.match(WORD) ?? [];
    if (!words.length) return [];
    return index % 2 === 1 ? [{ words, phrase: true }] : words.map((word) => ({ words: [word], phrase: false }));
  });
}

/**
 * The FTS5 MATCH expression of the terms: each a string in double quotes (no term holds one), a bare
 * word as a prefix query; side by side, so every one must match.
 */
export function matchExpression(terms: SearchTerm[]): string {
  return terms.map(({ words, phrase }) => `"${words.join(' ')}"${phrase ? '' : '*'}`).join(' ');
}
