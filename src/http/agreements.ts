import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { AGREEMENT_STATUSES } from '../domain/agreements';
import { Level } from '../domain/catalog';
import type { AppEnv } from '../env';
import { toldIn } from '../i18n/reasons';
import { agreementsPage, AgreementView, agreementWithHistory } from '../views/agreements/queries';
import { TimelineItem } from '../views/timeline/item';
import { publicRoute } from './documented-route';
import { askedWords } from './page-language';
import { notFound, validationHook } from './problem';
import { jsonContent, notModified, problemContent, RelationParam } from './schemas';
import { CalendarDay, Lang, pageLimit, todayUtc } from './view-params';
import { cachedRead } from './response-cache';

/** A relation's agreements with their status on a day, and one agreement with its history. */

export const agreementRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

// Without `asOf`, the status is today's.
const byRelationAsOfToday = { scope: 'relation', dependsOnToday: (query: URLSearchParams) => !query.get('asOf') } as const;

const asOf = CalendarDay.optional().describe('the day the status is for, YYYY-MM-DD (default: today, UTC)');

// The status depends on the day asked for, so a page is an offset into the list in order of signing.
const encodeOffset = (offset: number) => btoa(`o${offset}`).replaceAll('=', '');
const decodeOffset = (cursor: string) => {
  try {
    const match = /^o(\d{1,9})$/.exec(atob(cursor));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
};

const AgreementsQuery = z.object({
  asOf,
  status: z.enum(AGREEMENT_STATUSES).optional(),
  level: Level.optional(),
  subject: z.string().trim().min(1).max(200).optional()
    .describe('the whole subject, any case: education (white space at either end is removed)'),
  limit: pageLimit(100, 500),
  cursor: z.string().max(100).refine((value) => decodeOffset(value) !== null, 'not a cursor of this list').optional(),
  lang: Lang,
});

const list = publicRoute({
  method: 'get',
  path: '/v1/relations/{relation}/agreements',
  operationId: 'listRelationAgreements',
  tags: ['Agreements'],
  middleware: [cachedRead(byRelationAsOfToday)] as const,
  summary: "A relation's agreements with their status on a day",
  description:
    'Status: not_yet_signed, in_force, expired, ended, indefinite, or unknown when the sources cannot say (no stated validity, or a signing dated only to a month or year and a day inside it).',
  request: { params: RelationParam, query: AgreementsQuery },
  responses: {
    200: jsonContent(
      z.object({ relation: z.string(), asOf: z.string(), items: z.array(AgreementView), next: z.string().nullable() }),
      'The agreements in order of signing',
    ),
    ...notModified,
    404: problemContent('No such relation'),
  },
});

agreementRoutes.openapi(list, async (c) => {
  const { relation } = c.req.valid('param');
  const { asOf = todayUtc(), limit, cursor, lang, ...filters } = c.req.valid('query');
  const offset = cursor === undefined ? 0 : decodeOffset(cursor) ?? 0;
  const page = await agreementsPage(c.var.db, relation, asOf, filters, { offset, limit }, lang);
  if (!page) return notFound(c, `no events have been recorded for ${relation}`);
  const next = page.next === null ? null : encodeOffset(page.next);
  const words = lang ? await askedWords(c, lang) : null;
  return c.json({ relation, asOf, items: page.items.map((agreement) => toldIn(words, agreement)), next }, 200);
});

const one = publicRoute({
  method: 'get',
  path: '/v1/relations/{relation}/agreements/{agreementId}',
  operationId: 'getRelationAgreement',
  tags: ['Agreements'],
  description: 'The agreement as its signing records it (corrections applied), its status on `asOf` (default today, UTC) with the reason in words, and the live events of its history: its signing and its end.',
  middleware: [cachedRead(byRelationAsOfToday)] as const,
  summary: 'One agreement, its status on a day, and the events of its history',
  request: {
    params: RelationParam.extend({ agreementId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120) }),
    query: z.object({ asOf, lang: Lang }),
  },
  responses: {
    200: jsonContent(
      z.object({ relation: z.string(), asOf: z.string(), agreement: AgreementView, history: z.array(TimelineItem) }),
      'The agreement',
    ),
    ...notModified,
    404: problemContent('No such relation or agreement'),
  },
});

agreementRoutes.openapi(one, async (c) => {
  const { relation, agreementId } = c.req.valid('param');
  const { asOf = todayUtc(), lang } = c.req.valid('query');
  const found = await agreementWithHistory(c.var.db, relation, agreementId, asOf, lang);
  if (!found) return notFound(c, `no events have been recorded for ${relation}`);
  if (!found.agreement) return notFound(c, `${relation} has no agreement ${agreementId}`);
  const words = lang ? await askedWords(c, lang) : null;
  return c.json({ relation, asOf, agreement: toldIn(words, found.agreement), history: found.history }, 200);
});
