import { z } from 'zod';
import { checkRange, eventRecord, explorerCategory, scopeShape } from './events.js';
import { defineRoute } from './route.js';

/** The time window of a detail lookup (ms); default the last 15 days up to a day ahead. */
export const lookback = z.object({
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

/**
 * The fields a session timeline gives of each event, besides `time`, `category` and
 * `session_id`: enough to draw and label it. The whole event is one `GET /events/{category}/{id}`
 * away. A timeline of all fields would read some sixty columns per event, four times the cost.
 */
export const TIMELINE_FIELDS = {
  view: [
    'view_id',
    'view_url',
    'view_path_group',
    'view_name',
    'view_loading_type',
    'loading_time',
    'time_spent',
    'largest_contentful_paint',
    'view_error_count',
    'view_resource_count',
    'view_action_count',
    'view_long_task_count',
  ],
  action: [
    'action_id',
    'view_id',
    'action_name',
    'action_type',
    'duration',
    'action_error_count',
    'action_frustration_types',
  ],
  error: [
    'error_id',
    'view_id',
    'action_id',
    'error_message',
    'error_type',
    'error_source',
    'resource_url',
    'resource_status',
  ],
  resource: [
    'resource_id',
    'view_id',
    'action_id',
    'resource_url',
    'resource_method',
    'resource_status',
    'resource_type',
    'duration',
    'trace_id',
  ],
  long_task: ['long_task_id', 'view_id', 'duration', 'blocking_duration'],
} as const satisfies Record<string, readonly string[]>;
export type TimelineCategory = keyof typeof TIMELINE_FIELDS;

/** A timeline entry: the event's `category`, `time`, `session_id` and its TIMELINE_FIELDS. */
export const timelineRecord = eventRecord.meta({ id: 'TimelineRecord' });

export const sessionDetail = z
  .object({
    session: eventRecord,
    /** Its views, actions, errors, resources and long tasks, oldest first; `category` says which. */
    events: z
      .array(timelineRecord)
      .describe(
        'Views, actions, errors, resources and long tasks, oldest first, each with its category and its timeline fields (TIMELINE_FIELDS).',
      ),
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
        sample: eventRecord.describe(
          'The newest error of the cluster: error_id, message, type, source, stack, app, session, view and the grouping fields.',
        ),
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
