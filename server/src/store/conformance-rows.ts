// Rows the conformance suites write. Test-only.
import type { EventRow, StoredValue } from './types.js';

export const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const NS = 1e6;

export type Values = Record<string, StoredValue>;

export function row(
  category: EventRow['category'],
  time: number,
  values: Values,
  workspaceId = 'ws_a',
  custom: Values = {},
): EventRow {
  return { category, time, workspaceId, values: { app_id: 'shop', ...values }, custom };
}

export const view = (
  id: string,
  session: string,
  time: number,
  spentMs: number,
  extra: Values = {},
) =>
  row('view', time, {
    session_id: session,
    view_id: id,
    view_url: `https://shop.example.com/${id}`,
    view_path: `/${id}`,
    view_path_group: `/${id}`,
    view_host: 'shop.example.com',
    time_spent: spentMs * NS,
    ...extra,
  });
