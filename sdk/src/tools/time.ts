// Two clocks: `relative` is performance.now() (monotonic, ms since the time origin) and
// `date` is ms since the epoch. Collectors keep relative times and turn them into dates
// at the edge; the wire wants ms timestamps and ns durations.

export const relativeNow = (): number => performance.now();

/** Epoch ms of a performance.now() time, on the device clock. */
export const toDate = (relative: number): number =>
  Math.round(Date.now() - performance.now() + relative);

/** Milliseconds to the wire's integer nanoseconds. */
export const ns = (ms: number): number => Math.round(ms * 1e6);

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
