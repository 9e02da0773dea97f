// The bench-only bare insert (bench/bare-insert.ts): event rows straight into the log with DB.batch.
import { post } from './post.mjs';

// Rows per request: enough to make its HTTP cost small, few enough to keep every request short.
const ROWS_PER_REQUEST = 500;

/** Inserts `rows` into `relation` as versions `firstVersion`, … in D1 batches of `batchSize`. */
export async function insertRows(server, relation, rows, batchSize, firstVersion = 1) {
  for (let start = 0; start < rows.length; start += ROWS_PER_REQUEST) {
    const { status, body } = await post(`${server.url}/__bench/bare-insert`, {
      body: { relation, firstVersion: firstVersion + start, batchSize, rows: rows.slice(start, start + ROWS_PER_REQUEST) },
      // Rows already in the log are skipped, so sending the request again never inserts twice.
      repeatable: true,
    });
    if (status !== 200) throw new Error(`bare insert: ${status} ${JSON.stringify(body)}`);
  }
}

/** The payload version the Worker stores (read from an event it recorded), for rows made here. */
export async function storedSchema(server, relation) {
  const response = await fetch(`${server.url}/v1/relations/${relation}/events?limit=1`);
  const { events } = await response.json();
  return events[0].schema;
}
