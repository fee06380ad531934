import { z } from 'zod';
import { defineRoute } from './route.js';

/** The categories the explorer lists (telemetry is the SDK's own and stays out). */
export const EXPLORER_CATEGORIES = [
  'session',
  'view',
  'resource',
  'error',
  'long_task',
  'action',
] as const;
export type ExplorerCategory = (typeof EXPLORER_CATEGORIES)[number];
export const explorerCategory = z.enum(EXPLORER_CATEGORIES).meta({ id: 'ExplorerCategory' });

const MAX_RANGE_MS = 400 * 24 * 3600 * 1000;

/** What every explorer question starts from: a category, a time range, a search, apps. */
export const scopeShape = {
  category: explorerCategory,
  from: z
    .number()
    .int()
    .nonnegative()
    .describe('Start of the range, ms since the epoch (inclusive).'),
  to: z.number().int().positive().describe('End of the range, ms since the epoch (exclusive).'),
  query: z
    .string()
    .max(4000)
    .default('')
    .describe('Search text in the explorer syntax (spec §1.6).'),
  app_ids: z
    .array(z.string().max(48))
    .max(100)
    .optional()
    .describe('Only these apps; default all of the workspace.'),
};

export function checkRange(value: { from: number; to: number }, ctx: z.RefinementCtx) {
  if (value.from >= value.to)
    ctx.addIssue({ code: 'custom', message: 'from must be before to', path: ['from'] });
  else if (value.to - value.from > MAX_RANGE_MS) {
    ctx.addIssue({ code: 'custom', message: 'the range may span at most 400 days', path: ['to'] });
  }
}

export const scope = z.object(scopeShape).superRefine(checkRange);
export type Scope = z.input<typeof scope>;

/** A stored record as the API returns it: flat, every value JSON (64-bit integers as strings). */
export const eventRecord = z
  .record(z.string(), z.unknown())
  .describe("A record: `time` (ms), the category's fields, `custom` (custom context).")
  .meta({ id: 'EventRecord' });
export type EventRecord = Record<string, unknown> & { time: number };

export const sortOrder = z.enum(['asc', 'desc']);

export const searchEventsBody = z
  .object({
    ...scopeShape,
    columns: z.array(z.string()).max(60).optional().describe('Fields to return; default all.'),
    sort: z
      .object({ field: z.string(), order: sortOrder })
      .optional()
      .describe('Default: time, newest first.'),
    limit: z.number().int().min(1).max(1000).default(50),
    cursor: z.string().max(2000).optional().describe('From a previous answer, for the next page.'),
  })
  .strict()
  .superRefine(checkRange)
  .meta({ id: 'SearchEvents' });
export type SearchEventsInput = z.input<typeof searchEventsBody>;

export const searchEventsResult = z
  .object({
    rows: z.array(eventRecord),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'SearchEventsResult' });
export type SearchEventsResult = z.infer<typeof searchEventsResult>;

export const facetBody = z
  .object({
    ...scopeShape,
    field: z.string(),
    limit: z.number().int().min(1).max(100).default(10),
    /** Only values containing this text (the facet's value search). */
    search: z.string().max(200).optional(),
  })
  .strict()
  .superRefine(checkRange)
  .meta({ id: 'Facet' });
export type FacetInput = z.input<typeof facetBody>;

export const facetResult = z
  .object({
    field: z.string(),
    values: z.array(
      z.object({ value: z.union([z.string(), z.number(), z.boolean()]), count: z.number() }),
    ),
    /** Records in scope where the field has a value. */
    total: z.number(),
    /** For numeric fields: the smallest and largest value in scope. */
    min: z.number().nullable(),
    max: z.number().nullable(),
  })
  .meta({ id: 'FacetResult' });
export type FacetResult = z.infer<typeof facetResult>;

export const histogramBody = z
  .object({
    ...scopeShape,
    group_by: z
      .string()
      .optional()
      .describe('Stack the counts by this tag (top 10, the rest as "other").'),
    buckets: z.number().int().min(1).max(360).default(60).describe('At most this many buckets.'),
  })
  .strict()
  .superRefine(checkRange)
  .meta({ id: 'Histogram' });
export type HistogramInput = z.input<typeof histogramBody>;

export const histogramResult = z
  .object({
    interval_ms: z.number(),
    /** Stack names, in order, when grouped. */
    groups: z.array(z.string()),
    buckets: z.array(
      z.object({
        time: z.number(),
        count: z.number(),
        by_group: z.record(z.string(), z.number()).optional(),
      }),
    ),
  })
  .meta({ id: 'HistogramResult' });
export type HistogramResult = z.infer<typeof histogramResult>;

export const AGGREGATES = [
  'count',
  'avg',
  'min',
  'max',
  'p50',
  'p75',
  'p90',
  'p95',
  'p99',
] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const analysisBody = z
  .object({
    ...scopeShape,
    group_by: z
      .array(z.string())
      .max(3)
      .default([])
      .describe('Group by up to 3 fields; none gives one series over everything in scope.'),
    aggregate: z.enum(AGGREGATES).default('count'),
    field: z
      .string()
      .optional()
      .describe('The measured field; required unless the aggregate is count.'),
    mode: z.enum(['timeseries', 'toplist']).default('toplist'),
    limit: z.number().int().min(1).max(100).default(10).describe('Most groups.'),
    buckets: z.number().int().min(1).max(360).default(60),
  })
  .strict()
  .superRefine(checkRange)
  .refine((a) => a.aggregate === 'count' || a.field !== undefined, {
    message: 'field is required unless the aggregate is count',
    path: ['field'],
  })
  .meta({ id: 'Analysis' });
export type AnalysisInput = z.input<typeof analysisBody>;

export const analysisResult = z
  .object({
    mode: z.enum(['timeseries', 'toplist']),
    interval_ms: z.number().nullable(),
    series: z.array(
      z.object({
        group: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
        /** The toplist value, or the value over the whole range for a time series. */
        value: z.number().nullable(),
        points: z.array(z.object({ time: z.number(), value: z.number().nullable() })).optional(),
      }),
    ),
  })
  .meta({ id: 'AnalysisResult' });
export type AnalysisResult = z.infer<typeof analysisResult>;

export const eventRoutes = {
  searchEvents: defineRoute({
    id: 'searchEvents',
    method: 'POST',
    path: '/api/v1/events/search',
    auth: 'workspace',
    tag: 'explorer',
    summary: 'A page of records matching a search, sorted, with a cursor for the next page.',
    body: searchEventsBody,
    response: searchEventsResult,
  }),
  facet: defineRoute({
    id: 'facet',
    method: 'POST',
    path: '/api/v1/events/facet',
    auth: 'workspace',
    tag: 'explorer',
    summary:
      'The top values of a field with counts (and min/max of a numeric field) under a search.',
    body: facetBody,
    response: facetResult,
  }),
  histogram: defineRoute({
    id: 'histogram',
    method: 'POST',
    path: '/api/v1/events/histogram',
    auth: 'workspace',
    tag: 'explorer',
    summary: 'Counts over time in automatic buckets (at most 360), optionally stacked by a tag.',
    body: histogramBody,
    response: histogramResult,
  }),
  analysis: defineRoute({
    id: 'analysis',
    method: 'POST',
    path: '/api/v1/events/analysis',
    auth: 'workspace',
    tag: 'explorer',
    summary:
      'Group by 1 to 3 tags with count, avg, min, max or a percentile, as a time series or a top list.',
    body: analysisBody,
    response: analysisResult,
  }),
};
