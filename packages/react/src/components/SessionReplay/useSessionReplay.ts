import {
  ApiError,
  INACTIVITY_GAP_MS,
  inactivePeriods,
  playableRecords,
  playableRest,
  type ReplaySpeed,
  replayHref,
  replayItems,
  replayPartSegments,
  replaySpan,
  type SessionReplay,
  sessionReplayOptions,
} from '@rumkit/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useControllableState } from '../../hooks/useControllableState.js';
import { useRumKit } from '../../provider/context.js';
import type { ComponentState } from '../ApplicationList/useApplicationList.js';

export interface SessionReplayOptions {
  /** The session to play. */
  sessionId: string;
  /** Where to look for it, ms since the epoch. Default: the server's (the last 15 days). */
  from?: number | undefined;
  to?: number | undefined;
  /**
   * Where the player opens, ms since the epoch. A long replay loads in two parts: the first
   * (its first minute, or up to 10 s past this moment) plays while the rest loads.
   */
  openAt?: number | undefined;
  /** The playback speed, when the host keeps it. */
  speed?: ReplaySpeed | undefined;
  /** The speed to start at when uncontrolled. Default 1. */
  defaultSpeed?: ReplaySpeed | undefined;
  onSpeedChange?: ((speed: ReplaySpeed) => void) | undefined;
  /** Whether idle stretches over a minute are skipped, when the host keeps it. */
  skipInactive?: boolean | undefined;
  /** Skipping when uncontrolled. Default true (spec §1.7). */
  defaultSkipInactive?: boolean | undefined;
  onSkipInactiveChange?: ((skip: boolean) => void) | undefined;
}

/**
 * Why there is nothing to play: the session has no segments, no such session (404), or its
 * records have no snapshot to start from.
 */
export type ReplayEmptyReason = 'no-replay' | 'not-found' | 'unplayable';

const EMPTY: SessionReplay['records'] = [];

function status(
  query: { isPending: boolean; isError: boolean; fetchStatus: string; error: unknown },
  playable: number,
  segments: number,
): { state: ComponentState; empty?: ReplayEmptyReason } {
  if (query.isPending) return { state: query.fetchStatus === 'paused' ? 'idle' : 'loading' };
  if (query.isError)
    return query.error instanceof ApiError && query.error.status === 404
      ? { state: 'empty', empty: 'not-found' }
      : { state: 'error' };
  if (segments === 0) return { state: 'empty', empty: 'no-replay' };
  if (playable === 0) return { state: 'empty', empty: 'unplayable' };
  return { state: 'ready' };
}

/**
 * The records the player plays: the first part's, then the rest's once it is there. A first
 * part with nothing to play (no snapshot yet) waits for the rest, and they are taken together.
 */
function usePlayable(
  first: SessionReplay | undefined,
  rest: SessionReplay | undefined,
  more: boolean,
) {
  const head = useMemo(() => playableRecords(first?.records ?? EMPTY), [first?.records]);
  const tail = useMemo(() => playableRest(rest?.records ?? EMPTY), [rest?.records]);
  const together = useMemo(
    () =>
      more && head.records.length === 0 && first && rest
        ? playableRecords([...first.records, ...rest.records])
        : undefined,
    [more, head, first, rest],
  );
  return useMemo(() => {
    if (together) return together;
    if (!more || head.records.length === 0 || !rest) return head;
    return { records: [...head.records, ...tail.records], dropped: head.dropped + tail.dropped };
  }, [together, more, head, tail, rest]);
}

/**
 * The replay of a session and the player's settings: the records rrweb can play, their span,
 * the idle stretches, the side list, and the speed and skip settings (controlled or not).
 */
export function useSessionReplay({
  sessionId,
  from,
  to,
  openAt,
  speed: speedProp,
  defaultSpeed = 1,
  onSpeedChange,
  skipInactive: skipProp,
  defaultSkipInactive = true,
  onSkipInactiveChange,
}: SessionReplayOptions) {
  const { backend, queryClient } = useRumKit();
  const lookback = useMemo(
    () => ({
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    }),
    [from, to],
  );
  const at = openAt === undefined ? {} : { at: openAt };
  const query = useQuery(
    sessionReplayOptions(backend, sessionId, { ...lookback, part: 'first', ...at }),
    queryClient,
  );
  const replay = query.data;
  const more =
    replay !== undefined && replayPartSegments(replay.segments, { part: 'rest', ...at }).length > 0;
  const restQuery = useQuery(
    {
      ...sessionReplayOptions(backend, sessionId, { ...lookback, part: 'rest', ...at }),
      enabled: more,
    },
    queryClient,
  );

  const { records, dropped } = usePlayable(replay, restQuery.data, more);
  const span = useMemo(() => replaySpan(records, replay?.segments), [records, replay?.segments]);
  const href = useMemo(() => replayHref(records), [records]);
  const inactive = useMemo(() => inactivePeriods(records, INACTIVITY_GAP_MS), [records]);
  const items = useMemo(() => replayItems(replay?.events ?? []), [replay?.events]);
  // A first part with nothing to play waits for the rest, and fails with it. Once the first
  // part plays, the rest failing leaves it playing (restFailed).
  const waiting = more && records.length === 0 && !restQuery.isSuccess;
  const { state, empty } = status(
    waiting ? restQuery : query,
    records.length,
    replay?.segments.length ?? 0,
  );

  const [speed, setSpeed] = useControllableState<ReplaySpeed>({
    value: speedProp,
    defaultValue: defaultSpeed,
    onChange: onSpeedChange,
  });
  const [skipInactive, setSkipInactive] = useControllableState({
    value: skipProp,
    defaultValue: defaultSkipInactive,
    onChange: onSkipInactiveChange,
  });

  return {
    state,
    /** Why there is nothing to play, when `state` is `empty`. */
    empty,
    error: waiting ? restQuery.error : query.error,
    retry: () => void (query.isError ? query.refetch() : restQuery.refetch()),
    /** The first part plays, but the rest of the recording could not be loaded. */
    restFailed: more && !waiting && restQuery.isError,
    retryRest: () => void restQuery.refetch(),
    replay,
    /** What the player plays; empty until ready. The rest of a long replay joins it later. */
    records,
    /** Whether the rest of a long replay is still loading (what plays is its first part). */
    loadingRest: more && restQuery.isPending,
    /** Records rrweb cannot play, left out. */
    dropped,
    span,
    /** The address the recording starts on. */
    href,
    inactive,
    items,
    speed,
    setSpeed,
    skipInactive,
    setSkipInactive,
  };
}

export type SessionReplayModel = ReturnType<typeof useSessionReplay>;
