import { formatDuration } from '@rumkit/core';

/** Time since a start, `+1 min 5 s`; `+0 ms` for the start itself. */
export function formatOffset(ms: number): string {
  return ms <= 0 ? '+0 ms' : `+${formatDuration(ms * 1e6)}`;
}
