// The session replay recorder, loaded on demand (a separate chunk: dist/chunks/recorder-*.mjs
// for the ESM build, dist/rumkit-replay.mjs next to the script-tag build). Recording itself
// (rrweb, segments to /v1/write/rum/replay) is the replay issue's work; this stub marks the seam.
// It imports nothing from the core, so bundling it inline (no code splitting) adds no wrappers.
import type { ReplayHost } from './types.js';

export const RECORDER_MARKER = 'rumkit-replay-recorder';

export function startRecording(_host: ReplayHost): { stop(): void } {
  console.info(`[rumkit] session replay recording is not available yet (${RECORDER_MARKER})`);
  return { stop() {} };
}
