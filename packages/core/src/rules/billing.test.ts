import { describe, expect, it } from 'vitest';
import { billedUnits, DEFAULT_PRICES, dailyCost, projectMonth } from './billing.js';

const day = { pv: 0, resource: 0, long_task: 0, error: 0, action: 0, replaySessions: 0 };

describe('billing', () => {
  it('bills PV when PV is the larger', () => {
    expect(billedUnits({ ...day, pv: 5000, resource: 100_000 })).toBe(5000);
  });

  it('bills the other events ÷ 100 when they are the larger', () => {
    expect(
      billedUnits({
        ...day,
        pv: 500,
        resource: 60_000,
        error: 10_000,
        action: 20_000,
        long_task: 10_000,
      }),
    ).toBe(1000);
  });

  it('prices per 10,000 units by retention tier, plus replays per 1,000 sessions', () => {
    expect(dailyCost({ ...day, pv: 20_000 }, 14)).toBe(4);
    expect(dailyCost({ ...day, pv: 20_000 }, 3)).toBe(1.4);
    expect(dailyCost({ ...day, pv: 10_000, replaySessions: 2000 }, 7)).toBe(1 + 5);
    expect(DEFAULT_PRICES.currency).toBe('CNY');
  });

  it('projects the month from the pace so far', () => {
    expect(projectMonth(10, 10, 30)).toBe(30);
    expect(projectMonth(0, 0, 30)).toBe(0);
  });
});
