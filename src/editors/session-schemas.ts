import { z } from 'zod';
import { SCOPES } from './scopes';

/** Response shapes of /v1/sessions; the OpenAPI document is generated from them. */

export const SessionEditor = z.object({ name: z.string(), scopes: z.array(z.enum(SCOPES)) });

export const NewSession = SessionEditor.extend({
  session: z.string(),
  expires: z.string(),
});
