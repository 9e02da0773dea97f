/**
 * The floor the write API is measured against, and a fast way to fill the log for the rebuild bench:
 * event rows inserted into the same `events` table with nothing but `DB.batch` — no HTTP parsing,
 * validation, digest, version bookkeeping or projections.
 */

/** An event row as the log stores it (JSON columns as text); the id and version are given here. */
export interface EventRow {
  id?: string;
  type: string;
  schema: number;
  occurred: string;
  occurredEarliest: string | null;
  occurredLatest: string | null;
  headline: string;
  summary: string | null;
  tags: string;
  places: string;
  participants: string;
  level: string;
  data: string;
  source: string;
  actor: string;
  digest: string;
}

interface BareInsertRequest {
  relation: string;
  /** The version of the first row; the relation must be at `firstVersion - 1`. */
  firstVersion: number;
  batchSize: number;
  rows: EventRow[];
}

const INSERT = `INSERT INTO events (id, relation, version, type, schema, occurred, occurred_earliest, occurred_latest,
  recorded, headline, summary, tags, places, participants, level, data, source, actor, digest)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)`;

function insertRow(env: Env, relation: string, version: number, recorded: string, row: EventRow) {
  return env.DB.prepare(INSERT).bind(
    row.id ?? crypto.randomUUID(), relation, version, row.type, row.schema, row.occurred, row.occurredEarliest,
    row.occurredLatest, recorded, row.headline, row.summary, row.tags, row.places, row.participants,
    row.level, row.data, row.source, row.actor, row.digest,
  );
}

export async function bareInsert(request: Request, env: Env): Promise<Response> {
  const { relation, firstVersion, batchSize, rows } = (await request.json()) as BareInsertRequest;
  const recorded = new Date().toISOString();
  await env.DB.prepare('INSERT INTO relations (relation, version, created) VALUES (?1, 0, ?2) ON CONFLICT DO NOTHING')
    .bind(relation, recorded)
    .run();
  // Rows already in the log (a request sent again) are skipped, so a retry never inserts twice.
  const present = await env.DB.prepare('SELECT COALESCE(MAX(version), 0) AS version FROM events WHERE relation = ?1')
    .bind(relation)
    .first<number>('version');
  const skip = Math.max(0, (present ?? 0) - firstVersion + 1);
  let calls = 0;
  for (let start = skip; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await env.DB.batch(batch.map((row, i) => insertRow(env, relation, firstVersion + start + i, recorded, row)));
    calls += 1;
  }
  // Keep the relation's version in step with its rows, as an append would.
  await env.DB.prepare('UPDATE relations SET version = ?2 WHERE relation = ?1')
    .bind(relation, firstVersion + rows.length - 1)
    .run();
  return Response.json({ inserted: rows.length - skip, skipped: skip, calls });
}
