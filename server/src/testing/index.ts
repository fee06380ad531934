// @rumkit/server/testing: boots the real server (real DuckDB store in a temp directory, real
// HTTP on 127.0.0.1) for tests in this repository and integrators' own suites.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App, CreateAppInput } from '@rumkit/core/api';
import { encodeLines, type Point } from '@rumkit/core/protocol';
import type { Category } from '@rumkit/core/schema';
import { createApp } from '../app.js';
import { loadConfig, type ServerConfig } from '../config.js';
import { ensureDemoWorkspace } from '../demo-mode/demo.js';
import type { Logger } from '../http/errors.js';
import { openServices, type Services } from '../services/open.js';
import type { StoredRecord } from '../store/types.js';
import { postReplay, type ReplayUploadInput, type SegmentEncoding } from './replay.js';

export interface TestServer {
  origin: string;
  adminKey: string;
  /** A workspace made at start, and its API key. */
  workspaceId: string;
  workspaceKey: string;
  dataDir: string;
  services: Services;
  /** Registers an app in the workspace through the HTTP API. */
  registerApp(input: Partial<CreateAppInput> & { app_id: string }): Promise<App>;
  /** Stored records of a category in the workspace (all time unless a range is given). */
  records(
    category: Category,
    options?: {
      from?: number;
      to?: number;
      where?: Record<string, string | number | boolean>;
      limit?: number;
    },
  ): Promise<StoredRecord[]>;
  /** Sends points to `/v1/write/rum` as an SDK would (line protocol, ms). */
  ingest(points: Point[]): Promise<Response>;
  /** Uploads a replay segment to `/v1/write/rum/replay` as an SDK would (multipart, deflate). */
  uploadReplay(
    segment: ReplayUploadInput,
    options?: { encoding?: SegmentEncoding; headers?: Record<string, string>; query?: string },
  ): Promise<Response>;
  /** Makes another workspace with a key, to prove isolation. */
  otherWorkspace(name?: string): Promise<{ id: string; key: string }>;
  /** Calls the JSON API with the workspace key (or `key`). */
  api(method: string, route: string, body?: unknown, key?: string): Promise<Response>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

export interface TestServerOptions {
  /** Reuse a data directory (to test restarts); default a fresh temp dir. */
  dataDir?: string;
  env?: Record<string, string>;
  clock?: () => number;
  logger?: Logger;
  /**
   * Demo mode: the demo workspace, `/demo/config.json` and, when given, the console, shop and
   * SDK sites (no traffic is sent).
   */
  demo?: boolean | { consoleDir?: string; shopDir?: string; sdkDir?: string };
}

const quiet: Logger = { info: () => undefined, error: () => undefined };

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'rumkit-test-'));
  const config: ServerConfig = {
    ...loadConfig({ RUMKIT_INGEST_RATE: '0', ...options.env }, process.cwd()),
    dataDir,
    port: 0,
  };
  const logger = options.logger ?? quiet;
  const clock = options.clock ?? Date.now;
  const services = await openServices(config, logger, clock);
  const demo = options.demo
    ? {
        state: await ensureDemoWorkspace(services.registry, dataDir, clock()),
        ...(typeof options.demo === 'object' ? options.demo : {}),
      }
    : undefined;
  const app = createApp({ config, logger, services, clock, ...(demo ? { demo } : {}) });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const call = async (method: string, route: string, body: unknown, key: string) =>
    fetch(origin + route, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ok = async (response: Response) => {
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    return response.json();
  };

  const workspace = (await ok(
    await call('POST', '/api/v1/admin/workspaces', { name: 'Test' }, services.adminKey),
  )) as { id: string };
  const key = (await ok(
    await call(
      'POST',
      `/api/v1/admin/workspaces/${workspace.id}/keys`,
      { name: 'tests' },
      services.adminKey,
    ),
  )) as { secret: string };

  return {
    origin,
    adminKey: services.adminKey,
    workspaceId: workspace.id,
    workspaceKey: key.secret,
    dataDir,
    services,
    registerApp: async (input) =>
      (await ok(
        await call(
          'POST',
          '/api/v1/apps',
          { name: input.app_id, type: 'web', ...input },
          key.secret,
        ),
      )) as App,
    records: (category, range = {}) =>
      services.worker.store.list({
        category,
        workspaceId: workspace.id,
        from: range.from ?? 0,
        to: range.to ?? 8.64e15,
        ...(range.where ? { where: range.where } : {}),
        limit: range.limit ?? 10_000,
      }),
    api: (method, route, body, apiKey) => call(method, route, body, apiKey ?? key.secret),
    ingest: (points) =>
      fetch(`${origin}/v1/write/rum?precision=ms`, { method: 'POST', body: encodeLines(points) }),
    uploadReplay: (segment, uploadOptions) => postReplay(origin, segment, uploadOptions),
    async otherWorkspace(name = 'Other') {
      const ws = (await ok(
        await call('POST', '/api/v1/admin/workspaces', { name }, services.adminKey),
      )) as { id: string };
      const created = (await ok(
        await call(
          'POST',
          `/api/v1/admin/workspaces/${ws.id}/keys`,
          { name: 'tests' },
          services.adminKey,
        ),
      )) as { secret: string };
      return { id: ws.id, key: created.secret };
    },
    async close({ keepData = false } = {}) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await services.close();
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { type ChdbFront, startChdbFront } from './chdb-front.js';
export { postReplay, type ReplayUploadInput, replayForm, type SegmentEncoding } from './replay.js';
