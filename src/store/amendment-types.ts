import { AMENDMENT_TYPES } from '../domain/catalog';

/** The amendment types as a list of SQL strings, for `type IN (…)`: the condition of the index `events_amending` (migrations/0022). */
export const AMENDMENT_TYPES_SQL = AMENDMENT_TYPES.map((type) => `'${type}'`).join(', ');
