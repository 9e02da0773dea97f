import { FADE_OUT, QUALIFIER_FILLS, SEVERED_FILL, UNKNOWN_FILL } from './defs';
import { LEGEND_ROW, type ChartLayout } from './layout';
import type { Words } from '../../i18n/words';
import type { LegendKey } from './legend';
import { pct, tag, text } from './markup';
import { COLORS } from './palette';

/** The legend as SVG: a swatch drawn as the chart draws the mark, and its meaning, two to a line. */

const bar = (width: number, attributes: Record<string, string | number>) =>
  tag('rect', { x: 0, y: -8, width, height: 9, ...attributes });
const line = (x: number, y1: number, y2: number, stroke: string, extra: Record<string, string | number> = {}) =>
  tag('line', { x1: x, x2: x, y1, y2, stroke, 'stroke-width': 2, ...extra });

const SWATCHES: Record<LegendKey, string> = {
  'relations-open': tag('rect', { x: 0, y: -10, width: 24, height: 13, fill: COLORS.open }),
  'relations-severed': tag('rect', { x: 0.5, y: -9.5, width: 23, height: 12, fill: SEVERED_FILL, stroke: COLORS.severed }),
  'relations-practically-non-existent': tag('rect', {
    x: 0.5, y: -6.5, width: 23, height: 6, fill: QUALIFIER_FILLS.practically_non_existent, stroke: COLORS.qualified,
  }),
  'relations-sources-differ': tag('rect', { x: 0.5, y: -6.5, width: 23, height: 6, fill: QUALIFIER_FILLS.sources_differ, stroke: COLORS.qualified }),
  'agreement-day': bar(20, { fill: COLORS.agreement }) + line(20, -9.5, 2.5, COLORS.agreementCap),
  'agreement-open': bar(16, { fill: COLORS.agreement }) + tag('use', { href: '#ch-arrow', x: 16, y: -8, fill: COLORS.agreement }),
  'agreement-unknown': line(1, -9.5, 2.5, COLORS.unknown) + bar(18, { fill: UNKNOWN_FILL, mask: FADE_OUT }) +
    text({ x: 20, y: 0.5, class: 'ch-unknown-mark' }, '?'),
  fuzzy: bar(24, { fill: COLORS.agreement, mask: FADE_OUT }) +
    tag('rect', { x: 0, y: -7.5, width: 24, height: 8, fill: 'none', stroke: COLORS.agreement, 'stroke-dasharray': '2 2' }),
  'visit-exact': tag('use', { href: '#ch-visit-second', x: 6, y: -4, fill: COLORS.visitToSecond }) +
    tag('use', { href: '#ch-visit-first', x: 18, y: -4, fill: COLORS.visitToFirst }),
  'visit-fuzzy': tag('use', { href: '#ch-visit-second', x: 6, y: -5, fill: '#fff', stroke: COLORS.visitToSecond, 'stroke-width': 1.6 }) +
    tag('line', { x1: 2, x2: 10, y1: 1.5, y2: 1.5, stroke: COLORS.visitToSecond, 'stroke-width': 2 }) +
    tag('use', { href: '#ch-visit-first', x: 18, y: -5, fill: '#fff', stroke: COLORS.visitToFirst, 'stroke-width': 1.6 }) +
    tag('line', { x1: 14, x2: 22, y1: 1.5, y2: 1.5, stroke: COLORS.visitToFirst, 'stroke-width': 2 }),
  'as-of': line(12, -12, 4, COLORS.asOf, { 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }),
};

/** A swatch on its own, for a legend written around the chart (in a page): it uses the chart's shapes and patterns. */
export const legendSwatch = (key: LegendKey) =>
  tag('svg', { class: 'ch', width: 34, height: 16, 'aria-hidden': 'true', focusable: 'false' }, tag('g', { transform: 'translate(2 12)' }, SWATCHES[key]));

export function legendSvg(words: Words, legend: ChartLayout['legend']): string {
  const items = legend.keys.map((key, index) => {
    const column = index % 2 === 0 ? 0.012 : 0.5;
    const y = legend.y + Math.floor(index / 2) * LEGEND_ROW;
    return tag('svg', { x: pct(column), y, overflow: 'visible', class: 'ch-legend-item', 'data-key': key },
      SWATCHES[key] + text({ x: 32, y: 0 }, words.t(`legend.${key}`)));
  });
  return tag('g', { class: 'ch-legend' }, items.join(''));
}
