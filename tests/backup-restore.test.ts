import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOf, columnOf, EXPORTED_FIELDS } from '../src/backup/file-format';
import {
  adminJson, appendTo, exportOf, linesOf, openRestoreOf, restored, restoreFile, sendLines, sourceWorker, type Fetcher,
} from './backup-helpers';
import { editorKey, noted, post, SOURCE } from './setup/client';
import { problemOf, totalEvents } from './setup/log-state';
import { fixtureFiles } from './views-helpers';

// A backup that restores: export the log of one database, restore it into a fresh one through the API, and every
// public GET answers the same body as before. A file cut short or changed is refused at its line before anything
// is written; the same file twice writes nothing twice; a log that holds other events refuses the file.
// This file's own database (the Worker's DB) starts empty; the log backed up lives in BACKUP_SOURCE_DB.

let source: Fetcher;
let file: string;
let lines: string[];
let sourceBodies: Map<string, string>;

const CORRECTED = '5d1f1c3e-6d43-4d8e-9a57-1f0a2b3c4d5e';

beforeAll(async () => {
  source = await sourceWorker();
  for (const { relation, events } of fixtureFiles) await appendTo(source, relation, events);
  // Another relation, with a correction and a retraction, recorded by an editor of its own (so `actor` is not admin).
  const key = await sourceKey(source);
  await appendTo(source, 'gb-se', [
    noted({ id: CORRECTED, occurred: '1654-04-11', headline: 'A treaty of amity was signed', tags: ['treaty'] }),
    noted({ id: '6e2a7c1d-0b4f-4c6a-8d2e-3f4a5b6c7d8e', occurred: '1700', headline: 'Something that did not happen' }),
  ], key);
  await appendTo(source, 'gb-se', [
    { type: 'EventCorrected', headline: 'Date corrected', source: SOURCE, data: { eventId: CORRECTED, reason: 'the source says 28 April', changes: { occurred: '1654-04-28' } } },
    { type: 'EventRetracted', headline: 'Retracted', source: SOURCE, data: { eventId: '6e2a7c1d-0b4f-4c6a-8d2e-3f4a5b6c7d8e', reason: 'no source has it' } },
  ], key);
  file = await exportOf(source);
  lines = linesOf(file);
  sourceBodies = await publicBodies(source);
});

async function sourceKey(fetcher: Fetcher): Promise<string> {
  const response = await fetcher('/v1/admin/keys', {
    method: 'POST',
    headers: { authorization: 'Bearer test-editor-token', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ingrid Lund', scopes: ['events:write'] }),
  });
  return (await response.json<{ key: string }>()).key;
}

/** Every public GET of the document, each parameter given the values the log has, and the query variants readers use. */
async function publicPaths(fetcher: Fetcher): Promise<string[]> {
  const doc = await (await fetcher('/openapi.json')).json<any>();
  const log = await (await fetcher('/v1/relations/mx-ru/events?limit=500')).json<any>();
  const agreements = await (await fetcher('/v1/relations/mx-ru/agreements?asOf=2015-01-01')).json<any>();
  const values: Record<string, string[]> = {
    relation: ['mx-ru', 'gb-se'],
    id: [log.events[0].id, log.events[40].id, log.events.at(-1).id, CORRECTED],
    agreementId: [agreements.items[0].agreementId],
    day: ['12-01', '06-30'],
    lang: ['es', 'ru'],
  };
  const paths: string[] = [];
  for (const [template, operations] of Object.entries<any>(doc.paths)) {
    const get = operations.get;
    if (!get || get.security?.length) continue;
    let filled = [template];
    for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
      if (!values[name]) throw new Error(`${template}: give the round trip a value of {${name}}`);
      filled = filled.flatMap((path) => values[name].map((value) => path.replace(`{${name}}`, value)));
    }
    paths.push(...filled);
  }
  const queries = [
    '/v1/relations/mx-ru/events?after=30&limit=20', '/v1/relations/mx-ru/timeline?limit=200', '/v1/relations/mx-ru/timeline?q=treaty',
    '/v1/relations/mx-ru/timeline?from=1920&to=1950&type=RelationsSevered,RelationsRestored', '/v1/relations/mx-ru/agreements?asOf=2015-01-01',
    '/v1/relations/mx-ru/status?on=1935-05-01', '/v1/relations/mx-ru/on-this-day?date=12-01', '/v1/on-this-day?date=12-01&year=2026',
    '/feed.atom?page=1', '/feed.json?tag=trade', '/v1/relations/mx-ru/feed.xml?page=1', '/v1/relations/gb-se/timeline',
    '/v1/relations/mx-ru/chart.svg?asOf=2015-01-01', '/mx-ru?asOf=2015-01-01',
  ];
  return [...new Set([...paths, ...queries])].sort();
}

/** What each public GET answers, past the edge cache: its status and body. */
async function publicBodies(fetcher: Fetcher): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  for (const path of await publicPaths(fetcher)) {
    // A redirect is compared as it is answered (a service binding would follow it; the source's fetcher does not).
    const response = await fetcher(path, { headers: { 'cache-control': 'no-store' }, redirect: 'manual' });
    // An iCalendar DTSTAMP is when the calendar was made: the instant of the request, not of the log.
    const body = (await response.text()).replace(/^DTSTAMP:\d{8}T\d{6}Z\r?$/gm, 'DTSTAMP:(made now)');
    bodies.set(path, `${response.status} ${response.headers.get('content-type')}\n${body}`);
  }
  return bodies;
}

describe('the export', () => {
  it('needs the admin scope, is never stored, and says what it is', async () => {
    const writer = await editorKey('Export Tester', ['events:write']);
    expect((await restored('/v1/admin/export', { headers: writer.headers })).status).toBe(403);
    const response = await source('/v1/admin/export', { headers: { authorization: 'Bearer test-editor-token' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="relations-log-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.ndjson"$/);
    await response.body?.cancel();
  });

  it('holds every event in position order, as the log holds it, between a first and a last line, each line chained to the one before', async () => {
    const header = JSON.parse(lines[0]);
    const expectedEvents = fixtureFiles.reduce((sum, { events }) => sum + events.length, 0) + 4;
    expect(header).toMatchObject({ format: 'relations-log-export', version: 1, origin: 'https://relations.test', events: expectedEvents, through: expectedEvents });
    expect(lines).toHaveLength(expectedEvents + 2);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, events: expectedEvents });
    const events = lines.slice(1, -1).map((line) => JSON.parse(line));
    expect(events.map((event) => event.position)).toEqual(events.map((_, index) => index + 1));
    const stored = await env.BACKUP_SOURCE_DB.prepare('SELECT * FROM events ORDER BY position').all<Record<string, unknown>>();
    events.forEach((event, index) => {
      const row = stored.results[index];
      for (const field of EXPORTED_FIELDS) {
        const value = row[columnOf(field)];
        expect(event[field], `${field} of position ${event.position}`).toEqual(
          ['tags', 'places', 'participants', 'data', 'source'].includes(field) ? JSON.parse(value as string) : value,
        );
      }
    });
    expect(events.find((event) => event.id === CORRECTED)).toMatchObject({ actor: 'Ingrid Lund', relation: 'gb-se', version: 1 });
    expect(new Set(lines.map((line) => JSON.parse(line).check)).size).toBe(lines.length);
  });

  it('names every column of the log, and the staged events have the same columns', async () => {
    const columns = async (table: string) =>
      (await env.DB.prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY name`).all<{ name: string }>()).results.map((row) => row.name);
    expect(EXPORTED_FIELDS.map(columnOf).sort()).toEqual(await columns('events'));
    expect(await columns('restore_events')).toEqual(await columns('events'));
  });

  it('of an empty log is its first and last lines', async () => {
    const empty = linesOf(await exportOf(restored));
    expect(empty.map((line) => JSON.parse(line))).toMatchObject([{ events: 0, through: 0 }, { end: true, events: 0 }]);
  });
});

describe('a file that is not the backup it was', () => {
  const refusedAt = async (sent: string[], declared: string[] = sent) => {
    const opened = await openRestoreOf(declared);
    expect(opened.status, await opened.clone().text()).toBe(201);
    const { id } = await opened.json<any>();
    let response!: Response;
    for (let from = 1; from <= sent.length; from += 40) {
      response = await sendLines(id, from, sent.slice(from - 1, from + 39));
      if (response.status !== 200) break;
    }
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.type).toBe('/problems/invalid-backup');
    expect(await totalEvents()).toBe(0);
    const run = await (await adminJson(`/v1/admin/restores/${id}`)).json<any>();
    expect(run).toMatchObject({ state: 'refused', error: { line: problem.line } });
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM restore_events').first<{ n: number }>())!.n).toBe(0);
    return problem;
  };

  it('cut short is refused at its first line, which announces more', async () => {
    const cut = lines.slice(0, 50);
    const problem = await refusedAt(cut);
    expect(problem).toMatchObject({ line: 1 });
    expect(problem.detail).toContain(`announces ${lines.length - 2} events, so ${lines.length} lines, but it has 50`);
  });

  it('cut inside a line is refused at that line', async () => {
    const cut = [...lines.slice(0, 60), lines[60].slice(0, 100)];
    const problem = await refusedAt(cut, lines);
    expect(problem).toMatchObject({ line: 61 });
    expect(problem.detail).toMatch(/^line 61: not JSON/);
  });

  it('with an edited line is refused at that line, before anything is written', async () => {
    const edited = [...lines];
    edited[44] = edited[44].replace(/"headline":"[^"]*"/, '"headline":"Something else entirely"');
    expect(edited[44]).not.toBe(lines[44]);
    const problem = await refusedAt(edited);
    expect(problem).toMatchObject({ line: 45 });
    expect(problem.detail).toMatch(/^line 45: its check does not follow from the line before it/);
  });

  it('with two lines swapped is refused at the first of them', async () => {
    const swapped = [...lines];
    [swapped[20], swapped[21]] = [swapped[21], swapped[20]];
    expect((await refusedAt(swapped)).line).toBe(21);
  });

  it('with a line edited and its check made again is refused at the next line', async () => {
    const { check: _, ...content } = JSON.parse(lines[30]);
    const forgedContent = { ...content, headline: 'Forged' };
    const forged = [...lines];
    forged[30] = JSON.stringify({ ...forgedContent, check: await checkOf(JSON.parse(lines[29]).check, forgedContent) });
    expect((await refusedAt(forged)).line).toBe(32);
  });

  it('that is not a backup is refused at its first line', async () => {
    const other = [JSON.stringify({ hello: 'world', check: '0'.repeat(64) }), lines.at(-1)!];
    const problem = await refusedAt(other);
    expect(problem.line).toBe(1);
  });

  it('in bytes that are not UTF-8, or declared in another charset, is refused unread: nothing is staged', async () => {
    const opened = await (await openRestoreOf(lines)).json<any>();
    const body = new TextEncoder().encode(`${lines[0]}\n`);
    const cases: [Uint8Array, Record<string, string>, number][] = [
      [new Uint8Array([...body.slice(0, -2), 0xff, 0xfe, 0x0a]), {}, 400],
      [body, { 'content-type': 'application/x-ndjson; charset=iso-8859-1' }, 415],
      [body, { 'content-encoding': 'gzip' }, 415],
    ];
    for (const [bytes, headers, status] of cases) {
      const response = await restored(`/v1/admin/restores/${opened.id}/lines?from=1`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-editor-token', 'content-type': 'application/x-ndjson', ...headers },
        body: bytes,
      });
      expect(response.status, JSON.stringify(headers)).toBe(status);
      await problemOf(response);
    }
    expect(await (await adminJson(`/v1/admin/restores/${opened.id}`)).json<any>()).toMatchObject({ received: 0, state: 'receiving' });
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM restore_events').first<{ n: number }>())!.n).toBe(0);
    await restored(`/v1/admin/restores/${opened.id}`, { method: 'DELETE', headers: { authorization: 'Bearer test-editor-token' } });
  });

  it('sent out of order is answered with the line to send', async () => {
    const opened = await (await openRestoreOf(lines)).json<any>();
    const first = await sendLines(opened.id, 1, lines.slice(0, 10));
    expect(first.status).toBe(200);
    const skipped = await sendLines(opened.id, 15, lines.slice(14, 20));
    expect(skipped.status).toBe(409);
    expect(await problemOf(skipped)).toMatchObject({ type: '/problems/not-the-next-line', expected: 11 });
    // Asking again for the same file carries on where it was.
    const again = await openRestoreOf(lines);
    expect(again.status).toBe(200);
    expect(await again.json<any>()).toMatchObject({ id: opened.id, received: 10, state: 'receiving' });
    // Another file meanwhile is refused; the restore is cancelled, and nothing was written.
    const other = await openRestoreOf([lines[0], lines.at(-2)!]);
    expect(other.status).toBe(409);
    expect(await problemOf(other)).toMatchObject({ type: '/problems/restore-in-progress', restore: opened.id });
    const cancelled = await adminJson(`/v1/admin/restores/${opened.id}`, undefined, 'DELETE');
    expect(await cancelled.json<any>()).toMatchObject({ state: 'cancelled' });
    expect(await totalEvents()).toBe(0);
  });
});

describe('a restore into an empty log', () => {
  it('takes back every event, with its id, position, version, recorded and actor; every public GET answers the same body as before', async () => {
    const run = await restoreFile(file);
    expect(run).toMatchObject({ state: 'complete', staged: lines.length - 2, matched: 0, committed: lines.length - 2, error: null });
    expect(run.links.rebuild).toMatch(/^\/v1\/admin\/rebuilds\//);
    const restoredRows = await env.DB.prepare('SELECT * FROM events ORDER BY position').all();
    const sourceRows = await env.BACKUP_SOURCE_DB.prepare('SELECT * FROM events ORDER BY position').all();
    expect(restoredRows.results).toEqual(sourceRows.results);
    const relations = 'SELECT * FROM relations ORDER BY relation';
    expect((await env.DB.prepare(relations).all()).results).toEqual((await env.BACKUP_SOURCE_DB.prepare(relations).all()).results);

    const after = await publicBodies(restored);
    expect([...after.keys()]).toEqual([...sourceBodies.keys()]);
    for (const [path, body] of sourceBodies) expect(after.get(path), path).toBe(body);
    expect(sourceBodies.size).toBeGreaterThan(40);
  });

  it('of the same file again writes nothing', async () => {
    const before = await totalEvents();
    const again = await openRestoreOf(lines);
    expect(again.status).toBe(200);
    expect(await again.json<any>()).toMatchObject({ state: 'complete', staged: lines.length - 2 });
    expect(await totalEvents()).toBe(before);
  });

  it('appends go on from where the restored log ends', async () => {
    const response = await post('/v1/relations/gb-se/events', { events: [noted()] });
    expect(response.status).toBe(201);
    expect((await response.json<any>()).events[0]).toMatchObject({ position: lines.length - 1, version: 5 });
  });
});

describe('a restore into a log that holds events', () => {
  it('of a backup of that very log writes nothing, and holds appends back while it runs', async () => {
    const own = linesOf(await exportOf(restored));
    const before = await totalEvents();
    const opened = await openRestoreOf(own);
    expect(opened.status).toBe(201);
    const run = await opened.json<any>();
    const held = await post('/v1/relations/gb-se/events', { events: [noted()] });
    expect(held.status).toBe(503);
    expect(held.headers.get('retry-after')).toBe('30');
    expect(await problemOf(held)).toMatchObject({ type: '/problems/restore-in-progress' });
    expect(await totalEvents()).toBe(before);
    const sent = await sendLines(run.id, 1, own);
    expect(await sent.json<any>()).toMatchObject({ state: 'received', matched: own.length - 2, staged: 0 });
    const committed = await (await adminJson(`/v1/admin/restores/${run.id}/commit`, {})).json<any>();
    expect(committed).toMatchObject({ state: 'complete', committed: 0, links: { rebuild: null } });
    expect(await totalEvents()).toBe(before);
    expect((await post('/v1/relations/gb-se/events', { events: [noted()] })).status).toBe(201);
  });

  it('of another log is refused with 409 at the first line that differs, and nothing is written', async () => {
    const other = await sourceWorker(env.MIGRATIONS_DB);
    await appendTo(other, 'mx-ru', [noted({ headline: 'Not in this log' })]);
    const otherLines = linesOf(await exportOf(other));
    const before = await totalEvents();
    const opened = await (await openRestoreOf(otherLines)).json<any>();
    const sent = await sendLines(opened.id, 1, otherLines);
    expect(sent.status).toBe(409);
    const problem = await problemOf(sent);
    expect(problem).toMatchObject({ type: '/problems/log-differs', line: 2 });
    expect(problem.detail).toMatch(/the log holds another event at position 1/);
    expect(await totalEvents()).toBe(before);
  });

  it('asks for the admin scope at every step', async () => {
    const writer = await editorKey('Restore Tester', ['events:write', 'webhooks:manage']);
    const asWriter = { ...writer.headers, 'content-type': 'application/json' };
    expect((await restored('/v1/admin/restores', { method: 'POST', headers: asWriter, body: JSON.stringify({ lines: 2, check: '0'.repeat(64) }) })).status).toBe(403);
    expect((await restored(`/v1/admin/restores/${CORRECTED}`, { headers: writer.headers })).status).toBe(403);
  });
});
