import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { factPagePath } from '../domain/pages';
import type { AppEnv } from '../env';
import { opml, robotsTxt, SITEMAP_LIMIT, sitemapIndex, urlSet, type SitemapUrl } from '../feeds/discovery';
import { FEED_FILES, FEED_FORMATS } from '../feeds/formats';
import { wordsIn } from '../i18n/catalog';
import { LANGUAGES, LOG_LANGUAGE } from '../i18n/languages';
import { listRelations } from '../store/relations';
import { languageAlternates } from '../web/page-words';
import { sitemapEntries } from '../store/sitemap-entries';
import { publicRoute } from './documented-route';
import { publicOrigin } from './origin';
import { notFound, validationHook } from './problem';
import { cachedRead } from './response-cache';
import { notModified, problemContent } from './schemas';

/** How the site is found: robots.txt, the sitemap of every page with the time the log last changed it, an OPML list of every feed. */
export const discoveryRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const text = (mediaType: string, description: string) => ({ description, content: { [mediaType]: { schema: z.string() } } });

const robots = publicRoute({
  method: 'get',
  path: '/robots.txt',
  operationId: 'getRobotsTxt',
  tags: ['Discovery'],
  description: 'Every page may be crawled but the API and the editor routes; the sitemap is named.',
  summary: 'What crawlers may read, and where the sitemap is',
  responses: { 200: text('text/plain', 'robots.txt (RFC 9309)') },
});

discoveryRoutes.openapi(robots, (c) => c.text(robotsTxt(publicOrigin(c)), 200));

const sitemap = publicRoute({
  method: 'get',
  path: '/sitemap.xml',
  operationId: 'getSitemap',
  tags: ['Discovery'],
  middleware: [cachedRead({ scope: 'all' })] as const,
  summary: 'Every page: the front page, each relation and each fact, with when the log last changed it',
  description: `A sitemap (sitemaps.org 0.9) of every page at each of its addresses (without a prefix and under each language's, each listing the others as alternates) while they number at most ${SITEMAP_LIMIT.toLocaleString('en')}; past that an index of numbered sitemaps (\`?page=1\`…), each of at most that many addresses, page 0 the front page and the relations.`,
  request: { query: z.object({ page: z.coerce.number().int().min(0).max(1_000_000).optional().describe('a numbered sitemap of the index') }) },
  responses: {
    200: text('application/xml', 'The sitemap, or the index of sitemaps'),
    ...notModified,
    404: problemContent('No such numbered sitemap'),
  },
});

/** The addresses of a page: one per language, and the one without a prefix. */
const ADDRESSES_PER_PAGE = LANGUAGES.length + 1;

discoveryRoutes.openapi(sitemap, async (c) => {
  const origin = publicOrigin(c);
  const { page } = c.req.valid('query');
  // Each page at every address it has (without a prefix, the x-default, and under each language's), each of them
  // listing them all, as Google's sitemaps extension for localized pages asks: a fact takes that many of a sitemap's URLs.
  const perPage = Math.floor(SITEMAP_LIMIT / ADDRESSES_PER_PAGE);
  const offset = page === undefined ? 0 : Math.max(0, page - 1) * perPage;
  const entries = await sitemapEntries(c.var.db, offset, page === 0 ? 0 : perPage);
  const newest = entries.relations.map((row) => row.lastmod).sort().at(-1) ?? new Date(0).toISOString();
  const inEveryLanguage = (loc: string, modified: string): SitemapUrl[] => {
    const alternates = languageAlternates(loc);
    return alternates.map(({ href }) => ({ loc: href, lastmod: modified, alternates }));
  };
  const pages: SitemapUrl[] = [
    ...inEveryLanguage(`${origin}/`, newest),
    ...entries.relations.flatMap((row) => inEveryLanguage(`${origin}/${row.relation}`, row.lastmod)),
  ];
  const facts = entries.facts.flatMap((row) => inEveryLanguage(`${origin}${factPagePath(row.relation, row.id)}`, row.lastmod));
  const xml = (body: string) => c.body(body, 200, { 'content-type': 'application/xml; charset=utf-8' });
  if (page === undefined) {
    if (pages.length + entries.total * ADDRESSES_PER_PAGE <= SITEMAP_LIMIT) return xml(urlSet([...pages, ...facts]));
    const count = Math.ceil(entries.total / perPage);
    return xml(sitemapIndex(Array.from({ length: count + 1 }, (_, number) => ({ loc: `${origin}/sitemap.xml?page=${number}`, lastmod: newest }))));
  }
  if (page === 0) return xml(urlSet(pages));
  if (!facts.length) return notFound(c, `sitemap ${page} lists no facts`);
  return xml(urlSet(facts));
});

const feeds = publicRoute({
  method: 'get',
  path: '/feeds.opml',
  operationId: 'getFeedList',
  tags: ['Discovery'],
  description: 'Every feed of the service in OPML 2.0, for a feed reader to import at once.',
  middleware: [cachedRead({ scope: 'all' })] as const,
  summary: 'Every feed, as OPML 2.0: a folder per format, each with the feed of all relations and of each relation',
  responses: { 200: text('text/x-opml', 'The list of feeds'), ...notModified },
});

discoveryRoutes.openapi(feeds, async (c) => {
  const origin = publicOrigin(c);
  const relations = await listRelations(c.var.db);
  const languages = await Promise.all(LANGUAGES.map((language) => wordsIn(c.env.ASSETS, language)));
  // Each format's folder holds the feeds of every language, English's at the addresses they always had.
  const folders = FEED_FILES.map((file) => ({
    title: FEED_FORMATS[file].name,
    feeds: languages.flatMap((words) => {
      const english = words.language === LOG_LANGUAGE;
      const lang = english ? '' : `?lang=${words.language}`;
      const pages = english ? origin : `${origin}/${words.language}`;
      const title = (name: string) => words.t('feeds.title', { name, format: words.t(`format.${file}.short`) });
      return [
        { title: title(words.t('feeds.all')), xmlUrl: `${origin}/${file}${lang}`, htmlUrl: `${pages}/` },
        ...relations.map(({ relation }) => ({
          title: title(words.t('relation.heading', { name: words.relation(relation) })),
          xmlUrl: `${origin}/v1/relations/${relation}/${file}${lang}`,
          htmlUrl: `${pages}/${relation}`,
        })),
      ];
    }),
  }));
  return c.body(opml('Relations log: every feed', folders), 200, { 'content-type': 'text/x-opml; charset=utf-8' });
});
