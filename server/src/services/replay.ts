import type { ReplayPart, ReplaySegment, SessionReplay } from '@rumkit/core/api';
import { parseSegmentMeta, replayPartSegments, SegmentMetaError } from '@rumkit/core/replay';
import { HttpError, type Logger } from '../http/errors.js';
import { appRefusal } from '../ingest/datakit/pipeline.js';
import type { RegistryStore } from '../meta/registry.js';
import { type BlobStore, segmentKey } from '../replay/blobs.js';
import { decodeSegment, encodeStored, storedRecordsJson } from '../replay/format.js';
import { groupCommit } from '../store/group-commit.js';
import type { EventStore, SegmentRow } from '../store/types.js';
import { ingestApps } from './apps.js';
import { type Lookback, sessionNotFound, sessionTimeline, window } from './details.js';

/** A replay upload as the route read it. */
export interface SegmentUploadInput {
  fields: Record<string, string>;
  segment: Buffer;
  /** The Origin header of a browser's request. */
  origin?: string | undefined;
  /** The `token` query parameter (an app with a client token needs it). */
  token?: string | undefined;
}

export interface ReplayIngestDeps {
  registry: RegistryStore;
  blobs: BlobStore;
  index: SegmentIndex;
}

/**
 * Stores one uploaded segment (spec §1.7): its metadata checked, its app's rules applied, its
 * records decoded and checked, then kept as the one stored format, durably, before it is
 * indexed and its session marked. Resolves when nothing of it can be lost.
 */
export async function ingestSegment(deps: ReplayIngestDeps, upload: SegmentUploadInput) {
  let meta: ReturnType<typeof parseSegmentMeta>;
  try {
    meta = parseSegmentMeta(upload.fields);
  } catch (error) {
    if (error instanceof SegmentMetaError)
      throw new HttpError(400, 'segment.invalid', error.message);
    throw error;
  }
  const app = ingestApps(deps.registry.get().apps).find((a) => a.appId === meta.app_id);
  if (!app) {
    throw new HttpError(
      403,
      'app.unknown',
      `app_id ${JSON.stringify(meta.app_id)} is not registered on this server`,
    );
  }
  const refused = appRefusal(app, upload);
  if (refused)
    throw new HttpError(
      refused.error_code === 'origin.not_allowed' ? 403 : 400,
      refused.error_code,
      refused.message,
    );

  const records = await decodeSegment(upload.segment);
  const blob = await encodeStored(records);
  const identity = {
    workspaceId: app.workspaceId,
    sessionId: meta.session_id,
    viewId: meta.view_id,
    indexInView: meta.index_in_view,
    start: meta.start,
  };
  const row: SegmentRow = {
    ...identity,
    appId: meta.app_id,
    end: meta.end,
    recordsCount: meta.records_count,
    hasFullSnapshot: meta.has_full_snapshot,
    creationReason: meta.creation_reason,
    source: meta.source,
    rawSegmentSize: meta.raw_segment_size ?? null,
    blobKey: segmentKey(identity),
    blobSize: blob.length,
  };
  // The blob first: an index row never points at nothing. A failure after it leaves a blob
  // that the SDK's retry overwrites (same key).
  await deps.blobs.put(row.blobKey, blob);
  await deps.index.write(row);
}

export interface SegmentIndex {
  /** Indexes a segment and marks its session; resolves once committed. */
  write(row: SegmentRow): Promise<void>;
}

/**
 * The segment index, group-committed: segments that arrive while a commit runs share the
 * next one, and each of their sessions is marked once. A recording tab uploads every 5 s, so
 * a busy server commits a batch instead of a transaction per upload.
 */
export function segmentIndex(store: EventStore): SegmentIndex {
  const segments = groupCommit<SegmentRow>(async (rows) => {
    await store.writeSegments(rows);
    const sessions = new Map(rows.map((row) => [`${row.workspaceId}\u0000${row.sessionId}`, row]));
    for (const row of sessions.values()) await store.markReplay(row.workspaceId, row.sessionId);
  });
  return { write: (row) => segments.commit([row]) };
}

/** A session replay before its records: what is answered first, and the blobs to stream. */
export interface ReplayPlan {
  head: Omit<SessionReplay, 'records'>;
  /** The segments' blob keys, in play order. */
  blobKeys: string[];
}

/** What a replay shows beside the records: where the user went, what they did, what broke. */
const REPLAY_EVENTS = new Set(['view', 'action', 'error']);

/**
 * A session's replay (GET /api/v1/sessions/{id}/replay): its record and its views, actions and
 * errors as the session detail gives them, and its segments in play order, with the blobs of
 * the part asked for (all of them, or the first part or the rest: replayPartSegments). No
 * segments: an empty replay; no record and no segments: 404 session.not_found.
 */
export async function sessionReplay(
  store: EventStore,
  workspaceId: string,
  sessionId: string,
  lookback: Lookback & ReplayPart,
  now: number,
): Promise<ReplayPlan> {
  const range = window(lookback, now);
  const [timeline, segments] = await Promise.all([
    sessionTimeline(store, workspaceId, sessionId, range),
    store.segments(workspaceId, sessionId, range.from, range.to),
  ]);
  if (!timeline.session && segments.length === 0) throw sessionNotFound(sessionId);
  return {
    head: {
      session_id: sessionId,
      session: timeline.session,
      segments: segments.map(toReplaySegment),
      events: timeline.events.filter((event) => REPLAY_EVENTS.has(String(event.category))),
    },
    blobKeys: replayPartSegments(segments, lookback).map((segment) => segment.blobKey),
  };
}

function toReplaySegment(row: SegmentRow): ReplaySegment {
  return {
    view_id: row.viewId,
    start: row.start,
    end: row.end,
    index_in_view: row.indexInView,
    records_count: row.recordsCount,
    has_full_snapshot: row.hasFullSnapshot,
    creation_reason: row.creationReason,
    source: row.source,
    raw_segment_size: row.rawSegmentSize,
  };
}

/** Blobs read ahead of the one being sent: reads overlap, memory stays a few segments. */
const READ_AHEAD = 8;

/**
 * Each segment's records as JSON text (`{…},{…}`), in the order given, reading a few blobs
 * ahead (one at a time, the 240 segments of a 30-minute session took 300 ms of waiting on the
 * disk and zlib's thread pool). A blob that is missing or damaged is skipped and logged: the
 * rest of the replay still plays.
 */
export async function* replayRecords(
  blobs: BlobStore,
  keys: readonly string[],
  logger: Logger,
): AsyncGenerator<Buffer> {
  type Read = { key: string; json?: Buffer; error?: unknown };
  const read = async (key: string): Promise<Read> => {
    try {
      const blob = await blobs.get(key);
      return blob ? { key, json: await storedRecordsJson(blob) } : { key };
    } catch (error) {
      return { key, error };
    }
  };
  const reading: Promise<Read>[] = [];
  let next = 0;
  while (next < keys.length || reading.length > 0) {
    while (reading.length < READ_AHEAD && next < keys.length)
      reading.push(read(keys[next++] as string));
    // Logged as they come in play order, not as the reads happen to finish.
    const { key, json, error } = (await reading.shift()) as Read;
    if (error) logger.error('replay: a segment blob cannot be read; skipped', { key, error });
    else if (!json) logger.error('replay: a segment blob is missing; skipped', { key });
    else if (json.length > 0) yield json;
  }
}
