import { describe, expect, it } from 'vitest';
import { fromWallTime, toWallTime, zonedMidnight } from './zone.js';

describe('wall-clock time in a time zone', () => {
  it('writes an instant as the wall clock of the zone', () => {
    const instant = Date.UTC(2026, 10, 20, 12, 30);
    expect(toWallTime(instant, 'UTC')).toBe('2026-11-20T12:30');
    expect(toWallTime(instant, 'Asia/Shanghai')).toBe('2026-11-20T20:30');
    expect(toWallTime(instant, 'America/New_York')).toBe('2026-11-20T07:30');
  });

  it('reads a wall-clock time back to the same instant', () => {
    const instant = Date.UTC(2026, 10, 20, 12, 30);
    for (const zone of ['UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata']) {
      expect(fromWallTime(toWallTime(instant, zone), zone)).toBe(instant);
    }
  });

  it('handles the day a zone changes its offset', () => {
    // New York springs forward on 2026-03-08 at 02:00; 03:30 that day is 07:30 UTC.
    expect(fromWallTime('2026-03-08T03:30', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(zonedMidnight('2026-03-08', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 5));
  });

  it('answers null for text that is not a wall-clock time', () => {
    expect(fromWallTime('yesterday', 'UTC')).toBeNull();
    expect(fromWallTime('2026-13-45T99:00', 'UTC')).toBeNull();
  });
});
