/**
 * Names a reader cannot tell apart: two names are confusable when their skeletons are equal (Unicode
 * Technical Standard #39, §4: NFD, default-ignorable code points removed, each character replaced by its
 * prototype in Unicode's confusables.txt, NFD again), after NFKC, as written (`Ian` and `lan`) or in lower
 * case (`ADMIN` and `admin`), with runs of spaces as one (a page shows them so). `аdmin` (Cyrillic а), `ａｄｍｉｎ`
 * (fullwidth) and `admin` have one skeleton.
 *
 * The table is Unicode's, as the `unhomoglyph` package ships it (confusables.txt of Unicode 13.0.0, as
 * JSON: character → prototype). It is 28 KiB gzip, a fifth of the Worker's bundle budget, and only making
 * a key needs it: scripts/build-assets.mjs copies it among the static files, and it is read from the
 * ASSETS binding the first time an isolate makes a key.
 */

export type Prototypes = ReadonlyMap<string, string>;

const TABLE_PATH = '/static/confusables/confusables.json';
let table: Promise<Prototypes> | undefined;

/** The prototypes, read once per isolate (again after a failed read). */
export function confusablePrototypes(assets: Fetcher): Promise<Prototypes> {
  table ??= (async () => {
    const response = await assets.fetch(`https://assets.invalid${TABLE_PATH}`);
    if (!response.ok) throw new Error(`the table of confusables (${TABLE_PATH}) is missing: ${response.status}`);
    return new Map(Object.entries(await response.json<Record<string, string>>()));
  })().catch((error) => {
    table = undefined;
    throw error;
  });
  return table;
}

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** The UTS #39 skeleton of `name`. */
export function skeleton(name: string, prototypes: Prototypes): string {
  let mapped = '';
  for (const character of name.normalize('NFD').replace(IGNORABLE, '')) mapped += prototypes.get(character) ?? character;
  return mapped.normalize('NFD').replace(/ {2,}/g, ' ');
}

/**
 * The skeletons a name is compared by: as written and in lower case, each after NFKC, as identifiers are
 * compared (UAX #31): confusables.txt leaves out what NFKC folds, such as fullwidth letters and ligatures.
 */
function skeletonsOf(name: string, prototypes: Prototypes): [string, string] {
  const folded = name.normalize('NFKC');
  return [skeleton(folded, prototypes), skeleton(folded.toLowerCase(), prototypes)];
}

/** The first of `names` that `name` may be taken for, `name` itself included; null when it looks like none of them. */
export function lookalikeOf(name: string, names: Iterable<string>, prototypes: Prototypes): string | null {
  const [asWritten, lowered] = skeletonsOf(name, prototypes);
  for (const other of names) {
    const [otherAsWritten, otherLowered] = skeletonsOf(other, prototypes);
    if (asWritten === otherAsWritten || lowered === otherLowered) return other;
  }
  return null;
}
