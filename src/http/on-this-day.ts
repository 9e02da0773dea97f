import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { FEBRUARY_29_RULES, february29Note, isDayOfYear } from '../domain/anniversaries';
import { FACT_TYPES } from '../domain/catalog';
import { canonicalTimeZone, localDate } from '../domain/local-time';
import type { AppEnv } from '../env';
import { anniversariesPage, Anniversary, decodeAnniversaryCursor } from '../views/on-this-day/queries';
import { publicRoute } from './documented-route';
import { notFound, problem, validationHook } from './problem';
import { jsonContent, notModified, problemContent, RelationParam } from './schemas';
import { Lang, listOf, pageLimit, splitList } from './view-params';
import { cachedRead } from './response-cache';

/** On this day: the anniversaries of a day, in one relation or in all. */

export const onThisDayRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const monthDay = (value: string) => MONTH_DAY.exec(value)!.slice(1).map(Number) as [number, number];

const OnThisDayQuery = z
  .object({
    date: z.string()
      .regex(MONTH_DAY, 'a month and day, MM-DD: 06-01')
      .refine((value) => !MONTH_DAY.test(value) || isDayOfYear(2000, ...monthDay(value)), 'no such day of the year')
      .optional()
      .describe('MM-DD (default: today where tz is)'),
    year: z.coerce.number().int().min(1).max(9999).optional()
      .describe('the year the anniversaries are counted in (default: this year where tz is); later events are left out'),
    tz: z.string().max(64).refine((value) => canonicalTimeZone(value) !== null, 'not an IANA time zone').optional()
      .describe('the IANA time zone whose today it is (default UTC)'),
    february29: z.enum(FEBRUARY_29_RULES).default('feb28').describe('facts of 29 February in a common year: on 28 February, 1 March, or none'),
    type: listOf(FACT_TYPES, 'an event type').optional().describe('event types, comma-separated'),
    tag: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(,[a-z0-9]+(-[a-z0-9]+)*)*$/, 'tags are lower-case-kebab, comma-separated').optional(),
    limit: pageLimit(100, 500),
    cursor: z.string().max(100).refine((value) => decodeAnniversaryCursor(value) !== null, 'not a cursor of this list').optional(),
    lang: Lang,
  });

const description =
  'Live events dated to an exact day whose month and day match, oldest first, with how many years ago they happened. Events known only to the month or year, or to an approximate day, never appear. Today is that of tz; february29 is the rule for 29 February, which the answer says.';

const responses = {
  200: jsonContent(
    z.object({
      relation: z.string().optional().describe('the relation asked for, on its own route'),
      date: z.string(),
      year: z.number().int(),
      timeZone: z.string(),
      february29: z.object({ rule: z.enum(FEBRUARY_29_RULES), description: z.string(), applied: z.boolean() }),
      items: z.array(Anniversary),
      next: z.string().nullable().describe('the cursor of the following page, null at the end'),
    }),
    'The anniversaries',
  ),
  ...notModified,
};

// Without `date` or `year`, the anniversaries are today's where `tz` is: cached under that day.
const zoneOf = (tz: string | undefined) => (tz === undefined ? 'UTC' : canonicalTimeZone(tz) ?? 'UTC');
const onToday = (query: URLSearchParams) =>
  (!query.get('date') || !query.get('year')) && localDate(zoneOf(query.get('tz') ?? undefined), Date.now());

const forRelation = publicRoute({
  method: 'get',
  path: '/v1/relations/{relation}/on-this-day',
  operationId: 'listRelationAnniversaries',
  tags: ['On this day'],
  middleware: [cachedRead({ scope: 'relation', dependsOnToday: onToday })] as const,
  summary: "On this day in a relation's history",
  description,
  request: { params: RelationParam, query: OnThisDayQuery },
  responses: { ...responses, 404: problemContent('No such relation') },
});

const forAll = publicRoute({
  method: 'get',
  path: '/v1/on-this-day',
  operationId: 'listAnniversaries',
  tags: ['On this day'],
  middleware: [cachedRead({ scope: 'all', dependsOnToday: onToday })] as const,
  summary: 'On this day, in every relation',
  description,
  request: { query: OnThisDayQuery },
  responses,
});

type Query = z.infer<typeof OnThisDayQuery>;

/** The day asked for, defaulting to today where `tz` is; or why it is not a day (29 February of a common year). */
function dayAskedFor(query: Query) {
  const today = localDate(zoneOf(query.tz), Date.now());
  const [month, day] = monthDay(query.date ?? today.slice(5));
  const year = query.year ?? Number(today.slice(0, 4));
  if (isDayOfYear(year, month, day)) return { month, day, year };
  return `${year} has no 29 February; its events fall on 28 February (date=02-28) or, with february29=mar1, on 1 March; or give a leap year`;
}

/** The same problem as any invalid parameter: only the clock can tell that 29 February is missing this year. */
function badDate(c: Context, detail: string) {
  return problem(c, 400, {
    type: '/problems/invalid-parameter',
    title: 'A parameter is not valid',
    detail: `date: ${detail}`,
    errors: [{ parameter: 'date', detail }],
  });
}

function pageQuery(asked: { month: number; day: number; year: number }, query: Query, relation?: string) {
  const { limit, cursor } = query;
  return {
    ...asked, relation, limit, cursor, types: splitList(query.type), tags: splitList(query.tag), rule: query.february29, language: query.lang,
  };
}

/** What the answer says of the day beside its anniversaries: whose today, and the rule for 29 February. */
const dayNotes = (asked: { month: number; day: number; year: number }, query: Query) => ({
  timeZone: zoneOf(query.tz),
  february29: february29Note(query.february29, asked.year, asked.month, asked.day, query.lang),
});

const monthDayText = ({ month, day }: { month: number; day: number }) =>
  `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

onThisDayRoutes.openapi(forRelation, async (c) => {
  const { relation } = c.req.valid('param');
  const query = c.req.valid('query');
  const asked = dayAskedFor(query);
  if (typeof asked === 'string') return badDate(c, asked);
  const page = await anniversariesPage(c.var.db, pageQuery(asked, query, relation));
  if (!page) return notFound(c, `no events have been recorded for ${relation}`);
  return c.json({ relation, date: monthDayText(asked), year: asked.year, ...dayNotes(asked, query), ...page }, 200);
});

onThisDayRoutes.openapi(forAll, async (c) => {
  const query = c.req.valid('query');
  const asked = dayAskedFor(query);
  if (typeof asked === 'string') return badDate(c, asked);
  const page = await anniversariesPage(c.var.db, pageQuery(asked, query));
  return c.json({ date: monthDayText(asked), year: asked.year, ...dayNotes(asked, query), ...page! }, 200);
});
