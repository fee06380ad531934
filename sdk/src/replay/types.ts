// What the core gives the replay recorder, and what the recorder chunk exports. Types only: the
// core bundle imports no replay code, and the recorder imports no stateful core module (the
// script-tag build loads it as a separate file, which would get copies of them).
import type { LifeCycle } from '../lifeCycle.js';
import type { monitor } from '../tools/monitor.js';
import type { Drops } from '../transport/drops.js';
import type { Configuration } from '../types.js';

/**
 * How a session records: 0 not at all, 1 everything, 2 the last minute, sent from an error on
 * (sessionReplayOnErrorSampleRate). Drawn from the session id: the same in every tab.
 */
export type ReplayMode = 0 | 1 | 2;

/** The session and view being recorded. */
export interface ReplayContext {
  sessionId: string;
  viewId: string;
  mode: ReplayMode;
}

export interface ReplayHost {
  /** applicationId, origin, env, service, version, defaultPrivacyLevel, shouldMaskNode. */
  config: Configuration;
  /**
   * The tracked session and its current view now, without opening the session early;
   * undefined while none is open (before the load event, after it expired, not tracked).
   */
  context(): ReplayContext | undefined;
  /** Whether segments are being sent: events say `session_has_replay` while they are. */
  recording(on: boolean): void;
  /** raw: view starts and updates, errors (error mode); pageExit. */
  lifeCycle: LifeCycle;
  drops: Drops;
  /** The core's monitor: the recorder's callbacks report to the same telemetry. */
  monitor: typeof monitor;
  /** The page's fetch before the SDK wrapped it. */
  fetch: typeof fetch;
  sendBeacon(url: string, body: BodyInit): boolean;
}

export interface Recording {
  /** Starts again after stop(); the first segment then says `stop`. */
  start(): void;
  /** Sends what it holds and stops recording. */
  stop(): void;
}

export interface RecorderModule {
  startRecording(host: ReplayHost): Recording;
}
