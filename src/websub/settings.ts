/** The WebSub hub's leases: the bounds an operator sets in wrangler.toml `[vars]` (WEBSUB_LEASE_SECONDS). */
export interface LeaseBounds {
  min: number;
  /** The lease of a request that asks for none. */
  fallback: number;
  max: number;
}

/** One hour at least, ten days unless asked (the recommendation's default), thirty at most. */
export const LEASE_BOUNDS: LeaseBounds = { min: 3600, fallback: 864000, max: 2592000 };

/** `min,default,max` in seconds; what is not three positive integers in order is the default bounds. */
export function leaseBounds(value: string | undefined): LeaseBounds {
  const numbers = (value ?? '').split(',').map((part) => Number(part.trim()));
  if (numbers.length !== 3 || numbers.some((number) => !Number.isInteger(number) || number < 1)) return LEASE_BOUNDS;
  const [min, fallback, max] = numbers;
  return min <= fallback && fallback <= max ? { min, fallback, max } : LEASE_BOUNDS;
}

/** The lease the hub grants for the one asked: within the bounds; the default when none is asked. */
export function grantedLease(asked: number | undefined, bounds: LeaseBounds): number {
  if (asked === undefined) return bounds.fallback;
  return Math.min(bounds.max, Math.max(bounds.min, asked));
}
