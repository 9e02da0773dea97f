import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { get } from './setup/client';
import { loadFixtures } from './views-helpers';

// What a publisher needs to reuse what the service serves: the rights in the data wherever it goes, and the
// licence of the code. The words are the service's own (src/rights.ts); these tests read them as a reader would.

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });
const CC_BY_SA = 'https://creativecommons.org/licenses/by-sa/4.0/';

beforeAll(loadFixtures);

describe('the rights line of every feed', () => {
  for (const base of ['', '/v1/relations/mx-ru']) {
    it(`${base || 'all relations'}: Atom <rights>, RSS <copyright> and JSON Feed _relations_log.rights say the same`, async () => {
      const [rss, atom, json] = await Promise.all(['feed.xml', 'feed.atom', 'feed.json'].map((file) => get(`${base}/${file}`)));
      const copyright: string = parser.parse(await rss.text()).rss.channel.copyright;
      const rights: string = parser.parse(await atom.text()).feed.rights;
      const jsonRights: string = (await json.json<{ _relations_log: { rights: string } }>())._relations_log.rights;
      expect(copyright).toContain('CC BY-SA 4.0');
      expect(copyright).toContain(CC_BY_SA);
      expect(copyright).toMatch(/Wikipedia/);
      expect(copyright).toMatch(/quotations remain their authors/);
      expect(rights).toBe(copyright);
      expect(jsonRights).toBe(copyright);
    });
  }

  it('an archive page carries it too', async () => {
    const atom = parser.parse(await (await get('/feed.atom?page=1')).text()).feed;
    expect(atom.rights).toContain('CC BY-SA 4.0');
  });
});

describe('the attribution in the footer of every page', () => {
  const pages = ['/', '/mx-ru', '/mx-ru?asOf=1990-01-01', '/mx-ru/timelinejs', '/docs', '/no-such-page', '/xx-yy'];
  for (const path of pages) {
    it(path, async () => {
      const response = await get(path);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      const footer = /<footer>([\s\S]*?)<\/footer>/.exec(html)?.[1];
      expect(footer, 'a footer').toBeDefined();
      expect(footer).toContain(`<a href="${CC_BY_SA}" rel="license">CC BY-SA 4.0</a>`);
      expect(footer).toMatch(/Wikipedia’s contributors/);
      expect(footer).toMatch(/quotations remain their authors’/);
      expect(footer).toContain('<a href="https://opensource.org/license/mit">MIT licence</a>');
    });
  }
});

describe('the OpenAPI document', () => {
  it('names the licence of the code in info.license, as an SPDX identifier', async () => {
    const doc = await (await get('/openapi.json')).json<{ info: { license: { name: string; identifier: string } } }>();
    expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
  });
});
