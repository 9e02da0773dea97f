import { app } from './app';
import type { Bindings } from './env';
import { scheduled } from './scheduled';
import { deliverBatch, recordDeadLetters } from './webhooks/consumer';
import type { DeliveryJob } from './webhooks/dispatch';

export default {
  fetch: app.fetch,
  scheduled,
  // The webhook queue and its dead-letter queue both end here.
  queue: (batch, env) => (batch.queue.endsWith('-dead-letters') ? recordDeadLetters(batch, env) : deliverBatch(batch, env)),
} satisfies ExportedHandler<Bindings, DeliveryJob>;
