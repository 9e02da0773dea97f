/** zod's core (`z.core`) without its locales and its compiler (see index.ts). */
export * from '../../node_modules/zod/v4/core/index.js';
export const locales = undefined;
export const compile = undefined;
export const compileFn = undefined;
export const withParser = undefined;
export const ZodCompileAsyncError = undefined;
export const ZodCompileUnsupportedError = undefined;
export const INVALID = undefined;
