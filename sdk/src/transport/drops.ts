/** Why an event was dropped; the counts go out in telemetry. */
export type DropReason =
  | 'event_too_large'
  | 'unencodable'
  | 'queue_full'
  | 'rejected'
  | 'rate_limited'
  | 'pre_start_buffer_full'
  | 'loader_queue_full'
  | 'pending_requests_full'
  // Session replay segments: the upload queue was full, the intake refused one (4xx), the
  // error mode's buffer of the last minute overflowed.
  | 'replay_queue_full'
  | 'replay_rejected'
  | 'replay_buffer_full';

export interface Drops {
  count(reason: DropReason, n?: number): void;
  /** The counts since the last call, or undefined if nothing was dropped. */
  take(): Partial<Record<DropReason, number>> | undefined;
}

export function createDrops(): Drops {
  let counts: Partial<Record<DropReason, number>> = {};
  let any = false;
  return {
    count(reason, n = 1) {
      counts[reason] = (counts[reason] ?? 0) + n;
      any = true;
    },
    take() {
      if (!any) return undefined;
      const taken = counts;
      counts = {};
      any = false;
      return taken;
    },
  };
}
