import { Hono } from 'hono';
import type { DeskEnv } from './env';
import type { Amendment } from './history';
import { relationLog, relationsOf } from './log';
import { WorkPage, type MyFact, type RelationWork } from './pages/work';
import { keepSeenVersions, seenVersions } from './seen-cookie';
import { signedIn } from './signed-in';

/** My work: read from the relations' logs through the API, by the editor's name (the actor of what they record). */
export const workRoutes = new Hono<DeskEnv>();

const isAmendment = (type: string) => type === 'EventCorrected' || type === 'EventRetracted';

workRoutes.get('/work', signedIn('events:write'), async (c) => {
  const { name } = c.var.signedIn;
  const seen = seenVersions(c);
  const relations: RelationWork[] = [];
  const mine: MyFact[] = [];
  for (const relation of await relationsOf(c)) {
    const log = await relationLog(c, relation.relation);
    const last = seen[relation.relation];
    relations.push({
      relation: relation.relation, name: relation.name, version: relation.version, seen: typeof last === 'number' ? last : null,
      othersSince: typeof last === 'number' ? log.filter((event) => event.version > last && event.actor !== name) : [],
    });
    const amendments = log.filter((event) => isAmendment(event.type)) as unknown as Amendment[];
    for (const fact of log.filter((event) => event.actor === name && !isAmendment(event.type))) {
      mine.push({ fact, amendments: amendments.filter((amendment) => amendment.data.eventId === fact.id) });
    }
  }
  mine.sort((a, b) => b.fact.recorded.localeCompare(a.fact.recorded) || b.fact.version - a.fact.version);
  keepSeenVersions(c, Object.fromEntries(relations.map((relation) => [relation.relation, relation.version])));
  return c.html(<WorkPage signedIn={c.var.signedIn} relations={relations} mine={mine} />);
});
