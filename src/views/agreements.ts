import { agreementStatusOn, type AgreementStatus } from '../domain/agreements';
import type { Level } from '../domain/catalog';
import type { Db } from '../store/db';
import { readViews } from './freshness';
import { amendedEventId, type Projector, type TableSet } from './projection';
import { TIMELINE_COLUMNS, timelineItem, type TimelineItem, type TimelineRow } from './timeline';

/** Agreements: one row per signing, its endings apart; the status on a day is worked out on read. */

export interface AgreementFilters {
  status?: AgreementStatus;
  level?: Level;
  /** Matched whole, ignoring case: `education`. */
  subject?: string;
}

export interface AgreementView {
  agreementId: string;
  title: string;
  kind: string;
  parties: string[];
  level: Level;
  subject: string | null;
  signed: string;
  validUntil: string | null;
  status: AgreementStatus;
  reason: string;
  ended: { occurred: string; reason: string | null; event: string } | null;
  links: { agreement: string; signing: string };
}

/** Copies a signing from its timeline row, where corrections have already been applied. */
function copySigning(db: Db, eventId: string, tables: TableSet) {
  return db.prepare(
    `INSERT INTO view_agreements${tables} (event_id, relation, agreement_id, title, kind, parties, subject, valid_until, position)
     SELECT event_id, relation, json_extract(data, '$.agreementId'), json_extract(data, '$.title'),
       json_extract(data, '$.kind'), json_extract(data, '$.parties'), json_extract(data, '$.subject'),
       json_extract(data, '$.validUntil'), position
     FROM view_timeline${tables} WHERE event_id = ?1 AND type = 'AgreementSigned'`,
    eventId,
  );
}

function copyEnding(db: Db, eventId: string, tables: TableSet) {
  return db.prepare(
    `INSERT INTO view_agreement_endings${tables} (event_id, relation, agreement_id, reason, position)
     SELECT event_id, relation, json_extract(data, '$.agreementId'), json_extract(data, '$.reason'), position
     FROM view_timeline${tables} WHERE event_id = ?1 AND type = 'AgreementEnded'`,
    eventId,
  );
}

function forget(db: Db, eventId: string, tables: TableSet) {
  return [
    db.prepare(`DELETE FROM view_agreements${tables} WHERE event_id = ?1`, eventId),
    db.prepare(`DELETE FROM view_agreement_endings${tables} WHERE event_id = ?1`, eventId),
  ];
}

export const agreementsProjector: Projector = {
  view: 'agreements',
  version: 1,
  tables: ['view_agreements', 'view_agreement_endings'],
  project(db, event, tables) {
    const target = amendedEventId(event);
    if (target === null) {
      if (event.type === 'AgreementSigned') return [copySigning(db, event.id, tables)];
      if (event.type === 'AgreementEnded') return [copyEnding(db, event.id, tables)];
      return [];
    }
    const forgotten = forget(db, target, tables);
    return event.type === 'EventRetracted'
      ? forgotten
      : [...forgotten, copySigning(db, target, tables), copyEnding(db, target, tables)];
  },
};

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

function agreementView(relation: string, signing: SigningRow, endings: EndingRow[], asOf: string): AgreementView {
  const own = endings.filter((ending) => ending.agreement_id === signing.agreement_id);
  const { status, reason } = agreementStatusOn(
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
    ended: ending ? { occurred: ending.occurred, reason: ending.reason, event: `/v1/events/${ending.event_id}` } : null,
    links: {
      agreement: `/v1/relations/${relation}/agreements/${signing.agreement_id}`,
      signing: `/v1/events/${signing.event_id}`,
    },
  };
}

/** Every agreement of a relation with its status on `asOf`, in order of signing; null for an unknown relation. One D1 call. */
export async function agreementsAsOf(
  db: Db,
  relation: string,
  asOf: string,
  filters: AgreementFilters = {},
): Promise<AgreementView[] | null> {
  const [known, signings, endings] = await readViews(db, [
    db.prepare('SELECT 1 FROM relations WHERE relation = ?1', relation),
    signingsQuery(db, relation, filters),
    endingsQuery(db, relation),
  ]);
  if (!known.results.length) return null;
  return agreementsFrom(relation, signings, endings, asOf, filters);
}

/** The agreements read by `signingsQuery` and `endingsQuery`, each with its status on `asOf`. */
export function agreementsFrom(
  relation: string,
  signings: D1Result,
  endings: D1Result,
  asOf: string,
  filters: AgreementFilters = {},
): AgreementView[] {
  return (signings.results as SigningRow[])
    .map((signing) => agreementView(relation, signing, endings.results as EndingRow[], asOf))
    .filter((agreement) => filters.status === undefined || agreement.status === filters.status);
}

/**
 * One page of the agreements: `offset` into the list in order of signing. Without a status filter
 * only the page is read and judged; a status filter has to judge them all. One D1 call.
 */
export async function agreementsPage(
  db: Db,
  relation: string,
  asOf: string,
  filters: AgreementFilters,
  page: { offset: number; limit: number },
): Promise<{ items: AgreementView[]; next: number | null } | null> {
  const slice = filters.status === undefined ? { offset: page.offset, limit: page.limit + 1 } : undefined;
  const [known, signings, endings] = await readViews(db, [
    db.prepare('SELECT 1 FROM relations WHERE relation = ?1', relation),
    signingsQuery(db, relation, filters, undefined, slice),
    endingsQuery(db, relation),
  ]);
  if (!known.results.length) return null;
  const rows = signings.results as SigningRow[];
  const judged = rows
    .map((signing) => agreementView(relation, signing, endings.results as EndingRow[], asOf))
    .filter((agreement) => filters.status === undefined || agreement.status === filters.status);
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
): Promise<AgreementHistory | null> {
  const [known, signings, endings, history] = await readViews(db, [
    db.prepare('SELECT 1 FROM relations WHERE relation = ?1', relation),
    signingsQuery(db, relation, {}, agreementId),
    endingsQuery(db, relation, agreementId),
    db.prepare(
      `SELECT ${TIMELINE_COLUMNS} FROM view_timeline WHERE event_id IN (
         SELECT event_id FROM view_agreements WHERE relation = ?1 AND agreement_id = ?2
         UNION ALL SELECT event_id FROM view_agreement_endings WHERE relation = ?1 AND agreement_id = ?2)
       ORDER BY sort_day, position`,
      relation, agreementId,
    ),
  ]);
  if (!known.results.length) return null;
  const signing = (signings.results as SigningRow[])[0];
  return {
    agreement: signing ? agreementView(relation, signing, endings.results as EndingRow[], asOf) : null,
    history: (history.results as TimelineRow[]).map(timelineItem),
  };
}
