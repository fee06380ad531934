// The behaviour every RumBackend must have, written once and run against each implementation:
// createMemoryBackend (test/e2e/kit-memory-backend.test.ts) and createHttpBackend on the real
// reference server (test/e2e/kit-http-backend.test.ts). Test-only; nothing in a package imports
// it. It lives here rather than in packages/core/src because the e2e runs need it and may only
// reach a package through its published entries (see docs/decisions/020-component-kit.md).
import {
  ApiError,
  type App,
  appIdAvailability,
  app as appSchema,
  type RumBackend,
  workspace as workspaceSchema,
} from '@rumkit/core';
import { beforeEach, describe, expect, it } from 'vitest';

export interface ContractSubject {
  /** A backend for a workspace of its own, with no apps yet. */
  backend: RumBackend;
  /** A backend for another workspace on the same server, when the implementation has one. */
  otherWorkspace?: RumBackend;
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
    });
  });
}
