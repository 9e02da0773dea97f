import { dayNumber, timeScale, type TimeScale } from './time-scale';
import { MIN_WIDTH, pixels, textWidth, visibleFrom } from './widths';

/**
 * Year ticks that stay readable at every width: the coarsest step whose labels fit at the narrowest
 * width is always labelled; each finer step (every one dividing the one before) appears from the
 * width at which its labels no longer run into each other.
 */

const STEPS = [1000, 500, 100, 50, 10, 5, 1];
export const TICK_FONT = 11.5;
const LABEL_SPACE = textWidth('2000', TICK_FONT) + 8;

export interface YearTick {
  year: number;
  x: number;
  /** The width (px) from which it is shown; 0 at every width. Its label reads to the right of its gridline. */
  from: number;
}

const yearStart = (year: number) => dayNumber(`${String(year).padStart(4, '0')}-01-01`);
const spacing = (scale: TimeScale, step: number) => step * scale.perYear;

/**
 * The scale from a little before the year of `first` (so that a mark on it is not cut by the edge)
 * to the end of `last`, and its year ticks. A tick too near the right edge for its label is left out.
 */
export function yearAxis(first: string, last: string, maxWidth: number): { scale: TimeScale; ticks: YearTick[] } {
  const lastYear = Number(last.slice(0, 4));
  const lead = Math.max(1, Math.ceil((lastYear - Number(first.slice(0, 4))) / 60));
  const firstYear = Math.max(1, Number(first.slice(0, 4)) - lead);
  const scale = timeScale(`${String(firstYear).padStart(4, '0')}-01-01`, last);
  const labelled = STEPS.findLast((step) => spacing(scale, step) >= pixels(LABEL_SPACE)) ?? STEPS[0];
  const ticks: YearTick[] = [];
  for (const step of STEPS.filter((s) => s <= labelled)) {
    const from = visibleFrom(LABEL_SPACE, spacing(scale, step), maxWidth);
    if (from === null) break;
    for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
      if (ticks.some((tick) => tick.year === year)) continue;
      const x = scale.x(yearStart(year));
      if ((1 - x) * Math.max(from, MIN_WIDTH) >= LABEL_SPACE) ticks.push({ year, x, from });
    }
  }
  return { scale, ticks: ticks.sort((a, b) => a.year - b.year) };
}
