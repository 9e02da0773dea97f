import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';
import { pointersOf, problemOf, totalEvents } from './setup/log-state';

/**
 * Text the service keeps holds no control character (tab, CR and LF included), no line or paragraph
 * separator, no bidirectional override, embedding or isolate, and no unpaired surrogate: in every text field
 * of every event type, of a webhook subscription and of a key's name. A URL holds no white space or control
 * character either, and a URL recorded before that rule never reaches a page or a feed raw.
 */

const REFUSED: [string, string][] = [
  ['TAB', '\t'], ['LF', '\n'], ['CR', '\r'], ['NUL', '\u0000'], ['ESC', '\u001b'], ['DEL', '\u007f'],
  ['NEL', '\u0085'], ['CSI', '\u009b'], ['LINE SEPARATOR', '\u2028'], ['PARAGRAPH SEPARATOR', '\u2029'],
  ['RIGHT-TO-LEFT OVERRIDE', '\u202e'], ['LEFT-TO-RIGHT EMBEDDING', '\u202a'], ['RIGHT-TO-LEFT ISOLATE', '\u2067'],
];

// Some dozens of requests each: room for a machine shared with other work.
const MANY_REQUESTS = 30_000;

const agreement = (fields: Record<string, unknown>) => ({
  type: 'AgreementSigned', occurred: '1976-05-03', headline: 'Signed', source: SOURCE,
  data: { agreementId: 'a-treaty', title: 'A treaty', kind: 'treaty', parties: ['Mexico', 'Russia'], subject: 'trade', ...fields },
});

/** Every text field of the catalog: an event with `text` in it, and the field's pointer. */
const TEXT_FIELDS: [(text: string) => Record<string, unknown>, string][] = [
  [(text) => noted({ headline: `A ${text} headline` }), '/events/0/headline'],
  [(text) => noted({ summary: `A ${text} summary` }), '/events/0/summary'],
  [(text) => noted({ places: ['Moscow', `Mexico ${text}City`] }), '/events/0/places/1'],
  [(text) => noted({ participants: [`Some${text}one`] }), '/events/0/participants/0'],
  [(text) => noted({ source: { ...SOURCE, title: `A ${text} title` } }), '/events/0/source/title'],
  [(text) => noted({ source: { ...SOURCE, publisher: `A ${text} publisher` } }), '/events/0/source/publisher'],
  [(text) => noted({ source: { ...SOURCE, locator: `page ${text}4` } }), '/events/0/source/locator'],
  [(text) => noted({ source: { ...SOURCE, quote: `the ${text}words` } }), '/events/0/source/quote'],
  [(text) => ({ ...noted(), type: 'RelationsEstablished', data: { states: ['Mexico', `the ${text}USSR`], reason: 'a reason' } }), '/events/0/data/states/1'],
  [(text) => ({ ...noted(), type: 'RelationsSevered', data: { reason: `a ${text} reason` } }), '/events/0/data/reason'],
  [(text) => ({ ...noted(), type: 'VisitMade', data: { visitor: `A ${text}visitor`, office: 'President', from: 'mx', to: 'ru' } }), '/events/0/data/visitor'],
  [(text) => ({ ...noted(), type: 'VisitMade', data: { visitor: 'A visitor', office: `Pres${text}ident`, from: 'mx', to: 'ru' } }), '/events/0/data/office'],
  [(text) => agreement({ title: `A ${text}treaty` }), '/events/0/data/title'],
  [(text) => agreement({ parties: ['Mexico', `Rus${text}sia`] }), '/events/0/data/parties/1'],
  [(text) => agreement({ subject: `tra${text}de` }), '/events/0/data/subject'],
  [(text) => ({ ...noted(), type: 'MissionOpened', data: { mission: 'embassy', sendingState: 'mx', city: `Mos${text}cow` } }), '/events/0/data/city'],
  [(text) => ({ ...noted(), type: 'AmbassadorAppointed', data: { ambassador: `An ${text}envoy`, sendingState: 'mx', receivingState: 'ru' } }), '/events/0/data/ambassador'],
  [(text) => ({ ...noted(), type: 'TradeReported', data: { period: '2019', totalUsd: 1, mainExports: { mx: [`ca${text}rs`] } } }), '/events/0/data/mainExports/mx/0'],
  [(text) => ({ ...noted(), type: 'EventRetracted', occurred: undefined, data: { eventId: crypto.randomUUID(), reason: `wr${text}ong` } }), '/events/0/data/reason'],
];

describe('text fields', () => {
  it('refuse control characters, separators and bidirectional controls in every field of every event type, naming it', async () => {
    const relation = freshRelation();
    const before = await totalEvents();
    // Every character in the headline, and one of them in turn in every other field.
    const cases = [
      ...REFUSED.map((refused) => [TEXT_FIELDS[0], refused] as const),
      ...TEXT_FIELDS.slice(1).map((field, i) => [field, REFUSED[i % REFUSED.length]] as const),
    ];
    for (const [[make, pointer], [name, character]] of cases) {
      const response = await post(`/v1/relations/${relation}/events`, { events: [make(character)] });
      expect(response.status, `${pointer} with ${name}`).toBe(422);
      expect(pointersOf(await problemOf(response)), `${pointer} with ${name}`).toEqual([pointer]);
    }
    expect(await totalEvents()).toBe(before);
    // The same events with plain text are recorded (but the retraction, which points at nothing).
    for (const [make, pointer] of TEXT_FIELDS.slice(0, -1)) {
      const response = await post(`/v1/relations/${relation}/events`, { events: [make('\u00a0')] });
      expect(response.status, pointer).toBe(201);
    }
  }, MANY_REQUESTS);

  it('refuse them in a webhook description, and in the name on a key (which feeds show as the author)', async () => {
    for (const [name, character] of REFUSED) {
      const subscription = await post('/v1/webhooks', {
        url: 'https://receiver.example/hook', events: ['event.recorded'], relations: ['za-zw'], description: `for ${character}the desk`,
      });
      expect(subscription.status, name).toBe(422);
      expect(pointersOf(await problemOf(subscription)), name).toEqual(['/description']);
      const key = await post('/v1/admin/keys', { name: `Ana${character}Pérez`, scopes: ['events:write'] });
      expect(key.status, name).toBe(422);
      expect([...new Set(pointersOf(await problemOf(key)))], name).toEqual(['/name']);
    }
  });
});

describe('a URL', () => {
  it('refuses every C0 control, DEL, C1 and white space in source.url, and takes a URL with non-ASCII letters', async () => {
    const relation = freshRelation();
    const before = await totalEvents();
    const characters = [...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)), '\u007f', '\u0085', '\u009b', ' ', '\u00a0', '\u2028'];
    // Each inside a URL; at either end, the ones the URL parser drops there (C0 and the space).
    const urls = [
      ...characters.map((character) => `https://example.org/a${character}b`),
      ...['\u0000', '\t', '\n', ' ', '\u001f'].flatMap((character) => [`${character}https://example.org/`, `https://example.org/${character}`]),
    ];
    for (const url of urls) {
      const response = await post(`/v1/relations/${relation}/events`, { events: [noted({ source: { ...SOURCE, url } })] });
      expect(response.status, JSON.stringify(url)).toBe(422);
      expect([...new Set(pointersOf(await problemOf(response)))], JSON.stringify(url)).toEqual(['/events/0/source/url']);
    }
    for (const character of ['\u0000', '\t', '\n', '\u001b', ' ', '\u009b']) {
      const hook = await post('/v1/webhooks', { url: `https://receiver.example/a${character}b`, events: ['event.recorded'] });
      expect(hook.status, JSON.stringify(character)).toBe(422);
      expect([...new Set(pointersOf(await problemOf(hook)))]).toEqual(['/url']);
    }
    expect(await totalEvents()).toBe(before);
    const wiki = 'https://es.wikipedia.org/wiki/Relaciones_México-Rusia';
    const recorded = await post(`/v1/relations/${relation}/events`, { events: [noted({ source: { ...SOURCE, url: wiki } })] });
    expect(recorded.status).toBe(201);
    expect(await (await get(`/${relation}`)).text()).toContain(`href="${wiki}"`);
  }, MANY_REQUESTS);

  it('recorded before the rule reaches the page, the feeds and the TimelineJS export without a control character', async () => {
    const relation = freshRelation();
    const response = await post(`/v1/relations/${relation}/events`, { events: [noted({ headline: 'Cited oddly' })] });
    const [{ id }] = (await response.json<{ events: { id: string }[] }>()).events;
    const odd = 'https://example.org/a\u0001b\u0000c';
    // As a log written before the rule holds it: an event under a new id (the log is append-only), and its timeline item.
    const old = crypto.randomUUID();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO events (id, relation, version, type, schema, occurred, occurred_earliest, occurred_latest, recorded,
           headline, summary, tags, places, participants, level, data, source, actor, digest)
         SELECT ?2, relation, version + 1, type, schema, occurred, occurred_earliest, occurred_latest, recorded,
           headline, summary, tags, places, participants, level, data, json_set(source, '$.url', ?3), actor, digest
         FROM events WHERE id = ?1`,
      ).bind(id, old, odd),
      env.DB.prepare('UPDATE relations SET version = version + 1 WHERE relation = ?1').bind(relation),
      env.DB.prepare("UPDATE view_timeline SET item = json_set(item, '$.source.url', ?2) WHERE event_id = ?1").bind(id, odd),
    ]);
    for (const path of [`/${relation}`, `/v1/relations/${relation}/feed.atom`, `/v1/relations/${relation}/feed.json`, `/v1/relations/${relation}/feed.xml`, `/v1/relations/${relation}/timeline.timelinejs.json`]) {
      const text = await (await get(path, { 'cache-control': 'no-store' })).text();
      expect(text, path).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      expect(text, path).toContain('https://example.org/a%01b%00c');
    }
  });
});
