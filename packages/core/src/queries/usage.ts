import type { UsageInput, UsageReport } from '../api/index.js';
import type { RumBackend } from '../backend/types.js';

/** Query keys for the billing panel's usage reports. */
export const usageKeys = {
  all: ['rumkit', 'usage'] as const,
  reports: () => [...usageKeys.all, 'report'] as const,
  report: (input: UsageInput) => [...usageKeys.reports(), input] as const,
};

/** Usage and cost per app and day, with the month so far. Counts grow all day: a minute fresh. */
export function usageOptions(backend: RumBackend, input: UsageInput) {
  return {
    queryKey: usageKeys.report(input),
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<UsageReport> =>
      backend.getUsage(input, { signal }),
    staleTime: 60_000,
  };
}
