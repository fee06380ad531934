import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatFieldValue } from './formatValue.js';

describe('value formatting', () => {
  it('writes durations in the unit people read', () => {
    expect(formatDuration(850)).toBe('850 ns');
    expect(formatDuration(12_400)).toBe('12.4 µs');
    expect(formatDuration(1_234_567)).toBe('1.23 ms');
    expect(formatDuration(340e6)).toBe('340 ms');
    expect(formatDuration(2_345e6)).toBe('2.35 s');
    expect(formatDuration(200e9)).toBe('3 min 20 s');
    expect(formatDuration(7_560e9)).toBe('2 h 6 min');
  });

  it('writes sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(12.3 * 1024 ** 2)).toBe('12.3 MiB');
  });

  it("formats a field by its catalogue unit, and leaves instants to the caller's time zone", () => {
    expect(formatFieldValue('loading_time', 1_500e6)).toBe('1.5 s');
    expect(formatFieldValue('resource_size', 2048)).toBe('2 KiB');
    expect(formatFieldValue('duration', '5000000')).toBe('5 ms');
    expect(formatFieldValue('session_error_timestamp', 1_700_000_000_000)).toBeNull();
    expect(formatFieldValue('view_url', '<b>x</b>')).toBe('<b>x</b>');
    expect(formatFieldValue('view_url', null)).toBe('');
    expect(formatFieldValue('custom_thing', { a: 1 })).toBe('{"a":1}');
  });
});
