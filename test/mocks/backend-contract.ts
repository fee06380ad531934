// The behaviour every RumBackend must have, written once and run against each implementation:
// createMemoryBackend (test/e2e/kit-memory-backend.test.ts) and createHttpBackend on the real
// reference server (test/e2e/kit-http-backend.test.ts). Test-only; nothing in a package imports
// it. It lives here rather than in packages/core/src because the e2e runs need it and may only
// reach a package through its published entries (see docs/decisions/020-component-kit.md).
import {
  ApiError,
  type App,
  analysisResult,
  appIdAvailability,
  app as appSchema,
  errorClusters as errorClustersSchema,
  eventDetail as eventDetailSchema,
  facetResult,
  histogramResult,
  type Point,
  type ReplayRecord,
  type RumBackend,
  type SearchEventsInput,
  searchEventsResult,
  sessionDetail as sessionDetailSchema,
  sessionReplay as sessionReplaySchema,
  usageReport as usageReportSchema,
  viewDetail as viewDetailSchema,
  workspace as workspaceSchema,
} from '@rumkit/core';
import { beforeEach, describe, expect, it } from 'vitest';

export interface ContractSubject {
  /** A backend for a workspace of its own, with no apps yet. */
  backend: RumBackend;
  /** A backend for another workspace on the same server, when the implementation has one. */
  otherWorkspace?: RumBackend;
  /**
   * Stores events of an app that `backend` created, as its SDK would report them (each point
   * sent with the app's app_id); resolves once they are queryable. Every point must be stored.
   */
  ingest(appId: string, points: readonly Point[]): Promise<void>;
  /**
   * Stores a session replay segment of an app that `backend` created, as its SDK uploads it to
   * `/v1/write/rum/replay` (sent with the app's app_id); resolves once it is stored.
   */
  ingestReplay(appId: string, segment: ReplaySegmentUpload): Promise<void>;
}

/** A replay segment as an SDK uploads it, but for its app_id: metadata fields and records. */
export interface ReplaySegmentUpload {
  fields: Record<string, string>;
  records: readonly ReplayRecord[];
}

/** The segment with the app's app_id field, as its SDK sends it. */
export function replayForApp(appId: string, segment: ReplaySegmentUpload): ReplaySegmentUpload {
  return { ...segment, fields: { ...segment.fields, app_id: appId } };
}

/** The points with the app's app_id tag, as its SDK sends them. */
export function forApp(appId: string, points: readonly Point[]): Point[] {
  return points.map((point) => ({ ...point, tags: { ...point.tags, app_id: appId } }));
}

let counter = 0;
/** app_ids are unique across a whole server, and runs share one: each test makes its own. */
export function uniqueAppId(stem: string): string {
  counter += 1;
  return `${stem}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail, but it succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

export function describeBackendContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`the RumBackend contract: ${name}`, () => {
    let subject: ContractSubject;
    let backend: RumBackend;
    beforeEach(async () => {
      subject = await open();
      backend = subject.backend;
    });

    const create = (overrides: Partial<Parameters<RumBackend['createApp']>[0]> = {}) =>
      backend.createApp({ name: 'Shop', app_id: uniqueAppId('shop'), type: 'web', ...overrides });

    describe('workspace', () => {
      it('names the workspace the credentials belong to', async () => {
        const ws = await backend.getWorkspace();
        expect(workspaceSchema.parse(ws)).toEqual(ws);
      });
    });

    describe('creating and reading apps', () => {
      it('starts with no apps', async () => {
        expect(await backend.listApps()).toEqual([]);
      });

      it('creates an app with the defaults filled in, in the calling workspace', async () => {
        const ws = await backend.getWorkspace();
        const appId = uniqueAppId('shop');
        const app = await backend.createApp({ name: '  Shop  ', app_id: appId, type: 'web' });
        expect(appSchema.parse(app)).toEqual(app);
        expect(app).toMatchObject({
          workspace_id: ws.id,
          name: 'Shop',
          app_id: appId,
          type: 'web',
          allowed_origins: [],
          client_token: null,
          dashboard_bindings: [],
          remote_config: {},
        });
        expect(app.updated_at).toBe(app.created_at);
        expect(await backend.getApp({ id: app.id })).toEqual(app);
      });

      it('keeps what it was given: bindings, origins, token and remote config', async () => {
        const app = await create({
          type: 'custom',
          dashboard_bindings: ['rum.web.overview', 'rum.web.error'],
          allowed_origins: ['https://shop.example.com'],
          client_token: 'token_12345678',
          remote_config: { sessionSampleRate: 50 },
        });
        expect(await backend.getApp({ id: app.id })).toMatchObject({
          dashboard_bindings: ['rum.web.overview', 'rum.web.error'],
          allowed_origins: ['https://shop.example.com'],
          client_token: 'token_12345678',
          remote_config: { sessionSampleRate: 50 },
        });
      });

      it('lists apps newest first', async () => {
        const first = await create({ name: 'First' });
        await new Promise((resolve) => setTimeout(resolve, 5));
        const second = await create({ name: 'Second', type: 'android' });
        expect((await backend.listApps()).map((a) => a.id)).toEqual([second.id, first.id]);
      });

      it('answers 404 app.not_found for an app that does not exist', async () => {
        const error = await failure(backend.getApp({ id: 'no_such_app' }));
        expect(error).toMatchObject({ status: 404, code: 'app.not_found' });
      });
    });

    describe('refusing bad input', () => {
      it.each([
        ['an app_id with a hyphen', { app_id: 'my-app' }],
        ['an app_id of 49 characters', { app_id: 'a'.repeat(49) }],
        ['an empty name', { name: '   ' }],
        ['an unknown type', { type: 'fridge' }],
        ['an unknown field', { colour: 'blue' }],
        ['an origin with a path', { allowed_origins: ['https://shop.example.com/x'] }],
      ])('answers 400 for %s and creates nothing', async (_label, overrides) => {
        const error = await failure(
          backend.createApp({
            name: 'Shop',
            app_id: uniqueAppId('shop'),
            type: 'web',
            ...(overrides as object),
          } as Parameters<RumBackend['createApp']>[0]),
        );
        expect(error.status).toBe(400);
        expect(error.message).not.toBe('');
        expect(await backend.listApps()).toEqual([]);
      });

      it('answers 409 when the app_id is taken, and keeps the first app', async () => {
        const first = await create();
        const error = await failure(create({ name: 'Copy', app_id: first.app_id }));
        expect(error.status).toBe(409);
        expect(error.message).toContain(first.app_id);
        expect((await backend.listApps()).map((a) => a.id)).toEqual([first.id]);
      });

      it('refuses an app_id that another workspace uses', async (ctx) => {
        if (!subject.otherWorkspace) ctx.skip();
        const theirs = await subject.otherWorkspace?.createApp({
          name: 'Theirs',
          app_id: uniqueAppId('theirs'),
          type: 'web',
        });
        const error = await failure(create({ app_id: theirs?.app_id }));
        expect(error.status).toBe(409);
        expect(await backend.listApps()).toEqual([]);
      });
    });

    describe('checking an app_id', () => {
      it('says a free, valid app_id is available', async () => {
        const appId = uniqueAppId('free');
        const answer = await backend.checkAppId({ app_id: appId });
        expect(appIdAvailability.parse(answer)).toEqual({
          app_id: appId,
          available: true,
          reason: null,
          message: null,
        });
      });

      it('says why an invalid app_id is not available', async () => {
        const answer = await backend.checkAppId({ app_id: 'bad id' });
        expect(answer).toMatchObject({ available: false, reason: 'invalid' });
        expect(answer.message).toMatch(/letters, digits and underscore/);
      });

      it('says a used app_id is taken, except for the app that uses it', async () => {
        const app = await create();
        expect(await backend.checkAppId({ app_id: app.app_id })).toMatchObject({
          available: false,
          reason: 'taken',
        });
        expect(await backend.checkAppId({ app_id: app.app_id, exclude: app.id })).toMatchObject({
          available: true,
        });
      });
    });

    describe('changing apps', () => {
      it('changes only the given fields and moves updated_at', async () => {
        const app = await create({ type: 'ios' });
        await new Promise((resolve) => setTimeout(resolve, 5));
        const changed = await backend.updateApp({ id: app.id, patch: { name: 'Shop iOS' } });
        expect(changed).toMatchObject({ ...app, name: 'Shop iOS', updated_at: changed.updated_at });
        expect(changed.updated_at > app.updated_at).toBe(true);
        expect(changed.created_at).toBe(app.created_at);
        expect((await backend.listApps())[0]?.name).toBe('Shop iOS');
      });

      it('stores dashboard bindings in the order given', async () => {
        const app = await create({ type: 'custom' });
        const bindings = ['rum.web.error', 'rum.mobile.overview'];
        await backend.updateApp({ id: app.id, patch: { dashboard_bindings: bindings } });
        expect((await backend.getApp({ id: app.id })).dashboard_bindings).toEqual(bindings);
        await backend.updateApp({ id: app.id, patch: { dashboard_bindings: [] } });
        expect((await backend.getApp({ id: app.id })).dashboard_bindings).toEqual([]);
      });

      it('moves an app to a new app_id, freeing the old one', async () => {
        const app = await create();
        const next = uniqueAppId('renamed');
        const changed = await backend.updateApp({ id: app.id, patch: { app_id: next } });
        expect(changed.app_id).toBe(next);
        expect(changed.id).toBe(app.id);
        expect((await backend.checkAppId({ app_id: app.app_id })).available).toBe(true);
        expect((await backend.checkAppId({ app_id: next })).reason).toBe('taken');
      });

      it('keeps an app on its own app_id when a patch repeats it', async () => {
        const app = await create();
        const same = await backend.updateApp({ id: app.id, patch: { app_id: app.app_id } });
        expect(same.app_id).toBe(app.app_id);
      });

      it("answers 409 for another app's app_id and changes nothing", async () => {
        const a = await create();
        const b = await create({ name: 'Other' });
        const error = await failure(backend.updateApp({ id: b.id, patch: { app_id: a.app_id } }));
        expect(error.status).toBe(409);
        expect((await backend.getApp({ id: b.id })).app_id).toBe(b.app_id);
      });

      it('answers 400 for an invalid patch and 404 for an unknown app', async () => {
        const app = await create();
        expect(
          (await failure(backend.updateApp({ id: app.id, patch: { app_id: 'no good' } }))).status,
        ).toBe(400);
        const unknown = await failure(backend.updateApp({ id: 'nope', patch: { name: 'x' } }));
        expect(unknown).toMatchObject({ status: 404, code: 'app.not_found' });
      });
    });

    describe('deleting apps', () => {
      it('deletes an app and frees its app_id', async () => {
        const app = await create();
        await expect(backend.deleteApp({ id: app.id })).resolves.toBeUndefined();
        expect(await backend.listApps()).toEqual([]);
        expect((await failure(backend.getApp({ id: app.id }))).status).toBe(404);
        expect((await backend.checkAppId({ app_id: app.app_id })).available).toBe(true);
      });

      it('answers 404 when the app is already gone', async () => {
        const app = await create();
        await backend.deleteApp({ id: app.id });
        expect((await failure(backend.deleteApp({ id: app.id }))).status).toBe(404);
      });
    });

    describe('workspaces are apart', () => {
      it("neither lists nor opens another workspace's apps", async (ctx) => {
        if (!subject.otherWorkspace) ctx.skip();
        const other = subject.otherWorkspace as RumBackend;
        const theirs = await other.createApp({
          name: 'Theirs',
          app_id: uniqueAppId('theirs'),
          type: 'web',
        });
        expect(await backend.listApps()).toEqual([]);
        expect((await failure(backend.getApp({ id: theirs.id }))).status).toBe(404);
        expect((await failure(backend.deleteApp({ id: theirs.id }))).status).toBe(404);
        expect((await other.listApps()).map((a: App) => a.id)).toEqual([theirs.id]);
      });
    });

    describe('cancellation', () => {
      it('rejects with an AbortError when the signal is already aborted', async () => {
        const controller = new AbortController();
        controller.abort();
        const error = await backend
          .listApps({ signal: controller.signal })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'AbortError' });
      });

      it('cancels an explorer question too', async () => {
        const controller = new AbortController();
        controller.abort();
        const error = await backend
          .searchEvents({ category: 'view', ...RANGE }, { signal: controller.signal })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'AbortError' });
      });
    });

    describeQueryContract(() => subject);
  });
}

const SECOND = 1000;
const MIN = 60 * SECOND;
const HOUR = 60 * MIN;
const MS = 1e6;
// Two hours ago on a whole minute: inside every retention policy and the detail lookback.
const T = Math.floor((Date.now() - 2 * HOUR) / MIN) * MIN;
const RANGE = { from: T - 10 * MIN, to: T + 30 * MIN };

/**
 * One shop visit and a second, short one: three views (Chrome 0.8 s, Firefox 1.5 s and 2.5 s to
 * load), a click that paid, its failed request and error, two timeouts that differ only in a
 * number, and a long task. `plan` and `seats` (a number on one view, text on another) are custom
 * context.
 */
function shopTraffic(): Point[] {
  const s1 = { session_id: 's1' };
  return [
    {
      measurement: 'view',
      tags: { ...s1, view_id: 'v1', view_path: '/', browser: 'Chrome' },
      fields: { time_spent: 60e9, loading_time: 800 * MS, is_active: true, plan: 'pro' },
      time: T,
    },
    {
      measurement: 'long_task',
      tags: { ...s1, view_id: 'v1', browser: 'Chrome' },
      fields: { long_task_id: 'l1', duration: 200 * MS },
      time: T + 500,
    },
    {
      measurement: 'error',
      tags: { ...s1, view_id: 'v1', error_id: 'e2', error_source: 'source' },
      fields: { error_message: 'Timeout after 3000 ms' },
      time: T + SECOND,
    },
    {
      measurement: 'error',
      tags: { ...s1, view_id: 'v1', error_id: 'e3', error_source: 'source' },
      fields: { error_message: 'Timeout after 5000 ms' },
      time: T + 5 * SECOND,
    },
    {
      measurement: 'view',
      tags: { ...s1, view_id: 'v2', view_path: '/cart', browser: 'Firefox' },
      fields: { time_spent: 30e9, loading_time: 1500 * MS, seats: 12 },
      time: T + 2 * MIN,
    },
    {
      measurement: 'action',
      tags: { ...s1, view_id: 'v2', action_id: 'a1', action_type: 'click' },
      fields: { action_name: 'Pay', duration: 100 * MS },
      time: T + 2 * MIN + SECOND,
    },
    {
      measurement: 'resource',
      tags: {
        ...s1,
        view_id: 'v2',
        action_id: 'a1',
        resource_id: 'r1',
        resource_status: '503',
        resource_type: 'fetch',
      },
      fields: { resource_url: 'https://shop.example.com/api/pay', duration: 300 * MS },
      time: T + 2 * MIN + 1100,
    },
    {
      measurement: 'error',
      tags: { ...s1, view_id: 'v2', action_id: 'a1', error_id: 'e1', error_source: 'network' },
      fields: { error_message: 'POST https://shop.example.com/api/pay failed with 503' },
      time: T + 2 * MIN + 1400,
    },
    {
      measurement: 'view',
      tags: {
        session_id: 's2',
        view_id: 'v3',
        view_path: '/checkout',
        browser: 'Firefox',
        seats: '3',
      },
      fields: { time_spent: 10e9, loading_time: 2500 * MS },
      time: T + 5 * MIN,
    },
  ];
}

/**
 * A segment of a session's replay: `count` records from `start`, one a second, the first a
 * full snapshot when it opens its view.
 */
function replaySegment(
  viewId: string,
  start: number,
  index: number,
  { session = 's1', count = 2 }: { session?: string; count?: number } = {},
): ReplaySegmentUpload {
  return {
    fields: {
      session_id: session,
      view_id: viewId,
      start: String(start),
      end: String(start + (count - 1) * SECOND),
      creation_reason: index === 0 ? 'init' : 'segment_duration_limit',
      records_count: String(count),
      has_full_snapshot: String(index === 0),
      index_in_view: String(index),
      source: 'browser',
      sdk_name: 'df_web_rum_sdk',
      sdk_version: '3.2.0',
      raw_segment_size: '2048',
    },
    records: Array.from({ length: count }, (_, i) => ({
      type: i === 0 && index === 0 ? 2 : 3,
      timestamp: start + i * SECOND,
      data: i === 0 && index === 0 ? { node: { type: 0, childNodes: [] } } : { source: 1, i },
    })),
  };
}

/** The explorer, detail, clustering, usage and workspace questions the component kit asks. */
function describeQueryContract(current: () => ContractSubject): void {
  describe('with events of a shop app', () => describeQueries(current));
}

function describeQueries(current: () => ContractSubject): void {
  let backend: RumBackend;
  let appId: string;
  beforeEach(async () => {
    backend = current().backend;
    const app = await backend.createApp({ name: 'Shop', app_id: uniqueAppId('shop'), type: 'web' });
    appId = app.app_id;
    await current().ingest(appId, shopTraffic());
  });

  const search = async (query: string, more: Partial<SearchEventsInput> = {}) => {
    const result = await backend.searchEvents({ category: 'view', ...RANGE, query, ...more });
    expect(searchEventsResult.parse(result)).toEqual(result);
    return result;
  };
  const viewIds = async (query: string, more: Partial<SearchEventsInput> = {}) =>
    (await search(query, more)).rows.map((row) => row.view_id);

  describe('searching events', () => {
    it.each([
      ['', ['v3', 'v2', 'v1']],
      ['browser:Firefox', ['v3', 'v2']],
      ['checkout', ['v3']],
      ['CHECKOUT', ['v3']],
      ['view_path:/c*', ['v3', 'v2']],
      ['view_path:/c?rt', ['v2']],
      ['-browser:Firefox', ['v1']],
      ['NOT (browser:Chrome OR view_path:/cart)', ['v3']],
      ['loading_time:>1s', ['v3', 'v2']],
      ['loading_time:<=800ms', ['v1']],
      ['loading_time:[1s TO 2s]', ['v2']],
      ['loading_time:{800ms TO 2.5s}', ['v2']],
      ['plan:pro', ['v1']],
      ['plan:*', ['v1']],
      ['-plan:pro', ['v3', 'v2']],
      ['view_path:(/cart OR /checkout) -browser:Chrome', ['v3', 'v2']],
    ])('%j finds the views %j, newest first', async (query, expected) => {
      expect(await viewIds(query)).toEqual(expected);
    });

    it('matches free text in the text fields of errors', async () => {
      const { rows } = await backend.searchEvents({
        category: 'error',
        ...RANGE,
        query: 'timeout',
      });
      expect(rows.map((row) => row.error_id)).toEqual(['e3', 'e2']);
    });

    it('returns records as the API shapes them: typed values, time, custom context', async () => {
      const [v1] = (await search('view_id:v1')).rows;
      expect(v1).toMatchObject({
        time: T,
        app_id: appId,
        view_id: 'v1',
        view_path_group: '/',
        loading_time: 800 * MS,
        custom: { plan: 'pro' },
      });
    });

    it('returns only the chosen columns', async () => {
      const { rows } = await search('view_id:v1', { columns: ['loading_time', 'plan'] });
      expect(rows).toEqual([{ time: T, loading_time: 800 * MS, custom: { plan: 'pro' } }]);
    });

    it('keeps to the range and the apps asked', async () => {
      expect(await viewIds('', { from: T + MIN, to: T + 5 * MIN })).toEqual(['v2']);
      expect(await viewIds('', { app_ids: [appId] })).toHaveLength(3);
      expect(await viewIds('', { app_ids: ['some_other_app'] })).toEqual([]);
    });

    it('pages with a cursor, newest first, without gaps or repeats', async () => {
      const first = await search('', { limit: 2 });
      expect(first.rows.map((row) => row.view_id)).toEqual(['v3', 'v2']);
      expect(first.next_cursor).toEqual(expect.any(String));
      const second = await search('', { limit: 2, cursor: first.next_cursor as string });
      expect(second.rows.map((row) => row.view_id)).toEqual(['v1']);
      expect(second.next_cursor).toBeNull();
    });

    it('pages through another sort order too', async () => {
      const sort = { field: 'loading_time', order: 'asc' } as const;
      const first = await search('', { sort, limit: 2 });
      expect(first.rows.map((row) => row.view_id)).toEqual(['v1', 'v2']);
      const second = await search('', { sort, limit: 2, cursor: first.next_cursor as string });
      expect(second.rows.map((row) => row.view_id)).toEqual(['v3']);
      expect(second.next_cursor).toBeNull();
    });

    it('shows only the latest version of a re-sent view', async () => {
      const [again] = shopTraffic();
      await current().ingest(appId, [
        { ...(again as Point), fields: { ...again?.fields, time_spent: 90e9 } },
      ]);
      const { rows } = await search('');
      expect(rows.map((row) => row.view_id)).toEqual(['v3', 'v2', 'v1']);
      expect(rows[2]?.time_spent).toBe(90e9);
      expect((await backend.getSession({ session_id: 's1' })).session.session_view_count).toBe(2);
    });
  });

  describe('the fine print of the search', () => {
    it('reads custom context as text, and as a number when compared', async () => {
      expect(await viewIds('seats:12')).toEqual(['v2']);
      expect(await viewIds('seats:3')).toEqual(['v3']);
      expect(await viewIds('seats:>5')).toEqual(['v2']);
      expect(await viewIds('seats:[1 TO 5]')).toEqual(['v3']);
      const seats = await backend.facet({ category: 'view', ...RANGE, field: 'seats' });
      expect(seats.values).toEqual([
        { value: '12', count: 1 },
        { value: '3', count: 1 },
      ]);
    });

    it('matches numbers by wildcard as text, and booleans by true or false', async () => {
      expect(await viewIds('loading_time:8*')).toEqual(['v1']);
      expect(await viewIds('is_active:true')).toEqual(['v1']);
      expect(await viewIds('-is_active:true')).toEqual(['v3', 'v2']);
    });

    it('sorts records without the field last, newest first among themselves', async () => {
      const sort = { field: 'plan', order: 'desc' } as const;
      expect(await viewIds('', { sort })).toEqual(['v1', 'v3', 'v2']);
    });

    it('groups records without the field: a null group, and "other" in a stack', async () => {
      const groups = await backend.analysis({ category: 'view', ...RANGE, group_by: ['plan'] });
      expect(groups.series).toEqual([
        { group: { plan: null }, value: 2 },
        { group: { plan: 'pro' }, value: 1 },
      ]);
      const stacked = await backend.histogram({
        category: 'view',
        ...RANGE,
        buckets: 1,
        group_by: 'plan',
      });
      expect(stacked.groups).toEqual(['pro', 'other']);
      expect(stacked.buckets).toEqual([
        { time: RANGE.from, count: 3, by_group: { pro: 1, other: 2 } },
      ]);
    });
  });

  describe('refusing bad questions', () => {
    it('answers a search that does not parse with 400 and where it went wrong', async () => {
      const error = await failure(search('browser:(Chrome OR'));
      expect(error.status).toBe(400);
      expect(error.code).toMatch(/^search\./);
      expect((error.details as { position: number }).position).toBeGreaterThanOrEqual(8);
    });

    it('answers an unknown field in a search with 400 pointing at the field', async () => {
      const error = await failure(search('browser:Chrome nosuchfield:1'));
      expect(error).toMatchObject({
        status: 400,
        code: 'search.unknown_field',
        details: { position: 15 },
      });
    });

    it('answers 400 for an unknown column, a foreign cursor and a backwards range', async () => {
      expect(await failure(search('', { columns: ['nope'] }))).toMatchObject({
        status: 400,
        code: 'field.unknown',
      });
      expect(await failure(search('', { cursor: 'garbage' }))).toMatchObject({
        status: 400,
        code: 'request.invalid',
      });
      const backwards = await failure(search('', { from: T, to: T - 1 }));
      expect(backwards).toMatchObject({ status: 400, code: 'request.invalid' });
      expect(backwards.message).toContain('from must be before to');
    });

    it('answers 400 when a measured field holds no numbers', async () => {
      const error = await failure(
        backend.analysis({
          category: 'view',
          ...RANGE,
          group_by: ['browser'],
          aggregate: 'avg',
          field: 'browser',
        }),
      );
      expect(error).toMatchObject({ status: 400, code: 'field.not_numeric' });
    });
  });

  describe('facets', () => {
    it('counts the values of a field, most frequent first', async () => {
      const result = await backend.facet({ category: 'view', ...RANGE, field: 'browser' });
      expect(facetResult.parse(result)).toEqual(result);
      expect(result).toEqual({
        field: 'browser',
        values: [
          { value: 'Firefox', count: 2 },
          { value: 'Chrome', count: 1 },
        ],
        total: 3,
        min: null,
        max: null,
      });
    });

    it('counts under the search, filters values by text and gives a numeric range', async () => {
      const cart = await backend.facet({
        category: 'view',
        ...RANGE,
        field: 'browser',
        query: 'view_path:/cart',
      });
      expect(cart.values).toEqual([{ value: 'Firefox', count: 1 }]);
      const fire = await backend.facet({
        category: 'view',
        ...RANGE,
        field: 'browser',
        search: 'fire',
      });
      expect(fire.values).toEqual([{ value: 'Firefox', count: 2 }]);
      const loading = await backend.facet({
        category: 'view',
        ...RANGE,
        field: 'loading_time',
        limit: 2,
      });
      expect(loading).toMatchObject({ total: 3, min: 800 * MS, max: 2500 * MS });
      expect(loading.values).toHaveLength(2);
    });
  });

  describe('histogram', () => {
    it('counts per round bucket from the range start, the buckets summing to the total', async () => {
      const result = await backend.histogram({ category: 'view', ...RANGE, buckets: 40 });
      expect(histogramResult.parse(result)).toEqual(result);
      expect(result.interval_ms).toBe(MIN);
      expect(result.buckets).toHaveLength(40);
      expect(result.buckets[0]?.time).toBe(RANGE.from);
      expect(result.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(3);
      expect(result.buckets.find((b) => b.time === T)?.count).toBe(1);
    });

    it('stacks by a field, largest stack first', async () => {
      const result = await backend.histogram({
        category: 'view',
        ...RANGE,
        buckets: 40,
        group_by: 'browser',
      });
      expect(result.groups).toEqual(['Firefox', 'Chrome']);
      expect(result.buckets.find((b) => b.time === T + 5 * MIN)).toEqual({
        time: T + 5 * MIN,
        count: 1,
        by_group: { Firefox: 1 },
      });
    });
  });

  describe('analysis', () => {
    it('gives a percentile per group as a top list, largest first', async () => {
      const result = await backend.analysis({
        category: 'view',
        ...RANGE,
        group_by: ['browser'],
        aggregate: 'p75',
        field: 'loading_time',
      });
      expect(analysisResult.parse(result)).toEqual(result);
      // Firefox: 1.5 s and 2.5 s → p75 2.25 s (linear interpolation); Chrome: 0.8 s.
      expect(result).toEqual({
        mode: 'toplist',
        interval_ms: null,
        series: [
          { group: { browser: 'Firefox' }, value: 2250 * MS },
          { group: { browser: 'Chrome' }, value: 800 * MS },
        ],
      });
    });

    it('counts per group over time, the points summing to the group', async () => {
      const result = await backend.analysis({
        category: 'view',
        ...RANGE,
        group_by: ['browser'],
        mode: 'timeseries',
        buckets: 40,
      });
      expect(result.interval_ms).toBe(MIN);
      expect(result.series.map((s) => [s.group, s.value])).toEqual([
        [{ browser: 'Firefox' }, 2],
        [{ browser: 'Chrome' }, 1],
      ]);
      for (const series of result.series) {
        expect(series.points).toHaveLength(40);
        expect(series.points?.reduce((sum, p) => sum + (p.value ?? 0), 0)).toBe(series.value);
      }
    });
  });

  describe('details', () => {
    it('gives a session with all its views and events in time order', async () => {
      const result = await backend.getSession({ session_id: 's1' });
      expect(sessionDetailSchema.parse(result)).toEqual(result);
      expect(result.session).toMatchObject({
        time: T,
        session_id: 's1',
        app_id: appId,
        session_view_count: 2,
        session_error_count: 3,
        session_action_count: 1,
        session_resource_count: 1,
        session_long_task_count: 1,
        session_first_view_id: 'v1',
        session_last_view_id: 'v2',
        time_spent: (2 * MIN + 30 * SECOND) * MS,
      });
      expect(result.events.map((e) => `${e.category}:${e.view_id}`)).toEqual([
        'view:v1',
        'long_task:v1',
        'error:v1',
        'error:v1',
        'view:v2',
        'action:v2',
        'resource:v2',
        'error:v2',
      ]);
      expect(result.truncated).toBe(false);
    });

    it("gives a view's waterfall: its resources, errors, actions and long tasks", async () => {
      const result = await backend.getView({ view_id: 'v2' });
      expect(viewDetailSchema.parse(result)).toEqual(result);
      expect(result.view.view_path).toBe('/cart');
      expect(result.resources.map((r) => r.resource_id)).toEqual(['r1']);
      expect(result.errors.map((r) => r.error_id)).toEqual(['e1']);
      expect(result.actions.map((r) => r.action_id)).toEqual(['a1']);
      expect(result.long_tasks).toEqual([]);
    });

    it('gives any event with its session, view and action', async () => {
      const result = await backend.getEvent({ category: 'error', id: 'e1' });
      expect(eventDetailSchema.parse(result)).toEqual(result);
      expect(result.event.error_message).toContain('failed with 503');
      expect(result.session?.session_id).toBe('s1');
      expect(result.view?.view_id).toBe('v2');
      expect(result.action?.action_name).toBe('Pay');
      const view = await backend.getEvent({ category: 'view', id: 'v3' });
      expect(view).toMatchObject({ view: null, action: null, session: { session_id: 's2' } });
    });

    it('looks only in the window asked', async () => {
      const before = { from: T - HOUR, to: T - MIN };
      expect((await failure(backend.getSession({ session_id: 's1', ...before }))).status).toBe(404);
      expect((await backend.getView({ view_id: 'v1', from: T, to: T + 1 })).view.view_id).toBe(
        'v1',
      );
    });

    it('answers 404 for unknown ids and 400 for a category the explorer does not list', async () => {
      expect(await failure(backend.getSession({ session_id: 'nope' }))).toMatchObject({
        status: 404,
        code: 'session.not_found',
      });
      expect(await failure(backend.getView({ view_id: 'nope' }))).toMatchObject({
        status: 404,
        code: 'view.not_found',
      });
      expect(await failure(backend.getEvent({ category: 'error', id: 'nope' }))).toMatchObject({
        status: 404,
        code: 'event.not_found',
      });
      const telemetry = backend.getEvent({ category: 'telemetry' as never, id: 'x' });
      expect((await failure(telemetry)).status).toBe(400);
    });
  });

  describe('session replay', () => {
    const upload = (...segments: ReplaySegmentUpload[]) =>
      Promise.all(segments.map((segment) => current().ingestReplay(appId, segment)));

    it('plays the segments in play order, their records merged, the views, actions and errors beside them', async () => {
      // Uploaded out of order, as two requests in flight may arrive.
      await upload(
        replaySegment('v2', T + 2 * MIN, 0),
        replaySegment('v1', T + 5 * SECOND, 1, { count: 3 }),
        replaySegment('v1', T, 0),
      );
      const replay = await backend.getSessionReplay({ session_id: 's1' });
      expect(sessionReplaySchema.parse(replay)).toEqual(replay);
      expect(replay.session_id).toBe('s1');
      expect(replay.segments).toEqual([
        {
          view_id: 'v1',
          start: T,
          end: T + SECOND,
          index_in_view: 0,
          records_count: 2,
          has_full_snapshot: true,
          creation_reason: 'init',
          source: 'browser',
          raw_segment_size: 2048,
        },
        expect.objectContaining({ view_id: 'v1', index_in_view: 1, start: T + 5 * SECOND }),
        expect.objectContaining({ view_id: 'v2', index_in_view: 0, start: T + 2 * MIN }),
      ]);
      expect(replay.records.map((r) => [r.type, r.timestamp - T])).toEqual([
        [2, 0],
        [3, SECOND],
        [3, 5 * SECOND],
        [3, 6 * SECOND],
        [3, 7 * SECOND],
        [2, 2 * MIN],
        [3, 2 * MIN + SECOND],
      ]);
      expect(replay.records[0]?.data).toEqual({ node: { type: 0, childNodes: [] } });
      expect(replay.events.map((e) => `${e.category}:${e.view_id}`)).toEqual([
        'view:v1',
        'error:v1',
        'error:v1',
        'view:v2',
        'action:v2',
        'error:v2',
      ]);
      expect(replay.session).toMatchObject({
        session_id: 's1',
        app_id: appId,
        session_has_replay: true,
      });
      expect(replay.session).toEqual({
        ...(await backend.getSession({ session_id: 's1' })).session,
        session_has_replay: true,
      });
    });

    it('keeps one copy of a segment sent again', async () => {
      await upload(replaySegment('v1', T, 0));
      await upload(replaySegment('v1', T, 0));
      const replay = await backend.getSessionReplay({ session_id: 's1' });
      expect(replay.segments).toHaveLength(1);
      expect(replay.records).toHaveLength(2);
    });

    it('answers an empty replay for a session without segments, and 404 for neither', async () => {
      await upload(replaySegment('v1', T, 0));
      const empty = await backend.getSessionReplay({ session_id: 's2' });
      expect(sessionReplaySchema.parse(empty)).toEqual(empty);
      expect(empty).toMatchObject({ session_id: 's2', segments: [], records: [] });
      expect(empty.session?.session_id).toBe('s2');
      expect(empty.events.map((e) => e.view_id)).toEqual(['v3']);
      expect(await failure(backend.getSessionReplay({ session_id: 'nope' }))).toMatchObject({
        status: 404,
        code: 'session.not_found',
      });
    });

    it('plays the segments of a session none of whose events came yet', async () => {
      await upload(replaySegment('v9', T + 10 * MIN, 0, { session: 's9' }));
      const replay = await backend.getSessionReplay({ session_id: 's9' });
      expect(sessionReplaySchema.parse(replay)).toEqual(replay);
      expect(replay).toMatchObject({ session_id: 's9', session: null, events: [] });
      expect(replay.records).toHaveLength(2);
    });

    it('looks only in the window asked', async () => {
      await upload(replaySegment('v9', T + 10 * MIN, 0, { session: 's9' }));
      const before = { from: T - HOUR, to: T + 10 * MIN };
      expect(
        await failure(backend.getSessionReplay({ session_id: 's9', ...before })),
      ).toMatchObject({ status: 404, code: 'session.not_found' });
      // A segment still playing at `from` is in.
      const during = { from: T + 10 * MIN + SECOND, to: T + HOUR };
      expect(
        (await backend.getSessionReplay({ session_id: 's9', ...during })).segments,
      ).toHaveLength(1);
      expect((await failure(backend.getSessionReplay({ session_id: 's9', from: -1 }))).status).toBe(
        400,
      );
    });
  });

  describe('error clusters', () => {
    it('groups messages that differ only in numbers, largest first', async () => {
      const result = await backend.errorClusters(RANGE);
      expect(errorClustersSchema.parse(result)).toEqual(result);
      expect(result.sampled).toBe(3);
      expect(result.clusters.map((c) => [c.pattern, c.count])).toEqual([
        ['Timeout after <n> ms', 2],
        ['POST <url> failed with <n>', 1],
      ]);
      expect(result.clusters[0]).toMatchObject({
        first_seen: T + SECOND,
        last_seen: T + 5 * SECOND,
        group: null,
        sample: { error_id: 'e3' },
      });
    });

    it('groups by chosen fields, under the search', async () => {
      const byField = await backend.errorClusters({ ...RANGE, fields: ['error_source'] });
      expect(byField.clusters.map((c) => [c.pattern, c.count, c.group])).toEqual([
        ['source', 2, { error_source: 'source' }],
        ['network', 1, { error_source: 'network' }],
      ]);
      expect(
        (await backend.errorClusters({ ...RANGE, query: 'error_source:network' })).sampled,
      ).toBe(1);
      expect(await failure(backend.errorClusters({ ...RANGE, fields: ['nope'] }))).toMatchObject({
        status: 400,
        code: 'field.unknown',
      });
    });
  });

  describe('usage', () => {
    it('counts PV, events and billed units per app and day', async () => {
      const from = new Date(T).toISOString().slice(0, 10);
      const to = new Date().toISOString().slice(0, 10);
      const report = await backend.getUsage({ from, to });
      expect(usageReportSchema.parse(report)).toEqual(report);
      expect(report).toMatchObject({ time_zone: 'UTC', retention_days: 14, currency: 'CNY' });
      const days = report.days.filter((day) => day.app_id === appId);
      const sum = (name: 'pv' | 'resource' | 'error' | 'action' | 'long_task') =>
        days.reduce((total, day) => total + day[name], 0);
      expect([sum('pv'), sum('resource'), sum('error'), sum('action'), sum('long_task')]).toEqual([
        3, 1, 3, 1, 1,
      ]);
      for (const day of days) {
        const others = day.resource + day.error + day.action + day.long_task;
        expect(day.billed_units).toBe(Math.max(day.pv, others / 100));
      }
      expect(await failure(backend.getUsage({ from: to, to: '2000-01-01' }))).toMatchObject({
        status: 400,
        code: 'request.invalid',
      });
    });
  });

  describe('workspace settings', () => {
    it('changes the retention and the time zone, and refuses a retention of 5 days', async () => {
      const changed = await backend.updateWorkspace({ retention_days: 7 });
      expect(workspaceSchema.parse(changed)).toEqual(changed);
      expect(changed.retention_days).toBe(7);
      expect((await backend.getWorkspace()).retention_days).toBe(7);
      const five = await failure(backend.updateWorkspace({ retention_days: 5 as never }));
      expect(five).toMatchObject({ status: 400, code: 'request.invalid' });
      expect((await backend.getWorkspace()).retention_days).toBe(7);
      expect((await backend.updateWorkspace({ time_zone: 'Asia/Shanghai' })).time_zone).toBe(
        'Asia/Shanghai',
      );
      expect((await failure(backend.updateWorkspace({ time_zone: 'Mars/Olympus' }))).status).toBe(
        400,
      );
      const today = new Date().toISOString().slice(0, 10);
      expect(await backend.getUsage({ from: today, to: today })).toMatchObject({
        time_zone: 'Asia/Shanghai',
        retention_days: 7,
      });
    });
  });

  describe('workspaces are apart', () => {
    it("finds nothing of another workspace's events", async (ctx) => {
      const other = current().otherWorkspace;
      if (!other) return ctx.skip();
      const { rows } = await other.searchEvents({ category: 'view', ...RANGE });
      expect(rows).toEqual([]);
      expect((await other.facet({ category: 'view', ...RANGE, field: 'browser' })).values).toEqual(
        [],
      );
      expect((await other.errorClusters(RANGE)).clusters).toEqual([]);
      expect((await failure(other.getSession({ session_id: 's1' }))).status).toBe(404);
      expect((await failure(other.getEvent({ category: 'error', id: 'e1' }))).status).toBe(404);
      await current().ingestReplay(appId, replaySegment('v1', T, 0));
      expect((await failure(other.getSessionReplay({ session_id: 's1' }))).status).toBe(404);
    });
  });
}
