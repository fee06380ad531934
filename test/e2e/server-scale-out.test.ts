// Two real rumkit server processes (server/src/main.ts, as `npm start` runs it) on one
// ClickHouse: chDB behind a front that speaks ClickHouse's HTTP interface, so the servers use
// the real @clickhouse/client over HTTP. Events sent to either are stored once and both answer
// the same (docs/scale-out.md).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeLines, type Point } from '@rumkit/core/protocol';
import { type ChdbFront, startChdbFront } from '@rumkit/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RumkitServer,
  registerApps,
  startRumkitServer,
} from '../../bench/support/processes.js';

// chDB has builds for Linux and macOS on x64 and arm64 only (scripts/ensure.mjs installs it).
const chdbBuilt =
  ['linux', 'darwin'].includes(process.platform) && ['x64', 'arm64'].includes(process.arch);
const T = Date.UTC(2026, 10, 20, 10);
const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-scale-out-'));
let front: ChdbFront | undefined;
const servers: RumkitServer[] = [];

beforeAll(async () => {
  if (chdbBuilt) front = await startChdbFront({ dataDir: path.join(dir, 'clickhouse') });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await front?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string, adminKey?: string) {
  const server = await startRumkitServer({
    dataDir,
    ...(adminKey ? { adminKey } : {}),
    env: {
      RUMKIT_STORE: 'clickhouse',
      RUMKIT_CLICKHOUSE_URL: (front as ChdbFront).url,
      RUMKIT_GEO: 'off',
      RUMKIT_INGEST_RATE: '0',
    },
  });
  servers.push(server);
  return server;
}

/** Session s: a view and two errors on the first send; its view again, longer, on the second. */
const points = (s: number, send: 0 | 1): Point[] => [
  {
    measurement: 'view',
    tags: { app_id: 'shop_web', session_id: `s${s}`, view_id: `v${s}`, view_url: '/' },
    fields: { time_spent: (1 + send) * 1e9 },
    time: T + s * 1000,
  },
  ...(send === 0
    ? [1, 2].map((n) => ({
        measurement: 'error',
        tags: { app_id: 'shop_web', session_id: `s${s}`, view_id: `v${s}` },
        fields: { error_message: `boom ${s}.${n}` },
        time: T + s * 1000 + n,
      }))
    : []),
];

describe.skipIf(!chdbBuilt)('two server processes on one ClickHouse', () => {
  it('stores what either one receives exactly once, and both answer the same', async () => {
    // The registry (workspaces, keys, apps) is per process: the operator registers on one and
    // gives the others the same registry.json and admin key before they start.
    const a = await start(mkdtempSync(path.join(dir, 'a-')));
    const { secret } = await registerApps(a, [{ app_id: 'shop_web', type: 'web' }]);
    const bDir = mkdtempSync(path.join(dir, 'b-'));
    copyFileSync(path.join(a.dataDir, 'registry.json'), path.join(bDir, 'registry.json'));
    const b = await start(bDir, a.adminKey);

    const send = async (server: RumkitServer, body: Point[]) => {
      const response = await fetch(`${server.origin}/v1/write/rum?precision=ms`, {
        method: 'POST',
        body: encodeLines(body),
      });
      expect(response.status).toBe(200);
    };
    // Each session's first send goes to one server, its view's re-send to the other.
    const sessions = [0, 1, 2, 3, 4, 5];
    await Promise.all(sessions.map((s) => send(s % 2 === 0 ? a : b, points(s, 0))));
    await Promise.all(sessions.map((s) => send(s % 2 === 0 ? b : a, points(s, 1))));

    const search = async (server: RumkitServer, category: string, columns: string[]) => {
      const response = await fetch(`${server.origin}/api/v1/events/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ category, from: T - 60_000, to: T + 60_000, columns, limit: 100 }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { rows: Record<string, unknown>[] }).rows;
    };
    const ask = async (server: RumkitServer) => ({
      errors: await search(server, 'error', ['error_message']),
      views: await search(server, 'view', ['view_id', 'time_spent']),
      sessions: await search(server, 'session', [
        'session_id',
        'session_view_count',
        'session_error_count',
      ]),
    });
    const [fromA, fromB] = await Promise.all([ask(a), ask(b)]);
    expect(fromB).toEqual(fromA);
    expect(fromA.errors.map((r) => r.error_message).sort()).toEqual(
      sessions.flatMap((s) => [`boom ${s}.1`, `boom ${s}.2`]),
    );
    // One record per page view, its longer version, whichever server got that one.
    expect(fromA.views.map((r) => r.time_spent)).toEqual(sessions.map(() => 2e9));
    expect(
      fromA.sessions.map((r) => [r.session_id, r.session_view_count, r.session_error_count]).sort(),
    ).toEqual(sessions.map((s) => [`s${s}`, 1, 2]));
    // All of it went through the front: the servers hold no events of their own.
    expect(front?.statements()).toBeGreaterThan(20);
  });
});
