// PV-based billing (spec §1.10): billed units are the larger of PV and the other events
// divided by 100; replay sessions count once per started 4 hours (session_time_spent_count).

export type RetentionTier = 3 | 7 | 14;

export interface PriceTable {
  currency: string;
  /** Price per 10,000 billed units a day, by retention tier (days). */
  perTenThousandPv: Record<RetentionTier, number>;
  /** Price per 1,000 replay sessions a day. */
  perThousandReplays: number;
}

/** The spec's China-site prices in CNY, the default. */
export const DEFAULT_PRICES: PriceTable = {
  currency: 'CNY',
  perTenThousandPv: { 3: 0.7, 7: 1, 14: 2 },
  perThousandReplays: 2.5,
};

export interface DailyCounts {
  pv: number;
  resource: number;
  long_task: number;
  error: number;
  action: number;
  replaySessions: number;
}

export function billedUnits(
  counts: Pick<DailyCounts, 'pv' | 'resource' | 'long_task' | 'error' | 'action'>,
): number {
  const others = counts.resource + counts.long_task + counts.error + counts.action;
  return Math.max(counts.pv, others / 100);
}

/** The cost of one day, rounded to the cent. */
export function dailyCost(
  counts: DailyCounts,
  retention: RetentionTier,
  prices: PriceTable = DEFAULT_PRICES,
): number {
  const pv = (billedUnits(counts) / 10_000) * prices.perTenThousandPv[retention];
  const replay = (counts.replaySessions / 1000) * prices.perThousandReplays;
  return Math.round((pv + replay) * 100) / 100;
}

/** The month's cost at the pace so far: the daily average times the days of the month. */
export function projectMonth(soFar: number, daysElapsed: number, daysInMonth: number): number {
  if (daysElapsed <= 0) return 0;
  return Math.round((soFar / daysElapsed) * daysInMonth * 100) / 100;
}
