// The player's rules (spec §1.7, "Playback UI"): which records rrweb can play, the recording's
// time span and the mapping between epoch times and player offsets, the idle gaps that "skip
// inactivity" jumps over, and the side list of the session's pages, actions and errors.
import type { EventRecord } from '../api/index.js';
import { withoutScripts } from './scripts.js';
import type { ReplayRecord } from './segment.js';

/** The player's speeds (spec §1.7): 1×, 1.5×, 2× and 4×. */
export const REPLAY_SPEEDS = [1, 1.5, 2, 4] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** "Skip inactivity" jumps over gaps without user input longer than this (spec §1.7: 1 min). */
export const INACTIVITY_GAP_MS = 60_000;

const EventType = { FullSnapshot: 2, IncrementalSnapshot: 3, Meta: 4, Custom: 5, Plugin: 6 };
/** rrweb's IncrementalSource values that are a person's input (rrweb's isUserInteraction). */
const MOUSE_MOVE = 1;
const INPUT = 5;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Whether rrweb's Replayer can play a record. rrweb knows types 0–6. Datadog-derived SDKs
 * (Guance's among them) number their own records 6 Focus, 7 ViewEnd, 8 VisualViewport and
 * 9 FrustrationRecord: 7–9 mean nothing to rrweb, and their 6 is not rrweb's Plugin record (it
 * has no `plugin` name). Records of a known type without the data the Replayer reads would
 * throw inside it, so they go too.
 */
function isPlayable(record: ReplayRecord): boolean {
  if (!Number.isFinite(record.timestamp)) return false;
  const data = record.data;
  switch (record.type) {
    case 0:
    case 1:
      return true;
    case EventType.FullSnapshot:
      return isObject(data) && isObject(data.node);
    case EventType.IncrementalSnapshot:
      return isObject(data) && typeof data.source === 'number';
    case EventType.Meta:
      return isObject(data) && typeof data.width === 'number' && typeof data.height === 'number';
    case EventType.Custom:
      return isObject(data) && typeof data.tag === 'string';
    case EventType.Plugin:
      return isObject(data) && typeof data.plugin === 'string';
    default:
      return false;
  }
}

export interface PlayableRecords {
  /** What the player gets: time order, starting with a Meta and a full snapshot. */
  records: ReplayRecord[];
  /** Records left out: types rrweb does not play, and records before the first snapshot. */
  dropped: number;
}

/**
 * The records the player can play, in time order. Records of types rrweb does not know are
 * dropped rather than crash it. Play starts at the first full snapshot, led by the Meta before
 * it: rrweb sizes its frame from a Meta and has nothing to apply changes to before a snapshot
 * (a segment flushed from the error buffer can start mid-page). That Meta takes the snapshot's
 * time: taking a snapshot of a busy page can take a second or more, and the position 0 would
 * otherwise show an empty frame. None when there is no such pair: nothing can be shown. The
 * recorded page's scripts are taken out (withoutScripts).
 */
export function playableRecords(records: readonly ReplayRecord[]): PlayableRecords {
  // Array sort is stable: records of one millisecond (a Meta and its snapshot) keep their order.
  const known = records.filter(isPlayable).sort((a, b) => a.timestamp - b.timestamp);
  let meta = -1;
  let first = -1;
  for (let i = 0; i < known.length; i++) {
    const type = known[i]?.type;
    if (type === EventType.Meta) meta = i;
    else if (type === EventType.FullSnapshot && meta >= 0) {
      first = i;
      break;
    }
  }
  if (first < 0) return { records: [], dropped: records.length };
  const snapshot = known[first] as ReplayRecord;
  const playable = [
    { ...(known[meta] as ReplayRecord), timestamp: snapshot.timestamp },
    ...known.slice(first).map(withoutScripts),
  ];
  return { records: playable, dropped: records.length - playable.length };
}

/**
 * The records of the rest of a replay whose first part plays (playableRecords of that part):
 * those the player can play, in time order, scripts taken out. They go on from the first part's
 * snapshot, so they need none of their own.
 */
export function playableRest(records: readonly ReplayRecord[]): PlayableRecords {
  const playable = records
    .filter(isPlayable)
    .sort((a, b) => a.timestamp - b.timestamp)
    .map(withoutScripts);
  return { records: playable, dropped: records.length - playable.length };
}

/** The span of a recording, ms since the epoch: its first and its last record. */
export interface ReplaySpan {
  start: number;
  end: number;
}

/**
 * The span of playable records (playableRecords), to the end of the last of `segments` when
 * given; null for no records.
 */
export function replaySpan(
  records: readonly ReplayRecord[],
  segments: readonly { end: number }[] = [],
): ReplaySpan | null {
  const first = records[0];
  const last = records[records.length - 1];
  if (!first || !last) return null;
  // Records still loading (the rest of a long replay): the span is the segments' already.
  const end = segments.reduce((latest, segment) => Math.max(latest, segment.end), last.timestamp);
  return { start: first.timestamp, end };
}

/** The address the recording starts on (its first Meta record's `href`), if it says. */
export function replayHref(records: readonly ReplayRecord[]): string | undefined {
  const meta = records.find((record) => record.type === EventType.Meta);
  const href = isObject(meta?.data) ? meta.data.href : undefined;
  return typeof href === 'string' ? href : undefined;
}

/**
 * The player's offset (ms from the recording's start, what rrweb counts in) of an epoch time,
 * kept within the recording: a moment before it starts plays from the start.
 */
export function toReplayOffset(time: number, span: ReplaySpan): number {
  return Math.min(Math.max(time - span.start, 0), span.end - span.start);
}

/**
 * The offset to give rrweb's `goto` to show the page as it was at `offset`. rrweb applies at
 * once only the records strictly before the offset it is given (the rest wait for play), so a
 * paused seek to 0 would show no snapshot, and a seek to a click would stop just short of it;
 * one millisecond more includes the records of the moment itself.
 */
export function rrwebGotoOffset(offset: number): number {
  return offset + 1;
}

/** The epoch time of a player offset. */
export function fromReplayOffset(offset: number, span: ReplaySpan): number {
  return span.start + offset;
}

/** A person's input, as rrweb counts it for skipping: a mouse move, click, scroll, resize or input. */
export function isUserInteraction(record: ReplayRecord): boolean {
  if (record.type !== EventType.IncrementalSnapshot || !isObject(record.data)) return false;
  const source = record.data.source;
  return typeof source === 'number' && source >= MOUSE_MOVE && source <= INPUT;
}

/**
 * The idle stretches "skip inactivity" jumps over, epoch ms: from a person's input (or the
 * start) to the next one, when longer than `gap`. As rrweb's Replayer skips, the end of a
 * recording after its last input is not one: there is nothing to skip to.
 */
export function inactivePeriods(
  records: readonly ReplayRecord[],
  gap: number = INACTIVITY_GAP_MS,
): ReplaySpan[] {
  const periods: ReplaySpan[] = [];
  let last = records[0]?.timestamp;
  if (last === undefined) return periods;
  for (const record of records) {
    if (!isUserInteraction(record)) continue;
    if (record.timestamp - last > gap) periods.push({ start: last, end: record.timestamp });
    last = record.timestamp;
  }
  return periods;
}

/**
 * rrweb's `inactivePeriodThreshold` for a speed. rrweb compares the threshold with the time a
 * gap takes to play (it multiplies it by the speed); the spec's rule is about recorded time, so
 * a gap of over a minute is skipped at every speed.
 */
export function inactivityThreshold(speed: number, gap: number = INACTIVITY_GAP_MS): number {
  return gap / speed;
}

export type ReplayItemCategory = 'view' | 'action' | 'error';

/** An entry of the player's side list: a page (view), an action or an error of the session. */
export interface ReplayItem {
  /** Unique in the list. */
  key: string;
  category: ReplayItemCategory;
  /** When it happened, ms since the epoch. */
  time: number;
  /** Its view_id, action_id or error_id; undefined when the SDK sent none. */
  id: string | undefined;
  /** The timeline entry (its TIMELINE_FIELDS), to label it. */
  record: EventRecord;
}

const ID_FIELDS: Record<ReplayItemCategory, string> = {
  view: 'view_id',
  action: 'action_id',
  error: 'error_id',
};
const CATEGORIES: readonly string[] = Object.keys(ID_FIELDS);

/**
 * The side list: the session's views, actions and errors in time order (a replay's `events`).
 * Other categories, and entries without a time, are left out.
 */
export function replayItems(events: readonly Record<string, unknown>[]): ReplayItem[] {
  return events
    .filter(
      (event): event is EventRecord =>
        CATEGORIES.includes(String(event.category)) && Number.isFinite(event.time),
    )
    .map((event, position) => {
      const category = event.category as ReplayItemCategory;
      const raw = event[ID_FIELDS[category]];
      const id = typeof raw === 'string' && raw !== '' ? raw : undefined;
      return {
        key: `${category}:${id ?? ''}:${position}`,
        category,
        time: event.time,
        id,
        record: event,
      };
    })
    .sort((a, b) => a.time - b.time);
}

/**
 * Where each entry falls against the recording: `before` it started, `after` it ended, or
 * within it (undefined). A page counts from its start to the next page's: the first page
 * usually starts before the recording does (the SDK starts recording once the page runs), yet
 * it is what the recording shows.
 */
export function recordingPlacement(
  items: readonly ReplayItem[],
  span: ReplaySpan,
): ('before' | 'after' | undefined)[] {
  let nextView = Number.POSITIVE_INFINITY;
  const placement: ('before' | 'after' | undefined)[] = new Array(items.length);
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as ReplayItem;
    const end = item.category === 'view' ? nextView : item.time;
    placement[i] = end < span.start ? 'before' : item.time > span.end ? 'after' : undefined;
    if (item.category === 'view') nextView = item.time;
  }
  return placement;
}

/**
 * The index of the entry playing at `time`: the last one at or before it; -1 before the first.
 * Entries are in time order (replayItems), so this is a binary search.
 */
export function currentReplayItem(
  items: readonly Pick<ReplayItem, 'time'>[],
  time: number,
): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((items[middle] as Pick<ReplayItem, 'time'>).time <= time) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The page (view) on screen at `time`: the last view at or before it; the first view before any. */
export function currentReplayView(
  items: readonly ReplayItem[],
  time: number,
): ReplayItem | undefined {
  let first: ReplayItem | undefined;
  let current: ReplayItem | undefined;
  for (const item of items) {
    if (item.category !== 'view') continue;
    first ??= item;
    if (item.time > time) break;
    current = item;
  }
  return current ?? first;
}

/** A player position or length as a clock: `0:07`, `12:05`, `1:02:09` (whole seconds, down). */
export function formatReplayClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}
