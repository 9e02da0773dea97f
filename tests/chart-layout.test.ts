import { describe, expect, it } from 'vitest';
import { packLanes } from '../src/web/chart/lanes';
import { COLORS, INK, MUTED } from '../src/web/chart/palette';
import { TICK_FONT, yearAxis } from '../src/web/chart/ticks';
import { dayNumber, edgeOf, timeScale } from '../src/web/chart/time-scale';
import { MIN_WIDTH, textWidth } from '../src/web/chart/widths';

/** The chart's layout maths, which no request shows directly: readable ticks at every width, lanes, dates as precise as their source, contrast. */

const WIDTHS = Array.from({ length: 51 }, (_, i) => MIN_WIDTH + i * 40);
const LABEL = textWidth('2000', TICK_FONT);

describe('year ticks', () => {
  it('never let their labels run into each other or off the chart, whatever the span, at any width', () => {
    // Every label of every span at every width is checked, and what fails is collected, so that the test is one
    // assertion at the end instead of tens of thousands (which took seconds on a loaded machine).
    const faults: string[] = [];
    for (let year = 1480; year <= 2024; year += 13) {
      const { ticks } = yearAxis(`${year}-06-15`, '2026-11-27', 2560);
      if (ticks.filter((tick) => tick.from === 0).length < 2) faults.push(`from ${year}: fewer than two ticks at every width`);
      for (const width of [...WIDTHS, 601, 700, 929]) {
        const shown = ticks.filter((tick) => tick.from <= width);
        const extents = shown.map((tick) => [tick.x * width + 3, tick.x * width + 3 + LABEL]);
        extents.forEach(([left, right], i) => {
          if (left < 0 || right > width) faults.push(`from ${year}, ${width}px: ${shown[i].year} off the chart`);
          if (i > 0 && left <= extents[i - 1][1]) faults.push(`from ${year}, ${width}px: ${shown[i].year} runs into ${shown[i - 1].year}`);
        });
      }
    }
    expect(faults).toEqual([]);
  });

  it('show more years as the chart widens', () => {
    const { ticks } = yearAxis('1890-12-01', '2026-11-27', 2560);
    const at = (width: number) => ticks.filter((tick) => tick.from <= width).length;
    expect(at(MIN_WIDTH)).toBeLessThan(at(1280));
    expect(at(1280)).toBeLessThanOrEqual(at(2560));
    expect(ticks.filter((tick) => tick.from === 0).map((tick) => tick.year)).toContain(1900);
  });
});

describe('dates on the axis', () => {
  const scale = timeScale('1890-01-01', '2026-11-27');
  it('draw an exact day sharp and a month or a year as fuzzy over every day it can mean', () => {
    expect(edgeOf(scale, '1930-01-26').kind).toBe('sharp');
    const year = edgeOf(scale, '1976');
    expect(year.kind).toBe('fuzzy');
    // Over every day of the year at least (widened to be seen at the narrowest width).
    if (year.kind === 'fuzzy') {
      expect(year.x0).toBeLessThanOrEqual(scale.x(dayNumber('1976-01-01')));
      expect(year.x1).toBeGreaterThanOrEqual(scale.x(dayNumber('1977-01-01')));
    }
    const recent = timeScale('2000-01-01', '2026-11-27');
    const exactYear = edgeOf(recent, '2012');
    expect(exactYear).toEqual({ kind: 'fuzzy', x0: recent.x(dayNumber('2012-01-01')), x1: recent.x(dayNumber('2013-01-01')) });
    // A month is a sliver of a century: still drawn fuzzy, at least a few pixels wide.
    const month = edgeOf(scale, '1943-06');
    expect(month.kind === 'fuzzy' && (month.x1 - month.x0) * MIN_WIDTH).toBeCloseTo(6, 6);
    expect(edgeOf(scale, '2012-05-01~').kind).toBe('fuzzy');
  });
});

describe('lanes', () => {
  it('put things that overlap in time in different lanes, and reuse a lane once it is free', () => {
    expect(packLanes([{ x0: 0, x1: 0.5 }, { x0: 0.2, x1: 0.3 }, { x0: 0.6, x1: 0.7 }, { x0: 0.31, x1: 0.4 }], 0.005)).toEqual([0, 1, 0, 1]);
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colors. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('colors', () => {
  it('give text at least 4.5:1 against what it is written on', () => {
    for (const color of [INK, MUTED, COLORS.severedText]) expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
    expect(contrast(COLORS.severedText, COLORS.severedWash)).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#ffffff', COLORS.open)).toBeGreaterThanOrEqual(4.5);
  });

  it('give every mark at least 3:1 against the white it is drawn on', () => {
    const marks = [COLORS.open, COLORS.severed, COLORS.qualified, COLORS.agreement, COLORS.agreementCap, COLORS.unknown,
      COLORS.visitToFirst, COLORS.visitToSecond, COLORS.visitElsewhere, COLORS.asOf];
    for (const color of marks) expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(3);
  });
});
