import { z } from 'zod';
import { checkRange, eventRecord, explorerCategory, scopeShape } from './events.js';
import { defineRoute } from './route.js';

const lookback = z.object({
  from: z.coerce
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Search from here (ms); default 15 days ago.'),
  to: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Search until here (ms); default now.'),
});

/** A record with the category it belongs to, for mixed timelines. */
export const timelineRecord = eventRecord.meta({ id: 'TimelineRecord' });

export const sessionDetail = z
  .object({
    session: eventRecord,
    /** Its views, actions, errors, resources and long tasks, oldest first; `category` says which. */
    events: z.array(timelineRecord),
    truncated: z.boolean(),
  })
  .meta({ id: 'SessionDetail' });
export type SessionDetail = z.infer<typeof sessionDetail>;

export const viewDetail = z
  .object({
    view: eventRecord,
    resources: z.array(eventRecord),
    errors: z.array(eventRecord),
    actions: z.array(eventRecord),
    long_tasks: z.array(eventRecord),
  })
  .meta({ id: 'ViewDetail' });
export type ViewDetail = z.infer<typeof viewDetail>;

export const eventDetail = z
  .object({
    event: eventRecord,
    session: eventRecord.nullable(),
    view: eventRecord.nullable(),
    action: eventRecord.nullable(),
  })
  .meta({ id: 'EventDetail' });
export type EventDetail = z.infer<typeof eventDetail>;

export const errorClustersBody = z
  .object({
    from: scopeShape.from,
    to: scopeShape.to,
    query: scopeShape.query,
    app_ids: scopeShape.app_ids,
    fields: z
      .array(z.string())
      .max(3)
      .optional()
      .describe('Group by these fields instead of the pattern of error_message.'),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict()
  .superRefine(checkRange)
  .meta({ id: 'ErrorClusters' });
export type ErrorClustersInput = z.input<typeof errorClustersBody>;

export const errorClusters = z
  .object({
    /** Errors looked at: the newest up to 10,000 in the range. */
    sampled: z.number(),
    clusters: z.array(
      z.object({
        /** The masked message, or the values of the chosen fields joined with " · ". */
        pattern: z.string(),
        group: z.record(z.string(), z.unknown()).nullable(),
        count: z.number(),
        first_seen: z.number(),
        last_seen: z.number(),
        sample: eventRecord,
      }),
    ),
  })
  .meta({ id: 'ErrorClustersResult' });
export type ErrorClusters = z.infer<typeof errorClusters>;

export const detailRoutes = {
  sessionDetail: defineRoute({
    id: 'sessionDetail',
    method: 'GET',
    path: '/api/v1/sessions/{sessionId}',
    auth: 'workspace',
    tag: 'explorer',
    summary: 'A session with all its views and events in time order (the session timeline).',
    params: z.object({ sessionId: z.string().min(1).max(200) }),
    query: lookback,
    response: sessionDetail,
  }),
  viewDetail: defineRoute({
    id: 'viewDetail',
    method: 'GET',
    path: '/api/v1/views/{viewId}',
    auth: 'workspace',
    tag: 'explorer',
    summary: 'A view with its resources, errors, actions and long tasks (the waterfall).',
    params: z.object({ viewId: z.string().min(1).max(200) }),
    query: lookback,
    response: viewDetail,
  }),
  eventDetail: defineRoute({
    id: 'eventDetail',
    method: 'GET',
    path: '/api/v1/events/{category}/{id}',
    auth: 'workspace',
    tag: 'explorer',
    summary:
      'Any record by its id (view_id, resource_id, error_id, action_id, long_task_id, session_id) with its session, view and action.',
    params: z.object({ category: explorerCategory, id: z.string().min(1).max(200) }),
    query: lookback,
    response: eventDetail,
  }),
  errorClusters: defineRoute({
    id: 'errorClusters',
    method: 'POST',
    path: '/api/v1/errors/clusters',
    auth: 'workspace',
    tag: 'explorer',
    summary:
      'Up to 10,000 errors of the range grouped by the pattern of their message or by up to 3 fields.',
    body: errorClustersBody,
    response: errorClusters,
  }),
};
