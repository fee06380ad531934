// The session replay recorder, loaded on demand (a separate chunk: dist/chunks/recorder-*.mjs
// for the ESM build, dist/rumkit-replay.mjs next to the script-tag build). rrweb records the
// page; records go into segments of one view (segments.ts), each deflated and posted to
// `/v1/write/rum/replay` (upload.ts), with the privacy of spec §1.7 (privacy.ts) and a budget
// on the recorder's share of the main thread (budget.ts). What it needs from the core comes
// through the host (types.ts).
import { record } from '@rrweb/record';
import { BUDGET, type BudgetLimits, createBudget, mutationEntries, waitForCalm } from './budget.js';
import { createPrivacy } from './privacy.js';
import { type CreationReason, createSegmenter, type Segment } from './segments.js';
import type { Recording, ReplayHost, ReplayMode } from './types.js';
import { createUploader, encodeSegment } from './upload.js';

/** Names this chunk in the builds (the bundle test looks for it). */
export const RECORDER_MARKER = 'rumkit-replay-recorder';

/**
 * localStorage: the session whose error turned its error-mode recording into a full one, so
 * its other tabs (the `storage` event) and later pages record in full too.
 */
export const ERROR_KEY = '_gc_replay_error';
/** Error mode: a full snapshot starts each minute; the current and the previous one are held. */
export const CHECKOUT_MS = 60_000;
/** Error mode: JSON held at most (UTF-16 units); past it, what is held is dropped and counted. */
export const MAX_HELD_BYTES = 5e6;

/**
 * rrweb's sampling: mouse moves every 100 ms (sent in batches), scrolls every 150 ms, media
 * every 800 ms. Field values on each input, not only at `change` (rrweb's `input: 'last'`):
 * `change` comes at blur, so the value of the field a visitor leaves the page from would never
 * be recorded; each is a small record at typing pace (and masked: privacy.ts).
 */
export const SAMPLING = { mousemove: 100, scroll: 150, media: 800, input: 'all' } as const;

export interface RecorderOptions {
  /** rrweb's record (tests). */
  record?: typeof record;
  budget?: BudgetLimits;
}

/** A record as rrweb emits it (rrweb's eventWithTime), as far as the recorder reads it. */
interface Recorded {
  type: number;
  timestamp: number;
  data: unknown;
}

type Wrap = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void;

const storage = (write?: string): string | null | undefined => {
  try {
    if (write === undefined) return localStorage.getItem(ERROR_KEY);
    localStorage.setItem(ERROR_KEY, write);
  } catch {
    // No storage: the error mode ends with this page.
  }
};

export function startRecording(host: ReplayHost, options: RecorderOptions = {}): Recording {
  const rrweb = options.record || record;
  const limits = options.budget || BUDGET;
  const { config, lifeCycle } = host;
  const wrap = host.monitor as Wrap;
  const schedule = (fn: () => void, ms: number) => setTimeout(wrap(fn), ms);
  const privacy = createPrivacy(config.defaultPrivacyLevel, config.shouldMaskNode);
  const uploader = createUploader({
    url: `${config.origin}/v1/write/rum/replay?precision=ms`,
    fetch: host.fetch,
    sendBeacon: host.sendBeacon,
    drops: host.drops,
    schedule,
    // Segments close past 60,000 bytes deflated: the next holds as much JSON as that makes.
    onDeflated: (ratio) => segments.expectRatio(ratio),
  });
  const spend = createBudget(limits);
  const getNode = (id: number) => rrweb.mirror.getNode(id);

  let wanted = true;
  let mode: ReplayMode = 0;
  /** The session and view recorded; no session while not recording. */
  let sessionId: string | undefined;
  let viewId = '';
  let stopRrweb: (() => void) | undefined;
  /** Over budget: records are dropped until rrweb is stopped; then waiting for calm. */
  let paused = false;
  let stopWaiting: (() => void) | undefined;
  /** Error mode: the closed segments held, and where the previous checkout's start among them (-1: none whole). */
  let held: Segment[] = [];
  let mark = 0;

  /** Records everything (1) is when segments go out: the session's events say so. */
  const setMode = (next: ReplayMode) => {
    mode = next;
    host.recording(next === 1);
  };
  const upload = (segment: Segment, exit = false) =>
    uploader.send(encodeSegment(segment, config), exit);
  const segments = createSegmenter((segment, exit) => {
    if (mode !== 2) return upload(segment, exit);
    held.push(segment);
    if (held.reduce((sum, other) => sum + other.bytes, 0) <= MAX_HELD_BYTES) return;
    // Too much for a minute: drop it all and start again from a full snapshot.
    host.drops.count('replay_buffer_full', held.length);
    held = [];
    mark = -1;
    schedule(() => mode === 2 && stopRrweb && rrweb.takeFullSnapshot(true), 0);
  }, schedule);

  /** Error mode, a new minute: keep the segments since the previous checkout. */
  const checkout = () => {
    segments.flush('buffer_checkout');
    held = mark < 0 ? [] : held.slice(mark);
    mark = held.length;
  };

  const emit = (event: Recorded, isCheckout?: boolean) => {
    if (paused || !mode) return;
    const started = performance.now();
    if (isCheckout && event.type === 4 && mode === 2) checkout();
    privacy.scrub(event, getNode);
    segments.add(JSON.stringify(event), event.timestamp, event.type);
    // A full snapshot is a one-off (a view, a resume): the budget is for what keeps coming.
    if (event.type !== 2 && spend(mutationEntries(event), performance.now() - started)) pause();
  };

  const stopRecorder = () => {
    stopRrweb?.();
    stopRrweb = undefined;
  };
  const begin = () => {
    paused = false;
    stopRrweb =
      rrweb({
        emit: wrap(emit),
        ...privacy.options,
        slimDOMOptions: 'all',
        sampling: SAMPLING,
        recordCanvas: false,
        collectFonts: false,
        inlineImages: false,
        checkoutEveryNms: mode === 2 ? CHECKOUT_MS : undefined,
        errorHandler: (error: unknown) => {
          wrap(() => {
            throw error;
          })();
          return true;
        },
      }) || undefined;
    // Over budget already during the first snapshot's task.
    if (paused) stopRecorder();
  };
  /** Mutation storm: stop rrweb, and start it again (a fresh full snapshot) once the page is calm. */
  const pause = () => {
    paused = true;
    const timestamp = Date.now();
    segments.add(
      JSON.stringify({
        type: 5,
        timestamp,
        data: { tag: 'recording_paused', payload: { reason: 'mutation_budget' } },
      }),
      timestamp,
      5,
    );
    // rrweb is inside its own callback: stopped right after (unless started anew meanwhile).
    schedule(() => paused && stopRecorder(), 0);
    stopWaiting = waitForCalm(
      limits,
      () => {
        stopWaiting = undefined;
        if (mode) begin();
      },
      wrap,
    );
  };

  /** Sends what is recorded (held error-mode records are dropped) and stops. */
  const end = (reason: CreationReason) => {
    segments.flush(reason);
    stopRecorder();
    stopWaiting?.();
    stopWaiting = undefined;
    held = [];
    mark = 0;
    setMode(0);
    sessionId = undefined;
  };

  /** Follows the session and view: a new view, a renewed or expired session, start and stop. */
  const sync = () => {
    const context = wanted ? host.context() : undefined;
    if (sessionId && context?.sessionId !== sessionId) end('init');
    if (!context?.mode) return;
    if (!sessionId) {
      sessionId = context.sessionId;
      viewId = context.viewId;
      setMode(context.mode === 2 && storage() === sessionId ? 1 : context.mode);
      segments.setView(sessionId, viewId);
      begin();
    } else if (context.viewId !== viewId) {
      viewId = context.viewId;
      segments.flush('view_change');
      segments.setView(sessionId, viewId);
      // Each view's segments start with a full snapshot, of the new view: rrweb stops now,
      // while the old view's DOM is still there (a snapshot now would serialise that DOM, and
      // its replacement would follow as mutations), and starts again once the route has
      // rendered, with its snapshot then.
      if (stopRrweb && !paused) {
        stopRecorder();
        schedule(() => mode && !stopRrweb && !paused && begin(), 0);
      }
    }
  };

  /** Error mode, an error: send the last minute, then record everything (every tab, from now on). */
  const onError = () => {
    if (mode !== 2 || !sessionId) return;
    segments.flush('buffer_checkout');
    setMode(1);
    storage(sessionId);
    if (mark >= 0)
      for (const segment of held) upload({ ...segment, creationReason: 'buffer_checkout' });
    held = [];
    mark = 0;
    // Without the minute checkouts from now on; it starts with a full snapshot.
    if (stopRrweb) {
      stopRecorder();
      begin();
    }
  };

  lifeCycle.raw.subscribe((event) => {
    if (event.type === 'error') onError();
    // A view started or updated, or ended with its session (not a view ending at a route change).
    else if (event.type === 'view' && (event.data.isActive || event.data.sessionIsActive === false))
      sync();
  });
  lifeCycle.pageExit.subscribe(({ unload }) => {
    segments.flush(unload ? 'before_unload' : 'visibility_hidden', unload);
    if (unload) uploader.exit();
  });
  // A frozen page (Page Lifecycle: a background tab the browser suspends) may be discarded
  // without another event: what it holds goes now.
  document.addEventListener(
    'freeze',
    wrap(() => segments.flush('page_frozen')),
  );
  addEventListener(
    'storage',
    wrap((event: StorageEvent) => {
      if (event.key === ERROR_KEY && event.newValue === sessionId) onError();
    }),
  );
  sync();

  return {
    start() {
      wanted = true;
      sync();
    },
    stop() {
      wanted = false;
      end('stop');
    },
  };
}
