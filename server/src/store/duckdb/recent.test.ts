import { describe, expect, it } from 'vitest';
import { Recent } from './recent.js';

describe('Recent', () => {
  it('remembers values and says which unknown keys are surely absent', () => {
    const recent = new Recent<number>(100, 10);
    recent.set('a', 1, 150);
    expect(recent.get('a')).toBe(1);
    expect(recent.surelyAbsent('a', 150)).toBe(false);
    expect(recent.surelyAbsent('b', 120)).toBe(true);
    expect(recent.surelyAbsent('b', 99)).toBe(false);
  });

  it('forgets the least used first and moves its coverage past what it forgot', () => {
    const recent = new Recent<string>(0, 2);
    recent.set('a', 'A', 10);
    recent.set('b', 'B', 20);
    recent.get('a');
    recent.set('c', 'C', 30);
    expect(recent.get('b')).toBeUndefined();
    expect(recent.coveredSince).toBe(21);
    expect(recent.surelyAbsent('b', 20)).toBe(false);
    expect(recent.get('a')).toBe('A');
  });

  it('starts over after a reset', () => {
    const recent = new Recent<number>(0, 5);
    recent.set('a', 1, 10);
    recent.reset(50);
    expect(recent.get('a')).toBeUndefined();
    expect(recent.surelyAbsent('a', 10)).toBe(false);
  });
});
