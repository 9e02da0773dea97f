/**
 * The widths the chart is drawn at. It is fluid: positions along time are fractions of its width,
 * text and marks keep their size in pixels. What needs room (a year label, the name of a period)
 * is shown from the width at which it fits, which the markup turns into a media or container query.
 */

/** The narrowest width the chart is laid out for (px): below it, its box scrolls. */
export const MIN_WIDTH = 560;

/** A length in pixels at the narrowest width, as a fraction of the width. */
export const pixels = (px: number) => px / MIN_WIDTH;

/** Widths at which things appear are rounded up to steps of this many pixels, to keep the rules few. */
const WIDTH_STEP = 40;

/**
 * From which width something that needs `px` pixels, given `fraction` of the width, fits: 0 when it
 * fits at every width, null when it never does up to `maxWidth`.
 */
export function visibleFrom(px: number, fraction: number, maxWidth: number): number | null {
  if (fraction <= 0) return null;
  const needed = px / fraction;
  if (needed <= MIN_WIDTH) return 0;
  const rounded = Math.ceil(needed / WIDTH_STEP) * WIDTH_STEP;
  return rounded <= maxWidth ? rounded : null;
}

/** Every width `visibleFrom` may answer up to `maxWidth`: a stylesheet with a rule for each serves any chart. */
export function widthsUpTo(maxWidth: number): number[] {
  const widths: number[] = [];
  for (let width = (Math.floor(MIN_WIDTH / WIDTH_STEP) + 1) * WIDTH_STEP; width <= maxWidth; width += WIDTH_STEP) widths.push(width);
  return widths;
}

/** Roughly how wide a line of text is at a font size: enough to keep labels from running into each other. */
export const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.6;
