// Reads the seed fixtures and records them through the public write API. Idempotent: every fixture
// event has a fixed id, so events already in the log are answered 200 and written again never.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const BATCH = 100;

export async function readFixtures(dir = 'fixtures') {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({ file, ...JSON.parse(await readFile(join(dir, file), 'utf8')) })),
  );
}

export async function loadFixtures(baseUrl, token, dir = 'fixtures') {
  const tally = { recorded: 0, alreadyThere: 0 };
  for (const { file, relation, events } of await readFixtures(dir)) {
    for (let start = 0; start < events.length; start += BATCH) {
      await postEvents(baseUrl, token, relation, events.slice(start, start + BATCH), file, tally);
    }
  }
  return tally;
}

async function postEvents(baseUrl, token, relation, events, file, tally) {
  const response = await fetch(`${baseUrl}/v1/relations/${relation}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (response.status === 201) tally.recorded += events.length;
  else if (response.status === 200) tally.alreadyThere += events.length;
  else if (response.status === 409 && events.length > 1) {
    // Some of these are in the log and some are new (a fixture file grew): record them one by one.
    for (const event of events) await postEvents(baseUrl, token, relation, [event], file, tally);
  } else {
    const text = await response.text();
    let detail = text;
    try {
      detail = JSON.parse(text).detail ?? text;
    } catch {
      // not a problem document: its text as it is
    }
    throw new Error(`${file}: POST /v1/relations/${relation}/events answered ${response.status}: ${detail}`);
  }
}
