import type { Source } from './catalog';
import { occurredInWords } from './dates';

/**
 * What a citation says besides its title, in words, the same in every output: the publisher, the date at
 * the precision the source gives it ("14 August 2023", "March 2020", "2020"), and where in the document.
 */
export function citationDetails(source: Source): string {
  return [source.publisher, source.date && occurredInWords(source.date), source.locator].filter(Boolean).join(', ');
}
