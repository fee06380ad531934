import {
  inactivityThreshold,
  REPLAY_SPEEDS,
  type ReplayRecord,
  type ReplaySpan,
  rrwebGotoOffset,
  toReplayOffset,
} from '@rumkit/core';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import RrwebPlayer from 'rrweb-player';

/**
 * What the kit uses of rrweb-player (a Svelte component; its own types lean on svelte's, which
 * are not installed, so they are mostly `any`).
 */
interface PlayerHandle {
  goto(offset: number, play?: boolean): void;
  toggle(): void;
  setSpeed(speed: number): void;
  triggerResize(): void;
  addEventListener(event: string, handler: (detail: unknown) => void): void;
  addEvent(event: ReplayRecord): void;
  getReplayer(): {
    iframe: HTMLIFrameElement;
    setConfig(config: Record<string, unknown>): void;
    destroy(): void;
  };
  $set(props: Record<string, unknown>): void;
  $destroy(): void;
}

export interface PlayerOptions {
  /** Playable records (playableRecords); nothing is mounted without them. */
  records: readonly ReplayRecord[];
  span: ReplaySpan | null;
  speed: number;
  skipInactive: boolean;
  autoPlay: boolean;
  /** Where a new player starts, ms since the epoch; default the recording's start. */
  startAt: number | undefined;
  /** The host's position, ms since the epoch: the player seeks when it moves away from its own. */
  time: number | undefined;
  onTimeChange: ((time: number) => void) | undefined;
  /** The accessible name of rrweb's iframe. */
  frameTitle: string;
}

export interface PlayerModel {
  /** Whether a player is mounted. */
  mounted: boolean;
  playing: boolean;
  /** Whether rrweb is fast-forwarding over an idle stretch. */
  skipping: boolean;
  /** The position, ms from the recording's start (exact after a seek; in tenths of a second as it plays). */
  offset: number;
  toggle: () => void;
  /** Goes to an offset, playing on if it was playing. */
  seek: (offset: number) => void;
}

const payload = (detail: unknown) => (detail as { payload?: unknown } | undefined)?.payload;

/** The stage's size, what the player scales the recorded page into. */
const sizeOf = (element: HTMLElement) => ({
  width: Math.max(1, Math.floor(element.clientWidth)),
  height: Math.max(1, Math.floor(element.clientHeight)),
});

/**
 * Mounts rrweb-player in `stage` for the records and drives it: play and pause, seeking, speed,
 * skipping, its size, and the position in and out. Its own controller is hidden: the kit draws
 * the controls, in the kit's language and style.
 */
export function usePlayer(
  stage: RefObject<HTMLDivElement | null>,
  options: PlayerOptions,
): PlayerModel {
  const { records, span, speed, skipInactive, time } = options;
  const latest = useRef(options);
  latest.current = options;
  const playerRef = useRef<PlayerHandle | null>(null);
  // The position as the player last told it (ms since the epoch), and as told to the host.
  const position = useRef<number | undefined>(undefined);
  const reported = useRef<number | undefined>(undefined);
  const applied = useRef({ speed, skipInactive });
  const [mounted, setMounted] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const [offset, setOffset] = useState(0);

  const shown = useRef(0);
  // The player tells its position on every frame while it plays: the component renders again
  // every tenth of a second at most (and at once after a seek), and the host hears of whole
  // seconds, often enough for a link and rarely enough for its URL.
  const report = useCallback((at: number, start: number, exact = false) => {
    position.current = start + at;
    if (exact || Math.abs(at - shown.current) >= 100) {
      shown.current = at;
      setOffset(at);
    }
    const second = start + Math.floor(at / 1000) * 1000;
    if (second === reported.current) return;
    reported.current = second;
    latest.current.onTimeChange?.(second);
  }, []);

  // A new player for a new recording (its first record, its span); records that join later
  // (the rest of a long replay) are added to the player that plays.
  const first = records[0];
  const spanStart = span?.start;
  const spanEnd = span?.end;
  const given = useRef(new Set<ReplayRecord>());
  /** Where playing ran out of records while the rest was loading (ms since the epoch). */
  const ranOut = useRef<number | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new first record or span is a new recording; the rest is read from `latest`
  useEffect(() => {
    const target = stage.current;
    const { records, span } = latest.current;
    if (!target || !span || !first) return;
    const { speed, skipInactive, autoPlay, startAt, frameTitle } = latest.current;
    given.current = new Set(records);
    ranOut.current = undefined;
    const player = new RrwebPlayer({
      target,
      props: {
        events: records as never,
        ...sizeOf(target),
        showController: false,
        autoPlay: false,
        speed,
        speedOption: [...REPLAY_SPEEDS],
        skipInactive,
        inactivePeriodThreshold: inactivityThreshold(speed),
        // Focus must stay in the host page, never move into the recording.
        triggerFocus: false,
        // A recording with gaps (dropped records, nodes never seen) warns on every change.
        showWarning: false,
        // rrweb's default trail is red, which reads as an error; this is the kit's accent.
        mouseTail: {
          duration: 500,
          lineCap: 'round',
          lineWidth: 3,
          strokeStyle: 'rgba(52, 81, 178, 0.5)',
        },
        // UNSAFE_replayCanvas stays off: with it rrweb would add allow-scripts to the iframe's
        // sandbox. Without it the iframe is sandbox="allow-same-origin" and no recorded script runs.
      },
    }) as unknown as PlayerHandle;
    playerRef.current = player;
    applied.current = { speed, skipInactive };
    player.getReplayer().iframe.setAttribute('title', frameTitle);
    player.addEventListener('ui-update-current-time', (detail) => {
      const at = payload(detail);
      if (typeof at === 'number') report(at, span.start);
    });
    player.addEventListener('ui-update-player-state', (detail) =>
      setPlaying(payload(detail) === 'playing'),
    );
    player.addEventListener('finish', () => {
      // Short of the recording's end: the rest of a long replay is still on its way.
      const last = latest.current.records.at(-1);
      if (last && last.timestamp < span.end) ranOut.current = position.current;
    });
    player.addEventListener('skip-start', () => setSkipping(true));
    player.addEventListener('skip-end', () => setSkipping(false));
    const start = startAt === undefined ? 0 : toReplayOffset(startAt, span);
    player.goto(rrwebGotoOffset(start), autoPlay);
    report(start, span.start, true);
    setMounted(true);

    const resize =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => {
            player.$set(sizeOf(target));
            player.triggerResize();
          });
    resize?.observe(target);
    return () => {
      resize?.disconnect();
      playerRef.current = null;
      setMounted(false);
      setPlaying(false);
      setSkipping(false);
      player.getReplayer().destroy();
      player.$destroy();
    };
  }, [stage, first, spanStart, spanEnd, report]);

  useEffect(() => {
    const player = playerRef.current;
    const start = latest.current.span?.start;
    if (!player || start === undefined) return;
    for (const record of records)
      if (!given.current.has(record)) {
        given.current.add(record);
        player.addEvent(record);
      }
    // It played to the end of what it had: it plays on into what came.
    const at = ranOut.current;
    ranOut.current = undefined;
    if (at !== undefined) player.goto(rrwebGotoOffset(at - start), true);
  }, [records]);

  useEffect(() => {
    const player = playerRef.current;
    if (!player || applied.current.speed === speed) return;
    applied.current.speed = speed;
    player.setSpeed(speed);
    player.getReplayer().setConfig({ inactivePeriodThreshold: inactivityThreshold(speed) });
  }, [speed]);

  useEffect(() => {
    const player = playerRef.current;
    if (!player || applied.current.skipInactive === skipInactive) return;
    applied.current.skipInactive = skipInactive;
    // Through the player's prop: its controller re-applies its own value to rrweb after each update.
    player.$set({ skipInactive });
  }, [skipInactive]);

  const seek = useCallback(
    (to: number) => {
      const player = playerRef.current;
      if (!player || !span) return;
      player.goto(rrwebGotoOffset(to));
      report(to, span.start, true);
    },
    [span, report],
  );

  // The host's position: a link opened, the back button. Its echo of what the player reported,
  // or anything within a second of where the player is, is not a move.
  useEffect(() => {
    if (time === undefined || !span || !playerRef.current) return;
    if (time === reported.current) return;
    if (position.current !== undefined && Math.abs(time - position.current) <= 1000) return;
    seek(toReplayOffset(time, span));
  }, [time, span, seek]);

  const toggle = useCallback(() => playerRef.current?.toggle(), []);
  return { mounted, playing, skipping, offset, toggle, seek };
}
