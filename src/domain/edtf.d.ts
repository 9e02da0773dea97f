// The parts of the `edtf` package this project uses (the package ships no types).
declare module 'edtf' {
  export interface ParsedDate {
    type: 'Date' | 'Year' | 'Season' | 'Decade' | 'Century' | 'Set' | 'List';
    level: number;
    /** A Date: year, month from 0, day. A Season: year and season code (21 to 24 at level 1). A Year: the year. */
    values: number[];
    approximate?: boolean;
    uncertain?: boolean;
    /** The digits given as X, as a bitmask over YYYYMMDD with the first digit lowest (`197X` is 8). */
    unspecified?: number;
  }
  export interface ParsedInterval {
    type: 'Interval';
    level: number;
    /** null for an unknown end (`/2023`), Infinity for an open one (`../2023`). */
    values: [ParsedDate | number | null, ParsedDate | number | null];
  }
  export function parse(input: string, options?: { level?: 0 | 1 | 2 }): ParsedDate | ParsedInterval;
  /** The value as an object; `min` and `max` are its first and last millisecond (UTC). The tests compare against them. */
  export default function edtf(input: string): { min: number; max: number };
}

// The package's parser module, which src/domain/dates.ts imports by its path: the same `parse`.
declare module '*/edtf/src/parser.js' {
  export { parse } from 'edtf';
}
