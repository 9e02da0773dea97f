/**
 * Lanes: things that overlap in time are drawn one under the other. Greedy first fit in order of
 * start, which keeps the earliest things in the top lane and the lanes few.
 */

export interface Extent {
  x0: number;
  x1: number;
}

/** The lane of each extent (same order as given), with `gap` kept free between neighbours in a lane. */
export function packLanes(extents: Extent[], gap: number): number[] {
  const order = extents.map((extent, index) => ({ extent, index })).sort((a, b) => a.extent.x0 - b.extent.x0);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(extents.length);
  for (const { extent, index } of order) {
    let lane = laneEnds.findIndex((end) => end + gap <= extent.x0);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = extent.x1;
    lanes[index] = lane;
  }
  return lanes;
}

/** How many lanes `packLanes` used. */
export const laneCount = (lanes: number[]) => (lanes.length ? Math.max(...lanes) + 1 : 0);
