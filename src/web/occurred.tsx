import { readOccurred } from '../domain/dates';
import type { Words } from '../i18n/words';

/** A historical date in words of the page's language; machine-readable only when it is an exact day. */
export function Occurred({ words, edtf }: { words: Words; edtf: string }) {
  const said = words.date(edtf);
  const { precision, earliest } = readOccurred(edtf);
  return precision === 'day' && earliest ? <time datetime={earliest}>{said}</time> : <span>{said}</span>;
}
