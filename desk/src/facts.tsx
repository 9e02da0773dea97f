import type { Context } from 'hono';
import { Hono } from 'hono';
import { changesOf, prefilled } from './amend-form';
import { callApi, problemDetail } from './api';
import { catalogOf, typeLabel } from './catalog';
import type { DeskEnv } from './env';
import { fieldErrorsOf, formOf, valuesOf } from './fact-form';
import { historyOf } from './history';
import { CorrectPage, RetractPage } from './pages/amend';
import { FactPage, type Fact } from './pages/fact';
import { History } from './pages/history';
import { messagePage } from './pages/message';
import { signedIn } from './signed-in';

/** A fact on the desk: what the log holds of it and its history; correcting and retracting it. */
export const factRoutes = new Hono<DeskEnv>();

factRoutes.use('/facts/*', signedIn('events:write'));

const NOTICES: Record<string, string> = {
  recorded: 'Recorded. Readers see it on the timeline and in the feeds now.',
  corrected: 'Corrected. The timeline and the feeds show the fact as corrected.',
  retracted: 'Retracted. The fact has left the timeline; the feeds say it was retracted.',
};

async function factOf(c: Context<DeskEnv>) {
  const answer = await callApi<Fact>(c, 'GET', `/v1/events/${encodeURIComponent(c.req.param('id') ?? '')}`);
  if (answer.status !== 200 || answer.body.type === 'EventCorrected' || answer.body.type === 'EventRetracted') return null;
  const [history, catalog] = await Promise.all([historyOf(c, answer.body), catalogOf(c)]);
  const type = catalog.facts.find((fact) => fact.type === answer.body.type);
  return type ? { history, groups: formOf(type, typeLabel(type.type)) } : null;
}

const noFact = (c: Context<DeskEnv>) => messagePage(c, 404, 'No such fact', 'The log holds no fact with this id.');

factRoutes.get('/facts/:id', async (c) => {
  const found = await factOf(c);
  if (!found) return noFact(c);
  const { history } = found;
  const notice = Object.keys(NOTICES).find((key) => c.req.query(key) !== undefined);
  return c.html(
    <FactPage signedIn={c.var.signedIn} fact={history.current} notice={notice && NOTICES[notice]} retracted={history.retracted}>
      {!history.retracted && (
        <p><a href={`/desk/facts/${history.current.id}/correct`}>Correct this fact</a> · <a href={`/desk/facts/${history.current.id}/retract`}>Retract it</a></p>
      )}
      <History history={history} />
    </FactPage>,
  );
});

factRoutes.get('/facts/:id/correct', async (c) => {
  const found = await factOf(c);
  if (!found || found.history.retracted) return noFact(c);
  const { history, groups } = found;
  return c.html(<CorrectPage signedIn={c.var.signedIn} history={history} groups={groups} values={prefilled(history.current, groups)} errors={{}} general={[]} />);
});

/** Records an amendment of the fact, cited with its source; answers the API's answer. */
function amend(c: Context<DeskEnv>, fact: Fact, type: 'EventCorrected' | 'EventRetracted', data: Record<string, unknown>, source: unknown) {
  const verb = type === 'EventCorrected' ? 'Corrected' : 'Retracted';
  return callApi(c, 'POST', `/v1/relations/${encodeURIComponent(fact.relation)}/events`, {
    body: { events: [{ type, id: crypto.randomUUID(), headline: `${verb}: ${fact.headline}`.slice(0, 200), source, data: { eventId: fact.id, ...data } }] },
  });
}

factRoutes.post('/facts/:id/correct', async (c) => {
  const found = await factOf(c);
  if (!found || found.history.retracted) return noFact(c);
  const { history, groups } = found;
  const body = await c.req.parseBody();
  const values = valuesOf(body, groups);
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  const { changes, errors } = changesOf(history.current, groups, values);
  if (!reason) errors.reason = 'say why the fact is corrected: readers see it in its history';
  if (Object.keys(changes).length === 0) errors[groups[0].fields[0].name] ??= 'nothing was changed: change a field, or go back to the fact';
  const page = (status: 400 | 409 | 422, atFields: Record<string, string>, general: string[] = []) =>
    c.html(<CorrectPage signedIn={c.var.signedIn} history={history} groups={groups} values={values} errors={atFields} general={general} />, status);
  if (Object.keys(errors).length) return page(422, errors);
  const source = (changes.source ?? history.current.source) as Record<string, unknown>;
  const answer = await amend(c, history.current, 'EventCorrected', { reason, changes }, withoutNulls(source));
  if (answer.status === 201) return c.redirect(`/desk/facts/${history.current.id}?corrected`, 303);
  if (answer.status === 401) return c.redirect('/desk/sign-in?ended', 303);
  const { atFields, general } = fieldErrorsOf(answer.body, groups, '/events/0/data/changes');
  return page(answer.status === 409 ? 409 : answer.status === 422 ? 422 : 400, atFields, general.length || Object.keys(atFields).length ? general : [problemDetail(answer)]);
});

factRoutes.get('/facts/:id/retract', async (c) => {
  const found = await factOf(c);
  if (!found || found.history.retracted) return noFact(c);
  return c.html(<RetractPage signedIn={c.var.signedIn} history={found.history} errors={{}} general={[]} />);
});

factRoutes.post('/facts/:id/retract', async (c) => {
  const found = await factOf(c);
  if (!found || found.history.retracted) return noFact(c);
  const { history } = found;
  const body = await c.req.parseBody();
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  const page = (status: 400 | 422, errors: Record<string, string>, general: string[] = []) =>
    c.html(<RetractPage signedIn={c.var.signedIn} history={history} errors={errors} general={general} />, status);
  if (!reason) return page(422, { reason: 'say why the fact is retracted: readers see it in its history' });
  const answer = await amend(c, history.current, 'EventRetracted', { reason }, withoutNulls(history.current.source));
  if (answer.status === 201) return c.redirect(`/desk/facts/${history.current.id}?retracted`, 303);
  if (answer.status === 401) return c.redirect('/desk/sign-in?ended', 303);
  return page(answer.status === 422 ? 422 : 400, {}, [problemDetail(answer)]);
});

/** The citation as the API takes it: its absent parts left out, not null. */
function withoutNulls(source: object) {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== null && value !== undefined));
}
