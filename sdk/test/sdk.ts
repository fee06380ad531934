// The whole SDK in happy-dom: the public API over the real startRum, with a stand-in intake
// behind a stubbed fetch and sendBeacon. For the tests that show what each option does.
import { decodeLines, type Point } from '@rumkit/core/protocol';
import { vi } from 'vitest';
import { makePublicApi } from '../src/boot/publicApi.js';
import { type Rum, startRum } from '../src/boot/startRum.js';
import { createDrops } from '../src/transport/drops.js';
import type { InitOptions } from '../src/types.js';
import { ORIGIN } from './helpers.js';
import { readUpload, type Upload } from './replay.js';
import { schemaProblems } from './schema.js';

export interface IntakeCall {
  url: string;
  body: string;
  beacon: boolean;
}

export interface AppCall {
  url: string;
  headers: Headers;
}

export function clearStorage(): void {
  for (const name of ['_gc_s', '_gc_usr_id', '_gc_test']) {
    // biome-ignore lint/suspicious/noDocumentCookie: clearing the SDK's cookies between tests
    document.cookie = `${name}=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/`;
  }
  localStorage.clear();
}

/** Starts the SDK with `options` (applicationId and datakitOrigin filled in). */
export function startSdk(
  options: Partial<InitOptions> = {},
  setup: {
    envVariables?: Record<string, unknown>;
    random?: () => number;
    appStatus?: number;
    hold?: RegExp;
  } = {},
) {
  const intake: IntakeCall[] = [];
  const app: AppCall[] = [];
  /** Session replay segments, read back as the server would. */
  const replay: Promise<Upload>[] = [];
  let rum: Rum | undefined;
  const held: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.startsWith(`${ORIGIN}/v1/write/rum/replay`)) {
        replay.push(readUpload(url, init, false));
        return new Response('{}', { status: 202 });
      }
      if (url.startsWith(`${ORIGIN}/v1/write/rum`)) {
        const body = init.body;
        const text =
          typeof body === 'string'
            ? body
            : await new Response(
                new Blob([body as BlobPart])
                  .stream()
                  .pipeThrough(new DecompressionStream('deflate')),
              ).text();
        intake.push({ url, beacon: false, body: text });
        return new Response('{}');
      }
      if (url.startsWith(`${ORIGIN}/v1/env_variable`))
        return Response.json({ content: setup.envVariables ?? {} });
      app.push({ url, headers: new Headers(init.headers) });
      if (setup.hold?.test(url)) await new Promise<void>((resolve) => held.push(resolve));
      return new Response('{"ok":true}', { status: setup.appStatus ?? 200 });
    }),
  );
  vi.spyOn(navigator, 'sendBeacon').mockImplementation((url, body) => {
    if (String(url).startsWith(`${ORIGIN}/v1/write/rum/replay`))
      replay.push(readUpload(String(url), { body }, true));
    else intake.push({ url: String(url), body: String(body), beacon: true });
    return true;
  });
  const api = makePublicApi({
    drops: createDrops(),
    loadReplay: () => import('../src/replay/recorder.js'),
    loadRemoteConfiguration: () => import('../src/boot/remoteConfiguration.js'),
    start: (...args) => {
      rum = startRum(...args);
      return rum;
    },
    startOptions: { random: setup.random, startVitals: () => {} },
  });
  api.init({ applicationId: 'test_app', datakitOrigin: ORIGIN, ...options } as InitOptions);

  return {
    api,
    intake,
    app,
    /** Replay uploads so far (compression is asynchronous: wait for the count first). */
    replay: () => Promise.all(replay),
    replayCount: () => replay.length,
    started: () => rum !== undefined,
    /** Answers the app requests held by `setup.hold`. */
    release: () => {
      for (const resolve of held.splice(0)) resolve();
    },
    /** Hides the page: everything waiting goes out through sendBeacon. */
    flush() {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      Reflect.deleteProperty(document, 'visibilityState');
    },
    /** Every point received, each checked against the schema. */
    points(): Point[] {
      return intake
        .flatMap((call) => decodeLines(call.body, { precision: 'ms' }))
        .map((point) => {
          const problems = schemaProblems(point);
          if (problems.length > 0) throw new Error(`${point.measurement}: ${problems.join('; ')}`);
          return point;
        });
    },
    stop() {
      api.stopSessionReplayRecording();
      rum?.stop();
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    },
  };
}
