import { AXIS, COLORS, FONT, INK, MUTED, TEXT_SIZE } from './palette';
import { TICK_FONT } from './ticks';
import { MIN_WIDTH } from './widths';

/**
 * What the chart's marks refer to: its stylesheet (with the rules that show finer ticks and labels
 * from the width at which they fit), its hatch patterns, the masks that fade a fuzzy date, and the
 * shapes of arrows and visit marks.
 */

/**
 * Where the chart is: a document of its own (media queries see its width; its stylesheet is inside it) or inside a
 * page (container queries see its box; the page's stylesheet has its rules).
 */
export type Embedding = 'document' | 'page';

/** The name of the container the page wraps the chart in (the page's stylesheet declares it). */
export const CHART_CONTAINER = 'relations-chart';

/** The class of what is shown only from `width` px on. */
export const fromWidthClass = (width: number) => `ch-w${width}`;

const below = (embedding: Embedding, width: number) =>
  `${embedding === 'page' ? `@container ${CHART_CONTAINER}` : '@media'} (max-width: ${width - 0.02}px)`;

function widthRules(widths: number[], embedding: Embedding): string {
  return [...new Set(widths)].filter((width) => width > 0).sort((a, b) => a - b)
    .map((width) => `${below(embedding, width)} { .ch .${fromWidthClass(width)} { display: none; } }`)
    .join('\n');
}

export function chartStyle(widths: number[], embedding: Embedding): string {
  return `
.ch-chart { display: block; min-width: ${MIN_WIDTH}px; direction: ltr; }
.ch text { font-family: ${FONT}; font-size: ${TEXT_SIZE}px; fill: ${INK}; }
.ch .ch-muted { fill: ${MUTED}; }
.ch .ch-tick text { font-size: ${TICK_FONT}px; fill: ${MUTED}; }
.ch .ch-label { font-weight: 600; }
.ch .ch-heading { font-size: 16px; font-weight: 700; }
.ch .ch-halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.ch .ch-period-name { font-size: 11px; font-weight: 600; }
.ch .ch-period-name-open { fill: #fff; }
.ch .ch-period-name-severed { fill: ${COLORS.severedText}; }
.ch .ch-unknown-mark { font-weight: 700; fill: ${MUTED}; }
.ch .ch-label-end { display: none; }
${below(embedding, MIN_WIDTH)} { .ch .ch-label-end { display: inline; } }
${widthRules(widths, embedding)}
`;
}

const hatch = (id: string, wash: string, line: string, strokeWidth: number) =>
  `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
  `<rect width="6" height="6" fill="${wash}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${line}" stroke-width="${strokeWidth}"/></pattern>`;

const fade = (id: string, from: number, to: number) =>
  `<linearGradient id="${id}-gradient" x1="0" x2="1" y1="0" y2="0">` +
  `<stop offset="0" stop-color="#fff" stop-opacity="${from}"/><stop offset="1" stop-color="#fff" stop-opacity="${to}"/></linearGradient>` +
  `<mask id="${id}" maskContentUnits="objectBoundingBox" x="0" y="0" width="1" height="1">` +
  `<rect width="1" height="1" fill="url(#${id}-gradient)"/></mask>`;

export const SEVERED_FILL = 'url(#ch-severed)';
/** Qualifiers of relations: dots for relations practically non-existent, a cross-hatch where the sources differ. */
export const QUALIFIER_FILLS = { practically_non_existent: 'url(#ch-dormant)', sources_differ: 'url(#ch-disputed)' } as const;
export const UNKNOWN_FILL = 'url(#ch-unknown)';
export const FADE_IN = 'url(#ch-fade-in)';
export const FADE_OUT = 'url(#ch-fade-out)';

export function chartDefs(): string {
  return '<defs>' +
    hatch('ch-severed', COLORS.severedWash, COLORS.severed, 2) +
    hatch('ch-unknown', '#fff', COLORS.unknown, 1.6) +
    `<pattern id="ch-dormant" width="4" height="4" patternUnits="userSpaceOnUse">` +
    `<rect width="4" height="4" fill="#fff"/><circle cx="2" cy="2" r="1.1" fill="${COLORS.qualified}"/></pattern>` +
    `<pattern id="ch-disputed" width="6" height="6" patternUnits="userSpaceOnUse">` +
    `<rect width="6" height="6" fill="#fff"/><path d="M0 0 L6 6 M6 0 L0 6" stroke="${COLORS.qualified}" stroke-width="1.2"/></pattern>` +
    fade('ch-fade-in', 0.08, 1) +
    fade('ch-fade-out', 1, 0.08) +
    // An open end: an arrow 7 px long at the height of a bar (drawn from its top).
    '<path id="ch-arrow" d="M1 -1.5 L8 4.5 L1 10.5 Z"/>' +
    // Visit marks, centred on their point: to the second country, to the first, elsewhere.
    '<path id="ch-visit-second" d="M0 -5 L5.2 4 L-5.2 4 Z"/>' +
    '<path id="ch-visit-first" d="M0 -5.4 L5 0 L0 5.4 L-5 0 Z"/>' +
    '<circle id="ch-visit-elsewhere" r="4.4"/>' +
    `<path id="ch-axis-arrow" d="M0 0 L-6 -4 L-6 4 Z" fill="${AXIS}"/>` +
    '</defs>';
}
