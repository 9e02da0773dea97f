// Relation names for bench data: valid pairs of ISO 3166-1 codes, distinct from the seed relations,
// so every measurement writes to a relation of its own.
const CODES = ['ar', 'bo', 'br', 'cl', 'co', 'ec', 'gt', 'hn', 'ni', 'pa', 'pe', 'py', 'sv', 'uy', 've'];

const pairs = CODES.flatMap((a, i) => CODES.slice(i + 1).map((b) => `${a}-${b}`));
let used = 0;

export function benchRelation() {
  if (used >= pairs.length) throw new Error('out of bench relation names');
  return pairs[used++];
}
