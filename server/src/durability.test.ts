import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeLines, type Point } from '@rumkit/core/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer } from './testing/index.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN = 'rk_admin_durability_test_key';
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `main.ts` as operators do, in its own process, and waits for it to listen. */
async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      RUMKIT_PORT: '0',
      RUMKIT_DATA_DIR: dataDir,
      RUMKIT_ADMIN_KEY: ADMIN,
      RUMKIT_INGEST_RATE: '0',
      RUMKIT_GEO: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (data) => {
      out += data;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (data) => {
      out += data;
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { child, origin };
}

describe('durability', () => {
  it('keeps every acknowledged event when the server is killed with SIGKILL right after', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'rumkit-kill-'));
    dirs.push(dataDir);
    const { child, origin } = await spawnServer(dataDir);
    const api = (route: string, body: unknown, key = ADMIN) =>
      fetch(origin + route, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ id: string; secret: string }>);
    const workspace = await api('/api/v1/admin/workspaces', { name: 'durable' });
    const key = await api(`/api/v1/admin/workspaces/${workspace.id}/keys`, { name: 'k' });
    await api('/api/v1/apps', { name: 'd', app_id: 'durable_app', type: 'web' }, key.secret);

    // Many concurrent requests (so commits are grouped), then a kill while more are in flight.
    const acked: string[] = [];
    const send = async (i: number) => {
      const points: Point[] = Array.from({ length: 50 }, (_, j) => ({
        measurement: 'action',
        tags: { app_id: 'durable_app', session_id: `s${i % 7}`, action_id: `a${i}-${j}` },
        fields: { action_name: `click ${i}-${j}` },
        time: Date.UTC(2026, 10, 20) + i * 50 + j,
      }));
      const response = await fetch(`${origin}/v1/write/rum?precision=ms`, {
        method: 'POST',
        body: encodeLines(points),
      }).catch(() => undefined);
      if (response?.status === 200) acked.push(...points.map((p) => p.tags.action_id as string));
    };
    await Promise.all(Array.from({ length: 60 }, (_, i) => send(i)));
    const inFlight = Promise.all(Array.from({ length: 60 }, (_, i) => send(60 + i)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    child.kill('SIGKILL');
    await inFlight;
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect(acked.length).toBeGreaterThanOrEqual(60 * 50);

    // Restart on the same data: the registry and every acknowledged event are there.
    const restarted = await startTestServer({
      dataDir,
      env: { RUMKIT_ADMIN_KEY: ADMIN, RUMKIT_GEO: 'off' },
    });
    try {
      const stored = await restarted.services.worker.store.list({
        category: 'action',
        workspaceId: workspace.id,
        from: 0,
        to: 8.64e15,
        limit: 10_000,
      });
      const ids = new Set(stored.map((r) => r.custom.action_id ?? r.action_id));
      const missing = acked.filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      const app = restarted.services.registry.get().apps.find((a) => a.app_id === 'durable_app');
      expect(app?.workspace_id).toBe(workspace.id);
    } finally {
      await restarted.close({ keepData: true });
    }
  }, 90_000);
});
