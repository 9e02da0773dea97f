import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshRelation, get, post, SOURCE } from './setup/client';

/** The page of one fact, as a reader cites it, and its citation as CSL-JSON and BibTeX. */

async function record(relation: string, events: Record<string, unknown>[]): Promise<string[]> {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json<any>()).events.map((event: any) => event.id);
}

const QUOTED = { ...SOURCE, quote: 'The two states signed it that June.', locator: 'section 2' };
const agreement = {
  type: 'AgreementSigned', occurred: '1976-06', headline: 'An air transport agreement was signed', summary: 'Flights between the capitals.',
  source: QUOTED, participants: ['A minister'], places: ['Moscow'], tags: ['transport'],
  data: { agreementId: 'air-transport', title: 'Air Transport Agreement', kind: 'agreement', parties: ['Mexico', 'USSR'], validUntil: null },
};

/** A GET whose redirect is not followed. */
const unfollowed = (path: string) => SELF.fetch(`https://relations.test${path}`, { redirect: 'manual' });

async function page(path: string) {
  const response = await get(path);
  return { response, html: await response.text() };
}

describe('the page of a fact', () => {
  it('shows what the fact says, its date with its precision, its data, its source and quote, who recorded it, and links', async () => {
    const relation = freshRelation();
    const [id] = await record(relation, [agreement]);
    const { response, html } = await page(`/${relation}/events/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<h1 id="fact-heading">An air transport agreement was signed</h1>');
    expect(html).toContain('June 1976');
    expect(html).toContain('known to the month');
    expect(html).toContain('Agreement signed');
    for (const words of ['Air Transport Agreement', 'Mexico; USSR', 'not stated by the source', 'Flights between the capitals.', 'A minister', 'Moscow', 'transport']) {
      expect(html).toContain(words);
    }
    expect(html).toContain('<blockquote cite="https://example.org/source"><p>The two states signed it that June.</p></blockquote>');
    expect(html).toContain('section 2');
    expect(html).toMatch(/Recorded by admin on \d{1,2} \w+ \d{4}, \d{2}:\d{2} \(UTC\)/);
    expect(html).toContain('Never corrected or retracted');
    expect(html).toContain(`href="/v1/events/${id}"`);
    expect(html).toContain(`href="/${relation}?from=1976-06-01#event-${id}"`);
    const timeline = await page(`/${relation}?from=1976-06-01`);
    expect(timeline.html).toContain(`id="event-${id}"`);
    expect(html).toContain(`<link rel="canonical" href="https://relations.test/${relation}/events/${id}"/>`);
    expect(html).toContain(`<meta property="og:url" content="https://relations.test/${relation}/events/${id}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary"/>');
    // The plain-text citation names the log, the fact, when it happened and was recorded, and the page.
    expect(html).toMatch(new RegExp(`Relations log\\. “An air transport agreement was signed\\.” [^<]+ relations, event of June 1976\\. Recorded \\d+ \\w+ \\d{4}\\. https://relations\\.test/en/${relation}/events/${id} \\(accessed`));
  });

  it('shows each correction with what it changed, at once, and a retraction at the top: the fact is then not presented as true', async () => {
    const relation = freshRelation();
    const [id] = await record(relation, [agreement]);
    const path = `/${relation}/events/${id}`;
    expect((await page(path)).html).toContain('Never corrected');
    const [correction] = await record(relation, [{
      type: 'EventCorrected', headline: 'Corrected', source: SOURCE,
      data: { eventId: id, reason: 'the treaty gives the day', changes: { occurred: '1976-06-14', headline: 'The air transport agreement was signed' } },
    }]);
    const corrected = await page(path);
    expect(corrected.response.headers.get('cache-status')).toMatch(/fwd=miss/);
    expect(corrected.html).toContain('<h1 id="fact-heading">The air transport agreement was signed</h1>');
    expect(corrected.html).toContain(`id="amendment-${correction}"`);
    expect(corrected.html).toContain('the treaty gives the day');
    expect(corrected.html).toMatch(/occurred:<\/dt><dd><span class="muted">was<\/span> <del>June 1976<\/del>;\s*<span class="muted">now<\/span> <ins>14 June 1976<\/ins>/);
    expect(corrected.html).not.toContain('notice-retracted');

    const [retraction] = await record(relation, [{ type: 'EventRetracted', headline: 'Withdrawn', source: SOURCE, data: { eventId: id, reason: 'no such agreement' } }]);
    const retracted = await page(path);
    expect(retracted.response.status).toBe(200);
    expect(retracted.html.indexOf('notice-retracted')).toBeLessThan(retracted.html.indexOf('<h1'));
    expect(retracted.html).toContain('is not presented as true');
    expect(retracted.html).toContain('<s>The air transport agreement was signed</s>');
    expect(retracted.html).toContain(`id="amendment-${retraction}"`);
    expect(retracted.html).toContain('no such agreement');
    // It is in no timeline any more, so the page does not send the reader to one.
    expect(retracted.html).not.toContain('Its place in the timeline');
    expect(retracted.html).toMatch(/Retracted \d+ \w+ \d{4}\./);
  });

  it('sends the id of a correction to its entry on the page of the fact, a fact of another relation to its own page; 404 otherwise', async () => {
    const relation = freshRelation();
    const [id] = await record(relation, [agreement]);
    const [retraction] = await record(relation, [{ type: 'EventRetracted', headline: 'Withdrawn', source: SOURCE, data: { eventId: id, reason: 'wrong' } }]);
    const amendment = await unfollowed(`/${relation}/events/${retraction}`);
    expect(amendment.status).toBe(301);
    expect(amendment.headers.get('location')).toBe(`/${relation}/events/${id}#amendment-${retraction}`);
    const elsewhere = await unfollowed(`/${freshRelation()}/events/${id}`);
    expect(elsewhere.status).toBe(301);
    expect(elsewhere.headers.get('location')).toBe(`/${relation}/events/${id}`);
    expect((await get(`/${relation}/events/not-an-id`)).status).toBe(404);
    expect((await get(`/${relation}/events/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await get(`/MX-RU/events/${id}`)).status).toBe(404);
  });
});


describe('the citation of a fact', () => {
  it('is CSL-JSON with the record, when it happened as precisely as the source gives it, and its source in the note', async () => {
    const relation = freshRelation();
    const [id] = await record(relation, [agreement, { ...agreement, occurred: '2012~', data: { ...agreement.data, agreementId: 'b' } }]);
    const response = await get(`/v1/events/${id}/citation.csl.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${id}.csl.json"`);
    const [item] = await response.json<any[]>();
    expect(item).toMatchObject({
      id, type: 'webpage', title: 'An air transport agreement was signed', author: [{ literal: 'Relations log' }],
      URL: `https://relations.test/${relation}/events/${id}`, 'event-date': { 'date-parts': [[1976, 6]] },
    });
    expect(item.issued['date-parts'][0]).toHaveLength(3);
    expect(item.note).toContain('Source: Test source (Test publisher, section 2), https://example.org/source');
  });

  it('is BibTeX whose fields escape what LaTeX would read as commands, so its braces always balance', async () => {
    const relation = freshRelation();
    const headline = 'Costs of 50% & more: $5_000 for {A} #1 ~ ^ \\ done';
    const [id] = await record(relation, [{ ...agreement, headline }]);
    const response = await get(`/v1/events/${id}/citation.bib`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    const bib = await response.text();
    expect(bib).toContain(`@misc{relationslog-${id},`);
    expect(bib).toContain('title = {{Costs of 50\\% \\& more: \\$5\\_000 for \\{A\\} \\#1 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} done}}');
    expect(bib).toContain(`url = {https://relations.test/${relation}/events/${id}}`);
    // Braces balance once the escaped ones are set aside.
    let depth = 0;
    for (const char of bib.replace(/\\[{}]/g, '')) {
      if (char === '{') depth += 1;
      if (char === '}') depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('is not given for a correction or retraction, nor for an unknown id', async () => {
    const relation = freshRelation();
    const [id] = await record(relation, [agreement]);
    const [retraction] = await record(relation, [{ type: 'EventRetracted', headline: 'Withdrawn', source: SOURCE, data: { eventId: id, reason: 'wrong' } }]);
    expect((await get(`/v1/events/${retraction}/citation.bib`)).status).toBe(404);
    expect((await get(`/v1/events/${crypto.randomUUID()}/citation.csl.json`)).status).toBe(404);
    const bib = await (await get(`/v1/events/${id}/citation.bib`)).text();
    expect(bib).toMatch(/Retracted on \d+ \w+ \d{4}\./);
  });
});
