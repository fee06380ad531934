import type { App, CreateAppInput } from '@rumkit/core/api';
import type { Category } from '@rumkit/core/schema';
import type { StoredRecord } from '@rumkit/server';
import { startTestServer, type TestServer } from '@rumkit/server/testing';
import { afterAll, beforeAll } from 'vitest';

export interface RumServer {
  /** The server's origin, e.g. http://127.0.0.1:41234: the SDK's datakitOrigin. */
  origin: string;
  adminKey: string;
  workspaceId: string;
  workspaceKey: string;
  /** Registers an app in the test workspace (type web unless given). */
  registerApp(appId: string, options?: Partial<CreateAppInput>): Promise<App>;
  /** Stored records of a category, optionally only those of one app, newest first. */
  events(
    category: Category,
    options?: { appId?: string; where?: Record<string, string | number | boolean> },
  ): Promise<StoredRecord[]>;
  sessions(options?: { appId?: string }): Promise<StoredRecord[]>;
  /** The underlying test server (services, data directory, API helper). */
  server: TestServer;
  close(): Promise<void>;
}

/** Boots the real rumkit server (real DuckDB in a temp dir, real HTTP on 127.0.0.1). */
export async function startRumServer(
  options: { env?: Record<string, string> } = {},
): Promise<RumServer> {
  const server = await startTestServer(options.env ? { env: options.env } : {});
  const events: RumServer['events'] = (category, { appId, where } = {}) =>
    server.records(category, { where: { ...where, ...(appId ? { app_id: appId } : {}) } });
  return {
    origin: server.origin,
    adminKey: server.adminKey,
    workspaceId: server.workspaceId,
    workspaceKey: server.workspaceKey,
    registerApp: (appId, rest = {}) => server.registerApp({ ...rest, app_id: appId }),
    events,
    sessions: (opts = {}) => events('session', opts),
    server,
    close: () => server.close(),
  };
}

/** One real server for a test file's tests, closed after them. */
export function rumServerForFile(options: { env?: Record<string, string> } = {}): () => RumServer {
  let running: RumServer | undefined;
  beforeAll(async () => {
    running = await startRumServer(options);
  }, 60_000);
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (running === undefined)
      throw new Error('the rum server is not running: use it inside a test');
    return running;
  };
}
