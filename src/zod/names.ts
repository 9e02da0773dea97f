/**
 * The names of zod the service uses, as values: add a name here when the code needs another (the compiler
 * says so: tsconfig.json maps "zod" to this module too). Every name of zod is here as a type, for the code's
 * types and for the packages that take zod's.
 */
export type * from '../../node_modules/zod/v4/classic/external.js';
export {
  array, boolean, coerce, discriminatedUnion, enum, guid, iso, literal, number, object, record, strictObject, string,
  union, unknown, url, ZodArray, ZodDefault, ZodError, ZodNullable, ZodObject, ZodOptional, ZodRecord, ZodTuple, ZodType,
} from '../../node_modules/zod/v4/classic/external.js';
