import { Hono } from 'hono';
import { callApi, problemDetail } from './api';
import { catalogOf, typeLabel } from './catalog';
import type { DeskEnv } from './env';
import { eventOf, fieldErrorsOf, formOf, valuesOf } from './fact-form';
import { recordedSince, relationsOf } from './log';
import { RecordPage, type RecordForm } from './pages/record';
import { signedIn } from './signed-in';

/** Recording a fact: the form made from the catalog, sent as a plain POST, the API's answer shown at the fields. */
export const recordRoutes = new Hono<DeskEnv>();

recordRoutes.use('/record', signedIn('events:write'));

recordRoutes.get('/record', async (c) => {
  const [catalog, relations] = await Promise.all([catalogOf(c), relationsOf(c)]);
  const relation = c.req.query('relation')?.trim() || relations[0]?.relation || '';
  const type = catalog.facts.find((fact) => fact.type === c.req.query('type'));
  const form: RecordForm | undefined = type && {
    relation, type, groups: formOf(type, typeLabel(type.type)), id: crypto.randomUUID(),
    expectedVersion: relations.find((known) => known.relation === relation)?.version ?? 0, values: {}, errors: {}, general: [],
  };
  return c.html(<RecordPage signedIn={c.var.signedIn} relations={relations} facts={catalog.facts} relation={relation} form={form} />);
});

recordRoutes.post('/record', async (c) => {
  const body = await c.req.parseBody();
  const catalog = await catalogOf(c);
  const type = catalog.facts.find((fact) => fact.type === body.type);
  if (!type) return c.redirect('/desk/record', 303);
  const relation = String(body.relation ?? '').trim();
  const groups = formOf(type, typeLabel(type.type));
  const values = valuesOf(body, groups);
  const id = /^[0-9a-f-]{36}$/.test(String(body.id)) ? String(body.id) : crypto.randomUUID();
  const expectedVersion = Number(body.expectedVersion) || 0;
  const form: RecordForm = { relation, type, groups, id, expectedVersion, values, errors: {}, general: [] };
  const page = async (status: 409 | 422 | 400 | 503) =>
    c.html(<RecordPage signedIn={c.var.signedIn} relations={await relationsOf(c)} facts={catalog.facts} relation={relation} form={form} />, status);

  const { event, errors } = eventOf(type.type, id, groups, values);
  if (Object.keys(errors).length) {
    form.errors = errors;
    return page(422);
  }
  const answer = await callApi<{ currentVersion?: number; type?: string }>(c, 'POST', `/v1/relations/${encodeURIComponent(relation)}/events`, {
    body: { expectedVersion, events: [event] },
  });
  if (answer.status === 201 || answer.status === 200) return c.redirect(`/desk/facts/${id}?recorded`, 303);
  if (answer.status === 401) return c.redirect('/desk/sign-in?ended', 303);
  if (answer.status === 409 && answer.body.type === '/problems/version-conflict') {
    form.expectedVersion = answer.body.currentVersion ?? expectedVersion;
    form.meanwhile = await recordedSince(c, relation, expectedVersion);
    return page(409);
  }
  const { atFields, general } = fieldErrorsOf(answer.body, groups);
  form.errors = atFields;
  form.general = general.length || Object.keys(atFields).length ? general : [problemDetail(answer)];
  if (answer.status === 409) form.id = crypto.randomUUID();
  return page(answer.status === 422 ? 422 : answer.status === 503 ? 503 : answer.status === 409 ? 409 : 400);
});
