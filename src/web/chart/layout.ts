import type { Level } from '../../domain/catalog';
import { parseOccurred } from '../../domain/dates';
import { laneCount, packLanes } from './lanes';
import { legendKeys, type LegendKey } from './legend';
import {
  agreementBar, barExtent, bodySpan, periodSegments, qualifierMark, visitMark,
  type AgreementBar, type PeriodSegment, type QualifierMark, type VisitMark,
} from './marks';
import type { ChartData } from './rows';
import { yearAxis, type YearTick } from './ticks';
import { dayNumber, type TimeScale } from './time-scale';
import { pixels, textWidth, visibleFrom } from './widths';
import type { Words } from '../../i18n/words';

/**
 * The chart laid out: the time axis, then the rows top to bottom (the periods of relations, the
 * agreements by level in lanes, the visits by destination), the as-of line and the legend. Pure
 * geometry: fractions of the width across, pixels down.
 */

export interface LayoutOptions {
  /** The reader's language: the words the chart is drawn with. */
  words: Words;
  /** YYYY-MM-DD: the axis runs to the end of this day. */
  today: string;
  /** YYYY-MM-DD: where the as-of line is drawn. */
  asOf: string;
  /** The two countries of the relation, by code. */
  countries: [string, string];
  /** The widest (px) the chart is shown at: ticks and labels that need more are left out. */
  maxWidth: number;
  /** The chart as a document of its own: its heading, legend and source are drawn inside it. */
  ownDocument: boolean;
}

/** A row: its label's baseline and the top of its first lane. */
interface Row {
  labelY: number;
  top: number;
}

export interface AgreementRow extends Row {
  level: Level;
  /** Each bar with the top of its lane. */
  bars: (AgreementBar & { y: number })[];
}

export interface VisitRow extends Row {
  /** The country visited, or null for visits elsewhere. */
  to: string | null;
  /** Each mark with its centre: marks that would overlap stack up. */
  marks: (VisitMark & { y: number })[];
}

export interface ChartLayout {
  /** The first day anything drawn can mean (the axis begins a little before it). */
  first: string;
  scale: TimeScale;
  ticks: YearTick[];
  height: number;
  /**
   * The band of periods, each with the width from which its name fits inside it (null: never); under it,
   * a strip per lane of the qualifiers of relations (each with the top of its lane).
   */
  relations: (Row & {
    segments: (PeriodSegment & { labelFrom: number | null })[];
    qualifiers: (QualifierMark & { y: number })[];
  }) | null;
  agreements: AgreementRow[];
  visits: VisitRow[];
  /** The as-of line under its label (whose baseline is `top`) down to `bottom`; `x` is null when the day lies off the axis (`side` says where). */
  asOf: { day: string; x: number | null; side: 'before' | 'on' | 'after'; top: number; bottom: number };
  axisY: number;
  /** What the legend explains, and where it is drawn when the chart is a document of its own. */
  legend: { y: number; keys: LegendKey[] };
  /** The baseline of the line under the legend (the source of the chart on its own). */
  footerY: number;
}

export const BAND_HEIGHT = 20;
export const QUALIFIER_HEIGHT = 7;
const QUALIFIER_PITCH = 10;
export const BAR_HEIGHT = 9;
const LANE_PITCH = 14;
export const VISIT_SIZE = 9;
const VISIT_PITCH = 12;
const LABEL_HEIGHT = 18;
const ROW_GAP = 12;
const AS_OF_STRIP = 20;
const AXIS_HEIGHT = 22;
const EMPTY_HEIGHT = 40;
export const LEGEND_ROW = 18;
const FOOTER_HEIGHT = 20;
const HEADING_HEIGHT = 50;

/** The first day anything drawn can mean: where the axis begins. */
function firstDay(data: ChartData, today: string): string {
  const dates = [
    ...data.periods.map((period) => period.from),
    ...data.agreements.map((agreement) => agreement.signed),
    ...data.visits.map((visit) => visit.occurred),
  ];
  const days = dates.map((edtf) => { const { earliest, latest } = parseOccurred(edtf); return (earliest ?? latest)!; });
  return days.length ? days.reduce((a, b) => (a < b ? a : b)) : `${Number(today.slice(0, 4)) - 10}-01-01`;
}

const LEVELS: Level[] = ['federal', 'subnational'];

export function layoutChart(data: ChartData, options: LayoutOptions): ChartLayout {
  const first = firstDay(data, options.today);
  const { scale, ticks } = yearAxis(first, options.today, options.maxWidth);
  const top = options.ownDocument ? HEADING_HEIGHT : 0;
  let y = top + AS_OF_STRIP;
  const row = (contentHeight: number): Row => {
    const placed = { labelY: y + 12, top: y + LABEL_HEIGHT };
    y += LABEL_HEIGHT + contentHeight + ROW_GAP;
    return placed;
  };

  const qualifierMarks = data.qualifiers.map((qualifier) => qualifierMark(scale, qualifier));
  const qualifierLanes = packLanes(qualifierMarks, pixels(2));
  const strips = qualifierMarks.length ? 3 + laneCount(qualifierLanes) * QUALIFIER_PITCH - (QUALIFIER_PITCH - QUALIFIER_HEIGHT) : 0;
  const relationsRow = data.periods.length ? row(BAND_HEIGHT + strips) : null;
  const relations = relationsRow ? {
    ...relationsRow,
    segments: periodSegments(scale, data.periods).map((segment) => ({
      ...segment,
      labelFrom: visibleFrom(textWidth(options.words.t(`chart.period.${segment.period.status}`), 11) + 8, bodySpan(segment), options.maxWidth),
    })),
    qualifiers: qualifierMarks.map((mark, i) => ({ ...mark, y: relationsRow.top + BAND_HEIGHT + 3 + qualifierLanes[i] * QUALIFIER_PITCH })),
  } : null;

  const agreements = LEVELS.flatMap((level): AgreementRow[] => {
    const bars = data.agreements.filter((agreement) => agreement.level === level).map((a) => agreementBar(scale, a));
    if (!bars.length) return [];
    const lanes = packLanes(bars.map(barExtent), pixels(4));
    const placed = row(laneCount(lanes) * LANE_PITCH - (LANE_PITCH - BAR_HEIGHT));
    return [{ level, ...placed, bars: bars.map((bar, i) => ({ ...bar, y: placed.top + lanes[i] * LANE_PITCH })) }];
  });

  const [a, b] = options.countries;
  const destinations: (string | null)[] = [b, a, null];
  const visits = destinations.flatMap((to): VisitRow[] => {
    const marks = data.visits
      .filter((visit) => (to === null ? visit.visit.to !== a && visit.visit.to !== b : visit.visit.to === to))
      .map((visit) => visitMark(scale, visit));
    if (!marks.length) return [];
    const half = pixels(VISIT_SIZE / 2 + 1);
    const stacks = packLanes(marks.map((mark) => ({ x0: Math.min(mark.x0, mark.x - half), x1: Math.max(mark.x1, mark.x + half) })), 0);
    const placed = row(laneCount(stacks) * VISIT_PITCH);
    return [{ to, ...placed, marks: marks.map((mark, i) => ({ ...mark, y: placed.top + (stacks[i] + 0.5) * VISIT_PITCH })) }];
  });

  // Nothing to draw: room for saying so.
  if (!relations && !agreements.length && !visits.length) y += EMPTY_HEIGHT;
  const plotBottom = y - ROW_GAP + 4;
  const asOfDay = dayNumber(options.asOf);
  const side = asOfDay < scale.from ? 'before' : asOfDay >= scale.until ? 'after' : 'on';
  const keys = legendKeys(
    relations?.segments ?? [], agreements.flatMap((row) => row.bars), visits.flatMap((row) => row.marks), relations?.qualifiers ?? [],
  );
  const legendY = plotBottom + AXIS_HEIGHT + 16;
  const legendBottom = options.ownDocument ? legendY + Math.ceil(keys.length / 2) * LEGEND_ROW : plotBottom + AXIS_HEIGHT;
  return {
    first,
    scale,
    ticks,
    relations,
    agreements,
    visits,
    asOf: { day: options.asOf, x: side === 'on' ? scale.x(asOfDay) : null, side, top: top + 14, bottom: plotBottom },
    axisY: plotBottom + 15,
    legend: { y: legendY, keys },
    footerY: legendBottom + 6,
    height: legendBottom + (options.ownDocument ? FOOTER_HEIGHT : 0),
  };
}
