/**
 * The chart's colors, patterns and type. Every text color has at least 4.5:1 contrast on white and
 * every mark at least 3:1 (tests/chart-layout.test.ts checks it); no state is told by color
 * alone: severed relations are hatched, an unknown validity is hatched grey and ends in a question
 * mark, a fuzzy date fades behind a dashed outline, visits differ in shape.
 */

export const INK = '#1b1b1b';
export const MUTED = '#4a4a4a';
export const GRID = '#d6d6d6';
export const AXIS = '#6b6b6b';

/** Marks, each with the text color used on or beside it. */
export const COLORS = {
  open: '#1d6b40',
  severed: '#b3261e',
  severedText: '#8a1c1c',
  severedWash: '#fde8e6',
  agreement: '#1f5fa8',
  agreementCap: '#0d3a6e',
  unknown: '#666666',
  qualified: '#5b4a00',
  visitToSecond: '#b35400',
  visitToFirst: '#6a3d9a',
  visitElsewhere: '#4a4a4a',
  asOf: '#1b1b1b',
} as const;

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const TEXT_SIZE = 12;
