import {
  ApiError,
  type App,
  type AppIdAvailability,
  createAppBody,
  updateAppBody,
  updateWorkspaceBody,
  type Workspace,
} from '../api/index.js';
import type { Point } from '../protocol/index.js';
import type { ReplayRecord, SegmentMeta } from '../replay/index.js';
import { checkAppId } from '../rules/appId.js';
import { abortReason, appIdTaken, appNotFound, invalidRequest } from './errors.js';
import { errorClusters, eventDetail, sessionDetail, usage, viewDetail } from './memory-details.js';
import { analysis, facet, histogram, parseInput, searchEvents } from './memory-query.js';
import { type MemorySegment, sessionReplay, toMemorySegment } from './memory-replay.js';
import { createEventStore, type MemoryEventStore } from './memory-store.js';
import type { RequestOptions, RumBackend, RumBackendOperation } from './types.js';

export interface MemoryBackendSeed {
  /** The workspace the backend speaks for. Default: "Demo workspace", 14 days' retention, UTC. */
  workspace?: Workspace;
  /** Apps to start with, in any order (listApps sorts newest first). */
  apps?: readonly App[];
  /**
   * Events to start with, as DataKit points (what an SDK sends to `/v1/write/rum`), stored as
   * one batch. Sessions are derived from them as the server derives them. A point the server
   * would refuse throws.
   */
  events?: readonly Point[];
  /**
   * app_ids held by apps of other workspaces: the server keeps app_ids unique across all
   * workspaces, since ingest routes by app_id alone.
   */
  reservedAppIds?: readonly string[];
  /**
   * Replay segments to start with, as an SDK uploads them to `/v1/write/rum/replay`: the
   * metadata fields (app_id, session_id, view_id, start, end, creation_reason, records_count,
   * has_full_snapshot, index_in_view…) and the records. A segment the server would refuse throws.
   */
  replays?: readonly ReplayUpload[];
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Internal ids for new apps. Default `app_1`, `app_2`, … after the seeded ones. */
  generateId?: () => string;
  /**
   * Milliseconds each call takes, for demos that should feel like a network. Default 0.
   * A function gets the operation's name.
   */
  latency?: number | ((operation: RumBackendOperation) => number);
}

/** The in-memory backend, with a way to put events in. */
export interface MemoryBackend extends RumBackend {
  /**
   * Stores points as the server stores one request to `/v1/write/rum`: typed by the catalogue,
   * the latest version of a view kept, sessions derived. Any app_id is accepted; a point the
   * server would refuse throws a TypeError naming it, and nothing of the batch is stored.
   */
  ingest(points: readonly Point[]): { written: number };
  /**
   * Stores a replay segment as the server stores an upload to `/v1/write/rum/replay`: one sent
   * again (same session, view, index_in_view and start) replaces the first, and its session,
   * when stored, is marked `session_has_replay`. A segment the server would refuse throws a
   * SegmentMetaError naming the field.
   */
  ingestReplay(segment: ReplayUpload): void;
}

/** A replay segment as uploaded: its metadata fields and its records. */
export interface ReplayUpload {
  fields: Record<string, unknown>;
  records: readonly ReplayRecord[];
}

const DAY = 24 * 3600 * 1000;

/**
 * A complete `RumBackend` in memory, for demos, stories and tests. It validates input with the
 * same schemas and answers with the same errors as the reference server (the contract suite
 * runs against both), searches with the same parser and semantics, and copies data in and out
 * so callers never share its state. Data older than the workspace's retention is dropped
 * before each explorer question, as the server's hourly retention drops it.
 */
export function createMemoryBackend(seed: MemoryBackendSeed = {}): MemoryBackend {
  const now = seed.now ?? Date.now;
  const workspace: Workspace = clone(
    seed.workspace ?? {
      id: 'ws_demo',
      name: 'Demo workspace',
      retention_days: 14,
      time_zone: 'UTC',
      created_at: new Date(now()).toISOString(),
    },
  );
  const apps = new Map<string, App>();
  // Insertion order breaks ties between apps created in the same millisecond: later is newer.
  const order = new Map<string, number>();
  let sequence = 0;
  for (const app of seed.apps ?? []) {
    apps.set(app.id, clone({ ...app, workspace_id: workspace.id }));
    order.set(app.id, sequence++);
  }
  const reserved = new Set(seed.reservedAppIds ?? []);
  let counter = apps.size;
  const generateId =
    seed.generateId ??
    (() => {
      let id: string;
      do id = `app_${++counter}`;
      while (apps.has(id));
      return id;
    });

  const store = createEventStore(now);
  if (seed.events) store.ingest(seed.events);
  let segments: MemorySegment[] = [];
  /** Stores a segment as the server does: a re-sent one replaces the first, its session is marked. */
  const storeSegment = (segment: MemorySegment) => {
    const { meta } = segment;
    segments = [...segments.filter(({ meta: m }) => !sameSegment(m, meta)), segment];
    store.markReplay(meta.session_id);
  };
  for (const replay of seed.replays ?? []) storeSegment(toMemorySegment(replay));
  /** The event store with expired data dropped (replays go with their sessions). */
  const events = (): MemoryEventStore => {
    const cut = now() - workspace.retention_days * DAY;
    store.deleteOlderThan(cut);
    segments = segments.filter(({ meta }) => meta.end >= cut);
    return store;
  };

  const delayOf = (operation: RumBackendOperation) =>
    typeof seed.latency === 'function' ? seed.latency(operation) : (seed.latency ?? 0);

  /** Runs one operation after the configured latency, honouring the signal throughout. */
  function run<T>(
    operation: RumBackendOperation,
    options: RequestOptions | undefined,
    body: () => T,
  ): Promise<T> {
    const signal = options?.signal;
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const settle = () => {
        signal?.removeEventListener('abort', onAbort);
        try {
          resolve(body());
        } catch (error) {
          reject(error);
        }
      };
      const delay = delayOf(operation);
      const timer = delay > 0 ? setTimeout(settle, delay) : undefined;
      function onAbort() {
        clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      // Even with no latency the answer comes on a later tick, as over a network.
      if (timer === undefined) queueMicrotask(settle);
    });
  }

  const find = (id: string): App => {
    const app = apps.get(id);
    if (!app) throw appNotFound(id);
    return app;
  };

  const ownerOf = (appId: string): string | undefined => {
    for (const app of apps.values()) if (app.app_id === appId) return app.id;
    return reserved.has(appId) ? '(another workspace)' : undefined;
  };

  const availability = (appId: string, exclude?: string): AppIdAvailability => {
    const check = checkAppId(appId);
    if (!check.ok)
      return { app_id: appId, available: false, reason: 'invalid', message: check.message };
    const owner = ownerOf(appId);
    if (owner !== undefined && owner !== exclude) {
      return {
        app_id: appId,
        available: false,
        reason: 'taken',
        message: appIdTaken(appId).message,
      };
    }
    return { app_id: appId, available: true, reason: null, message: null };
  };

  return {
    ingest: (points) => store.ingest(points),

    getWorkspace: (options) => run('getWorkspace', options, () => clone(workspace)),

    updateWorkspace: (input, options) =>
      run('updateWorkspace', options, () => {
        const patch = parseInput(updateWorkspaceBody, input);
        Object.assign(workspace, definedOnly(patch));
        return clone(workspace);
      }),

    listApps: (options) =>
      run('listApps', options, () =>
        [...apps.values()]
          .sort(
            (a, b) =>
              b.created_at.localeCompare(a.created_at) ||
              (order.get(b.id) ?? 0) - (order.get(a.id) ?? 0),
          )
          .map(clone),
      ),

    getApp: ({ id }, options) => run('getApp', options, () => clone(find(id))),

    createApp: (input, options) =>
      run('createApp', options, () => {
        const parsed = createAppBody.safeParse(input);
        if (!parsed.success) throw invalidRequest(parsed.error);
        const body = parsed.data;
        if (ownerOf(body.app_id) !== undefined) throw appIdTaken(body.app_id);
        const time = new Date(now()).toISOString();
        const app: App = {
          id: generateId(),
          workspace_id: workspace.id,
          name: body.name,
          app_id: body.app_id,
          type: body.type,
          allowed_origins: body.allowed_origins ?? [],
          client_token: body.client_token ?? null,
          dashboard_bindings: body.dashboard_bindings ?? [],
          remote_config: body.remote_config ?? {},
          created_at: time,
          updated_at: time,
        };
        apps.set(app.id, app);
        order.set(app.id, sequence++);
        return clone(app);
      }),

    updateApp: ({ id, patch }, options) =>
      run('updateApp', options, () => {
        const app = find(id);
        const parsed = updateAppBody.safeParse(patch);
        if (!parsed.success) throw invalidRequest(parsed.error);
        const body = parsed.data;
        if (body.app_id !== undefined && body.app_id !== app.app_id) {
          const owner = ownerOf(body.app_id);
          if (owner !== undefined && owner !== id) throw appIdTaken(body.app_id);
        }
        const updated: App = {
          ...app,
          ...definedOnly(body),
          updated_at: new Date(now()).toISOString(),
        };
        apps.set(id, updated);
        return clone(updated);
      }),

    deleteApp: ({ id }, options) =>
      run('deleteApp', options, () => {
        find(id);
        apps.delete(id);
        order.delete(id);
      }),

    checkAppId: ({ app_id, exclude }, options) =>
      run('checkAppId', options, () => {
        if (typeof app_id !== 'string')
          throw new ApiError(400, 'request.invalid', 'app_id: required');
        return availability(app_id, exclude);
      }),

    searchEvents: (input, options) =>
      run('searchEvents', options, () => searchEvents(events(), input)),
    facet: (input, options) => run('facet', options, () => facet(events(), input)),
    histogram: (input, options) => run('histogram', options, () => histogram(events(), input)),
    analysis: (input, options) => run('analysis', options, () => analysis(events(), input)),
    getSession: (input, options) =>
      run('getSession', options, () => sessionDetail(events(), input, now())),
    getSessionReplay: (input, options) =>
      run('getSessionReplay', options, () => {
        const store = events();
        return clone(sessionReplay(store, segments, input, now()));
      }),
    ingestReplay: (segment) => storeSegment(toMemorySegment(clone(segment))),
    getView: (input, options) => run('getView', options, () => viewDetail(events(), input, now())),
    getEvent: (input, options) =>
      run('getEvent', options, () => eventDetail(events(), input, now())),
    errorClusters: (input, options) =>
      run('errorClusters', options, () => errorClusters(events(), input)),
    getUsage: (input, options) =>
      run('getUsage', options, () => usage(events(), workspace, input, now())),
  };
}

/** A segment sent again (an SDK's or DataKit's retry): the same view, place in it and start. */
function sameSegment(a: SegmentMeta, b: SegmentMeta): boolean {
  return (
    a.session_id === b.session_id &&
    a.view_id === b.view_id &&
    a.index_in_view === b.index_in_view &&
    a.start === b.start
  );
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
