import type { EventDetail, EventRecord, ExplorerDetail } from '@rumkit/core';
import { type KeyboardEvent, type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { Tabs } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { ErrorStack } from '../insights/ErrorStack.js';
import { FetchList } from '../insights/FetchList.js';
import { SimilarErrors } from '../insights/SimilarErrors.js';
import { ViewPerformance } from '../insights/ViewPerformance.js';
import type { FilterRequest, ReplayTarget } from '../types.js';
import { Attributes } from './Attributes.js';
import { DrawerHeader } from './DrawerHeader.js';
import { QueryState } from './QueryState.js';
import { ResourceTiming } from './ResourceTiming.js';
import { asRecord, asRecords } from './records.js';
import { SessionTimeline } from './SessionTimeline.js';
import { SourceLinks } from './SourceLinks.js';
import type { DetailTab } from './tabs.js';
import { type EventDrawerModel, useEventDrawer } from './useEventDrawer.js';
import { ViewErrors } from './ViewErrors.js';

export interface EventDrawerProps {
  /** The record open in the drawer: `{ category, id, tab? }`. */
  detail: ExplorerDetail;
  /** The explorer's range (ms), for the similar-errors chart. */
  from: number;
  to: number;
  appIds?: string[] | undefined;
  onClose: () => void;
  /** Open another record or another tab (the host may put it in the URL). */
  onDetailChange: (detail: ExplorerDetail) => void;
  onFilter: (filter: FilterRequest) => void;
  onAddColumn: (field: string) => void;
  /** Play the session's replay; shown wherever the session has one (session_has_replay). */
  onPlayReplay?: ((target: ReplayTarget) => void) | undefined;
  traceHref?: ((traceId: string, record: EventRecord) => string | undefined) | undefined;
}

/**
 * The detail of one record in a side sheet beside the list (spec §1.6): its head, where it
 * comes from, and tabs per category (timeline, performance, Fetch/XHR, errors, stack,
 * attributes). Not modal: the list stays usable; Escape closes it from inside, and focus goes
 * back to where it was when the record opened.
 */
export function EventDrawer(props: EventDrawerProps) {
  const { detail, onClose } = props;
  const { t } = useRumKit();
  const drawer = useEventDrawer(props);
  const titleId = useId();
  const asideRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  // Each record that opens takes the focus; whatever had it outside (a row) gets it back on close.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another record opens
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (
      active instanceof HTMLElement &&
      active !== document.body &&
      !asideRef.current?.contains(active)
    )
      opener.current = active;
    headingRef.current?.focus();
  }, [detail.category, detail.id]);
  useLayoutEffect(
    () => () => {
      const active = document.activeElement;
      const lost = !active || active === document.body || asideRef.current?.contains(active);
      if (lost && opener.current?.isConnected) opener.current.focus();
    },
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Menus and the search box use Escape first (and say so with preventDefault).
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  return (
    <aside
      ref={asideRef}
      className="rk-drawer"
      aria-labelledby={titleId}
      data-state={drawer.state}
      data-category={detail.category}
      onKeyDown={onKeyDown}
    >
      <DrawerHeader
        category={detail.category}
        record={drawer.record}
        titleId={titleId}
        headingRef={headingRef}
        onClose={onClose}
        onPlayReplay={drawer.playReplay ? () => drawer.playReplay?.() : undefined}
      />
      <div className="rk-drawer-body">
        <QueryState query={drawer.event} errorTitle={t('detail.loadFailed')}>
          {(data) => <DrawerBody {...props} drawer={drawer} data={data} />}
        </QueryState>
      </div>
    </aside>
  );
}

function DrawerBody({
  drawer,
  data,
  ...props
}: EventDrawerProps & { drawer: EventDrawerModel; data: EventDetail }) {
  const { t } = useRumKit();
  const { category } = props.detail;
  const record = asRecord(data.event);
  const errorCount = Number(record.view_error_count ?? 0);

  const content: Record<DetailTab, () => ReactNode> = {
    timeline: () => (
      <QueryState query={drawer.session} errorTitle={t('detail.timeline.loadFailed')}>
        {(session) => <SessionTimeline detail={session} onOpen={drawer.open} />}
      </QueryState>
    ),
    performance: () => (
      <QueryState query={drawer.view} errorTitle={t('detail.view.loadFailed')}>
        {(view) => <ViewPerformance detail={view} onOpen={drawer.open} />}
      </QueryState>
    ),
    fetch: () => (
      <QueryState query={drawer.view} errorTitle={t('detail.view.loadFailed')}>
        {(view) => (
          <FetchList
            resources={asRecords(view.resources)}
            onOpen={drawer.open}
            traceHref={props.traceHref}
          />
        )}
      </QueryState>
    ),
    errors: () => (
      <QueryState query={drawer.view} errorTitle={t('detail.view.loadFailed')}>
        {(view) => <ViewErrors errors={asRecords(view.errors)} onOpen={drawer.open} />}
      </QueryState>
    ),
    stack: () => (
      <div className="rk-drawer-stack">
        <SimilarErrors error={record} from={props.from} to={props.to} appIds={props.appIds} />
        <ErrorStack error={record} />
      </div>
    ),
    attributes: () => (
      <>
        {category === 'resource' ? <ResourceTiming record={record} /> : null}
        <Attributes
          category={category}
          record={record}
          onFilter={props.onFilter}
          onAddColumn={props.onAddColumn}
        />
      </>
    ),
  };

  return (
    <>
      <SourceLinks
        category={category}
        detail={data}
        onOpen={drawer.open}
        onFilter={props.onFilter}
        onPlayReplay={drawer.playReplay}
      />
      <Tabs
        label={t('detail.tabs')}
        value={drawer.tab}
        onChange={drawer.setTab}
        tabs={drawer.tabs.map((tab) => ({
          id: tab,
          label:
            tab === 'errors' && errorCount > 0
              ? t('detail.tab.errorsCount', { count: errorCount })
              : t(`detail.tab.${tab}`),
          content: tab === drawer.tab ? content[tab]() : null,
        }))}
      />
    </>
  );
}
