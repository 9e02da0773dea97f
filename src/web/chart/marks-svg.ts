import { factPagePath } from '../../domain/pages';
import { FADE_IN, FADE_OUT, fromWidthClass, QUALIFIER_FILLS, SEVERED_FILL, UNKNOWN_FILL } from './defs';
import { BAND_HEIGHT, BAR_HEIGHT, QUALIFIER_HEIGHT, VISIT_SIZE, type ChartLayout } from './layout';
import { endStart, type End } from './marks';
import { pct, tag, text, title, type Attribute } from './markup';
import { COLORS } from './palette';
import { edgeEnd, type Edge } from './time-scale';
import type { Words } from '../../i18n/words';
import { agreementTitle, periodTitle, qualifierTitle, visitTitle } from './words';

/**
 * The marks as SVG: the band of periods of relations, the agreements' bars, the visits. Each mark is a link to
 * its fact's page (an `<a>` holding the shapes and the hover text, which names the link).
 */

/** The href of a fact's page, from its path: as it is in a page, absolute in an image of its own. */
export type Href = (path: string) => string;

interface Paint {
  fill: string;
  stroke: string;
}

const rect = (x0: number, x1: number, y: number, height: number, attributes: Record<string, Attribute>) =>
  tag('rect', { x: pct(x0), y, width: pct(x1 - x0), height, ...attributes });

/** A date known only to a month or year: the fill fading in (or out) over every day it can mean, in a dashed outline. */
function fuzzy(x0: number, x1: number, y: number, height: number, paint: Paint, mask: string): string {
  return rect(x0, x1, y, height, { fill: paint.fill, mask, 'data-fuzzy': '' }) +
    rect(x0, x1, y + 0.5, height - 1, { fill: 'none', stroke: paint.stroke, 'stroke-width': 1, 'stroke-dasharray': '2 2' });
}

function startSvg(start: Edge, y: number, height: number, paint: Paint): string {
  return start.kind === 'fuzzy' ? fuzzy(start.x0, start.x1, y, height, paint, FADE_IN) : '';
}

/** How a bar ends: a cap on a stated day, a fade over a month or year, an arrow running on, a question mark. */
function endSvg(end: End, y: number, height: number, paint: Paint, cap: string): string {
  switch (end.kind) {
    case 'day':
      return tag('line', { x1: pct(end.x), x2: pct(end.x), y1: y - 1.5, y2: y + height + 1.5, stroke: cap, 'stroke-width': 2 });
    case 'fuzzy':
      return fuzzy(end.x0, end.x1, y, height, paint, FADE_OUT);
    case 'open':
      return tag('use', { href: '#ch-arrow', x: pct(end.x), y: y + (height - BAR_HEIGHT) / 2, fill: paint.stroke });
    case 'unknown':
      return text({ x: pct(end.x), dx: 2, y: y + height - 0.5, class: 'ch-unknown-mark' }, '?');
  }
}

function periodSvg(words: Words, segment: NonNullable<ChartLayout['relations']>['segments'][number], top: number, href: Href): string {
  const { period, start, end, labelFrom } = segment;
  const severed = period.status === 'severed';
  const paint = severed ? { fill: SEVERED_FILL, stroke: COLORS.severed } : { fill: COLORS.open, stroke: COLORS.open };
  const x0 = edgeEnd(start);
  const x1 = endStart(end);
  const label = labelFrom === null ? '' : text({
    x: pct(x0), dx: 5, y: top + 14,
    class: `ch-period-name ch-period-name-${severed ? 'severed ch-halo' : 'open'}${labelFrom ? ` ${fromWidthClass(labelFrom)}` : ''}`,
  }, words.t(`chart.period.${period.status}`));
  return tag('a', { href: href(period.event.links.page), class: 'ch-period', 'data-period': period.status, 'data-from': period.from }, title(periodTitle(words, period)) +
    startSvg(start, top, BAND_HEIGHT, paint) +
    rect(x0, x1, top, BAND_HEIGHT, { fill: paint.fill, ...(severed ? { stroke: paint.stroke, 'stroke-width': 1 } : {}) }) +
    (end.kind === 'day' ? '' : endSvg(end, top, BAND_HEIGHT, paint, paint.stroke)) +
    label);
}

/** A qualifier of relations: a patterned strip over every day its date can mean, under the band, linking its fact's page. */
function qualifierSvg(words: Words, { qualifier, x0, x1, y }: NonNullable<ChartLayout['relations']>['qualifiers'][number], href: Href): string {
  return tag('a', { href: href(qualifier.event.links.page), class: 'ch-qualifier', 'data-qualifier': qualifier.qualifier, 'data-occurred': qualifier.event.occurred },
    title(qualifierTitle(words, qualifier)) +
    rect(x0, x1, y + 0.5, QUALIFIER_HEIGHT - 1, { fill: QUALIFIER_FILLS[qualifier.qualifier], stroke: COLORS.qualified, 'stroke-width': 1 }));
}

export function relationsSvg(words: Words, relations: ChartLayout['relations'], href: Href): string {
  if (!relations) return '';
  return relations.segments.map((segment) => periodSvg(words, segment, relations.top, href)).join('') +
    relations.qualifiers.map((qualifier) => qualifierSvg(words, qualifier, href)).join('');
}

function barSvg(words: Words, bar: ChartLayout['agreements'][number]['bars'][number], asOf: string, href: Href): string {
  const { agreement, start, body, end, y } = bar;
  const known = body === 'known';
  const paint = known ? { fill: COLORS.agreement, stroke: COLORS.agreement } : { fill: UNKNOWN_FILL, stroke: COLORS.unknown };
  const x0 = edgeEnd(start);
  const x1 = Math.max(x0, endStart(end));
  // Known validity: a solid bar. Unknown: hatched grey in a dashed outline, trailing off when no end is known at all.
  const stretch = known ? rect(x0, x1, y, BAR_HEIGHT, { fill: paint.fill })
    : end.kind === 'unknown' ? rect(x0, x1, y, BAR_HEIGHT, { fill: paint.fill, mask: FADE_OUT })
    : rect(x0, x1, y + 0.5, BAR_HEIGHT - 1, { fill: paint.fill, stroke: COLORS.unknown, 'stroke-width': 1, 'stroke-dasharray': '3 2' });
  // An exact day of signing is marked as firmly as a stated end; a coarse one fades in.
  const signing = start.kind === 'sharp'
    ? tag('line', { x1: pct(start.x), x2: pct(start.x), y1: y - 1.5, y2: y + BAR_HEIGHT + 1.5, stroke: known ? COLORS.agreementCap : COLORS.unknown, 'stroke-width': 2 })
    : startSvg(start, y, BAR_HEIGHT, paint);
  return tag('a', {
    href: href(agreement.links.page), class: 'ch-bar', 'data-agreement': agreement.agreementId, 'data-level': agreement.level,
    'data-validity': known ? (end.kind === 'open' ? 'indefinite' : 'stated') : 'unknown', 'data-end': end.kind,
  }, title(agreementTitle(words, agreement, asOf)) + stretch + signing + endSvg(end, y, BAR_HEIGHT, paint, COLORS.agreementCap));
}

export function agreementsSvg(words: Words, rows: ChartLayout['agreements'], asOf: string, href: Href): string {
  return rows.flatMap((row) => row.bars.map((bar) => barSvg(words, bar, asOf, href))).join('');
}

/** The shape and color of a visit mark by where the visit went. */
function visitPaint(to: string | null, countries: [string, string]): { shape: string; color: string } {
  if (to === countries[1]) return { shape: '#ch-visit-second', color: COLORS.visitToSecond };
  if (to === countries[0]) return { shape: '#ch-visit-first', color: COLORS.visitToFirst };
  return { shape: '#ch-visit-elsewhere', color: COLORS.visitElsewhere };
}

export function visitsSvg(words: Words, rows: ChartLayout['visits'], countries: [string, string], href: Href, relation: string): string {
  return rows.flatMap((row) => {
    const { shape, color } = visitPaint(row.to, countries);
    return row.marks.map(({ visit, x0, x1, x, y, exact }) => tag('a', {
      href: href(factPagePath(relation, visit.id)), class: 'ch-visit', 'data-to': visit.visit.to, 'data-exact': String(exact),
    }, title(visitTitle(words, visit)) +
      // A date known only to a month or year: the span it can mean, under a hollow mark.
      (exact ? '' : tag('line', { x1: pct(x0), x2: pct(x1), y1: y + VISIT_SIZE / 2 + 1.5, y2: y + VISIT_SIZE / 2 + 1.5, stroke: color, 'stroke-width': 2 })) +
      tag('use', exact
        ? { href: shape, x: pct(x), y, fill: color, stroke: '#fff', 'stroke-width': 1 }
        : { href: shape, x: pct(x), y, fill: '#fff', stroke: color, 'stroke-width': 1.6 })));
  }).join('');
}
