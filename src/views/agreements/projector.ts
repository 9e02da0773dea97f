import type { Db } from '../../store/db';
import { copiedFromTimeline, type Projector, type TableSet } from '../projection';

/**
 * The agreements' write side: one row per live signing, and its endings apart, so that the order of
 * the log does not matter. Both are copied from the timeline row, where corrections are applied.
 */

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

const TABLES = ['view_agreements', 'view_agreement_endings'];

export const agreementsProjector: Projector = {
  name: 'agreements',
  version: 1,
  tables: TABLES,
  handle(db, event, tables) {
    const copies = event.type === 'AgreementSigned' || event.type === 'AgreementEnded';
    return copiedFromTimeline(
      db, event, TABLES.map((table) => `${table}${tables}`), copies,
      (id) => [copySigning(db, id, tables), copyEnding(db, id, tables)],
    );
  },
};
