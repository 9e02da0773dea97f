/**
 * A relation is the stream of one pair of countries, named by their ISO 3166-1 alpha-2 codes
 * in lower case, alphabetical, joined by "-" (`mx-ru`).
 */
const RELATION_PATTERN = /^([a-z]{2})-([a-z]{2})$/;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export function countryName(code: string): string | undefined {
  // Intl knows a few non-country regions (EU, UN, ZZ …); a relation is between states.
  if (!/^[a-z]{2}$/.test(code) || ['eu', 'un', 'ez', 'qo', 'zz'].includes(code)) return undefined;
  return regionNames.of(code.toUpperCase());
}

/** Why `relation` is not a relation name, or null when it is one. */
export function relationNameProblem(relation: string): string | null {
  const match = RELATION_PATTERN.exec(relation);
  if (!match) return 'a relation is two ISO 3166-1 alpha-2 codes in lower case joined by "-", e.g. mx-ru';
  const [, a, b] = match;
  if (!countryName(a)) return `"${a}" is not an ISO 3166-1 alpha-2 country code`;
  if (!countryName(b)) return `"${b}" is not an ISO 3166-1 alpha-2 country code`;
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
