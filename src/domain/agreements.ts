import { dayInWords, occurredInWords, type DatedFact } from './dates';
import { clause, type ReasonClause } from './reasons';

/**
 * An agreement's status on a given day, with the reason in words. Pure: the day comes in.
 *
 * The dates of the sources are often coarse, and the status never guesses:
 * - before the first day the signing date can mean: `not_yet_signed`;
 * - between the first and the last day it can mean (inside the year of an agreement signed "2012"):
 *   `unknown`, because it may not have been signed yet;
 * - once an ending is certain: `ended`; while an ending may or may not have happened: `unknown`;
 * - otherwise by its validity: a day → `in_force` up to and including that day, `expired` after it;
 *   `indefinite` → `indefinite`; not stated by the source → `unknown`, never `in_force` by guess.
 */

export const AGREEMENT_STATUSES = ['not_yet_signed', 'in_force', 'expired', 'ended', 'indefinite', 'unknown'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export interface AgreementDates {
  signed: DatedFact;
  /** A day (YYYY-MM-DD), 'indefinite', or null when the source does not say. */
  validUntil: string | null;
  endings: (DatedFact & { reason: string | null })[];
}

export interface AgreementStatusOn {
  status: AgreementStatus;
  reason: string;
  /** The reason in parts, for other languages than the log's. */
  because: ReasonClause[];
}

/**
 * How a date is said after a verb: on a day ("on 20 October 2014"), in a span ("in 2012", "in 1910–1920"), or
 * as its words already say it ("by 2023", "about 1950", "1990 or later").
 */
export type WhenKind = 'day' | 'span' | 'bare';

export function whenKind(fact: DatedFact): WhenKind {
  if (fact.earliest !== null && fact.earliest === fact.latest) return 'day';
  const words = occurredInWords(fact.occurred);
  return /^(by|until|from|about) /.test(words) || / or later$/.test(words) ? 'bare' : 'span';
}

/** "on 20 October 2014", "in 2012", "by 2023", "in 1910–1920". */
export function whenInWords(fact: DatedFact): string {
  const words = occurredInWords(fact.occurred);
  return { day: `on ${words}`, span: `in ${words}`, bare: words }[whenKind(fact)];
}

/** The ending that counts: the one that can have happened first. */
function firstEnding(endings: AgreementDates['endings']) {
  return [...endings].sort((a, b) => (a.earliest ?? '').localeCompare(b.earliest ?? ''))[0];
}

export function agreementStatusOn(agreement: AgreementDates, day: string): AgreementStatusOn {
  const { signed, validUntil } = agreement;
  const signedWhen = `signed ${whenInWords(signed)}`;
  const on = { day };
  if (signed.earliest !== null && day < signed.earliest) {
    return { status: 'not_yet_signed', reason: `${signedWhen}, after ${dayInWords(day)}`, because: [clause('signedAfter', { signed: { when: signed }, day: on })] };
  }
  const ending = firstEnding(agreement.endings);
  if (ending) {
    const endedWhen = `ended ${whenInWords(ending)}${ending.reason ? ` (${ending.reason})` : ''}`;
    const ended = ending.reason
      ? clause('endedBecause', { ended: { when: ending }, why: { text: ending.reason } })
      : clause('ended', { ended: { when: ending } });
    if (ending.latest !== null && day >= ending.latest) return { status: 'ended', reason: endedWhen, because: [ended] };
    if (ending.earliest === null || day >= ending.earliest) {
      return {
        status: 'unknown',
        reason: `${endedWhen}; whether it had ended by ${dayInWords(day)} is not known`,
        because: [ended, clause('endedByUnknown', { day: on })],
      };
    }
  }
  const signing = clause('signed', { signed: { when: signed } });
  if (signed.latest === null || day < signed.latest) {
    return {
      status: 'unknown',
      reason: `${signedWhen}; the source gives no exact day, so whether it had been signed by ${dayInWords(day)} is not known`,
      because: [signing, clause('signedByUnknown', { day: on })],
    };
  }
  if (validUntil === 'indefinite') {
    return { status: 'indefinite', reason: `${signedWhen}, valid indefinitely`, because: [clause('signedIndefinitely', { signed: { when: signed } })] };
  }
  if (validUntil === null) {
    return { status: 'unknown', reason: `${signedWhen}; the source does not say how long it is valid`, because: [signing, clause('validityUnknown')] };
  }
  const validity = [clause('signedValidUntil', { signed: { when: signed }, until: { day: validUntil } })];
  if (day <= validUntil) return { status: 'in_force', reason: `${signedWhen}, valid until ${dayInWords(validUntil)}`, because: validity };
  return { status: 'expired', reason: `${signedWhen}, valid until ${dayInWords(validUntil)}`, because: validity };
}
