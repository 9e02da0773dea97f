import type { DatedFact } from './dates';

/**
 * A reason in parts, beside the reason in the log's words, so that each language words it from its catalog
 * (src/i18n/reasons.ts): clauses, each the catalog's `reason.<key>` with its values, said in turn and
 * joined by "; ".
 */

/**
 * A value of a clause: when a fact happened ("on 20 October 2014", "in 2012"), a date (EDTF) or a day
 * (YYYY-MM-DD) in words, or words of the record.
 */
export type ReasonValue = { when: DatedFact } | { date: string } | { day: string } | { text: string };

export interface ReasonClause {
  key: string;
  values: Record<string, ReasonValue>;
}

export const clause = (key: string, values: Record<string, ReasonValue> = {}): ReasonClause => ({ key, values });
