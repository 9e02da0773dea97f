import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';

async function record(relation: string, events: Record<string, unknown>[]) {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status).toBe(201);
  return (await response.json<any>()).events.map((event: any) => event.id) as string[];
}

/** RFC 5545 §3.1: a CRLF followed by a space or tab continues the previous line. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

function vevents(ics: string): Record<string, string>[] {
  return unfold(ics).split('BEGIN:VEVENT\r\n').slice(1).map((block) =>
    Object.fromEntries(
      block.split('END:VEVENT')[0].split('\r\n').filter(Boolean).map((line) => {
        // A property's name, without the language its text is in (`SUMMARY;LANGUAGE=en`: RFC 5545 §3.2.10).
        const colon = line.indexOf(':');
        return [line.slice(0, colon).replace(/;LANGUAGE=[^;:]*/, ''), line.slice(colon + 1)];
      }),
    ),
  );
}

describe('TimelineJS', () => {
  it('keeps partial dates partial and makes the periods of relations its eras', async () => {
    const relation = freshRelation();
    const [established, , year, month, interval, open] = await record(relation, [
      { type: 'RelationsEstablished', occurred: '1890-12-01', headline: 'Established', source: SOURCE, data: {} },
      { type: 'RelationsSevered', occurred: '1930-01-26', headline: 'Severed', source: SOURCE, data: {} },
      noted({ occurred: '1976', headline: 'A year & more' }),
      noted({ occurred: '1943-06', headline: 'A month' }),
      noted({ occurred: '1910/1920', headline: 'An interval' }),
      noted({ occurred: '1990-05/..', headline: 'Open-ended' }),
    ]);
    const response = await get(`/v1/relations/${relation}/timeline.timelinejs.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('server-timing')).toMatch(/^d1;desc="1 call";/);
    const timeline = await response.json<any>();
    const slide = (id: string) => timeline.events.find((event: any) => event.unique_id === `event-${id}`);

    expect(slide(established).start_date).toMatchObject({ year: 1890, month: 12, day: 1 });
    expect(slide(year).start_date).toEqual({ year: 1976, display_date: '1976' });
    expect(slide(year).text.headline).toBe('A year &amp; more');
    expect(slide(month).start_date).toEqual({ year: 1943, month: 6, display_date: 'June 1943' });
    expect(slide(interval).start_date).toMatchObject({ year: 1910 });
    expect(slide(interval).start_date.month).toBeUndefined();
    expect(slide(interval).end_date).toEqual({ year: 1920 });
    expect(slide(open).start_date).toEqual({ year: 1990, month: 5, display_date: 'from May 1990' });
    expect(slide(open).end_date).toBeUndefined();

    expect(timeline.title.text.headline).toContain('relations');
    expect(timeline.eras).toHaveLength(2);
    expect(timeline.eras[0]).toMatchObject({
      start_date: { year: 1890, month: 12, day: 1 }, end_date: { year: 1930, month: 1, day: 26 },
    });
    expect(timeline.eras[0].text.headline).toMatch(/^Relations established/);
    expect(timeline.eras[1].end_date.year).toBeGreaterThanOrEqual(new Date().getUTCFullYear());
  });

  it('is a 404 for an unknown relation', async () => {
    expect((await get(`/v1/relations/${freshRelation()}/timeline.timelinejs.json`)).status).toBe(404);
  });
});

describe('the anniversaries calendar', () => {
  it('has a yearly event for each event dated to an exact day, folded and escaped as RFC 5545 wants', async () => {
    const relation = freshRelation();
    const long = 'Mexico and Russia signed, in Moscú; a long headline with accents — é, ñ, ü — '.repeat(2).trim();
    const [day, , leap] = await record(relation, [
      noted({ occurred: '1890-12-01', headline: long, summary: 'Line one; line two, with \\ backslash' }),
      noted({ occurred: '1943-06', headline: 'Month only' }),
      noted({ occurred: '2004-02-29', headline: 'Leap day' }),
      noted({ occurred: '2012-05-01~', headline: 'Approximate day' }),
    ]);
    const response = await get(`/v1/relations/${relation}/anniversaries.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();

    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

    const events = vevents(ics);
    expect(events.map((event) => event.UID)).toEqual([day, leap]);
    const [first, leapDay] = events;
    expect(first['DTSTART;VALUE=DATE']).toBe('18901201');
    expect(first['DTEND;VALUE=DATE']).toBe('18901202');
    expect(first.RRULE).toBe('FREQ=YEARLY');
    expect(first.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(first.SUMMARY).toBe(`${long.replaceAll(',', '\\,').replaceAll(';', '\\;')} (1890)`);
    expect(first.DESCRIPTION).toContain('Line one\\; line two\\, with \\\\ backslash');
    expect(first.URL).toBe(`https://relations.test/${relation}/events/${day}`);
    expect(leapDay.RRULE).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1');

    // The same calendar through another host name has the same UIDs: a calendar app sees the same events.
    const elsewhere = await SELF.fetch(`https://mirror.example/v1/relations/${relation}/anniversaries.ics`);
    expect(vevents(await elsewhere.text()).map((event) => event.UID)).toEqual([day, leap]);
  });

  it('recurs a fact of 29 February by the rule asked for, and says which rule it applied', async () => {
    const relation = freshRelation();
    const [leap] = await record(relation, [noted({ occurred: '1896-02-29', headline: 'Leap day' })]);
    const calendar = async (query: string) => {
      const ics = await (await get(`/v1/relations/${relation}/anniversaries.ics${query}`)).text();
      const [event] = vevents(ics);
      expect(event.UID).toBe(leap);
      const description = /^X-WR-CALDESC(?:;[^:]*)?:(.*)$/m.exec(ics.replaceAll('\r\n ', ''))![1];
      return { rrule: event.RRULE, description, event: event.DESCRIPTION };
    };
    const feb28 = await calendar('');
    expect(feb28.rrule).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1');
    expect(feb28.description).toContain('on 28 February (rule feb28)');
    expect(feb28.event).toContain('remembered on 28 February (rule feb28)');
    // The 60th day of the year: 29 February in a leap year, 1 March in a common one.
    const mar1 = await calendar('?february29=mar1');
    expect(mar1.rrule).toBe('FREQ=YEARLY;BYYEARDAY=60');
    expect(mar1.description).toContain('on 1 March (rule mar1)');
    // A day a common year does not have: RFC 5545 leaves it out, so it recurs in leap years only.
    const skip = await calendar('?february29=skip');
    expect(skip.rrule).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29');
    expect(skip.description).toContain('leap years only (rule skip)');
    expect((await get(`/v1/relations/${relation}/anniversaries.ics?february29=feb30`)).status).toBe(400);
  });

  it('is served from the cache until an append to the relation, and answers conditional requests', async () => {
    const relation = freshRelation();
    await record(relation, [noted({ occurred: '1890-12-01', headline: 'First' })]);
    const path = `/v1/relations/${relation}/anniversaries.ics`;
    const first = await get(path);
    expect(first.headers.get('server-timing')).toMatch(/desc="1 call"/);
    const again = await get(path);
    expect(again.headers.get('server-timing')).toMatch(/desc="0 calls"/);
    expect(await again.text()).toBe(await first.text());
    expect((await get(path, { 'if-none-match': again.headers.get('etag')! })).status).toBe(304);

    const [added] = await record(relation, [noted({ occurred: '1943-06-22', headline: 'Second' })]);
    const after = await get(path);
    expect(after.headers.get('server-timing')).toMatch(/desc="1 call"/);
    expect(vevents(await after.text()).map((event) => event.UID)).toContain(added);
  });
});
