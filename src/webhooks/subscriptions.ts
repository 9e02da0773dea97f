import type { Db } from '../store/db';
import { filterKey, type SubscriptionFilters } from './filters';
import { orderedKinds, type SubscribableKind } from './kinds';
import { sealSecret, type Keyring } from './sealed-secrets';
import { newSecret } from './signing';

/** A subscription as the API shows it: never its secrets. */
export interface Subscription extends SubscriptionFilters {
  id: string;
  url: string;
  events: SubscribableKind[];
  description: string | null;
  enabled: boolean;
  disabled: { reason: string; at: string } | null;
  failingSince: string | null;
  previousSecretExpires: string | null;
  created: string;
  updated: string;
}

export interface SubscriptionInput extends SubscriptionFilters {
  url: string;
  events: SubscribableKind[];
  description: string | null;
}

export type SubscriptionPatch = Partial<SubscriptionInput> & { enabled?: boolean };

export interface SubscriptionRow {
  id: string;
  url: string;
  kinds: string;
  relations: string | null;
  types: string | null;
  tags: string | null;
  description: string | null;
  enabled: number;
  disabled_reason: string | null;
  disabled_at: string | null;
  failing_since: string | null;
  previous_secret_expires: string | null;
  created: string;
  updated: string;
}

const COLUMNS = `id, url, kinds, relations, types, tags, description, enabled, disabled_reason,
  disabled_at, failing_since, previous_secret_expires, created, updated`;

/** How long a replaced secret keeps signing, so receivers can switch without losing a message. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

const json = (list: string[] | null) => (list ? JSON.stringify(list) : null);

export function subscriptionFromRow(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.kinds),
    relations: row.relations && JSON.parse(row.relations),
    types: row.types && JSON.parse(row.types),
    tags: row.tags && JSON.parse(row.tags),
    description: row.description,
    enabled: row.enabled === 1,
    disabled: row.disabled_reason ? { reason: row.disabled_reason, at: row.disabled_at ?? '' } : null,
    failingSince: row.failing_since,
    previousSecretExpires: row.previous_secret_expires,
    created: row.created,
    updated: row.updated,
  };
}

/** Subscribes; answers the secret, which is stored sealed (sealed-secrets.ts) and cannot be shown again. */
export async function createSubscription(db: Db, input: SubscriptionInput, now: string, keyring: Keyring) {
  const id = `wh_${crypto.randomUUID().replaceAll('-', '')}`;
  const secret = newSecret();
  const sealed = await sealSecret(keyring, id, secret);
  const row = await db.first<SubscriptionRow>(db.prepare(
    `INSERT INTO webhook_subscriptions (id, url, kinds, relations, types, tags, filter_key,
       description, enabled, secret, created, updated)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10, ?10) RETURNING ${COLUMNS}`,
    id, input.url, JSON.stringify(orderedKinds(input.events)),
    json(input.relations), json(input.types), json(input.tags), filterKey(input), input.description, sealed, now,
  ));
  return { subscription: subscriptionFromRow(row!), secret };
}

export async function subscriptionById(db: Db, id: string): Promise<Subscription | null> {
  const row = await db.first<SubscriptionRow>(db.prepare(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = ?1`, id));
  return row && subscriptionFromRow(row);
}

/** Subscriptions in id order, after a cursor. */
export async function listSubscriptions(db: Db, after: string, limit: number): Promise<Subscription[]> {
  const rows = await db.all<SubscriptionRow>(db.prepare(
    `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id > ?1 ORDER BY id LIMIT ?2`, after, limit,
  ));
  return rows.map(subscriptionFromRow);
}

/** Applies a patch; enabling a subscription clears why it was disabled and its run of failures. */
export async function updateSubscription(db: Db, id: string, patch: SubscriptionPatch, now: string) {
  const current = await subscriptionById(db, id);
  if (!current) return null;
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const next = { ...current, ...given };
  const reenabled = patch.enabled === true && !current.enabled;
  const row = await db.first<SubscriptionRow>(db.prepare(
    `UPDATE webhook_subscriptions SET url = ?2, kinds = ?3, relations = ?4, types = ?5,
       tags = ?6, filter_key = ?7, description = ?8, enabled = ?9, updated = ?10,
       disabled_reason = CASE WHEN ?9 = 1 THEN NULL WHEN ?11 THEN 'disabled by an editor' ELSE disabled_reason END,
       disabled_at = CASE WHEN ?9 = 1 THEN NULL WHEN ?11 THEN ?10 ELSE disabled_at END,
       failing_since = CASE WHEN ?12 THEN NULL ELSE failing_since END
     WHERE id = ?1 RETURNING ${COLUMNS}`,
    id, next.url, JSON.stringify(orderedKinds(next.events)),
    json(next.relations), json(next.types), json(next.tags), filterKey(next), next.description, Number(next.enabled), now,
    Number(patch.enabled === false && current.enabled), Number(reenabled),
  ));
  return row && subscriptionFromRow(row);
}

/** Deletes a subscription with its deliveries and their attempts. */
export async function deleteSubscription(db: Db, id: string): Promise<boolean> {
  const [, , deleted] = await db.batch([
    db.prepare(
      'DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE subscription_id = ?1)', id,
    ),
    db.prepare('DELETE FROM webhook_deliveries WHERE subscription_id = ?1', id),
    db.prepare('DELETE FROM webhook_subscriptions WHERE id = ?1', id),
  ]);
  return deleted.meta.changes > 0;
}

/** A new secret, stored sealed; the one it replaces keeps signing for 24 hours. */
export async function rotateSecret(db: Db, id: string, now: Date, keyring: Keyring) {
  const secret = newSecret();
  const sealed = await sealSecret(keyring, id, secret);
  const expires = new Date(now.getTime() + SECRET_OVERLAP_MS).toISOString();
  const row = await db.first<{ id: string }>(db.prepare(
    `UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_expires = ?3, secret = ?2, updated = ?4
     WHERE id = ?1 RETURNING id`,
    id, sealed, expires, now.toISOString(),
  ));
  return row && { secret, previousSecretExpires: expires };
}
