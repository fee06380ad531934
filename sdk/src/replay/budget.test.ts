import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeClock } from '../../test/helpers.js';
import { monitor } from '../tools/monitor.js';
import { BUDGET, createBudget, mutationEntries, waitForCalm } from './budget.js';

const limits = { mutations: 100, ms: 50, calm: 2000 };

describe('the mutation budget', () => {
  it('goes over on too many mutation entries in a second', () => {
    let now = 0;
    const spend = createBudget(limits, () => now);
    expect(spend(60, 0)).toBe(false);
    expect(spend(40, 0)).toBe(false);
    expect(spend(1, 0)).toBe(true);
    // A new second starts afresh.
    now = 1000;
    expect(spend(100, 0)).toBe(false);
  });

  it('goes over on too much of the recorder’s own time in a second', () => {
    let now = 0;
    const spend = createBudget(limits, () => now);
    expect(spend(0, 30)).toBe(false);
    now = 500;
    expect(spend(0, 21)).toBe(true);
    now = 1500;
    expect(spend(0, 49)).toBe(false);
  });

  it('allows a route change that renders 5,000 nodes', () => {
    const spend = createBudget(BUDGET, () => 0);
    expect(spend(5000, 20)).toBe(false);
  });

  it('counts the entries of mutation records only', () => {
    expect(
      mutationEntries({
        type: 3,
        data: { source: 0, adds: [1, 2], removes: [3], attributes: [4], texts: [5, 6] },
      }),
    ).toBe(6);
    expect(mutationEntries({ type: 3, data: { source: 1, positions: [1, 2, 3] } })).toBe(0);
    expect(mutationEntries({ type: 2, data: {} })).toBe(0);
  });
});

describe('waiting for calm', () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  const churn = async (nodes: number) => {
    for (let i = 0; i < nodes; i++) document.body.append(document.createElement('i'));
    await Promise.resolve();
  };

  it('calls back after `calm` ms of seconds under a tenth of the budget', async () => {
    const calm = vi.fn();
    waitForCalm(limits, calm, monitor);
    await churn(50);
    vi.advanceTimersByTime(1000);
    await churn(5);
    vi.advanceTimersByTime(1000);
    expect(calm).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(calm).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(calm).toHaveBeenCalledTimes(1);
  });

  it('can be given up', async () => {
    const calm = vi.fn();
    const stop = waitForCalm(limits, calm, monitor);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(calm).not.toHaveBeenCalled();
  });
});
