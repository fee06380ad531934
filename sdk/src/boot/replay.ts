import type { RecorderModule, Recording, ReplayHost, ReplayMode } from '../replay/types.js';
import { display, displayOnce } from '../tools/display.js';
import type { Configuration } from '../types.js';

export type ReplayLoader = () => Promise<RecorderModule>;

/**
 * A number in [0, 100) from the session id: its first 8 hex digits, or (`second`) its last 8,
 * random in every id (tools/id.ts `uuid`, as Guance's SDK makes them), so two independent
 * draws. The same id always gives the same draws: every tab, every reload.
 */
export const sessionDraw = (id: string, second?: 1): number =>
  (parseInt(second ? id.slice(-8) : id, 16) % 1e4) / 100;

/**
 * Whether a tracked session records its replay: the same answer in every tab and after a
 * reload, since it comes from the session id. A session drawn under sessionReplaySampleRate
 * records everything (1); of the others, those drawn (again) under
 * sessionReplayOnErrorSampleRate keep the last minute and send it from an error on (2).
 */
export const replayMode = (config: Configuration, sessionId: string): ReplayMode =>
  sessionDraw(sessionId) < config.sessionReplaySampleRate
    ? 1
    : sessionDraw(sessionId, 1) < config.sessionReplayOnErrorSampleRate
      ? 2
      : 0;

/**
 * The seam for session replay: the recorder is a separate chunk, loaded once
 * startSessionReplayRecording() was called and this tab has a session sampled for replay (the
 * session opens after the load event; a renewed session, which starts with a view, decides
 * again), so the core bundle never contains it and unsampled sessions never fetch it.
 */
export function createReplayControl(load: ReplayLoader | undefined) {
  let recording: Recording | undefined;
  let wanted = false;
  /** Once waiting for a sampled session: checks again; a no-op once loading. */
  let check: (() => void) | undefined;
  return {
    start(host: ReplayHost) {
      if (!load) return displayOnce('warn', 'session replay is not part of this build');
      if (wanted) return;
      wanted = true;
      if (recording) return recording.start();
      if (check) return check();
      const unsubscribe = host.lifeCycle.assembled.subscribe(
        (event) => event.type === 'view' && check?.(),
      );
      check = () => {
        if (!wanted || !host.context()?.mode) return;
        unsubscribe();
        check = () => {};
        load().then(
          (module) => {
            recording = module.startRecording(host);
            if (!wanted) recording.stop();
          },
          (error: unknown) => {
            check = undefined;
            wanted = false;
            display('error', 'session replay could not be loaded', error);
          },
        );
      };
      check();
    },
    stop() {
      wanted = false;
      recording?.stop();
    },
  };
}
