// A long replay for the player bench: a real rrweb recording of the test shop (its Meta and
// FullSnapshot, taken in Chromium with @rrweb/record), followed by as many minutes as asked of
// incremental records aimed at the snapshot's own nodes (mouse moves, clicks, scrolls, inputs
// and text changes), with idle gaps the player's "skip inactivity" jumps over. Cut into 5 s
// segments with the metadata Guance's SDK uploads.
import type { Browser } from 'playwright-core';
import type { ReplayRecord } from '../../packages/core/src/replay/index.ts';
import { RRWEB_RECORD_SCRIPT } from '../../test/e2e/support/rrweb.ts';

/** rrweb's event and incremental source numbers (rrweb's EventType and IncrementalSource). */
const INCREMENTAL = 3;
const Source = { Mutation: 0, MouseMove: 1, MouseInteraction: 2, Scroll: 3, Input: 5 } as const;

/** Records a page with rrweb for `act`, in real Chromium. */
export async function recordPage(
  browser: Browser,
  url: string,
  act: (page: import('playwright-core').Page) => Promise<void>,
): Promise<ReplayRecord[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(RRWEB_RECORD_SCRIPT);
  // A string, not a function: tsx would wrap a function's inner closures in its __name helper,
  // which the page does not have.
  await page.addInitScript(`window.__records = [];
    document.addEventListener('DOMContentLoaded', () =>
      window.rrwebRecord.record({ emit: (event) => window.__records.push(event) }));`);
  await page.goto(url);
  await act(page);
  const records = (await page.evaluate(
    () => (window as unknown as { __records: unknown[] }).__records,
  )) as ReplayRecord[];
  await page.close();
  return records;
}

interface Node {
  id: number;
  type: number;
  tagName?: string;
  textContent?: string;
  childNodes?: Node[];
}

/** The element and text node ids of a full snapshot. */
function nodesOf(records: readonly ReplayRecord[]): { elements: number[]; texts: number[] } {
  const snapshot = records.find((record) => record.type === 2) as
    | { data: { node: Node } }
    | undefined;
  if (!snapshot) throw new Error('the recording has no full snapshot');
  const elements: number[] = [];
  const texts: number[] = [];
  const walk = (node: Node) => {
    if (node.type === 2) elements.push(node.id);
    if (node.type === 3 && node.textContent?.trim()) texts.push(node.id);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(snapshot.data.node);
  return { elements, texts };
}

/** A small deterministic random stream, so every run plays the same session. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SessionSegment {
  fields: Record<string, string>;
  records: ReplayRecord[];
}

/**
 * `minutes` of session from a real recording: a view every `viewMinutes`, each starting with
 * the recording's Meta and FullSnapshot, then about `perSecond` incremental records a second
 * while the user is active, with an idle gap of 2–4 minutes after every 5 active minutes. Cut
 * into segments of at most 5 s per view.
 */
export function longSession(
  recording: readonly ReplayRecord[],
  options: {
    minutes: number;
    start: number;
    perSecond?: number;
    viewMinutes?: number;
    appId: string;
    sessionId: string;
    viewId: string;
  },
): SessionSegment[] {
  const { minutes, start, perSecond = 20, viewMinutes = 3 } = options;
  const { elements, texts } = nodesOf(recording);
  const next = random(7);
  const pick = (list: number[]) => list[Math.floor(next() * list.length)] as number;
  const head = recording.filter((record) => record.type === 4 || record.type === 2);
  // Each view starts with a Meta and a FullSnapshot, as the SDK records a view change.
  const views: { id: string; records: ReplayRecord[] }[] = [];
  const newView = (time: number) => {
    views.push({
      id: `${options.viewId}-${views.length}`,
      records: head.map((record) => ({ ...record, timestamp: Math.round(time) })),
    });
  };
  const end = start + minutes * 60_000;
  let time = start;
  let activeSince = time;
  let viewSince = time;
  newView(time);
  while (time < end) {
    if (time - activeSince > 5 * 60_000) {
      time += 120_000 + next() * 120_000;
      activeSince = time;
      continue;
    }
    if (time - viewSince > viewMinutes * 60_000) {
      newView(time);
      viewSince = time;
    }
    const kind = next();
    const data =
      kind < 0.55
        ? {
            source: Source.MouseMove,
            positions: [
              {
                x: Math.round(next() * 1280),
                y: Math.round(next() * 800),
                id: pick(elements),
                timeOffset: 0,
              },
            ],
          }
        : kind < 0.7
          ? {
              source: Source.MouseInteraction,
              type: 2,
              id: pick(elements),
              x: Math.round(next() * 1280),
              y: Math.round(next() * 800),
            }
          : kind < 0.85
            ? { source: Source.Scroll, id: pick(elements), x: 0, y: Math.round(next() * 2000) }
            : kind < 0.93
              ? {
                  source: Source.Input,
                  id: pick(elements),
                  text: 'x'.repeat(1 + Math.floor(next() * 12)),
                  isChecked: false,
                }
              : {
                  source: Source.Mutation,
                  texts: [{ id: pick(texts), value: `item ${Math.floor(next() * 1000)}` }],
                  attributes: [],
                  removes: [],
                  adds: [],
                };
    views[views.length - 1]?.records.push({ type: INCREMENTAL, timestamp: Math.round(time), data });
    time += (1000 / perSecond) * (0.5 + next());
  }
  return views.flatMap((view) => segmentsOf(view.records, { ...options, viewId: view.id }));
}

/** Cuts records into segments of at most 5 s, as the SDK does within one view. */
function segmentsOf(
  records: readonly ReplayRecord[],
  ids: { appId: string; sessionId: string; viewId: string },
): SessionSegment[] {
  const segments: SessionSegment[] = [];
  let current: ReplayRecord[] = [];
  const close = () => {
    if (current.length === 0) return;
    const first = current[0] as ReplayRecord;
    const last = current[current.length - 1] as ReplayRecord;
    segments.push({
      fields: {
        app_id: ids.appId,
        session_id: ids.sessionId,
        view_id: ids.viewId,
        start: String(first.timestamp),
        end: String(last.timestamp),
        creation_reason: segments.length === 0 ? 'init' : 'segment_duration_limit',
        records_count: String(current.length),
        has_full_snapshot: String(current.some((record) => record.type === 2)),
        index_in_view: String(segments.length),
        source: 'browser',
        sdk_name: 'rumkit_web',
        sdk_version: 'bench',
      },
      records: current,
    });
    current = [];
  };
  for (const record of records) {
    if (current.length > 0 && record.timestamp - (current[0] as ReplayRecord).timestamp > 5000)
      close();
    current.push(record);
  }
  close();
  return segments;
}
