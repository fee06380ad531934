import type { UsageReport } from '@rumkit/core/api';
import {
  DEFAULT_PRICES,
  type PriceTable,
  summariseUsage,
  USAGE_BUCKET_MS,
  usageWindow,
} from '@rumkit/core/rules';
import type { WorkspaceRecord } from '../meta/registry.js';
import type { EventStore } from '../store/types.js';

/**
 * Usage per app and day in the workspace's time zone (spec §1.10): PV, events, billed units,
 * replay sessions and cost, plus the month so far and its projection. The store counts in
 * 15-minute buckets; the days, bills and projection are @rumkit/core's rules.
 */
export async function usageReport(
  store: EventStore,
  workspace: WorkspaceRecord,
  range: { from: string; to: string },
  now: number,
  prices: PriceTable = DEFAULT_PRICES,
): Promise<UsageReport> {
  const { start, end } = usageWindow(range, workspace.time_zone);
  const counts = await store.usage(workspace.id, start, end, USAGE_BUCKET_MS);
  return summariseUsage(counts, workspace, range, now, prices);
}
