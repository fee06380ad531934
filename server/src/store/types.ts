import type { Aggregate, AnalysisResult, FacetResult, HistogramResult } from '@rumkit/core/api';
import type { Category, IngestCategory } from '@rumkit/core/schema';
import type { Filter } from '@rumkit/core/search';

/** A value as stored: typed by the catalogue (json stays a string). */
export type StoredValue = string | number | bigint | boolean;

/** One event ready to store: catalogue values typed, unknown keys kept as custom context. */
export interface EventRow {
  category: IngestCategory;
  /** Event time in ms since the epoch (for a view, its start). */
  time: number;
  workspaceId: string;
  values: Record<string, StoredValue>;
  custom: Record<string, StoredValue>;
}

/** A stored record as read back: every column by name, `custom` parsed. */
export interface StoredRecord {
  time: number;
  workspace_id: string;
  custom: Record<string, StoredValue>;
  [column: string]: unknown;
}

export interface ListQuery {
  category: Category;
  workspaceId: string;
  /** Inclusive start and exclusive end, ms. */
  from: number;
  to: number;
  /** Equality filters on catalogue columns. */
  where?: Record<string, string | number | boolean>;
  limit?: number;
  /** Only these fields (besides time); default all. */
  columns?: readonly string[];
}

export interface CountQuery {
  category: Category;
  workspaceId: string;
  from: number;
  to: number;
  where?: Record<string, string | number | boolean>;
}

export interface UsageBucket {
  bucket: number;
  appId: string;
  category: 'view' | 'resource' | 'error' | 'action' | 'long_task' | 'replay';
  count: number;
}

/**
 * One stored segment of a session replay, as the index keeps it: its metadata and where its
 * records are in the blob store (server/src/replay/blobs.ts). Its key is (workspace, session,
 * view, index in view, start): a segment sent again replaces the first.
 */
export interface SegmentRow {
  workspaceId: string;
  appId: string;
  sessionId: string;
  viewId: string;
  /** First and last record, ms since the epoch. */
  start: number;
  end: number;
  indexInView: number;
  recordsCount: number;
  hasFullSnapshot: boolean;
  creationReason: string;
  source: string;
  /** Bytes of the segment's JSON as the SDK said; null when it did not. */
  rawSegmentSize: number | null;
  blobKey: string;
  /** Bytes of the stored blob. */
  blobSize: number;
}

/** Rows older than `before` (ms) in the given workspace go. */
export interface RetentionCut {
  workspaceId: string;
  before: number;
}

/** The part every explorer question shares: already parsed and checked by the service. */
export interface QueryScope {
  category: Category;
  workspaceId: string;
  from: number;
  to: number;
  /** Only these apps; undefined means every app of the workspace. */
  appIds?: readonly string[];
  filter: Filter | null;
  /** Custom keys seen in this category (the service checked the filter against them). */
  customKeys: ReadonlySet<string>;
}

export interface SearchQuery extends QueryScope {
  columns?: readonly string[];
  sort?: { field: string; order: 'asc' | 'desc' };
  limit: number;
  cursor?: string;
}

export interface FacetQuery extends QueryScope {
  field: string;
  limit: number;
  search?: string;
}

export interface HistogramQuery extends QueryScope {
  groupBy?: string;
  buckets: number;
}

export interface AnalysisQuery extends QueryScope {
  groupBy: readonly string[];
  aggregate: Aggregate;
  field?: string;
  mode: 'timeseries' | 'toplist';
  limit: number;
  buckets: number;
}

export interface ErrorGroupsQuery extends QueryScope {
  category: 'error';
  /** Group by these fields' values; by the exact error_message when empty. */
  fields: readonly string[];
  /** How many of the newest errors of the scope to group. */
  sample: number;
}

/** The errors of one group: its newest error's id and time, how many, when first seen. */
export interface ErrorGroup {
  /** error_message, or each field (a custom key's value as its JSON value). */
  values: Record<string, StoredValue>;
  errorId: string | null;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

/**
 * Where events live. One engine per deployment (DuckDB embedded by default, ClickHouse when
 * one machine is not enough); a conformance suite holds every engine to the same behaviour.
 */
export interface EventStore {
  /**
   * Stores a batch durably and atomically: events appended; views upserted so the latest
   * version of each view_id wins (the one with the longest time_spent, later arrival on a
   * tie); sessions derived and maintained. Resolves once committed.
   */
  write(rows: readonly EventRow[]): Promise<{ written: number }>;
  /** Records in a time range, newest first. */
  list(query: ListQuery): Promise<StoredRecord[]>;
  /**
   * A session's views, actions, errors, resources and long tasks, oldest first, each with its
   * `category`, `time`, `session_id` and the TIMELINE_FIELDS it has (a view in its stored
   * version): what `list` gives for those fields, kept per session as the events are written.
   */
  timeline(workspaceId: string, sessionId: string): Promise<StoredRecord[]>;
  count(query: CountQuery): Promise<number>;
  /** A page of records under a search; `nextCursor` continues it. */
  search(query: SearchQuery): Promise<{ rows: StoredRecord[]; nextCursor: string | null }>;
  facet(query: FacetQuery): Promise<FacetResult>;
  histogram(query: HistogramQuery): Promise<HistogramResult>;
  analysis(query: AnalysisQuery): Promise<AnalysisResult>;
  /**
   * The newest `sample` errors of the scope, grouped by exact message or field values, newest
   * group first. What error clustering masks and merges: a few hundred groups cross from the
   * store instead of ten thousand errors.
   */
  errorGroups(query: ErrorGroupsQuery): Promise<{ sampled: number; groups: ErrorGroup[] }>;
  /**
   * Counts per app and time bucket (ms since the epoch, multiples of `bucketMs`) for billing:
   * records per category (views are PV, one row per view_id) and replay sessions (weighted
   * by session_time_spent_count), by start time.
   */
  usage(workspaceId: string, from: number, to: number, bucketMs: number): Promise<UsageBucket[]>;
  /** Custom context keys ever stored for a category in a workspace. */
  customKeys(workspaceId: string, category: Category): Promise<string[]>;
  /** Marks a session as having a replay (the replay ingest calls it). */
  markReplay(workspaceId: string, sessionId: string): Promise<void>;
  /**
   * Indexes replay segments whose blobs are stored, durably, in one commit; a segment sent
   * again (same key, see SegmentRow) replaces the stored one.
   */
  writeSegments(rows: readonly SegmentRow[]): Promise<void>;
  /**
   * A session's segments that overlap [from, to) (end >= from, start < to), in play order
   * (compareSegments of @rumkit/core/replay: start, index in view, view).
   */
  segments(workspaceId: string, sessionId: string, from: number, to: number): Promise<SegmentRow[]>;
  /**
   * Deletes records older than each cut, per workspace, and the replay segments that ended
   * before it; returns how many records went and the blob keys of the segments that went, for
   * the caller to delete.
   */
  deleteOlderThan(
    cuts: readonly RetentionCut[],
  ): Promise<{ deleted: number; segmentBlobs: string[] }>;
  /** Deletes everything of a workspace, its replay segments' index too (not their blobs). */
  deleteWorkspace(workspaceId: string): Promise<void>;
  close(): Promise<void>;
}
