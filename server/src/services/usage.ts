import type { UsageReport } from '@rumkit/core/api';
import {
  billedUnits,
  DEFAULT_PRICES,
  dailyCost,
  type PriceTable,
  projectMonth,
} from '@rumkit/core/rules';
import type { WorkspaceRecord } from '../meta/registry.js';
import type { EventStore } from '../store/types.js';

/** 15 minutes: the largest bucket that every time zone's midnight falls on. */
const BUCKET_MS = 15 * 60 * 1000;
const DAY = 24 * 3600 * 1000;

type Counts = Omit<UsageReport['days'][number], 'date' | 'app_id'>;
const empty = (): Counts => ({
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
 * Usage per app and day in the workspace's time zone (spec §1.10): PV, events, billed units,
 * replay sessions and cost, plus the month so far and its projection.
 */
export async function usageReport(
  store: EventStore,
  workspace: WorkspaceRecord,
  range: { from: string; to: string },
  now: number,
  prices: PriceTable = DEFAULT_PRICES,
): Promise<UsageReport> {
  const zone = workspace.time_zone;
  const month = range.to.slice(0, 7);
  const monthStart = `${month}-01`;
  const first = range.from < monthStart ? range.from : monthStart;
  const start = zonedMidnight(first, zone);
  const end = zonedMidnight(nextDay(range.to), zone);
  const buckets = await store.usage(workspace.id, start, end, BUCKET_MS);

  const byDay = new Map<string, Counts>();
  const localDate = dateFormatter(zone);
  for (const { bucket, appId, category, count } of buckets) {
    const key = `${localDate(bucket)}\u0000${appId}`;
    const counts = byDay.get(key) ?? empty();
    if (category === 'view') counts.pv += count;
    else if (category === 'replay') counts.replay_sessions += count;
    else counts[category] += count;
    byDay.set(key, counts);
  }
  const tier = workspace.retention_days;
  const days: UsageReport['days'] = [];
  const soFar = empty();
  for (const [key, counts] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    const [date = '', appId = ''] = key.split('\u0000');
    const daily = {
      pv: counts.pv,
      resource: counts.resource,
      error: counts.error,
      action: counts.action,
      long_task: counts.long_task,
      replaySessions: counts.replay_sessions,
    };
    counts.billed_units = billedUnits(daily);
    counts.cost = dailyCost(daily, tier, prices);
    if (date.startsWith(month)) {
      for (const name of Object.keys(soFar) as (keyof Counts)[]) soFar[name] += counts[name];
    }
    if (date >= range.from && date <= range.to) days.push({ date, app_id: appId, ...counts });
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

/** The instant local midnight of `date` happens in `zone`. */
export function zonedMidnight(date: string, zone: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at that moment, found by formatting; twice, for days that change offset.
  let guess = utc - offsetAt(utc, zone);
  guess = utc - offsetAt(guess, zone);
  return guess;
}

function offsetAt(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(ms / 1000) * 1000;
}
