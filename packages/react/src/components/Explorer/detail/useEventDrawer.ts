import {
  ApiError,
  type EventDetail,
  type EventRecord,
  type ExplorerDetail,
  eventDetailOptions,
  sessionDetailOptions,
  viewDetailOptions,
} from '@rumkit/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useRumKit } from '../../../provider/context.js';
import type { ComponentState } from '../../ApplicationList/useApplicationList.js';
import type { ReplayTarget } from '../types.js';
import { asRecord } from './records.js';
import { activeTab, DETAIL_TABS, type DetailTab } from './tabs.js';

export interface EventDrawerOptions {
  detail: ExplorerDetail;
  onDetailChange: (detail: ExplorerDetail) => void;
  onPlayReplay?: ((target: ReplayTarget) => void) | undefined;
}

/** A query's state for the drawer; a record that is gone (404) is `empty`, not an error. */
export interface Loadable<T> {
  state: ComponentState;
  data: T | undefined;
  error: unknown;
  retry: () => void;
}

/** The store answers 404 (`event.not_found`, `session.not_found`…) for a record it does not hold. */
export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

function loadable<T>(query: UseQueryResult<T>): Loadable<T> {
  let state: ComponentState;
  if (query.isPending) state = query.fetchStatus === 'paused' ? 'idle' : 'loading';
  else if (query.isError) state = isNotFound(query.error) ? 'empty' : 'error';
  else state = 'ready';
  return { state, data: query.data, error: query.error, retry: () => void query.refetch() };
}

/**
 * Data and handlers of the detail drawer: the record with its session, view and action, plus
 * the session's timeline or the view's waterfall when the record is one; the tab; the replay.
 */
export function useEventDrawer({ detail, onDetailChange, onPlayReplay }: EventDrawerOptions) {
  const { backend, queryClient } = useRumKit();
  const { category, id } = detail;
  // A session needs no lookup: its timeline answer holds the session record.
  const lookup = loadable(
    useQuery(
      { ...eventDetailOptions(backend, category, id), enabled: category !== 'session' },
      queryClient,
    ),
  );
  const session = loadable(
    useQuery(
      { ...sessionDetailOptions(backend, id), enabled: category === 'session' },
      queryClient,
    ),
  );
  const view = loadable(
    useQuery({ ...viewDetailOptions(backend, id), enabled: category === 'view' }, queryClient),
  );
  const event: Loadable<EventDetail> =
    category === 'session'
      ? {
          ...session,
          data: session.data && {
            event: session.data.session,
            session: null,
            view: null,
            action: null,
          },
        }
      : lookup;

  const record = event.data ? asRecord(event.data.event) : undefined;
  // A session record is its own session; anything else names its owner, and carries the flag
  // itself too (a common field), which still tells when the session record is past retention.
  const sessionRecord = category === 'session' ? record : event.data?.session;
  const hasReplay =
    sessionRecord?.session_has_replay === true || record?.session_has_replay === true;
  const replayTarget = (from: EventRecord): ReplayTarget => ({
    sessionId: String(from.session_id),
    ...(typeof from.view_id === 'string' && from.view_id ? { viewId: from.view_id } : {}),
    time: from.time,
  });

  const tab = activeTab(detail);
  return {
    state: event.state,
    event,
    session,
    view,
    record,
    tab,
    tabs: DETAIL_TABS[category],
    setTab: (next: DetailTab) => onDetailChange({ ...detail, tab: next }),
    open: (next: ExplorerDetail) => onDetailChange(next),
    /** Plays the record's session from the record's moment; undefined when there is no replay. */
    playReplay:
      onPlayReplay && hasReplay && record
        ? (from: EventRecord = record) => onPlayReplay(replayTarget(from))
        : undefined,
  };
}

export type EventDrawerModel = ReturnType<typeof useEventDrawer>;
