// Replays for the player's stories: the real rrweb recordings of test/fixtures/replay (made by
// scripts/record-fixture.ts), cut into segments as Guance's SDK uploads them (per view, at most
// 5 s each), and the session's views, actions and errors from the moments the recorded page
// noted, so the side list and the recording share one time axis.
import { type Point, type ReplayRecord, SEGMENT_MAX_DURATION_MS } from '@rumkit/core';
import { createMemoryBackend, type MemoryBackend } from '@rumkit/core/memory';
import checkout from '../../test/fixtures/replay/checkout.json';
import checkoutIdle from '../../test/fixtures/replay/checkout-idle.json';

interface Mark {
  kind: 'view' | 'action' | 'error';
  name: string;
  type?: string;
  time: number;
  path: string;
}
export interface ReplayFixture {
  about: string;
  origin: string;
  records: ReplayRecord[];
  marks: Mark[];
}

export const CHECKOUT = checkout as unknown as ReplayFixture;
/** The same visit with the person away 3 minutes, then 2. */
export const CHECKOUT_IDLE = checkoutIdle as unknown as ReplayFixture;

const APP = 'acme_web';
const common = {
  app_id: APP,
  env: 'production',
  browser: 'Chrome',
  os: 'Linux',
  userid: 'u-ada',
};

/** The session's views, actions and errors, from the marks of the recorded page. */
function sessionEvents(fixture: ReplayFixture, sessionId: string): Point[] {
  const tags = { ...common, session_id: sessionId };
  const views = fixture.marks.filter((mark) => mark.kind === 'view');
  const viewId = (mark: Mark) => {
    const view = [...views].reverse().find((v) => v.time <= mark.time) ?? views[0];
    return `${sessionId}-view-${views.indexOf(view as Mark)}`;
  };
  return fixture.marks.map((mark, index): Point => {
    const at = { ...tags, view_id: viewId(mark), view_path: mark.path };
    if (mark.kind === 'view') {
      const next = views[views.indexOf(mark) + 1];
      return {
        measurement: 'view',
        tags: {
          ...at,
          view_url: `${fixture.origin}${mark.path}`,
          view_path_group: mark.path,
          view_loading_type: index === 0 ? 'initial_load' : 'route_change',
        },
        fields: {
          session_has_replay: true,
          loading_time: (index === 0 ? 420 : 90) * 1e6,
          time_spent: ((next?.time ?? mark.time + 5_000) - mark.time) * 1e6,
        },
        time: mark.time,
      };
    }
    if (mark.kind === 'action') {
      return {
        measurement: 'action',
        tags: { ...at, action_id: `${sessionId}-action-${index}`, action_type: 'click' },
        fields: { action_name: mark.name, duration: 40e6, session_has_replay: true },
        time: mark.time,
      };
    }
    return {
      measurement: 'error',
      tags: {
        ...at,
        error_id: `${sessionId}-error-${index}`,
        error_type: mark.type ?? 'Error',
        error_source: 'source',
        error_handling: 'unhandled',
      },
      fields: { error_message: mark.name, session_has_replay: true },
      time: mark.time,
    };
  });
}

/** The recording as the SDK uploads it: a segment per view, cut every 5 s. */
function segments(fixture: ReplayFixture, sessionId: string) {
  const starts = fixture.marks.filter((mark) => mark.kind === 'view').map((mark) => mark.time);
  const viewOf = (time: number) => Math.max(0, starts.filter((start) => start <= time).length - 1);
  const out: { fields: Record<string, string>; records: ReplayRecord[] }[] = [];
  let current: ReplayRecord[] = [];
  let view = -1;
  let index = 0;
  const close = (reason: string) => {
    const first = current[0];
    const last = current[current.length - 1];
    if (!first || !last) return;
    out.push({
      fields: {
        app_id: APP,
        session_id: sessionId,
        view_id: `${sessionId}-view-${view}`,
        start: String(first.timestamp),
        end: String(last.timestamp),
        creation_reason: out.length === 0 ? 'init' : reason,
        records_count: String(current.length),
        has_full_snapshot: String(current.some((record) => record.type === 2)),
        index_in_view: String(index),
        source: 'browser',
        sdk_name: 'df_web_rum_sdk',
        sdk_version: '3.2.19',
      },
      records: current,
    });
    current = [];
  };
  for (const record of fixture.records) {
    const ofView = viewOf(record.timestamp);
    const first = current[0];
    if (ofView !== view) {
      close('view_change');
      view = ofView;
      index = 0;
    } else if (first && record.timestamp - first.timestamp > SEGMENT_MAX_DURATION_MS) {
      close('segment_duration_limit');
      index += 1;
    }
    current.push(record);
  }
  close('stop');
  return out;
}

/** A workspace holding the fixture's session (with its replay) and one session without one. */
export function replayBackend(fixture: ReplayFixture, sessionId: string): MemoryBackend {
  const end = fixture.records[fixture.records.length - 1]?.timestamp ?? 0;
  const plain: Point = {
    measurement: 'view',
    tags: { ...common, session_id: 'no-replay', view_id: 'no-replay-view', view_path: '/' },
    fields: { time_spent: 3e9 },
    time: end - 60_000,
  };
  return createMemoryBackend({
    now: () => end + 60_000,
    events: [...sessionEvents(fixture, sessionId), plain],
    replays: segments(fixture, sessionId),
  });
}

/** The first moment the page noted of a kind (an error, say), ms since the epoch. */
export function markTime(fixture: ReplayFixture, kind: Mark['kind']): number {
  return fixture.marks.find((mark) => mark.kind === kind)?.time ?? 0;
}
