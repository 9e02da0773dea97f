import { escapeXml, XML_DECLARATION } from '../../feeds/xml';
import { chartDefs, chartStyle, fromWidthClass, type Embedding } from './defs';
import { layoutChart, type ChartLayout, type LayoutOptions } from './layout';
import type { LegendKey } from './legend';
import { legendSvg } from './legend-svg';
import { agreementsSvg, relationsSvg, visitsSvg, type Href } from './marks-svg';
import { pct, tag, text, title } from './markup';
import { AXIS, COLORS, GRID } from './palette';
import type { ChartData, ChartFilters } from './rows';
import type { Words } from '../../i18n/words';
import { asOfTitle, chartDescription, chartTitle, filtersInWords } from './words';

/**
 * The chart of a relation as one SVG: periods of relations, agreements and visits on one time axis,
 * with the as-of line. No script, no library: text that any SVG reader draws and a screen reader reads.
 */

export interface ChartOptions extends Omit<LayoutOptions, 'ownDocument'> {
  /** "Mexico–Russia", and `mx-ru`. */
  name: string;
  relation: string;
  /** Where the marks link a fact's page: the path as it is in a page, an absolute URL in an image of its own. */
  href: Href;
  filters: ChartFilters;
  /** As a document of its own, the chart carries a heading, its legend and its source (`source`: where it comes from). */
  embedding: Embedding;
  source?: string;
}

export interface Chart {
  svg: string;
  /** What its legend explains: drawn inside a document of its own, for the page to show around it otherwise. */
  legend: LegendKey[];
}

const LEFT = 0.012;
const RIGHT = 0.988;

function axisSvg(layout: ChartLayout, top: number): string {
  const { scale, ticks, axisY, asOf } = layout;
  // The years, the row names and the as-of line are for the eye; the description says what they show.
  const grid = ticks.map((tick) => tag('g', { class: `ch-tick${tick.from ? ` ${fromWidthClass(tick.from)}` : ''}`, 'aria-hidden': 'true' },
    tag('line', { x1: pct(tick.x), x2: pct(tick.x), y1: top, y2: asOf.bottom, stroke: GRID, 'stroke-width': 1 }) +
    text({ x: pct(tick.x), dx: 3, y: axisY }, String(tick.year))));
  const baseline = tag('line', {
    x1: pct(scale.x(scale.from)), x2: pct(scale.x(scale.until)), y1: asOf.bottom, y2: asOf.bottom, stroke: AXIS, 'stroke-width': 1,
  });
  return grid.join('') + baseline;
}

/**
 * The name of each row, above it at the left; in a page, again at the right for a reader who sees
 * only the recent end of the chart (its box scrolls, and starts at the right, below its narrowest width).
 */
function rowLabels(words: Words, layout: ChartLayout, embedding: Embedding): string {
  const { t } = words;
  const label = (y: number, said: string) => text({ x: pct(LEFT), y, class: 'ch-label ch-halo', 'aria-hidden': 'true' }, said) +
    (embedding === 'page' ? text({ x: pct(RIGHT), y, 'text-anchor': 'end', class: 'ch-label ch-halo ch-label-end', 'aria-hidden': 'true' }, said) : '');
  const labels: string[] = [];
  if (layout.relations) labels.push(label(layout.relations.labelY, t('chart.row.relations')));
  for (const row of layout.agreements) {
    labels.push(label(row.labelY, t(`chart.row.${row.level}`, { count: row.bars.length })));
  }
  for (const row of layout.visits) {
    const where = row.to === null ? t('chart.row.visitsElsewhere') : t('chart.row.visitsTo', { country: words.country(row.to) });
    labels.push(label(row.labelY, `${where} (${words.number(row.marks.length)})`));
  }
  return labels.join('');
}

function asOfSvg(words: Words, layout: ChartLayout, data: ChartData): string {
  const { asOf } = layout;
  const day = words.date(asOf.day);
  const hover = title(asOfTitle(words, data, asOf.day));
  const attributes = { class: 'ch-as-of', 'data-as-of': asOf.day, 'data-side': asOf.side, 'aria-hidden': 'true' };
  if (asOf.x === null) {
    const before = asOf.side === 'before';
    const label = words.t(before ? 'chart.asOfBefore' : 'chart.asOfAfter', { day });
    return tag('g', attributes, hover + text({
      x: pct(before ? LEFT : RIGHT), y: asOf.top, 'text-anchor': before ? 'start' : 'end', class: 'ch-label ch-halo',
    }, label));
  }
  const anchor = asOf.x > 0.6 ? 'end' : 'start';
  return tag('g', { ...attributes, 'data-x': asOf.x.toFixed(5) }, hover +
    tag('line', {
      x1: pct(asOf.x), x2: pct(asOf.x), y1: asOf.top + 4, y2: asOf.bottom, stroke: COLORS.asOf, 'stroke-width': 1.5, 'stroke-dasharray': '5 3',
    }) +
    text({ x: pct(asOf.x), dx: anchor === 'start' ? 4 : -4, y: asOf.top, 'text-anchor': anchor, class: 'ch-label ch-halo' }, words.t('chart.asOf', { day })));
}

function headingSvg(options: ChartOptions, layout: ChartLayout, years: [number, number]): string {
  const { words } = options;
  const narrowed = filtersInWords(words, options.filters);
  const subtitle = words.t('chart.subtitle', {
    first: String(years[0]), today: words.date(options.today), asOf: words.date(options.asOf), filters: narrowed ? `; ${narrowed}` : '',
  });
  return text({ x: pct(LEFT), y: 20, class: 'ch-heading' }, words.t('chart.heading', { name: options.name })) +
    text({ x: pct(LEFT), y: 38, class: 'ch-muted' }, subtitle) +
    (options.source ? text({ x: pct(LEFT), y: layout.footerY + 12, class: 'ch-muted' }, words.t('chart.source', { source: options.source })) : '');
}

/** Every width from which something is shown: the stylesheet hides it below that width. */
function widthsUsed(layout: ChartLayout): number[] {
  return [...layout.ticks.map((tick) => tick.from), ...(layout.relations?.segments ?? []).map((segment) => segment.labelFrom ?? 0)];
}

export function chartSvg(data: ChartData, options: ChartOptions): Chart {
  const { words } = options;
  const document = options.embedding === 'document';
  const layout = layoutChart(data, { ...options, ownDocument: document });
  const years: [number, number] = [Number(layout.first.slice(0, 4)), Number(options.today.slice(0, 4))];
  const nothing = !layout.relations && !layout.agreements.length && !layout.visits.length;
  const body = [
    axisSvg(layout, layout.asOf.top + 4),
    relationsSvg(words, layout.relations, options.href),
    agreementsSvg(words, layout.agreements, options.asOf, options.href),
    visitsSvg(words, layout.visits, options.countries, options.href, options.relation),
    nothing ? text({ x: '50%', y: layout.asOf.bottom - 8, 'text-anchor': 'middle', class: 'ch-muted' }, words.t('chart.nothingDrawn')) : '',
    asOfSvg(words, layout, data),
    // Over the line, in a halo that keeps them readable where it crosses them.
    rowLabels(words, layout, options.embedding),
    document ? legendSvg(words, layout.legend) + headingSvg(options, layout, years) : '',
  ].join('');
  const svg = tag('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: '100%',
    height: layout.height,
    // An image of its own; in a page, a group of links (one per mark), which an image's children cannot be.
    role: document ? 'img' : 'group',
    'aria-labelledby': 'ch-title ch-desc',
    class: 'ch ch-chart',
    'data-first-year': years[0],
    ...(document ? { 'xml:lang': words.language } : {}),
  }, tag('title', { id: 'ch-title' }, escapeXml(chartTitle(words, options.name, options.filters))) +
    tag('desc', { id: 'ch-desc' }, escapeXml(chartDescription(words, data, options.asOf, years))) +
    // In a page, the page's stylesheet has these rules (styles.ts), for every width a mark may appear from.
    (document ? `<style>${chartStyle(widthsUsed(layout), options.embedding)}</style>` : '') +
    chartDefs() + body);
  return { svg: document ? `${XML_DECLARATION}\n${svg}\n` : svg, legend: layout.legend.keys };
}
