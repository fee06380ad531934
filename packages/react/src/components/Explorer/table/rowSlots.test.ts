import { describe, expect, it } from 'vitest';
import { RowSlots } from './rowSlots.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('RowSlots', () => {
  it('keeps the slots of rows that stay and gives rows coming in the slots of rows that left', () => {
    const slots = new RowSlots();
    expect(slots.assign(range(0, 5))).toEqual([0, 1, 2, 3, 4]);
    // Scrolled down by two rows: 0 and 1 left, 5 and 6 came in.
    expect(slots.assign(range(2, 7))).toEqual([2, 3, 4, 0, 1]);
    // A jump far away: every row is new, and reuses the five slots.
    expect(slots.assign(range(1000, 1005)).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('never gives one slot to two rows, as the rendered range grows and shrinks', () => {
    const slots = new RowSlots();
    for (const [from, to] of [
      [0, 10],
      [3, 20],
      [18, 22],
      [5, 40],
      [39, 41],
      [0, 40],
    ] as const) {
      const assigned = slots.assign(range(from, to));
      expect(new Set(assigned).size).toBe(to - from);
      expect(Math.max(...assigned)).toBeLessThan(40);
    }
  });

  it('gives a row the same slot when asked again for the same rows', () => {
    const slots = new RowSlots();
    const first = slots.assign(range(7, 12));
    expect(slots.assign(range(7, 12))).toEqual(first);
  });
});
