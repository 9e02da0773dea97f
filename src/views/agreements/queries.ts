import { z } from 'zod';
import { AGREEMENT_STATUSES, agreementStatusOn, type AgreementStatus } from '../../domain/agreements';
import { Level } from '../../domain/catalog';
import { factPagePath } from '../../domain/pages';
import type { ReasonClause } from '../../domain/reasons';
import type { Db } from '../../store/db';
import { LOG_LANGUAGE, type Language } from '../../i18n/languages';
import { readRelationViews } from '../freshness';
import { itemSelection, languageJoin, timelineItem, type TimelineItem } from '../timeline/item';

/** The agreements' read side: each signing with its endings; the status on a day is worked out on read. */

export interface AgreementFilters {
  status?: AgreementStatus;
  level?: Level;
  /** Matched whole, ignoring case: `education`. */
  subject?: string;
}

export const AgreementView = z.object({
  agreementId: z.string(),
  title: z.string(),
  kind: z.string(),
  parties: z.array(z.string()),
  level: Level,
  subject: z.string().nullable(),
  signed: z.string().describe('EDTF'),
  validUntil: z.string().nullable().describe('a day, "indefinite", or null when the source does not say'),
  status: z.enum(AGREEMENT_STATUSES),
  reason: z.string().describe('why it has that status, in words: those of `lang`'),
  ended: z.object({ occurred: z.string(), reason: z.string().nullable(), event: z.string() }).nullable(),
  links: z.object({ agreement: z.string(), signing: z.string(), page: z.string().describe("the signing's page, for people") }),
});
/** An agreement as the views answer it: with its reason in parts (`because`), which JSON says in words instead (src/i18n/reasons.ts). */
export type AgreementView = z.output<typeof AgreementView> & { because: ReasonClause[] };

interface SigningRow {
  event_id: string;
  agreement_id: string;
  title: string;
  kind: string;
  parties: string;
  subject: string | null;
  valid_until: string | null;
  level: Level;
  occurred: string;
  earliest: string | null;
  latest: string | null;
}

interface EndingRow {
  event_id: string;
  agreement_id: string;
  reason: string | null;
  occurred: string;
  earliest: string | null;
  latest: string | null;
}

export function signingsQuery(
  db: Db,
  relation: string,
  filters: Omit<AgreementFilters, 'status'>,
  agreementId?: string,
  slice?: { offset: number; limit: number },
) {
  const params: unknown[] = [relation];
  const bind = (value: unknown) => `?${params.push(value)}`;
  const where = ['a.relation = ?1'];
  if (agreementId !== undefined) where.push(`a.agreement_id = ${bind(agreementId)}`);
  if (filters.level) where.push(`t.level = ${bind(filters.level)}`);
  if (filters.subject) where.push(`a.subject = ${bind(filters.subject)} COLLATE NOCASE`);
  return db.prepare(
    `SELECT a.event_id, a.agreement_id, a.title, a.kind, a.parties, a.subject, a.valid_until,
       t.level, t.occurred, t.earliest, t.latest
     FROM view_agreements a JOIN view_timeline t ON t.event_id = a.event_id
     WHERE ${where.join(' AND ')} ORDER BY t.sort_day, a.position
     ${slice ? `LIMIT ${bind(slice.limit)} OFFSET ${bind(slice.offset)}` : ''}`,
    ...params,
  );
}

export function endingsQuery(db: Db, relation: string, agreementId?: string) {
  return db.prepare(
    `SELECT e.event_id, e.agreement_id, e.reason, t.occurred, t.earliest, t.latest
     FROM view_agreement_endings e JOIN view_timeline t ON t.event_id = e.event_id
     WHERE e.relation = ?1 AND (?2 IS NULL OR e.agreement_id = ?2) ORDER BY t.sort_day, e.position`,
    relation, agreementId ?? null,
  );
}

function agreementView(relation: string, signing: SigningRow, endings: EndingRow[], asOf: string, language: Language): AgreementView {
  const own = endings.filter((ending) => ending.agreement_id === signing.agreement_id);
  const { status, reason, because } = agreementStatusOn(
    {
      signed: signing,
      validUntil: signing.valid_until,
      endings: own.map(({ occurred, earliest, latest, reason }) => ({ occurred, earliest, latest, reason })),
    },
    asOf,
  );
  const ending = own[0];
  return {
    agreementId: signing.agreement_id,
    title: signing.title,
    kind: signing.kind,
    parties: JSON.parse(signing.parties),
    level: signing.level,
    subject: signing.subject,
    signed: signing.occurred,
    validUntil: signing.valid_until,
    status,
    reason,
    because,
    ended: ending ? { occurred: ending.occurred, reason: ending.reason, event: `/v1/events/${ending.event_id}` } : null,
    links: {
      agreement: `/v1/relations/${relation}/agreements/${signing.agreement_id}`,
      signing: `/v1/events/${signing.event_id}`,
      page: factPagePath(relation, signing.event_id, language),
    },
  };
}

/** The agreements read by `signingsQuery` and `endingsQuery`, each with its status on `asOf`, narrowed by status. */
export function agreementsFrom(
  relation: string,
  signings: D1Result,
  endings: D1Result,
  asOf: string,
  filters: AgreementFilters = {},
  language: Language = LOG_LANGUAGE,
): AgreementView[] {
  return (signings.results as SigningRow[])
    .map((signing) => agreementView(relation, signing, endings.results as EndingRow[], asOf, language))
    .filter((agreement) => filters.status === undefined || agreement.status === filters.status);
}

/**
 * One page of the agreements: `offset` into the list in order of signing. Without a status filter
 * only the page is read and judged; a status filter has to judge them all. Null for an unknown
 * relation. One D1 call.
 */
export async function agreementsPage(
  db: Db,
  relation: string,
  asOf: string,
  filters: AgreementFilters,
  page: { offset: number; limit: number },
  language: Language = LOG_LANGUAGE,
): Promise<{ items: AgreementView[]; next: number | null } | null> {
  const slice = filters.status === undefined ? { offset: page.offset, limit: page.limit + 1 } : undefined;
  const read = await readRelationViews(db, relation, [
    signingsQuery(db, relation, filters, undefined, slice),
    endingsQuery(db, relation),
  ]);
  if (!read) return null;
  const judged = agreementsFrom(relation, read[0], read[1], asOf, filters, language);
  const listed = slice ? judged : judged.slice(page.offset);
  const more = listed.length > page.limit;
  return { items: listed.slice(0, page.limit), next: more ? page.offset + page.limit : null };
}

export interface AgreementHistory {
  agreement: AgreementView | null;
  /** The live events of its history (its signing, its end), as the timeline shows them. */
  history: TimelineItem[];
}

/** One agreement with its status on `asOf` and its history; null for an unknown relation. One D1 call. */
export async function agreementWithHistory(
  db: Db,
  relation: string,
  agreementId: string,
  asOf: string,
  language: Language = LOG_LANGUAGE,
): Promise<AgreementHistory | null> {
  const params: unknown[] = [relation, agreementId];
  const { join, item } = languageJoin('t', language, (value) => `?${params.push(value)}`);
  const read = await readRelationViews(db, relation, [
    signingsQuery(db, relation, {}, agreementId),
    endingsQuery(db, relation, agreementId),
    db.prepare(
      `SELECT ${itemSelection('t', item)} FROM view_timeline t ${join} WHERE t.event_id IN (
         SELECT event_id FROM view_agreements WHERE relation = ?1 AND agreement_id = ?2
         UNION ALL SELECT event_id FROM view_agreement_endings WHERE relation = ?1 AND agreement_id = ?2)
       ORDER BY t.sort_day, t.position`,
      ...params,
    ),
  ]);
  if (!read) return null;
  const [signings, endings, history] = read;
  return {
    agreement: agreementsFrom(relation, signings, endings, asOf, {}, language)[0] ?? null,
    history: history.results.map(timelineItem),
  };
}
