import { z } from 'zod';
import { defineRoute } from './route.js';
import { retentionDays } from './workspaces.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const usageQuery = z
  .object({
    from: date.describe('First day (in the workspace time zone).'),
    to: date.describe('Last day, included.'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

const counts = {
  pv: z.number().describe('Page views: distinct views started that day.'),
  resource: z.number(),
  error: z.number(),
  action: z.number(),
  long_task: z.number(),
  billed_units: z.number().describe('max(PV, (resource + long_task + error + action) ÷ 100).'),
  replay_sessions: z
    .number()
    .describe('Sessions with a replay, each counted once per started 4 h.'),
  cost: z.number(),
};

export const usageReport = z
  .object({
    time_zone: z.string(),
    retention_days: retentionDays,
    currency: z.string(),
    prices: z.object({ per_10k_billed_units: z.number(), per_1k_replay_sessions: z.number() }),
    days: z.array(z.object({ date: z.string(), app_id: z.string(), ...counts })),
    month: z.object({
      month: z.string().describe('YYYY-MM of the last day asked.'),
      so_far: z.object(counts),
      projected_cost: z.number(),
    }),
  })
  .meta({ id: 'UsageReport' });
export type UsageReport = z.infer<typeof usageReport>;

export const usageRoutes = {
  usage: defineRoute({
    id: 'usage',
    method: 'GET',
    path: '/api/v1/usage',
    auth: 'workspace',
    tag: 'billing',
    summary:
      'PV, events, billed units, replay sessions and cost per app and day, with the month so far and a projection.',
    query: usageQuery,
    response: usageReport,
  }),
};
