import { Hono } from 'hono';
import type { DeskEnv } from './env';
import { factRoutes } from './facts';
import { deskHeaders } from './headers';
import { keyRoutes } from './keys';
import { HomePage } from './pages/home';
import { messagePage } from './pages/message';
import { recordRoutes } from './record';
import { sameOriginOnly } from './same-origin';
import { signInRoutes } from './sign-in';
import { signedIn } from './signed-in';
import { webhookRoutes } from './webhooks';
import { workRoutes } from './work';

/** The desk: its headers and origin check on every request, then the pages. */
export const desk = new Hono<DeskEnv>().basePath('/desk');

desk.use(deskHeaders, sameOriginOnly);
desk.route('/', signInRoutes);
desk.route('/', recordRoutes);
desk.route('/', factRoutes);
desk.route('/', workRoutes);
desk.route('/', keyRoutes);
desk.route('/', webhookRoutes);
desk.get('/', signedIn(), (c) => c.html(<HomePage signedIn={c.var.signedIn} />));

desk.notFound((c) => messagePage(c, 404, 'No such page', `There is nothing at ${new URL(c.req.url).pathname}.`));
desk.onError((error, c) => {
  console.error(`${c.req.method} ${new URL(c.req.url).pathname}`, error);
  return messagePage(c, 500, 'Something went wrong', 'Nothing was changed; please try again.');
});
