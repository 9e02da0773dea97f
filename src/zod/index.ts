/**
 * zod as the Worker imports it: "zod" is aliased to this module (wrangler.toml, vitest.config.mts). It is
 * zod without what the service never uses: its 60-odd locales (English messages are zod's default without
 * them), its schema compiler and its JSON Schema reader. @hono/zod-openapi hands the whole `z` namespace
 * to zod-to-openapi, so a bundler cannot tell that these are never read and keeps them all, over 40 % of
 * the Worker; here they are not part of the namespace at all (names.ts).
 */
import * as z from './names';

export * from './names';
export { z, z as default };
