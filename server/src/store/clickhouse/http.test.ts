// ClickHouse over HTTP, through the real @clickhouse/client, against chDB behind a front that
// speaks ClickHouse's HTTP interface (testing/chdb-front.ts): the conformance suite, and two
// real server processes sharing one ClickHouse. One file, because chDB binds one data
// directory per process.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeLines, type Point } from '@rumkit/core/protocol';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ChdbFront, startChdbFront } from '../../testing/chdb-front.js';
import { describeEventStore } from '../conformance.js';
import { quote } from './ddl.js';
import { openClickHouseStore } from './engine.js';
import { httpExecutor } from './executor.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const chdbBuilt =
  ['linux', 'darwin'].includes(process.platform) && ['x64', 'arm64'].includes(process.arch);
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-chdb-front-'));
let front: ChdbFront | undefined;
const frontUrl = () => (front as ChdbFront).url;

beforeAll(async () => {
  if (chdbBuilt) front = await startChdbFront({ dataDir: path.join(dir, 'clickhouse') });
});
afterAll(async () => {
  await front?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each conformance test starts from the one database emptied (cheaper than new tables). */
async function emptied(database: string): Promise<void> {
  const executor = httpExecutor(frontUrl());
  try {
    const tables = await executor.query<{ name: string }>(
      'SELECT name FROM system.tables WHERE database = {d:String}',
      { d: database },
    );
    for (const { name } of tables)
      await executor.command(`TRUNCATE TABLE ${quote(database)}.${quote(name)}`);
  } finally {
    await executor.close();
  }
}

describe.skipIf(!chdbBuilt)('over HTTP, through a front on chDB', () => {
  describeEventStore('ClickHouse (HTTP)', () => {
    let first = true;
    return {
      open: async () => {
        if (first) await emptied('conformance');
        first = false;
        return openClickHouseStore({ url: frontUrl(), database: 'conformance' });
      },
    };
  });
});

interface Process {
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

const ADMIN_KEY = 'rk_admin_stateless_test_key_0123456789';

/** `server/src/main.ts` as `npm start` runs it, on a free port. */
async function startServer(dataDir: string): Promise<Process> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'server/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        RUMKIT_PORT: '0',
        RUMKIT_HOST: '127.0.0.1',
        RUMKIT_DATA_DIR: dataDir,
        RUMKIT_ADMIN_KEY: ADMIN_KEY,
        RUMKIT_STORE: 'clickhouse',
        RUMKIT_CLICKHOUSE_URL: frontUrl(),
        RUMKIT_GEO: 'off',
        RUMKIT_INGEST_RATE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 50_000);
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return {
    origin,
    dataDir,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const T = Date.UTC(2026, 10, 20, 10);

describe.skipIf(!chdbBuilt)('two server processes on one ClickHouse', () => {
  const servers: Process[] = [];
  let key = '';
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  const call = async (server: Process, route: string, body: unknown, token = key) => {
    const response = await fetch(`${server.origin}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  };

  it('stores what either one receives exactly once, and both answer the same', async () => {
    // The registry (workspaces, keys, apps) is per process: the operator registers on one and
    // gives the others the same registry.json before they start (docs/scale-out.md).
    const a = await startServer(mkdtempSync(path.join(dir, 'a-')));
    servers.push(a);
    const workspace = await call(a, '/api/v1/admin/workspaces', { name: 'Shop' }, ADMIN_KEY);
    const created = await call(
      a,
      `/api/v1/admin/workspaces/${workspace.id}/keys`,
      { name: 'ops' },
      ADMIN_KEY,
    );
    key = created.secret as string;
    await call(a, '/api/v1/apps', { name: 'Shop', app_id: 'shop_web', type: 'web' });
    const bDir = mkdtempSync(path.join(dir, 'b-'));
    copyFileSync(path.join(a.dataDir, 'registry.json'), path.join(bDir, 'registry.json'));
    const b = await startServer(bDir);
    servers.push(b);

    // Sessions s0..s5 each get a view and two errors, alternating between the two servers,
    // and each session's view is re-sent (longer) to the other one.
    const points = (s: number, server: number): Point[] => [
      {
        measurement: 'view',
        tags: { app_id: 'shop_web', session_id: `s${s}`, view_id: `v${s}`, view_url: '/' },
        fields: { time_spent: (1 + server) * 1e9 },
        time: T + s * 1000,
      },
      ...(server === 0
        ? [1, 2].map((n) => ({
            measurement: 'error',
            tags: { app_id: 'shop_web', session_id: `s${s}`, view_id: `v${s}` },
            fields: { error_message: `boom ${s}.${n}` },
            time: T + s * 1000 + n,
          }))
        : []),
    ];
    const send = (server: Process, body: Point[]) =>
      fetch(`${server.origin}/v1/write/rum?precision=ms`, {
        method: 'POST',
        body: encodeLines(body),
      }).then((r) => expect(r.status).toBe(200));
    const sessions = [0, 1, 2, 3, 4, 5];
    await Promise.all(sessions.map((s) => send((s % 2 === 0 ? a : b) as Process, points(s, 0))));
    await Promise.all(sessions.map((s) => send((s % 2 === 0 ? b : a) as Process, points(s, 1))));

    const range = { from: T - 60_000, to: T + 60_000 };
    const ask = async (server: Process) => ({
      errors: await call(server, '/api/v1/events/search', {
        category: 'error',
        ...range,
        columns: ['error_message'],
        limit: 100,
      }),
      views: await call(server, '/api/v1/events/search', {
        category: 'view',
        ...range,
        columns: ['view_id', 'time_spent'],
        limit: 100,
      }),
      sessions: await call(server, '/api/v1/events/search', {
        category: 'session',
        ...range,
        columns: ['session_id', 'session_view_count', 'session_error_count'],
        limit: 100,
      }),
    });
    const [fromA, fromB] = await Promise.all([ask(a), ask(b)]);
    expect(fromB).toEqual(fromA);
    const messages = (fromA.errors.rows as { error_message: string }[])
      .map((r) => r.error_message)
      .sort();
    expect(messages).toEqual(sessions.flatMap((s) => [`boom ${s}.1`, `boom ${s}.2`]));
    // One record per view, the longer version, whichever server got it.
    expect(fromA.views.rows).toHaveLength(6);
    for (const view of fromA.views.rows as { time_spent: number }[])
      expect(view.time_spent).toBe(2e9);
    const counts = (fromA.sessions.rows as Record<string, unknown>[]).map((r) => [
      r.session_id,
      r.session_view_count,
      r.session_error_count,
    ]);
    expect(counts.sort()).toEqual(sessions.map((s) => [`s${s}`, 1, 2]));
  });
});
