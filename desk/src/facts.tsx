import { Hono } from 'hono';
import { callApi } from './api';
import type { DeskEnv } from './env';
import { FactPage, type Fact } from './pages/fact';
import { messagePage } from './pages/message';
import { signedIn } from './signed-in';

/** A fact on the desk: what the log holds of it. */
export const factRoutes = new Hono<DeskEnv>();

factRoutes.use('/facts/*', signedIn('events:write'));

factRoutes.get('/facts/:id', async (c) => {
  const answer = await callApi<Fact>(c, 'GET', `/v1/events/${encodeURIComponent(c.req.param('id'))}`);
  if (answer.status !== 200) return messagePage(c, 404, 'No such fact', 'The log holds no event with this id.');
  const notice = c.req.query('recorded') !== undefined ? 'Recorded. Readers see it on the timeline and in the feeds now.' : undefined;
  return c.html(<FactPage signedIn={c.var.signedIn} fact={answer.body} notice={notice} />);
});
