// Where a slider handle sits for a value and back. Durations spread over orders of magnitude
// (a 0 ms cache hit and a 7 s download in one facet), so their slider is logarithmic: each
// step of the handle covers a similar share of the values people tell apart.

/** Positions of a handle, 0 to STEPS: fine enough for any facet, small enough to step with keys. */
export const STEPS = 1000;

export interface Scale {
  min: number;
  max: number;
  log: boolean;
}

export function toPosition(value: number, { min, max, log }: Scale): number {
  if (!(max > min)) return 0;
  const v = Math.min(max, Math.max(min, value));
  const share = log ? Math.log1p(v - min) / Math.log1p(max - min) : (v - min) / (max - min);
  return Math.round(share * STEPS);
}

/** The value at a position, to three significant digits (people read `120 ms`, not `119.73`). */
export function fromPosition(position: number, { min, max, log }: Scale): number {
  if (position <= 0) return min;
  if (position >= STEPS) return max;
  const share = position / STEPS;
  const raw = log ? min + Math.expm1(share * Math.log1p(max - min)) : min + share * (max - min);
  return Math.min(max, Math.max(min, roundSignificant(raw, 3)));
}

export function roundSignificant(x: number, digits: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}
