import { parseOccurred } from '../../domain/dates';
import { pixels } from './widths';

/**
 * The chart's time axis: calendar days as fractions of the chart's width (0 is its left edge, 1 its
 * right), and how an EDTF date lies on it. Pure arithmetic; no markup.
 *
 * Horizontal positions are fractions so that the SVG can place them as percentages and stay fluid:
 * the chart takes the width of its box while text keeps its size.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (years 1 to 9999). */
export function dayNumber(day: string): number {
  const date = new Date(0);
  date.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round(date.getTime() / DAY_MS);
}

/** Where the plot lies across the chart: a sliver at the left, room at the right for open ends and marks. */
const PLOT_LEFT = 0.012;
const PLOT_RIGHT = 0.965;

export interface TimeScale {
  /** The first and the day after the last day drawn (day numbers). */
  from: number;
  until: number;
  /** The fraction of the width where a day (a day number) begins. */
  x(day: number): number;
  /** Fractions of the width per year. */
  perYear: number;
}

/** A scale from `first` (a day) to the end of `last` (a day, usually today). */
export function timeScale(first: string, last: string): TimeScale {
  const from = dayNumber(first);
  const until = Math.max(dayNumber(last) + 1, from + 366);
  const perDay = (PLOT_RIGHT - PLOT_LEFT) / (until - from);
  return { from, until, x: (day) => PLOT_LEFT + (day - from) * perDay, perYear: perDay * 365.2425 };
}

/** The fractions of the width a date can mean, from its first day to the end of its last; `exact` for a day known exactly. */
export interface DateSpan {
  x0: number;
  x1: number;
  exact: boolean;
}

/** An open side of an interval (`1990/..`) takes the scale's edge. */
export function spanOf(scale: TimeScale, edtf: string): DateSpan {
  const { earliest, latest, precision, approximate, uncertain } = parseOccurred(edtf);
  return {
    x0: scale.x(earliest === null ? scale.from : dayNumber(earliest)),
    x1: scale.x(latest === null ? scale.until : dayNumber(latest) + 1),
    exact: precision === 'day' && !approximate && !uncertain,
  };
}

/**
 * Where a date lies as the edge of a bar: an exact day is `sharp` at its start; a month, a year, an
 * interval or an approximate day is `fuzzy` over every day it can mean (widened to a few pixels, so
 * that a month still shows as uncertain).
 */
export type Edge = { kind: 'sharp'; x: number } | { kind: 'fuzzy'; x0: number; x1: number };

const MIN_FUZZ = pixels(6);

export function edgeOf(scale: TimeScale, edtf: string): Edge {
  const { x0, x1, exact } = spanOf(scale, edtf);
  if (exact) return { kind: 'sharp', x: x0 };
  if (x1 - x0 >= MIN_FUZZ) return { kind: 'fuzzy', x0, x1 };
  const middle = (x0 + x1) / 2;
  return { kind: 'fuzzy', x0: middle - MIN_FUZZ / 2, x1: middle + MIN_FUZZ / 2 };
}

/** The first and last fraction an edge can mean. */
export const edgeStart = (edge: Edge) => (edge.kind === 'sharp' ? edge.x : edge.x0);
export const edgeEnd = (edge: Edge) => (edge.kind === 'sharp' ? edge.x : edge.x1);
