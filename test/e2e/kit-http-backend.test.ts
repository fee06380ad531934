import {
  createHttpBackend,
  encodeLines,
  type Point,
  type RumBackend,
  workspaceRoutes,
} from '@rumkit/core';
import { postReplay } from '@rumkit/server/testing';
import {
  describeBackendContract,
  forApp,
  type ReplaySegmentUpload,
  replayForApp,
} from '../mocks/backend-contract.js';
import { rumServerForFile } from './support/rum-server.js';

// createHttpBackend against the real reference server (real HTTP, real store): the same
// contract the in-memory backend keeps (kit-memory-backend.test.ts). Each test gets two fresh
// workspaces of its own, made through the admin API, so tests cannot see each other's apps.
const rum = rumServerForFile({ env: { RUMKIT_GEO: 'off' } });

async function admin<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(rum().origin + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${rum().adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

let workspaces = 0;
async function freshWorkspaceBackend(): Promise<RumBackend> {
  const workspace = await admin<{ id: string }>(workspaceRoutes.createWorkspace.path, {
    name: `Contract ${++workspaces}`,
  });
  const key = await admin<{ secret: string }>(
    workspaceRoutes.createApiKey.path.replace('{workspaceId}', workspace.id),
    { name: 'contract' },
  );
  return createHttpBackend({ baseUrl: rum().origin, apiKey: key.secret });
}

/** Posts points to DataKit's RUM intake as an SDK does; every point must be accepted. */
async function ingest(appId: string, points: readonly Point[]): Promise<void> {
  const response = await fetch(`${rum().origin}/v1/write/rum?precision=ms`, {
    method: 'POST',
    body: encodeLines(forApp(appId, points)),
  });
  const answer = await response.text();
  // DataKit answers a fully accepted batch with 200 and `{}`.
  if (response.status !== 200 || answer !== '{}')
    throw new Error(`ingest: ${response.status} ${answer}`);
}

/** Uploads a replay segment to DataKit's replay intake as an SDK does (multipart, deflate). */
async function ingestReplay(appId: string, segment: ReplaySegmentUpload): Promise<void> {
  const response = await postReplay(rum().origin, replayForApp(appId, segment));
  const answer = await response.text();
  if (response.status !== 200 || answer !== '{}')
    throw new Error(`ingestReplay: ${response.status} ${answer}`);
}

describeBackendContract('createHttpBackend on the reference server', async () => ({
  backend: await freshWorkspaceBackend(),
  otherWorkspace: await freshWorkspaceBackend(),
  ingest,
  ingestReplay,
}));
