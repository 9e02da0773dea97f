import { isLanguage, LOG_LANGUAGE, type Language } from './languages';

/**
 * The language of the service a reader's `Accept-Language` (RFC 9110 §12.5.4) prefers: the highest weight
 * whose primary subtag is one of the service's (`es-MX` → `es`), the first listed of equal weights; English
 * when none is. Pure.
 */
export function negotiatedLanguage(header: string | null | undefined): Language {
  let best: Language = LOG_LANGUAGE;
  let bestWeight = 0;
  for (const range of (header ?? '').split(',')) {
    const [tag, ...options] = range.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    const q = options.map((option) => option.trim()).find((option) => option.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (!isLanguage(primary) || !(weight > bestWeight) || weight > 1) continue;
    best = primary;
    bestWeight = weight;
  }
  return best;
}
