// The editor's desk in a real browser (Debian's chromium, driven by playwright-core), as an editor uses it:
// signing in with a key, and everything the key's scopes open. Every page passes axe, runs no inline script,
// is never stored by a cache, and a POST from another site is refused.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { axeViolations, CHROMIUM_ARGS } from './browser.mjs';
import { startWorker } from './worker.mjs';

let worker;
let browser;

before(async () => {
  // Webhooks to the receiver below (http on 127.0.0.1), retried once, a second later.
  worker = await startWorker(Number(process.env.E2E_PORT ?? 8796), { vars: { ALLOW_HTTP_WEBHOOKS: 'true', WEBHOOK_RETRY_SCHEDULE: '1' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  worker?.stop();
});

/** An editor key made with the ADMIN_TOKEN. */
async function makeKey(name, scopes) {
  const response = await fetch(`${worker.url}/v1/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${worker.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${name} ${crypto.randomUUID().slice(0, 6)}`, scopes }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

/** A browser of its own, with what every desk page must be: axe-clean, no inline script run, never stored. */
async function openDesk() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const refusedScripts = [];
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) refusedScripts.push(message.text());
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/desk') && response.request().resourceType() === 'document') {
      assert.equal(response.headers()['cache-control'], 'no-store', `${url.pathname} is never stored`);
      assert.match(response.headers()['content-security-policy'], /script-src 'self'(;|$)/, `${url.pathname} runs no inline script`);
    }
  });
  return { context, page, refusedScripts };
}

const violations = axeViolations;

/** Signs in as a person would, with the keyboard only: the key typed into the field, Enter to send. */
async function signIn(page, key) {
  await page.goto(`${worker.url}/desk`);
  await page.waitForURL(`${worker.url}/desk/sign-in`);
  // The key field has the focus (autofocus), so that typing goes into it.
  await page.waitForFunction(() => document.activeElement?.id === 'key');
  await page.keyboard.type(key);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${worker.url}/desk`);
}

test('an editor signs in with a key, keyboard only, into a session cookie no script can read, and signs out', async () => {
  const { context, page, refusedScripts } = await openDesk();
  const editor = await makeKey('Desk Editor', ['events:write', 'webhooks:manage']);
  await page.goto(`${worker.url}/desk/sign-in`);
  assert.deepEqual(await violations(page), []);

  // A wrong key first: said at the field, and not kept in the page.
  await page.getByLabel('Editor key').fill(`rlk_${'W'.repeat(43)}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  assert.match(await page.getByRole('alert').textContent(), /not valid/);
  assert.equal(await page.getByLabel('Editor key').inputValue(), '');
  assert.deepEqual(await violations(page), []);

  await signIn(page, editor.key);
  assert.ok(await page.getByText(`You are signed in as ${editor.name}`).isVisible());
  assert.deepEqual(await violations(page), []);
  const nav = page.getByRole('navigation', { name: 'Desk' });
  assert.ok(await nav.getByRole('link', { name: 'Record a fact' }).isVisible());
  assert.ok(await nav.getByRole('link', { name: 'Webhooks' }).isVisible());
  assert.equal(await nav.getByRole('link', { name: 'Keys' }).count(), 0, 'no admin scope, no keys page');

  const [cookie] = await context.cookies();
  assert.equal(cookie.name, '__Host-desk-session');
  assert.deepEqual([cookie.httpOnly, cookie.secure, cookie.sameSite, cookie.path], [true, true, 'Strict', '/']);
  assert.ok(!cookie.value.includes(editor.key), 'the cookie is a session, not the key');
  assert.equal(await page.evaluate(() => document.cookie), '', 'no script reads the session');
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  assert.ok(!page.url().includes(editor.key));

  // Keyboard only: Tab reaches the sign-out button, Enter signs out.
  for (let tab = 0; tab < 20; tab += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent === 'Sign out')) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(`${worker.url}/desk/sign-in`);
  await page.goto(`${worker.url}/desk`);
  await page.waitForURL(`${worker.url}/desk/sign-in`);
  // The ended session's token is refused by the API too.
  const ended = await fetch(`${worker.url}/v1/sessions/current`, { headers: { authorization: `Bearer ${cookie.value}` } });
  assert.equal(ended.status, 401);
  assert.deepEqual(refusedScripts, []);
  await context.close();
});

test('a POST from another site is refused and changes nothing; the desk is never served from a cache', async () => {
  const { context, page } = await openDesk();
  const editor = await makeKey('Cross Site', ['events:write']);
  await signIn(page, editor.key);
  // A page of another site with a form that posts to the desk's sign-out, sent in the same browser.
  const attacker = await context.newPage();
  await attacker.setContent(`<form method="post" action="${worker.url}/desk/sign-out"><button>Win a prize</button></form>`);
  const [answer] = await Promise.all([attacker.waitForNavigation(), attacker.getByRole('button', { name: 'Win a prize' }).click()]);
  assert.equal(answer.status(), 403);
  assert.equal(answer.headers()['cache-control'], 'no-store');
  // The same from a script that sends the cookie and forges nothing but the Origin.
  const crossSite = await fetch(`${worker.url}/desk/sign-out`, {
    method: 'POST', redirect: 'manual', headers: { origin: 'https://elsewhere.example', cookie: `__Host-desk-session=${(await context.cookies())[0].value}` },
  });
  assert.equal(crossSite.status, 403);
  await page.reload();
  assert.equal(page.url(), `${worker.url}/desk`, 'still signed in');

  // Twice the same page: each answer made afresh (the edge cache would answer the second with cf-cache-status or age).
  for (let time = 0; time < 2; time += 1) {
    const response = await page.goto(`${worker.url}/desk`);
    assert.equal(response.headers()['cache-control'], 'no-store');
    assert.equal(response.headers().age, undefined);
    assert.equal(response.headers()['cache-status'], undefined);
  }
  await context.close();
});

/** The relation's version, as the API says it. */
async function versionOf(relation) {
  const { relations } = await (await fetch(`${worker.url}/v1/relations`)).json();
  return relations.find((known) => known.relation === relation)?.version ?? 0;
}

/** Opens the form of a type, as a person would: the relation typed, the kind chosen, the fields shown. */
async function openForm(page, relation, kind) {
  await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Record a fact' }).click();
  await page.waitForURL(`${worker.url}/desk/record`);
  await page.getByLabel('Relation').fill(relation);
  await page.getByLabel('What kind of fact').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Show its fields' }).click();
  await page.waitForURL(/\/desk\/record\?relation=/);
}

async function fillVisit(page, { occurred, headline }) {
  await page.locator('#f-occurred').fill(occurred);
  await page.locator('#f-headline').fill(headline);
  await page.locator('#f-data-visitor').fill('Ezequiel Padilla');
  await page.locator('#f-data-office').fill('Minister of Foreign Affairs');
  await page.locator('#f-data-from').fill('mx');
  await page.locator('#f-data-to').fill('ru');
  await page.locator('#f-source-title').fill('Memoria de la Secretaría de Relaciones Exteriores');
  await page.locator('#f-source-publisher').fill('SRE');
  await page.locator('#f-source-date').fill('1944');
}

test('an editor records a visit with a month-precision date, after fixing the field the API refused', async () => {
  const { context, page, refusedScripts } = await openDesk();
  const editor = await makeKey('Recording Editor', ['events:write']);
  await signIn(page, editor.key);
  await openForm(page, 'mx-ru', 'Visit made');
  assert.deepEqual(await violations(page), []);
  // The form is the catalog's: the visit's own fields, the common ones and the citation.
  for (const field of ['occurred', 'headline', 'tags', 'level', 'data-visitor', 'data-office', 'source-title', 'source-url', 'source-date']) {
    assert.equal(await page.locator(`#f-${field}`).count(), 1, field);
  }
  const headline = `Padilla visits Moscow ${crypto.randomUUID().slice(0, 6)}`;
  await fillVisit(page, { occurred: '1943-13', headline });
  await page.locator('#f-tags').fill('visits\nforeign-ministers');
  await page.getByRole('button', { name: 'Record' }).click();

  // The API's problem, at the field its pointer names; everything typed is kept.
  const occurred = page.locator('#f-occurred');
  assert.equal(await occurred.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#f-occurred-error').textContent(), /month|13/i);
  assert.equal(await page.locator('#f-headline').inputValue(), headline);
  assert.equal(await page.locator('#f-tags').inputValue(), 'visits\nforeign-ministers');
  assert.equal(await page.locator('#f-source-date').inputValue(), '1944');
  assert.ok(await page.getByRole('link', { name: 'Occurred' }).isVisible(), 'the summary links the field');
  assert.deepEqual(await violations(page), []);

  // The script reads the date as the API does, and says what it means as it is typed.
  const apiSays = (await page.locator('#f-occurred-error').textContent()).trim();
  assert.equal((await page.locator('#f-occurred-reading').textContent()).trim(), `Not a date the log takes: ${apiSays}`);
  await occurred.fill('197X');
  assert.equal(await page.locator('#f-occurred-reading').textContent(), 'some time in the 1970s');
  await occurred.fill('1943-06');
  assert.equal(await page.locator('#f-occurred-reading').textContent(), 'June 1943, month precision');
  assert.equal(await page.locator('#f-source-date-reading').textContent(), '1944, year precision');
  // The preview: the fact as a timeline entry will show it.
  const preview = page.getByRole('region', { name: /^Preview/ });
  assert.equal(await preview.locator('.when').textContent(), 'June 1943');
  assert.equal(await preview.locator('.headline').textContent(), headline);
  assert.match(await preview.locator('.cited').textContent(), /Memoria de la Secretaría de Relaciones Exteriores, SRE, 1944/);
  assert.deepEqual(await violations(page), []);
  await page.getByRole('button', { name: 'Record' }).click();
  await page.waitForURL(/\/desk\/facts\/[0-9a-f-]{36}\?recorded$/);
  assert.match(await page.getByRole('status').textContent(), /Recorded/);
  assert.deepEqual(await violations(page), []);
  const id = /facts\/([0-9a-f-]{36})/.exec(page.url())[1];
  const event = await (await fetch(`${worker.url}/v1/events/${id}`)).json();
  assert.deepEqual([event.occurred, event.headline, event.actor, event.tags, event.data.visitor], ['1943-06', headline, editor.name, ['visits', 'foreign-ministers'], 'Ezequiel Padilla']);
  assert.deepEqual(refusedScripts, []);
  await context.close();
});

test('two editors at once: the second sees what the first recorded meanwhile, and records on top without retyping', async () => {
  const { context, page } = await openDesk();
  const editor = await makeKey('Second Editor', ['events:write']);
  const other = await makeKey('First Editor', ['events:write']);
  await signIn(page, editor.key);
  await openForm(page, 'mx-ru', 'Visit made');
  const headline = `A visit typed slowly ${crypto.randomUUID().slice(0, 6)}`;
  await fillVisit(page, { occurred: '1945-02', headline });

  // Meanwhile, another editor records a fact in the same relation.
  const theirs = `Recorded meanwhile ${crypto.randomUUID().slice(0, 6)}`;
  const before = await versionOf('mx-ru');
  const recorded = await fetch(`${worker.url}/v1/relations/mx-ru/events`, {
    method: 'POST', headers: { authorization: `Bearer ${other.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: [{ type: 'EventNoted', occurred: '1945', headline: theirs, source: { title: 'A source', publisher: 'A publisher', date: '1945' }, data: {} }] }),
  });
  assert.equal(recorded.status, 201);

  await page.getByRole('button', { name: 'Record' }).click();
  const meanwhile = page.locator('#meanwhile');
  assert.match(await meanwhile.textContent(), new RegExp(`${theirs}.*by ${other.name}`));
  assert.match(await meanwhile.textContent(), new RegExp(`now at version ${before + 1}`));
  assert.equal(await page.locator('#f-headline').inputValue(), headline);
  assert.equal(await versionOf('mx-ru'), before + 1, 'nothing of the second editor was recorded');
  assert.deepEqual(await violations(page), []);

  await page.getByRole('button', { name: 'Record on top of them' }).click();
  await page.waitForURL(/\/desk\/facts\/[0-9a-f-]{36}\?recorded$/);
  assert.equal(await versionOf('mx-ru'), before + 2);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), headline);
  await context.close();
});

test('an editor corrects a fact (only what changed is sent, with the reason) and then retracts it, seeing its history', async () => {
  const { context, page } = await openDesk();
  const editor = await makeKey('Correcting Editor', ['events:write']);
  const headline = `Trade mission arrives ${crypto.randomUUID().slice(0, 6)}`;
  const made = await fetch(`${worker.url}/v1/relations/mx-ru/events`, {
    method: 'POST', headers: { authorization: `Bearer ${editor.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: [{ type: 'EventNoted', occurred: '1943-06', headline, tags: ['trade'], source: { title: 'Excélsior', publisher: 'Excélsior', date: '1943-06-12' }, data: {} }] }),
  });
  const { events: [{ id }] } = await made.json();
  await signIn(page, editor.key);
  await page.goto(`${worker.url}/desk/facts/${id}`);
  assert.match(await page.getByRole('region', { name: 'History' }).textContent(), new RegExp(`Recorded by ${editor.name}`));
  assert.deepEqual(await violations(page), []);

  await page.getByRole('link', { name: 'Correct this fact' }).click();
  assert.equal(await page.locator('#f-headline').inputValue(), headline, 'prefilled with the fact');
  assert.equal(await page.locator('#f-tags').inputValue(), 'trade');
  assert.equal(await page.locator('#f-source-date').inputValue(), '1943-06-12');
  assert.deepEqual(await violations(page), []);
  await page.locator('#f-occurred').fill('1943-07');
  await page.getByLabel('Reason for the correction (required)').fill('The paper dates the arrival to July.');
  await page.getByRole('button', { name: 'Record the correction' }).click();
  await page.waitForURL(`${worker.url}/desk/facts/${id}?corrected`);
  assert.match(await page.getByRole('region', { name: 'History' }).textContent(), /Corrected by .*: occurred changed\. Reason: The paper dates the arrival to July\./);
  assert.ok(await page.getByText('1943-07', { exact: true }).isVisible(), 'the fact as corrected');

  const { events } = await (await fetch(`${worker.url}/v1/relations/mx-ru/events?limit=500`)).json();
  const correction = events.find((event) => event.type === 'EventCorrected' && event.data.eventId === id);
  assert.deepEqual(correction.data.changes, { occurred: '1943-07' }, 'only the field that changed');

  await page.getByRole('link', { name: 'Retract it' }).click();
  assert.deepEqual(await violations(page), []);
  await page.getByLabel('Reason for the retraction (required)').fill('A duplicate of an earlier fact.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${worker.url}/desk/facts/${id}?retracted`);
  const history = await page.getByRole('region', { name: 'History' }).textContent();
  assert.match(history, /Corrected by[\s\S]*Retracted by .*Reason: A duplicate of an earlier fact\./);
  assert.equal(await page.getByRole('link', { name: 'Correct this fact' }).count(), 0);
  const after = await (await fetch(`${worker.url}/v1/relations/mx-ru/events?limit=500`)).json();
  const retraction = after.events.find((event) => event.type === 'EventRetracted' && event.data.eventId === id);
  assert.deepEqual([retraction.data.reason, retraction.actor], ['A duplicate of an earlier fact.', editor.name]);
  await context.close();
});

/** Records an EventNoted in mx-ru with a key; answers its id. */
async function note(key, headline, extra = {}) {
  const response = await fetch(`${worker.url}/v1/relations/mx-ru/events`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: [{ type: 'EventNoted', occurred: '1950', headline, source: { title: 'A source', publisher: 'A publisher', date: '1950' }, data: {}, ...extra }] }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()).events[0].id;
}

test('my work: my facts newest first with their corrections, and what others recorded since I last looked', async () => {
  const { context, page } = await openDesk();
  const editor = await makeKey('Working Editor', ['events:write']);
  const colleague = await makeKey('Colleague', ['events:write']);
  const first = await note(editor.key, `My first fact ${crypto.randomUUID().slice(0, 6)}`);
  const second = await note(editor.key, `My second fact ${crypto.randomUUID().slice(0, 6)}`);
  await note(colleague.key, 'A correction of mine', {
    type: 'EventCorrected', occurred: undefined, data: { eventId: first, reason: 'The year was 1951.', changes: { occurred: '1951' } },
  });
  await signIn(page, editor.key);
  await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'My work' }).click();
  await page.waitForURL(`${worker.url}/desk/work`);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(await page.locator('li[data-fact]').evaluateAll((items) => items.map((item) => item.dataset.fact)), [second, first]);
  assert.match(await page.locator(`li[data-fact="${first}"]`).textContent(), new RegExp(`Corrected by ${colleague.name} .*The year was 1951\\.`));
  const relation = page.locator('li[data-relation="mx-ru"]');
  assert.match(await relation.textContent(), /Your first look here/);

  const theirs = `Recorded by a colleague ${crypto.randomUUID().slice(0, 6)}`;
  await note(colleague.key, theirs);
  await page.reload();
  assert.match(await relation.textContent(), new RegExp(`Since version \\d+, others recorded:.*${theirs}.*by ${colleague.name}`));
  await page.reload();
  assert.match(await relation.textContent(), /Nothing recorded by others since version \d+\./);
  await context.close();
});

test('an admin makes a key (shown once), and revoking it ends the session signed in with it at once', async () => {
  const admin = await openDesk();
  const adminKey = await makeKey('Desk Admin', ['admin']);
  await signIn(admin.page, adminKey.key);
  await admin.page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Keys' }).click();
  await admin.page.waitForURL(`${worker.url}/desk/keys`);
  assert.deepEqual(await violations(admin.page), []);

  const name = `Ana Pérez ${crypto.randomUUID().slice(0, 6)}`;
  await admin.page.getByLabel("Editor's name (required)").fill(name);
  await admin.page.getByLabel(/^events:write/).check();
  await admin.page.getByRole('button', { name: 'Make the key' }).click();
  const key = (await admin.page.locator('#made-key').textContent()).trim();
  assert.match(key, /^rlk_[\w-]{43}$/);
  assert.deepEqual(await violations(admin.page), []);
  await admin.page.goto(`${worker.url}/desk/keys`);
  assert.ok(!(await admin.page.content()).includes(key), 'shown once');

  // The same name again: refused at the name field, the form kept.
  await admin.page.getByLabel("Editor's name (required)").fill(name);
  await admin.page.getByLabel(/^events:write/).check();
  await admin.page.getByRole('button', { name: 'Make the key' }).click();
  assert.match(await admin.page.locator('#f-name-error').textContent(), /already called/);
  assert.equal(await admin.page.getByLabel("Editor's name (required)").inputValue(), name);

  const editor = await openDesk();
  await signIn(editor.page, key);
  assert.ok(await editor.page.getByText(`You are signed in as ${name}`).isVisible());

  await admin.page.getByRole('button', { name: new RegExp(`Revoke the key of ${name}`) }).click();
  await admin.page.waitForURL(`${worker.url}/desk/keys?revoked`);
  assert.match(await admin.page.locator(`tr:has-text("${name}")`).first().textContent(), /Revoked/);

  await editor.page.reload();
  await editor.page.waitForURL(`${worker.url}/desk/sign-in?ended`);
  assert.match(await editor.page.getByRole('status').textContent(), /Your session has ended/);
  assert.deepEqual(await violations(editor.page), []);
  await admin.context.close();
  await editor.context.close();
});

/** A webhook receiver on this machine: it keeps what it receives, and answers `answer` (200, or a failure). */
async function startReceiver(port = Number(process.env.E2E_RECEIVER_PORT ?? 8797)) {
  const received = [];
  const receiver = { received, answer: 200, url: `http://127.0.0.1:${port}/hook` };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(receiver.answer, { 'content-type': 'text/plain' }).end(receiver.answer === 200 ? 'thanks' : 'receiver is down');
    });
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  receiver.close = () => new Promise((done) => server.close(done));
  return receiver;
}

/** Waits (polling, without a deadline of its own: the test's timeout is the limit) until `check` holds. */
async function until(check) {
  while (!(await check())) await new Promise((done) => setTimeout(done, 250));
}

const verifies = (secret, message) => {
  try {
    new Webhook(secret).verify(message.body, message.headers);
    return true;
  } catch {
    return false;
  }
};

test('a subscriber subscribes a local receiver, verifies a test message, rotates the secret, and recovers failures', { timeout: 240_000 }, async () => {
  const receiver = await startReceiver();
  const { context, page } = await openDesk();
  try {
    const subscriber = await makeKey('Bot Operator', ['webhooks:manage']);
    await signIn(page, subscriber.key);
    await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(`${worker.url}/desk/webhooks`);
    assert.deepEqual(await violations(page), []);
    await page.getByLabel('Endpoint URL (required)').fill(receiver.url);
    await page.getByLabel('What it is for').fill('The morning bot');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const secret = (await page.locator('#secret-value').textContent()).trim();
    assert.match(secret, /^whsec_/);
    assert.deepEqual(await violations(page), []);

    // A test message: it arrives, signed with the secret shown, and the delivery log shows it.
    await page.getByRole('button', { name: 'Send a test message' }).click();
    await page.waitForURL(/\/desk\/webhooks\/wh_[0-9a-f]{32}\?tested$/);
    const subscriptionUrl = page.url().replace(/\?.*$/, '');
    await until(() => receiver.received.length === 1);
    assert.ok(verifies(secret, receiver.received[0]), 'the test message verifies with the secret shown');
    const log = page.locator('tr[data-delivery]');
    assert.equal(await log.first().getAttribute('data-status'), 'succeeded');
    assert.match(await log.first().textContent(), /webhook\.test[\s\S]*200 in \d+ ms — thanks/);
    assert.match(await page.locator('#success-rate').textContent(), /100% of the last 1 deliveries/);
    assert.deepEqual(await violations(page), []);

    // A new secret, shown once; the old one still signs through the overlap.
    await page.getByRole('button', { name: 'Rotate the secret' }).click();
    const rotated = (await page.locator('#secret-value').textContent()).trim();
    assert.match(rotated, /^whsec_/);
    assert.notEqual(rotated, secret);
    assert.match(await page.locator('#secret').textContent(), /still signs until/);
    await page.goto(subscriptionUrl);
    assert.equal(await page.locator('#secret-value').count(), 0, 'shown once');
    await page.getByRole('button', { name: 'Send a test message' }).click();
    await page.waitForURL(/\?tested$/);
    await until(() => receiver.received.length === 2);
    assert.ok(verifies(rotated, receiver.received[1]) && verifies(secret, receiver.received[1]), 'signed by both secrets');

    // The receiver goes down: a message fails, retried once; then recovered from the log once it is back.
    const since = new Date(Date.now() - 1000).toISOString().slice(0, 19);
    receiver.answer = 503;
    // The POST's own navigation ends first: a reload while it runs is a reload of no page.
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send a test message' }).click()]);
    await until(async () => {
      await page.reload();
      return (await log.first().getAttribute('data-status')) === 'failed';
    });
    assert.match(await log.first().textContent(), /503 in \d+ ms — receiver is down/);
    assert.match(await page.locator('#success-rate').textContent(), /67% of the last 3 deliveries/);
    receiver.answer = 200;
    const before = receiver.received.length;
    await page.getByLabel('Send again every failed delivery since').fill(since);
    await page.getByRole('button', { name: 'Recover the failures' }).click();
    assert.match(await page.getByRole('status').textContent(), /1 failed delivery is sent again/);
    await until(() => receiver.received.length > before);
    await until(async () => {
      await page.reload();
      return (await log.first().getAttribute('data-status')) === 'succeeded';
    });

    // Paused, then resumed; then deleted.
    await page.getByRole('button', { name: 'Pause' }).click();
    assert.match(await page.getByRole('status').textContent(), /Paused/);
    await page.getByRole('button', { name: 'Resume' }).click();
    assert.match(await page.getByRole('status').textContent(), /Resumed/);
    await page.getByRole('button', { name: 'Delete the subscription' }).click();
    await page.waitForURL(`${worker.url}/desk/webhooks`);
    assert.equal(await page.locator('li[data-subscription]').count(), 0);
  } finally {
    await context.close();
    await receiver.close();
  }
});
