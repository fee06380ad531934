import type { EventRecord } from '@rumkit/core';

// The API's records are open maps (zod records); every one carries its `time` (ms), which the
// EventRecord type states, so the drawer reads them as EventRecord once, here.
export const asRecord = (record: Record<string, unknown>) => record as EventRecord;
export const asRecords = (records: readonly Record<string, unknown>[]) =>
  records as readonly EventRecord[];
