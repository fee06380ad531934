import { z } from 'zod';

// Session replay segments as Guance's SDKs upload them to `/v1/write/rum/replay` (spec §1.7):
// multipart/form-data with a `segment` file part (deflate-compressed JSON
// `{"records":[...], <metadata>}`) and the metadata flattened into form fields.

/** A segment closes at 5 s of records… */
export const SEGMENT_MAX_DURATION_MS = 5_000;
/**
 * …or past this many bytes of its encoded (deflated) body, whichever comes first (or at a view
 * change, page hide…). Guance's SDK counts the deflated bytes; ours estimates them from the last
 * segment's compression ratio. The server takes segments of any size up to the body limit.
 */
export const SEGMENT_MAX_BYTES = 60_000;
/** DataKit's request body limit for the replay endpoint. */
export const REPLAY_BODY_LIMIT = 32 * 1024 * 1024;

/**
 * Why a segment was started (the previous one closed). Guance's and Datadog's SDKs send these;
 * the server accepts any short snake_case reason so a newer SDK's reason is never refused.
 */
export const CREATION_REASONS = [
  'init',
  'view_change',
  'segment_duration_limit',
  'segment_bytes_limit',
  'before_unload',
  'visibility_hidden',
  'page_frozen',
  'buffer_checkout',
  'stop',
] as const;
export type CreationReason = (typeof CREATION_REASONS)[number];

const id = z.string().min(1).max(200);
const time = z.coerce.number().int().nonnegative().max(8_640_000_000_000_000);
const count = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const text = z.string().max(200);
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', 'T', 'F', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === 'T' || value === '1');

/** The metadata of a segment, from its form fields (or its JSON body: same names). */
export const segmentMeta = z
  .looseObject({
    app_id: id,
    session_id: id,
    view_id: id,
    start: time,
    end: time,
    creation_reason: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a snake_case reason such as "init"'),
    records_count: count,
    has_full_snapshot: bool,
    index_in_view: count,
    source: text.default('browser'),
    sdk_name: text.optional(),
    sdk_version: text.optional(),
    env: text.optional(),
    service: text.optional(),
    version: text.optional(),
    raw_segment_size: count.optional(),
  })
  .refine((meta) => meta.end >= meta.start, {
    message: 'end must not be before start',
    path: ['end'],
  });
export type SegmentMeta = z.output<typeof segmentMeta>;

/** A segment's metadata that did not parse: `field` names what is wrong. */
export class SegmentMetaError extends Error {
  override name = 'SegmentMetaError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses a segment's metadata: the form fields of an upload, flattened with `_` as Guance's
 * SDK sends them (`app_id`, `session_id`, `view_id`, `sdk_name`…). Throws a SegmentMetaError
 * naming the first field that is missing or wrong. Unknown fields are kept as they are.
 */
export function parseSegmentMeta(fields: Record<string, unknown>): SegmentMeta {
  const parsed = segmentMeta.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'segment';
  const got = fields[field];
  const problem =
    got === undefined && issue?.code === 'invalid_type'
      ? 'is required'
      : `${issue?.message ?? 'is invalid'} (got ${JSON.stringify(got)})`;
  throw new SegmentMetaError(field, `segment field ${field} ${problem}`);
}

/** One recorded event: rrweb's `eventWithTime` (type, timestamp in epoch ms, data). */
export interface ReplayRecord {
  type: number;
  timestamp: number;
  data?: unknown;
  [key: string]: unknown;
}

/** rrweb's event types, as recorded (Datadog-derived SDKs add 6 Focus … 9 Frustration). */
export const RecordType = {
  DomContentLoaded: 0,
  Load: 1,
  FullSnapshot: 2,
  IncrementalSnapshot: 3,
  Meta: 4,
  Custom: 5,
  Plugin: 6,
} as const;

/** A segment's decompressed body: its records, with its metadata beside them. */
export interface SegmentBody {
  records: ReplayRecord[];
  [key: string]: unknown;
}

/** Checks a decompressed segment body; throws a SegmentMetaError naming what is wrong. */
export function parseSegmentBody(json: string): SegmentBody {
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch (error) {
    throw new SegmentMetaError('segment', `segment is not JSON: ${(error as Error).message}`);
  }
  const records = (body as { records?: unknown } | null)?.records;
  if (!Array.isArray(records))
    throw new SegmentMetaError('segment', 'segment must be an object with a "records" array');
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as { type?: unknown; timestamp?: unknown } | null;
    if (
      typeof record !== 'object' ||
      record === null ||
      typeof record.type !== 'number' ||
      typeof record.timestamp !== 'number'
    )
      throw new SegmentMetaError(
        'segment',
        `segment record ${i} must be an object with a numeric type and timestamp`,
      );
  }
  return body as SegmentBody;
}

/** Play order of a session's segments: by start, then index_in_view, then view. */
export function compareSegments(
  a: { start: number; index_in_view: number; view_id: string },
  b: { start: number; index_in_view: number; view_id: string },
): number {
  return (
    a.start - b.start ||
    a.index_in_view - b.index_in_view ||
    (a.view_id < b.view_id ? -1 : a.view_id > b.view_id ? 1 : 0)
  );
}

/**
 * A session's records in play order: its segments' records one segment after another, in
 * segment order (compareSegments). Segments of one tab never overlap, so this is time order;
 * the player sorts by timestamp anyway, for two tabs recording at once.
 */
export function mergeSegmentRecords<
  S extends { start: number; index_in_view: number; view_id: string; records: ReplayRecord[] },
>(segments: readonly S[]): ReplayRecord[] {
  return [...segments].sort(compareSegments).flatMap((segment) => segment.records);
}

/** A replay's first part: the segments that start in its first minute… */
export const REPLAY_FIRST_PART_MS = 60_000;
/** …or before this long past the moment the player opens at, whichever reaches further. */
export const REPLAY_FIRST_PART_AHEAD_MS = 10_000;

/**
 * The segments (in play order) whose records a part of the replay holds (`replayPartQuery`):
 * `first` those that start in the recording's first minute or before 10 s past `at`, at least
 * one; `rest` the others; `all` (or none said) every one.
 */
export function replayPartSegments<S extends { start: number }>(
  segments: readonly S[],
  { part = 'all', at }: { part?: 'all' | 'first' | 'rest' | undefined; at?: number | undefined },
): S[] {
  if (part === 'all' || segments.length === 0) return [...segments];
  const reach = Math.max(
    (segments[0] as S).start + REPLAY_FIRST_PART_MS,
    at === undefined ? 0 : at + REPLAY_FIRST_PART_AHEAD_MS,
  );
  let size = 1;
  while (size < segments.length && (segments[size] as S).start < reach) size++;
  return part === 'first' ? segments.slice(0, size) : segments.slice(size);
}
