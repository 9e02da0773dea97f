import { app } from './app';
import type { Bindings } from './env';
import { scheduled } from './scheduled';
import { queue } from './webhooks/consumer';
import type { DeliveryJob } from './webhooks/dispatch';

export default {
  fetch: app.fetch,
  scheduled,
  queue,
} satisfies ExportedHandler<Bindings, DeliveryJob>;
