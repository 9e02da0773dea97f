import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { isAmendment, type RecordedEvent } from '../domain/catalog';
import { readOccurred } from '../domain/dates';
import { factHistory, type FactHistory } from '../domain/fact-history';
import { eventPagePath, factPagePath } from '../domain/pages';
import { relationDisplayName } from '../domain/relation';
import { Uuid } from '../domain/uuid';
import type { AppEnv } from '../env';
import { bibtex, cslJson, type CitedFact } from '../feeds/citation';
import { eventWithAmendments } from '../store/fact-history';
import { EventPage } from '../web/event-page';
import { publicRoute } from './documented-route';
import { messagePage } from './error-pages';
import { publicOrigin } from './origin';
import { LANGUAGE_PREFIX, pageWords } from './page-language';
import { refuseRelation } from './page-answers';
import { notFound, validationHook } from './problem';
import { cachedRead } from './response-cache';
import { notModified, problemContent } from './schemas';
import { todayUtc } from './view-params';

/**
 * The page of one fact (`/{relation}/events/{id}`), and its citation as CSL-JSON and BibTeX. Keyed by the day
 * in the cache: a citation says when it was read.
 */
export const factPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const EventParam = z.object({ id: Uuid });

const today = () => true;

for (const path of ['/:relation/events/:id', `${LANGUAGE_PREFIX}/:relation/events/:id`]) {
  factPageRoutes.get(path, cachedRead({ scope: 'relation', dependsOnToday: today, negotiated: true }), async (c) => {
    const relation = c.req.param('relation') as string;
    const refused = refuseRelation(c, relation);
    if (refused) return refused;
    const id = c.req.param('id') as string;
    const parsed = Uuid.safeParse(id);
    if (!parsed.success) return messagePage(c, 404, 'notEventId', { id });
    const found = await eventWithAmendments(c.var.db, parsed.data);
    if (!found) return messagePage(c, 404, 'noEvent', { id: parsed.data });
    const words = await pageWords(c);
    const { event, amendments } = found;
    const page = eventPagePath(event);
    if (page !== factPagePath(relation, parsed.data)) return c.redirect(words.href(page), 301);
    const history = factHistory(event, amendments);
    const name = words.relation(relation);
    const cited = citedFact(c, name, history);
    const { earliest, latest } = readOccurred(history.current.occurred);
    const timelineHref = history.retraction ? null : `${words.href(`/${relation}`)}?from=${earliest ?? latest}#event-${event.id}`;
    return c.html(<EventPage {...{ words, relation, name, history, cited, timelineHref }} />);
  });
}

function citedFact(c: Context<AppEnv>, relationName: string, history: FactHistory): CitedFact {
  const { recorded, current, retraction } = history;
  return {
    id: recorded.id,
    relationName,
    headline: current.headline,
    occurred: current.occurred,
    recorded: recorded.recorded,
    accessed: todayUtc(),
    url: `${publicOrigin(c)}${factPagePath(recorded.relation, recorded.id)}`,
    source: current.source,
    retracted: retraction?.recorded ?? null,
  };
}

/** A fact and its history, or why there is none to cite: no such event, or one that amends another. */
async function citableFact(c: Context<AppEnv>, id: string): Promise<FactHistory | Response> {
  const found = await eventWithAmendments(c.var.db, id);
  if (!found) return notFound(c, 'no event has this id');
  if (isAmendment(found.event.type)) {
    const target = (found.event as RecordedEvent & { data: { eventId: string } }).data.eventId;
    return notFound(c, `a correction or retraction is cited with the fact it amends: ${target}`);
  }
  return factHistory(found.event, found.amendments);
}

const CslDate = z.object({ 'date-parts': z.array(z.array(z.number().int())), circa: z.boolean().optional() });
const CslItems = z.array(z.object({
  id: z.string(), type: z.literal('webpage'), title: z.string(), 'container-title': z.string(),
  author: z.array(z.object({ literal: z.string() })), publisher: z.string(), issued: CslDate, accessed: CslDate,
  'event-date': CslDate.describe('when it happened, as precisely as its source gives it'), URL: z.string(), note: z.string(),
  status: z.literal('retracted').optional(),
})).describe('CSL-JSON: an array of one item');

const CITATIONS = {
  'citation.csl.json': {
    mediaType: 'application/vnd.citationstyles.csl+json', operationId: 'getEventCitationCslJson', render: cslJson, schema: CslItems,
    summary: 'How to cite one fact, as CSL-JSON (read by Zotero, Mendeley, pandoc)',
  },
  'citation.bib': {
    mediaType: 'application/x-bibtex', operationId: 'getEventCitationBibtex', render: bibtex, schema: z.string().describe('one BibTeX entry'),
    summary: 'How to cite one fact, as a BibTeX entry',
  },
};

for (const [file, format] of Object.entries(CITATIONS)) {
  const route = publicRoute({
    method: 'get',
    path: `/v1/events/{id}/${file}`,
    operationId: format.operationId,
    tags: ['Log'],
    middleware: [cachedRead({ scope: 'all', dependsOnToday: today })] as const,
    summary: format.summary,
    description: 'The record of the fact on its page in this log (its URL, when it was recorded, when it is read), with its source in the note; a retracted fact says so.',
    request: { params: EventParam },
    responses: {
      200: { description: 'The citation', content: { [format.mediaType]: { schema: format.schema } } },
      ...notModified,
      404: problemContent('No such event, or one that corrects or retracts another'),
    },
  });
  factPageRoutes.openapi(route, async (c) => {
    const history = await citableFact(c, c.req.valid('param').id);
    if (history instanceof Response) return history as never;
    const body = format.render(citedFact(c, relationDisplayName(history.recorded.relation), history));
    return c.body(body, 200, {
      'content-type': `${format.mediaType}; charset=utf-8`,
      'content-disposition': `attachment; filename="${history.recorded.id}.${file.replace('citation.', '')}"`,
    }) as never;
  });
}
