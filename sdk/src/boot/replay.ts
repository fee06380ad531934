import type { RecorderModule, ReplayHost } from '../replay/types.js';
import { display, displayOnce } from '../tools/display.js';

export type ReplayLoader = () => Promise<RecorderModule>;

/**
 * The seam for session replay: the recorder is a separate chunk, loaded the first time
 * startSessionReplayRecording() is called, so the core bundle never contains it.
 */
export function createReplayControl(load: ReplayLoader | undefined) {
  let recording: { stop(): void } | undefined;
  let loading = false;
  return {
    start(host: ReplayHost) {
      if (!load) return displayOnce('warn', 'session replay is not part of this build');
      if (loading) return;
      loading = true;
      load().then(
        (module) => {
          recording = module.startRecording(host);
        },
        (error: unknown) => {
          loading = false;
          display('error', 'session replay could not be loaded', error);
        },
      );
    },
    stop() {
      recording?.stop();
      recording = undefined;
      loading = false;
    },
  };
}
