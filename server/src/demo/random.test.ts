import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('repeats its sequence for a seed, and nearby seeds differ', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const c = createRandom(2);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it('draws from the distributions it names', () => {
    const r = createRandom(7);
    const n = 20_000;
    const uniform = Array.from({ length: n }, () => r.next());
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniform)).toBeLessThan(1);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(uniform)).toBeCloseTo(0.5, 1);
    expect(mean(Array.from({ length: n }, () => r.poisson(3)))).toBeCloseTo(3, 0);
    expect(mean(Array.from({ length: n }, () => r.poisson(200)))).toBeCloseTo(200, -1);
    const logs = Array.from({ length: n }, () => r.logNormal(100, 0.5)).sort((x, y) => x - y);
    expect(logs[n / 2]).toBeGreaterThan(95);
    expect(logs[n / 2]).toBeLessThan(105);
    const picks = Array.from({ length: n }, () =>
      r.weighted([
        ['a', 9],
        ['b', 1],
      ] as const),
    );
    expect(picks.filter((p) => p === 'b').length / n).toBeCloseTo(0.1, 1);
    expect(r.uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    for (let i = 0; i < 100; i++) expect(r.between(3, 5)).toBeOneOf([3, 4, 5]);
  });
});
