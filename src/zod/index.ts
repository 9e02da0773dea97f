/**
 * zod as the Worker imports it: "zod" is aliased to this module (wrangler.toml, vitest.config.mts, and for the
 * compiler tsconfig.json). Its `z` holds only the names of zod the service uses (names.ts). @hono/zod-openapi
 * hands the whole `z` namespace to zod-to-openapi's `extendZodWithOpenApi`, so a bundler cannot tell which of
 * its names are never read and keeps them all: with every name of zod, the locales, the schema compiler and
 * the JSON Schema reader among them, that was over 40 % of the Worker.
 */
import * as z from './names';

export * from './names';
export { z, z as default };
