import type { February29Rule } from '../domain/anniversaries';
import type { Language } from '../i18n/languages';
import type { Db } from '../store/db';
import { filterKey, type SubscriptionFilters } from './filters';
import { orderedKinds, type SubscribableKind } from './kinds';
import { sealSecret, type Keyring } from './sealed-secrets';
import { newSigningKey, type SignatureScheme } from './signing';

/**
 * When `anniversary.today` comes: a time zone, a local hour (null: the operator's ANNIVERSARY_HOUR), and the rule for
 * 29 February; and the language of its texts and links.
 */
export interface AnniversaryOptions {
  timeZone: string;
  hour: number | null;
  february29: February29Rule;
  language: Language;
}

/** A subscription as the API shows it: never its secrets. */
export interface Subscription extends SubscriptionFilters {
  id: string;
  url: string;
  events: SubscribableKind[];
  description: string | null;
  anniversary: AnniversaryOptions;
  signatureScheme: SignatureScheme;
  /** v1a: the whpk_ key a receiver verifies with. */
  publicKey: string | null;
  /** The origin its messages' links are under when PUBLIC_ORIGIN is not set. */
  origin: string | null;
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
  anniversary: AnniversaryOptions;
  signatureScheme: SignatureScheme;
}

export type SubscriptionPatch = Partial<Omit<SubscriptionInput, 'anniversary' | 'signatureScheme'>> & {
  anniversary?: Partial<AnniversaryOptions>;
  enabled?: boolean;
};

export interface SubscriptionRow {
  id: string;
  url: string;
  kinds: string;
  relations: string | null;
  types: string | null;
  tags: string | null;
  description: string | null;
  anniversary_time_zone: string;
  anniversary_hour: number | null;
  february29: February29Rule;
  anniversary_language: Language;
  public_key: string | null;
  origin: string | null;
  enabled: number;
  disabled_reason: string | null;
  disabled_at: string | null;
  failing_since: string | null;
  previous_secret_expires: string | null;
  created: string;
  updated: string;
}

const COLUMNS = `id, url, kinds, relations, types, tags, description, anniversary_time_zone, anniversary_hour, february29,
  anniversary_language, public_key, origin, enabled, disabled_reason, disabled_at, failing_since, previous_secret_expires, created, updated`;

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
    anniversary: {
      timeZone: row.anniversary_time_zone, hour: row.anniversary_hour, february29: row.february29, language: row.anniversary_language,
    },
    signatureScheme: row.public_key ? 'v1a' : 'v1',
    publicKey: row.public_key,
    origin: row.origin,
    enabled: row.enabled === 1,
    disabled: row.disabled_reason ? { reason: row.disabled_reason, at: row.disabled_at ?? '' } : null,
    failingSince: row.failing_since,
    previousSecretExpires: row.previous_secret_expires,
    created: row.created,
    updated: row.updated,
  };
}

/**
 * Subscribes, taken through `origin`; answers the secret (for v1a, the private key is kept and the public key
 * shown), which is stored sealed (sealed-secrets.ts) and cannot be shown again.
 */
export async function createSubscription(db: Db, input: SubscriptionInput, now: string, keyring: Keyring, origin: string) {
  const id = `wh_${crypto.randomUUID().replaceAll('-', '')}`;
  const key = await newSigningKey(input.signatureScheme);
  const sealed = await sealSecret(keyring, id, key.secret);
  const row = await db.first<SubscriptionRow>(db.prepare(
    `INSERT INTO webhook_subscriptions (id, url, kinds, relations, types, tags, filter_key,
       description, enabled, secret, created, updated, anniversary_time_zone, anniversary_hour, february29, public_key, origin,
       anniversary_language)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10, ?10, ?11, ?12, ?13, ?14, ?15, ?16) RETURNING ${COLUMNS}`,
    id, input.url, JSON.stringify(orderedKinds(input.events)),
    json(input.relations), json(input.types), json(input.tags), filterKey(input), input.description, sealed, now,
    input.anniversary.timeZone, input.anniversary.hour, input.anniversary.february29, key.publicKey, origin, input.anniversary.language,
  ));
  return { subscription: subscriptionFromRow(row!), secret: key.publicKey ? null : key.secret };
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

/**
 * Applies a patch, through `origin` (which the links follow from then on); enabling a subscription clears why
 * it was disabled and its run of failures. The anniversary options given replace those they name.
 */
export async function updateSubscription(db: Db, id: string, patch: SubscriptionPatch, now: string, origin: string) {
  const current = await subscriptionById(db, id);
  if (!current) return null;
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const next = { ...current, ...given, anniversary: { ...current.anniversary, ...patch.anniversary } };
  const reenabled = patch.enabled === true && !current.enabled;
  const row = await db.first<SubscriptionRow>(db.prepare(
    `UPDATE webhook_subscriptions SET url = ?2, kinds = ?3, relations = ?4, types = ?5,
       tags = ?6, filter_key = ?7, description = ?8, enabled = ?9, updated = ?10,
       disabled_reason = CASE WHEN ?9 = 1 THEN NULL WHEN ?11 THEN 'disabled by an editor' ELSE disabled_reason END,
       disabled_at = CASE WHEN ?9 = 1 THEN NULL WHEN ?11 THEN ?10 ELSE disabled_at END,
       failing_since = CASE WHEN ?12 THEN NULL ELSE failing_since END,
       anniversary_time_zone = ?13, anniversary_hour = ?14, february29 = ?15, origin = ?16, anniversary_language = ?17
     WHERE id = ?1 RETURNING ${COLUMNS}`,
    id, next.url, JSON.stringify(orderedKinds(next.events)),
    json(next.relations), json(next.types), json(next.tags), filterKey(next), next.description, Number(next.enabled), now,
    Number(patch.enabled === false && current.enabled), Number(reenabled),
    next.anniversary.timeZone, next.anniversary.hour, next.anniversary.february29, origin, next.anniversary.language,
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

/**
 * A new secret, stored sealed; the one it replaces keeps signing for 24 hours, so during a change of scheme
 * messages carry a signature of each. `scheme` absent keeps the subscription's own: a key of each scheme is
 * made, and the update keeps the one of the scheme the row has, so rotating stays one D1 call.
 */
export async function rotateSecret(db: Db, id: string, now: Date, keyring: Keyring, scheme?: SignatureScheme) {
  const [hmac, ed25519] = await Promise.all([newSigningKey('v1'), newSigningKey('v1a')]);
  const [sealedHmac, sealedEd25519] = await Promise.all([sealSecret(keyring, id, hmac.secret), sealSecret(keyring, id, ed25519.secret)]);
  const expires = new Date(now.getTime() + SECRET_OVERLAP_MS).toISOString();
  const v1a = `COALESCE(?6, CASE WHEN public_key IS NULL THEN 'v1' ELSE 'v1a' END) = 'v1a'`;
  const row = await db.first<{ public_key: string | null }>(db.prepare(
    `UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_expires = ?3, updated = ?4,
       secret = CASE WHEN ${v1a} THEN ?5 ELSE ?2 END, public_key = CASE WHEN ${v1a} THEN ?7 END
     WHERE id = ?1 RETURNING public_key`,
    id, sealedHmac, expires, now.toISOString(), sealedEd25519, scheme ?? null, ed25519.publicKey,
  ));
  if (!row) return null;
  return row.public_key
    ? { signatureScheme: 'v1a' as const, publicKey: row.public_key, secret: null, previousSecretExpires: expires }
    : { signatureScheme: 'v1' as const, publicKey: null, secret: hmac.secret, previousSecretExpires: expires };
}
