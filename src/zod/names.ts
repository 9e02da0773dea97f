/** Every name zod exports but the parts the service never uses (see index.ts). */
import * as core from './core';

// The paths of zod's own modules: the package's `exports` name none that leaves these out.
export * from '../../node_modules/zod/v4/classic/external.js';
// Explicit exports shadow the ones `export *` would bring, so what they name is never imported.
export const locales = undefined;
export const compile = undefined;
export const withParser = undefined;
export const ZodCompileAsyncError = undefined;
export const ZodCompileUnsupportedError = undefined;
export const INVALID = undefined;
export const fromJSONSchema = undefined;
export { core };
