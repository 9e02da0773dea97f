/**
 * A relation is the stream of one pair of countries, named by their ISO 3166-1 alpha-2 codes
 * in lower case, alphabetical, joined by "-" (`mx-ru`).
 */
const RELATION_PATTERN = /^([a-z]{2})-([a-z]{2})$/;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

// Regions Intl knows that are not states: groupings, pseudo-regions, and the exceptionally
// reserved codes of territories (Ascension, Clipperton, Diego Garcia, Ceuta, Canaries, Tristan).
const NOT_STATES = new Set(['eu', 'ez', 'un', 'qo', 'zz', 'xa', 'xb', 'ac', 'cp', 'dg', 'ea', 'ic', 'ta']);

/** The current code of a state: retired and alias codes (uk, su, dd, yu …) map to the code in use. */
function currentCode(code: string): string {
  return Intl.getCanonicalLocales(`und-${code.toUpperCase()}`)[0].slice(4).toLowerCase();
}

// Asking Intl is most of the cost of checking a relation name, and there are at most 676 codes: each is asked once.
const names = new Map<string, string | undefined>();

export function countryName(code: string): string | undefined {
  // One state, one code: an alias would open a second stream for the same pair of states.
  if (!/^[a-z]{2}$/.test(code)) return undefined;
  if (!names.has(code)) {
    names.set(code, NOT_STATES.has(code) || currentCode(code) !== code ? undefined : regionNames.of(code.toUpperCase()));
  }
  return names.get(code);
}

/** Why `relation` is not a relation name, or null when it is one. */
export function relationNameProblem(relation: string): string | null {
  const match = RELATION_PATTERN.exec(relation);
  if (!match) return 'a relation is two ISO 3166-1 alpha-2 codes in lower case joined by "-", e.g. mx-ru';
  const [, a, b] = match;
  for (const code of [a, b]) {
    if (countryName(code)) continue;
    const current = currentCode(code);
    if (current !== code && countryName(current)) return `"${code}" is a retired or alias code: use "${current}"`;
    return `"${code}" is not an ISO 3166-1 alpha-2 country code`;
  }
  if (a >= b) return `the codes come in alphabetical order, once each: ${[a, b].sort().join('-')}`;
  return null;
}

export function relationCountries(relation: string): [string, string] {
  const [a, b] = relation.split('-');
  return [a, b];
}

/** "Mexico–Russia" for `mx-ru`. */
export function relationDisplayName(relation: string): string {
  return relationCountries(relation).map((code) => countryName(code) ?? code.toUpperCase()).join('–');
}
