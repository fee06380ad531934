import { z } from 'zod';
import { lookback, timelineRecord } from './details.js';
import { eventRecord } from './events.js';
import { defineRoute } from './route.js';

/** A stored segment of a session's replay, as the index keeps it (its records are merged below). */
export const replaySegment = z
  .object({
    view_id: z.string(),
    start: z.number().describe('First record, ms since the epoch.'),
    end: z.number().describe('Last record, ms since the epoch.'),
    index_in_view: z.number(),
    records_count: z.number(),
    has_full_snapshot: z.boolean(),
    creation_reason: z.string(),
    source: z.string(),
    /** Bytes of the segment's JSON before compression, as the SDK said. */
    raw_segment_size: z.number().nullable(),
  })
  .meta({ id: 'ReplaySegment' });
export type ReplaySegment = z.infer<typeof replaySegment>;

/** One rrweb event (`eventWithTime`): its `type`, `timestamp` (ms since the epoch) and `data`. */
export const replayRecord = z
  .looseObject({ type: z.number(), timestamp: z.number(), data: z.unknown().optional() })
  .meta({ id: 'ReplayRecord' });

export const sessionReplay = z
  .object({
    session_id: z.string(),
    /** The session's record; null when segments arrived but no RUM event of the session did. */
    session: eventRecord.nullable(),
    /** The stored segments, in play order (start, then index_in_view); empty: no replay. */
    segments: z.array(replaySegment),
    records: z
      .array(replayRecord)
      .describe('Every record of every segment, decompressed and merged, oldest first.'),
    /** The session's views, actions and errors on the same time axis (timeline fields). */
    events: z.array(timelineRecord),
  })
  .meta({ id: 'SessionReplay' });
export type SessionReplay = z.infer<typeof sessionReplay>;

/**
 * Which of the replay's records an answer holds. A long session opens on its first part (the
 * first minute, or up to 10 s past the moment it opens at) and plays it while the rest loads;
 * `segments` and `events` are whole in every part. See `replayPartSize`.
 */
export const replayPartQuery = z.object({
  part: z
    .enum(['all', 'first', 'rest'])
    .optional()
    .describe('The records of every segment (default), of the first part, or of the rest.'),
  at: z.coerce
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Where the player opens (ms since the epoch): the first part reaches past it.'),
});
export type ReplayPart = z.infer<typeof replayPartQuery>;

export const replayRoutes = {
  sessionReplay: defineRoute({
    id: 'sessionReplay',
    method: 'GET',
    path: '/api/v1/sessions/{sessionId}/replay',
    auth: 'workspace',
    tag: 'explorer',
    summary:
      "A session's replay: its segments' records merged in play order, with its views, actions and errors. No segments: an empty replay; no session and no segments: 404 session.not_found.",
    params: z.object({ sessionId: z.string().min(1).max(200) }),
    query: lookback.extend(replayPartQuery.shape),
    response: sessionReplay,
  }),
};
