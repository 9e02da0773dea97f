import type { Db } from '../store/db';
import { currentSealPrefix, openSecret, SealingError, sealSecret, type Keyring } from './sealed-secrets';

/**
 * Resealing the stored secrets of webhook_subscriptions (and the hub.secret of websub_subscriptions) under the
 * current WEBHOOK_SECRET_KEY: secrets stored in plain text before secrets were sealed, and secrets sealed under
 * the previous key during a rotation of it. A replaced secret whose overlap has ended is dropped. Rows are read
 * in id order (wh_ then ws_), a page per D1 call, and a page's rows written in one batch; a row changed
 * meanwhile (a rotation, a renewal) is left as that wrote it.
 */

const PAGE_SIZE = 100;
const PAGES_PER_CALL = 20;

export interface ResealReport {
  /** Subscriptions whose stored secrets were rewritten. */
  resealed: number;
  /** Subscriptions whose secrets open under neither key: left as they are. */
  unreadable: { id: string; reason: string }[];
  /** The id to continue after, when this call stopped before the end of the table. */
  next: string | null;
}

interface SecretRow {
  id: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires: string | null;
}

export async function resealSecrets(db: Db, keyring: Keyring, now: Date, after = ''): Promise<ResealReport> {
  const prefix = currentSealPrefix(keyring);
  if (!prefix) throw new SealingError(keyring.problem ?? 'no key to seal with');
  const at = now.toISOString();
  const report: ResealReport = { resealed: 0, unreadable: [], next: null };
  let cursor = after;
  for (let page = 0; page < PAGES_PER_CALL; page += 1) {
    const rows = await db.all<SecretRow>(db.prepare(
      `SELECT id, secret, previous_secret, previous_secret_expires FROM (
         SELECT id, secret, previous_secret, previous_secret_expires FROM webhook_subscriptions
         UNION ALL SELECT id, secret, NULL, NULL FROM websub_subscriptions WHERE secret IS NOT NULL)
       WHERE id > ?1 AND (substr(secret, 1, length(?2)) <> ?2 OR (previous_secret IS NOT NULL AND (
         substr(previous_secret, 1, length(?2)) <> ?2 OR previous_secret_expires IS NULL OR previous_secret_expires <= ?3)))
       ORDER BY id LIMIT ?4`,
      cursor, prefix, at, PAGE_SIZE,
    ));
    const writes: D1PreparedStatement[] = [];
    for (const row of rows) {
      const resealed = await resealedRow(keyring, prefix, row, at);
      if (typeof resealed === 'string') report.unreadable.push({ id: row.id, reason: resealed });
      else if (row.id.startsWith('ws_')) writes.push(db.prepare(
        'UPDATE websub_subscriptions SET secret = ?3 WHERE id = ?1 AND secret = ?2', row.id, row.secret, resealed.secret,
      ));
      else writes.push(db.prepare(
        `UPDATE webhook_subscriptions SET secret = ?4, previous_secret = ?5
         WHERE id = ?1 AND secret = ?2 AND previous_secret IS ?3`,
        row.id, row.secret, row.previous_secret, resealed.secret, resealed.previous,
      ));
    }
    if (writes.length) report.resealed += (await db.batch(writes)).reduce((sum, result) => sum + result.meta.changes, 0);
    if (rows.length < PAGE_SIZE) return report;
    cursor = rows[rows.length - 1].id;
  }
  return { ...report, next: cursor };
}

/** A row's secrets sealed under the current key (an ended previous secret dropped), or why they cannot be. */
async function resealedRow(keyring: Keyring, prefix: string, row: SecretRow, at: string) {
  const reseal = async (stored: string) =>
    stored.startsWith(prefix) ? stored : sealSecret(keyring, row.id, await openSecret(keyring, row.id, stored));
  const live = row.previous_secret !== null && row.previous_secret_expires !== null && row.previous_secret_expires > at;
  try {
    return { secret: await reseal(row.secret), previous: live ? await reseal(row.previous_secret!) : null };
  } catch (error) {
    if (!(error instanceof SealingError)) throw error;
    return error.message;
  }
}
