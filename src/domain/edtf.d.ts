// The parts of the `edtf` package this project uses (the package ships no types).
declare module 'edtf' {
  export interface ParsedDate {
    type: 'Date' | 'Year' | 'Season' | 'Decade' | 'Century' | 'Set' | 'List';
    level: number;
    values: number[];
    approximate?: boolean;
    uncertain?: boolean;
    unspecified?: number;
  }
  export interface ParsedInterval {
    type: 'Interval';
    level: number;
    /** null for an unknown end (`/2023`), Infinity for an open one (`../2023`). */
    values: [ParsedDate | number | null, ParsedDate | number | null];
  }
  export function parse(input: string, options?: { level?: 0 | 1 | 2 }): ParsedDate | ParsedInterval;
}
