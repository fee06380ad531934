import {
  formatReplayClock,
  type ReplayItem,
  type ReplaySpan,
  recordingPlacement,
} from '@rumkit/core';
import { useEffect, useMemo, useRef } from 'react';
import { CategoryIcon, VisuallyHidden } from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';
import { recordTitle, text } from '../Explorer/detail/labels.js';

export interface ReplayListProps {
  id: string;
  items: readonly ReplayItem[];
  span: ReplaySpan;
  /** The index of the entry playing; -1 for none yet. */
  current: number;
  onSeek: (item: ReplayItem) => void;
}

/**
 * The session's pages, actions and errors on the player's time axis. A click (or Enter) plays
 * from an entry; the entry playing is marked (`aria-current`) and kept in view as it plays.
 * Labels are text: nothing of an event is ever rendered as HTML.
 */
export function ReplayList({ id, items, span, current, onSeek }: ReplayListProps) {
  const { t } = useRumKit();
  const list = useRef<HTMLOListElement>(null);
  const placement = useMemo(() => recordingPlacement(items, span), [items, span]);

  useEffect(() => {
    const box = list.current;
    const entry = box?.children[current] as HTMLElement | undefined;
    if (!box || !entry) return;
    // Scrolls the list only, never the host page (scrollIntoView would scroll both).
    const top = entry.offsetTop - box.offsetTop;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + entry.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = top + entry.offsetHeight - box.clientHeight;
  }, [current]);

  if (items.length === 0) {
    return (
      <p id={id} className="rk-muted rk-replay-list-empty">
        {t('replay.list.empty')}
      </p>
    );
  }
  return (
    <ol id={id} ref={list} className="rk-replay-list" aria-label={t('replay.list.title')}>
      {items.map((item, index) => {
        const outside = placement[index];
        const sub = item.category === 'view' ? text(item.record.view_url) : '';
        return (
          <li key={item.key}>
            <button
              type="button"
              className="rk-replay-item"
              data-category={item.category}
              data-outside={outside}
              aria-current={index === current ? 'true' : undefined}
              onClick={() => onSeek(item)}
            >
              <span className="rk-replay-item-time">
                {formatReplayClock(Math.max(0, item.time - span.start))}
              </span>
              <span className="rk-replay-item-icon" data-category={item.category}>
                <CategoryIcon category={item.category} />
              </span>
              <span className="rk-replay-item-label">
                <VisuallyHidden>{`${t(`detail.category.${item.category}`)}: `}</VisuallyHidden>
                {recordTitle(item.category, item.record, t)}
                {sub ? <span className="rk-replay-item-sub">{sub}</span> : null}
                {outside ? (
                  <span className="rk-replay-item-sub">{t(`replay.list.${outside}`)}</span>
                ) : null}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
