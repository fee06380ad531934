import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES } from './billing.js';
import { summariseUsage, USAGE_BUCKET_MS, type UsageCount, usageWindow } from './usage.js';
import { zonedMidnight } from './zone.js';

const NOW = Date.UTC(2026, 10, 20, 12);
const utc = { time_zone: 'UTC', retention_days: 14 as const };
const bucket = (ms: number) => Math.floor(ms / USAGE_BUCKET_MS) * USAGE_BUCKET_MS;
const count = (
  time: number,
  appId: string,
  category: UsageCount['category'],
  n = 1,
): UsageCount => ({ bucket: bucket(time), appId, category, count: n });

describe('usage window', () => {
  it('runs from the first of the month to the end of the last day, in the zone', () => {
    expect(usageWindow({ from: '2026-11-19', to: '2026-11-20' }, 'UTC')).toEqual({
      start: Date.UTC(2026, 10, 1),
      end: Date.UTC(2026, 10, 21),
    });
    expect(usageWindow({ from: '2026-10-30', to: '2026-11-02' }, 'Asia/Shanghai')).toEqual({
      start: Date.UTC(2026, 9, 29, 16),
      end: Date.UTC(2026, 10, 2, 16),
    });
  });

  it('finds local midnight across offsets of 30 and 45 minutes', () => {
    expect(zonedMidnight('2026-11-20', 'Asia/Kolkata')).toBe(Date.UTC(2026, 10, 19, 18, 30));
    expect(zonedMidnight('2026-11-20', 'Asia/Kathmandu')).toBe(Date.UTC(2026, 10, 19, 18, 15));
  });
});

describe('summariseUsage', () => {
  const counts = [
    count(Date.UTC(2026, 10, 19, 10), 'web', 'view'),
    count(Date.UTC(2026, 10, 19, 23, 30), 'web', 'view'),
    count(Date.UTC(2026, 10, 20, 9), 'web', 'view'),
    count(Date.UTC(2026, 10, 20, 9), 'web', 'resource', 300),
    count(Date.UTC(2026, 10, 20, 9), 'web', 'replay'),
    count(Date.UTC(2026, 10, 20, 10), 'ios', 'view'),
  ];

  it('bills PV, events and replays per app and day', () => {
    const report = summariseUsage(counts, utc, { from: '2026-11-19', to: '2026-11-20' }, NOW);
    expect(report).toMatchObject({
      time_zone: 'UTC',
      retention_days: 14,
      currency: 'CNY',
      prices: { per_10k_billed_units: 2, per_1k_replay_sessions: 2.5 },
    });
    expect(report.days.map((d) => [d.date, d.app_id, d.pv, d.billed_units])).toEqual([
      ['2026-11-19', 'web', 2, 2],
      ['2026-11-20', 'ios', 1, 1],
      ['2026-11-20', 'web', 1, 3],
    ]);
    expect(report.days[2]?.cost).toBe(
      Math.round(((3 / 10_000) * 2 + (1 / 1000) * 2.5) * 100) / 100,
    );
    expect(report.month).toMatchObject({ month: '2026-11', so_far: { pv: 4, resource: 300 } });
  });

  it("counts days in the workspace's time zone", () => {
    const report = summariseUsage(
      counts,
      { ...utc, time_zone: 'Asia/Shanghai' },
      { from: '2026-11-19', to: '2026-11-20' },
      NOW,
    );
    const web = (date: string) => report.days.find((d) => d.date === date && d.app_id === 'web');
    expect(web('2026-11-19')?.pv).toBe(1);
    expect(web('2026-11-20')?.pv).toBe(2);
  });

  it('keeps earlier days of the month in the month so far but not in the days', () => {
    const report = summariseUsage(counts, utc, { from: '2026-11-20', to: '2026-11-20' }, NOW);
    expect(report.days.every((d) => d.date === '2026-11-20')).toBe(true);
    expect(report.month.so_far.pv).toBe(4);
    expect(report.month.projected_cost).toBe(
      Math.round((report.month.so_far.cost / 20) * 30 * 100) / 100,
    );
    expect(report.prices.per_10k_billed_units).toBe(DEFAULT_PRICES.perTenThousandPv[14]);
  });
});
