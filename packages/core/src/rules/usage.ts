// The usage report (spec §1.10, decision 005): a store counts events in 15-minute buckets; this
// gathers them into days in the workspace's time zone, bills each day and projects the month.
// The reference server and the in-memory backend both report through it.
import {
  billedUnits,
  DEFAULT_PRICES,
  dailyCost,
  type PriceTable,
  projectMonth,
  type RetentionTier,
} from './billing.js';
import { zonedMidnight } from './zone.js';

/** 15 minutes: the largest bucket that every time zone's midnight falls on. */
export const USAGE_BUCKET_MS = 15 * 60 * 1000;
const DAY = 24 * 3600 * 1000;

/** What a store counts per app and bucket: records per category (views are PV), replay sessions. */
export interface UsageCount {
  /** Start of the bucket, ms since the epoch, a multiple of the bucket size. */
  bucket: number;
  appId: string;
  category: 'view' | 'resource' | 'error' | 'action' | 'long_task' | 'replay';
  count: number;
}

export interface UsageCounts {
  pv: number;
  resource: number;
  error: number;
  action: number;
  long_task: number;
  billed_units: number;
  replay_sessions: number;
  cost: number;
}

/** The report, shaped as the API's UsageReport. */
export interface UsageSummary {
  time_zone: string;
  retention_days: RetentionTier;
  currency: string;
  prices: { per_10k_billed_units: number; per_1k_replay_sessions: number };
  days: (UsageCounts & { date: string; app_id: string })[];
  month: { month: string; so_far: UsageCounts; projected_cost: number };
}

/** The days asked, YYYY-MM-DD in the workspace's time zone, both included. */
export interface UsageRange {
  from: string;
  to: string;
}

const empty = (): UsageCounts => ({
  pv: 0,
  resource: 0,
  error: 0,
  action: 0,
  long_task: 0,
  billed_units: 0,
  replay_sessions: 0,
  cost: 0,
});

/**
 * The instants `[start, end)` to count for a report: from the first day asked, or the first of
 * the last day's month when that is earlier (the month so far), to the end of the last day.
 */
export function usageWindow(range: UsageRange, zone: string): { start: number; end: number } {
  const monthStart = `${range.to.slice(0, 7)}-01`;
  const first = range.from < monthStart ? range.from : monthStart;
  return { start: zonedMidnight(first, zone), end: zonedMidnight(nextDay(range.to), zone) };
}

/**
 * Usage per app and day in the workspace's time zone: PV, events, billed units, replay sessions
 * and cost, plus the month so far and its projection at `now`'s pace.
 */
export function summariseUsage(
  counts: readonly UsageCount[],
  workspace: { time_zone: string; retention_days: RetentionTier },
  range: UsageRange,
  now: number,
  prices: PriceTable = DEFAULT_PRICES,
): UsageSummary {
  const zone = workspace.time_zone;
  const month = range.to.slice(0, 7);
  const byDay = new Map<string, UsageCounts>();
  const localDate = dateFormatter(zone);
  for (const { bucket, appId, category, count } of counts) {
    const key = `${localDate(bucket)}\u0000${appId}`;
    const day = byDay.get(key) ?? empty();
    if (category === 'view') day.pv += count;
    else if (category === 'replay') day.replay_sessions += count;
    else day[category] += count;
    byDay.set(key, day);
  }
  const tier = workspace.retention_days;
  const days: UsageSummary['days'] = [];
  const soFar = empty();
  for (const [key, day] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    const [date = '', appId = ''] = key.split('\u0000');
    const daily = {
      pv: day.pv,
      resource: day.resource,
      error: day.error,
      action: day.action,
      long_task: day.long_task,
      replaySessions: day.replay_sessions,
    };
    day.billed_units = billedUnits(daily);
    day.cost = dailyCost(daily, tier, prices);
    if (date.startsWith(month)) {
      for (const name of Object.keys(soFar) as (keyof UsageCounts)[]) soFar[name] += day[name];
    }
    if (date >= range.from && date <= range.to) days.push({ date, app_id: appId, ...day });
  }
  soFar.cost = Math.round(soFar.cost * 100) / 100;
  const daysInMonth = new Date(
    Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0),
  ).getUTCDate();
  const today = localDate(now);
  const elapsed = today.startsWith(month)
    ? Number(today.slice(8, 10))
    : today > month
      ? daysInMonth
      : 0;
  return {
    time_zone: zone,
    retention_days: tier,
    currency: prices.currency,
    prices: {
      per_10k_billed_units: prices.perTenThousandPv[tier],
      per_1k_replay_sessions: prices.perThousandReplays,
    },
    days,
    month: { month, so_far: soFar, projected_cost: projectMonth(soFar.cost, elapsed, daysInMonth) },
  };
}

function dateFormatter(zone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (ms) => format.format(ms);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}
