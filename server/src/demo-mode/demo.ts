import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeLines } from '@rumkit/core/protocol';
import type { AppType } from '@rumkit/core/rules';
import { generateBatches, type TrafficApp, type TrafficBatch } from '../demo/index.js';
import type { Logger } from '../http/errors.js';
import type { RegistryStore } from '../meta/registry.js';
import { createApp as createAppRecord } from '../services/apps.js';
import { createApiKey, createWorkspace } from '../services/workspaces.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** The demo workspace: what the console is handed, and how far traffic has been sent. */
export interface DemoState {
  workspace_id: string;
  api_key: string;
  /** Traffic is in the store up to here (ms). */
  seeded_until: number;
}

export const DEMO_APPS: readonly (TrafficApp & { name: string; appType: AppType })[] = [
  {
    name: 'Shop web',
    appId: 'demo_shop_web',
    type: 'web',
    appType: 'web',
    host: 'shop.example.com',
    sessionsPerHour: 8,
  },
  {
    name: 'Shop Android',
    appId: 'demo_shop_android',
    type: 'android',
    appType: 'android',
    sessionsPerHour: 4,
  },
  {
    name: 'Shop mini-program',
    appId: 'demo_shop_miniapp',
    type: 'miniapp',
    appType: 'miniapp',
    sessionsPerHour: 3,
  },
];

/** The app the demo shop page reports to, so visitors find their own session. */
export const DEMO_SHOP_APP = 'demo_shop_web';

/** Creates the demo workspace, key and apps once; later starts reuse them. */
export async function ensureDemoWorkspace(
  registry: RegistryStore,
  dataDir: string,
  now: number,
): Promise<DemoState> {
  const file = path.join(dataDir, 'demo.json');
  if (existsSync(file)) {
    const state = JSON.parse(readFileSync(file, 'utf8')) as DemoState;
    if (registry.get().workspaces.some((w) => w.id === state.workspace_id)) return state;
  }
  const workspace = await createWorkspace(
    registry,
    { name: 'Demo workspace', retention_days: 14 },
    now,
  );
  const key = await createApiKey(registry, workspace.id, 'demo console', now);
  for (const app of DEMO_APPS) {
    if (registry.get().apps.some((a) => a.app_id === app.appId)) continue;
    await createAppRecord(
      registry,
      workspace.id,
      { name: app.name, app_id: app.appId, type: app.appType },
      now,
    );
  }
  const state: DemoState = {
    workspace_id: workspace.id,
    api_key: key.secret,
    seeded_until: now - 7 * DAY,
  };
  saveDemoState(dataDir, state);
  return state;
}

export function saveDemoState(dataDir: string, state: DemoState) {
  writeFileSync(path.join(dataDir, 'demo.json'), `${JSON.stringify(state, null, 2)}\n`, {
    mode: 0o600,
  });
}

export interface DemoTraffic {
  /** Resolves when the backfill up to start time is in. */
  backfilled: Promise<void>;
  stop(): void;
}

/**
 * Sends the demo traffic through the real ingest path (HTTP POST /v1/write/rum, as the SDKs
 * do): first the gap since the last start (a week on the first one), newest day first so
 * the last hours show at once, then a live trickle every few seconds.
 */
export function startDemoTraffic(options: {
  origin: string;
  dataDir: string;
  state: DemoState;
  clock: () => number;
  logger: Logger;
  trickleMs?: number;
  /** How much history the first start sends. Default a week. */
  backfillMs?: number;
}): DemoTraffic {
  const { origin, dataDir, state, clock, logger } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const post = async (batch: TrafficBatch) => {
    const response = await fetch(`${origin}/v1/write/rum?precision=ms`, {
      method: 'POST',
      body: encodeLines(batch.points, { precision: 'ms' }),
      headers: { 'x-forwarded-for': batch.clientIp },
    });
    if (!response.ok)
      throw new Error(`demo ingest answered ${response.status}: ${await response.text()}`);
  };
  // Many requests in flight, as many SDKs would send them: the server commits them together.
  const send = async (from: number, to: number, seed: number) => {
    const batches = generateBatches({ apps: DEMO_APPS, from, to, sessionsPerHour: 20, seed });
    const lane = async () => {
      for (let next = batches.next(); !next.done && !stopped; next = batches.next())
        await post(next.value);
    };
    await Promise.all(Array.from({ length: 16 }, lane));
  };

  const start = clock();
  const from = Math.max(state.seeded_until, start - (options.backfillMs ?? 7 * DAY));
  const backfilled = (async () => {
    const days: [number, number][] = [];
    for (let end = start; end > from; end -= DAY) days.push([Math.max(from, end - DAY), end]);
    for (const [dayFrom, dayTo] of days) {
      await send(dayFrom, dayTo, Math.floor(dayFrom / HOUR));
      if (stopped) return;
    }
    state.seeded_until = start;
    saveDemoState(dataDir, state);
  })();
  backfilled.then(
    () => {
      if (!stopped) logger.info('demo: a week of traffic is in; live traffic continues');
    },
    (error) => {
      if (!stopped) logger.error('demo: backfill failed', { error });
    },
  );

  // Live traffic: a day of sessions generated ahead and sent as their time comes, so the
  // sessions of the demo unfold in real time.
  let day = start;
  let live = generateBatches({
    apps: DEMO_APPS,
    from: day,
    to: day + DAY,
    sessionsPerHour: 20,
    seed: Math.floor(day / HOUR) + 7,
  });
  let next = live.next();
  const pump = async () => {
    const now = clock();
    while (!stopped) {
      if (next.done) {
        day += DAY;
        live = generateBatches({
          apps: DEMO_APPS,
          from: day,
          to: day + DAY,
          sessionsPerHour: 20,
          seed: Math.floor(day / HOUR) + 7,
        });
        next = live.next();
        continue;
      }
      if (next.value.sentAt > now) break;
      const batch = next.value;
      next = live.next();
      await post(batch);
    }
  };
  const trickle = () => {
    timer = setTimeout(() => {
      pump().then(
        () => {
          if (!stopped) trickle();
        },
        (error) => {
          logger.error('demo: live traffic failed', { error });
          if (!stopped) trickle();
        },
      );
    }, options.trickleMs ?? 2000);
    timer.unref();
  };
  trickle();

  return {
    backfilled,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
