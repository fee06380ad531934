import {
  currentReplayItem,
  currentReplayView,
  type ReplayItem,
  toReplayOffset,
} from '@rumkit/core';
import { useId, useRef, useState } from 'react';
import { useControllableState } from '../../hooks/useControllableState.js';
import { Button, CopyButton, ErrorPanel, SidebarIcon, StatePanel } from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';
import { text } from '../Explorer/detail/labels.js';
import { useTimeFormats } from '../Explorer/timeFormat.js';
import { ReplayControls } from './ReplayControls.js';
import { ReplayList } from './ReplayList.js';
import { REPLAY_CSS } from './styles.js';
import { useFullscreen } from './useFullscreen.js';
import { usePlayer } from './usePlayer.js';
import { type SessionReplayOptions, useSessionReplay } from './useSessionReplay.js';

export interface SessionReplayProps extends SessionReplayOptions {
  /**
   * Where the replay starts, ms since the epoch: an Explorer ReplayTarget's `time`, or a moment
   * of a shared link. Default: the recording's start. A moment outside the recording is
   * brought within it.
   */
  initialTime?: number | undefined;
  /**
   * The position, ms since the epoch, when the host keeps it (in its URL, say): when it changes
   * to a moment more than a second away from where the player is, the player goes there. Give
   * back what `onTimeChange` reported. Default: the player keeps its own position.
   */
  time?: number | undefined;
  /** Called with the position, ms since the epoch, each whole second as it plays and on every seek. */
  onTimeChange?: ((time: number) => void) | undefined;
  /** Whether it starts playing once loaded. Default true. */
  autoPlay?: boolean | undefined;
  /** Whether the side list of pages, actions and errors shows, when the host keeps it. */
  listOpen?: boolean | undefined;
  /** Whether the side list shows at first when uncontrolled. Default true. */
  defaultListOpen?: boolean | undefined;
  onListOpenChange?: ((open: boolean) => void) | undefined;
  /**
   * A link that opens this replay at a moment (ms since the epoch), for the "Copy link" button;
   * relative links are resolved against the page's address. Without it, the button is not shown.
   */
  linkHref?: ((time: number) => string | undefined) | undefined;
  /** Extra class names for the root element. */
  className?: string | undefined;
}

/**
 * A session's replay (spec §1.7): the recorded page, rebuilt by rrweb-player in an iframe
 * sandboxed without scripts, beside the session's pages, actions and errors on the same time
 * axis. Skip inactivity (on by default), four speeds, full screen, and a position the host can
 * keep for links.
 */
export function SessionReplay({
  initialTime,
  time,
  onTimeChange,
  autoPlay = true,
  listOpen: listOpenProp,
  defaultListOpen = true,
  onListOpenChange,
  linkHref,
  className,
  ...options
}: SessionReplayProps) {
  const { t } = useRumKit();
  const formats = useTimeFormats();
  // Where it opens, fixed for the player's life: a long replay loads the part around it first.
  const [openAt] = useState(() => time ?? initialTime);
  const replay = useSessionReplay({ ...options, openAt });
  const root = useRef<HTMLElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [listOpen, setListOpen] = useControllableState({
    value: listOpenProp,
    defaultValue: defaultListOpen,
    onChange: onListOpenChange,
  });
  const fullscreen = useFullscreen(root);
  const player = usePlayer(stage, {
    records: replay.records,
    span: replay.span,
    speed: replay.speed,
    skipInactive: replay.skipInactive,
    autoPlay,
    startAt: time ?? initialTime,
    time,
    onTimeChange,
    frameTitle: t('replay.frame'),
  });
  const { span } = replay;
  const now = span ? span.start + player.offset : undefined;
  const link = now !== undefined && linkHref ? linkHref(now) : undefined;

  return (
    <section
      ref={root}
      className={`rk-root rk-replay${className ? ` ${className}` : ''}`}
      data-state={replay.state}
      data-empty={replay.empty}
      aria-busy={replay.state === 'loading'}
      aria-label={t('replay.title')}
    >
      <style href="rumkit-replay" precedence="rumkit">
        {REPLAY_CSS}
      </style>
      <div className="rk-replay-head">
        <h2 className="rk-replay-title">{t('replay.title')}</h2>
        <p className="rk-replay-meta">
          {span ? <span>{formats.instant(span.start)}</span> : null}
          <code>{options.sessionId}</code>
          {replay.state === 'ready' && replay.loadingRest ? (
            <span className="rk-replay-more" role="status">
              {t('replay.loadingRest')}
            </span>
          ) : null}
          {replay.state === 'ready' && replay.restFailed ? (
            <span className="rk-replay-more" role="alert">
              {t('replay.restFailed')}{' '}
              <Button size="sm" variant="ghost" onClick={replay.retryRest}>
                {t('common.retry')}
              </Button>
            </span>
          ) : null}
        </p>
        {replay.state === 'ready' ? (
          <>
            {link ? (
              <CopyButton
                text={absolute(link)}
                labels={{
                  copy: t('replay.link.copy'),
                  copied: t('common.copied'),
                  failed: t('common.copyFailed'),
                  label: t('replay.link.label'),
                  announce: t('replay.link.copied'),
                }}
              />
            ) : null}
            <Button
              size="sm"
              variant="ghost"
              aria-expanded={listOpen}
              aria-controls={listOpen ? listId : undefined}
              onClick={() => setListOpen(!listOpen)}
            >
              <SidebarIcon />
              {listOpen ? t('replay.list.hide') : t('replay.list.show')}
            </Button>
          </>
        ) : null}
      </div>
      {replay.state === 'ready' && span ? (
        <div className="rk-replay-body" data-list={listOpen ? 'open' : 'closed'}>
          {listOpen ? (
            // A plain box, not an <aside>: a complementary landmark may not sit inside the
            // component's own region.
            <div className="rk-replay-aside">
              <h3 className="rk-replay-aside-title">{t('replay.list.title')}</h3>
              <ReplayList
                id={listId}
                items={replay.items}
                span={span}
                current={now === undefined ? -1 : currentReplayItem(replay.items, now)}
                onSeek={(item) => player.seek(toReplayOffset(item.time, span))}
              />
            </div>
          ) : null}
          <div className="rk-replay-main">
            <PageBar items={replay.items} href={replay.href} now={now ?? span.start} />
            <div ref={stage} className="rk-replay-stage" />
            <ReplayControls
              player={player}
              span={span}
              inactive={replay.inactive}
              items={replay.items}
              speed={replay.speed}
              onSpeedChange={replay.setSpeed}
              skipInactive={replay.skipInactive}
              onSkipInactiveChange={replay.setSkipInactive}
              fullscreen={fullscreen}
            />
          </div>
        </div>
      ) : (
        <div className="rk-replay-state">
          <ReplayState replay={replay} />
        </div>
      )}
    </section>
  );
}

/** The page on screen, as a browser's address bar would show it. */
function PageBar({
  items,
  href,
  now,
}: {
  items: readonly ReplayItem[];
  href: string | undefined;
  now: number;
}) {
  const { t } = useRumKit();
  const view = currentReplayView(items, now);
  // Without views, the address the recording starts on (its Meta record).
  const url = (view ? text(view.record.view_url) : '') || href || '';
  return (
    <p className="rk-replay-page">
      <span>{t('replay.page')}</span>
      <span className="rk-replay-url">{url}</span>
    </p>
  );
}

function ReplayState({ replay }: { replay: ReturnType<typeof useSessionReplay> }) {
  const { t } = useRumKit();
  switch (replay.state) {
    case 'loading':
      return (
        <p role="status" className="rk-muted">
          {t('replay.loading')}
        </p>
      );
    case 'idle':
      return <StatePanel title={t('common.waitingForNetwork')} />;
    case 'error':
      return (
        <ErrorPanel
          title={t('replay.loadFailed')}
          error={replay.error}
          t={t}
          onRetry={replay.retry}
        />
      );
    case 'empty': {
      const key =
        replay.empty === 'not-found'
          ? 'notFound'
          : replay.empty === 'unplayable'
            ? 'unplayable'
            : 'empty';
      return <StatePanel title={t(`replay.${key}.title`)}>{t(`replay.${key}.body`)}</StatePanel>;
    }
    default:
      return null;
  }
}

/** A link as a person can paste it anywhere: relative links resolved against this page. */
function absolute(href: string): string {
  try {
    return new URL(href, document.baseURI).href;
  } catch {
    return href;
  }
}
