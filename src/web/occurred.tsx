import { occurredInWords, readOccurred } from '../domain/dates';

/** A historical date in words; machine-readable only when it is an exact day. */
export function Occurred({ edtf }: { edtf: string }) {
  const words = occurredInWords(edtf);
  const { precision, earliest } = readOccurred(edtf);
  return precision === 'day' && earliest ? <time datetime={earliest}>{words}</time> : <span>{words}</span>;
}
