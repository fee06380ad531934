import type { EventRecord, ExplorerCategory } from '@rumkit/core';
import type { Ref } from 'react';
import { Button, CategoryIcon, CloseIcon, PlayIcon } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { useTimeFormats } from '../timeFormat.js';
import { recordBadges, recordSubtitle, recordTitle } from './labels.js';

export interface DrawerHeaderProps {
  category: ExplorerCategory;
  /** Undefined until the record is there (or when it is gone). */
  record: EventRecord | undefined;
  titleId: string;
  headingRef: Ref<HTMLHeadingElement>;
  onClose: () => void;
  /** Present only when the session has a replay. */
  onPlayReplay?: (() => void) | undefined;
}

/** The drawer's head: the category, the record's label, when it happened, key badges, replay, close. */
export function DrawerHeader({
  category,
  record,
  titleId,
  headingRef,
  onClose,
  onPlayReplay,
}: DrawerHeaderProps) {
  const { t } = useRumKit();
  const time = useTimeFormats();
  const kind = t(`detail.category.${category}`);
  const title = record ? recordTitle(category, record, t) : '';
  const subtitle = record ? recordSubtitle(category, record) : '';
  const badges = record ? recordBadges(category, record, t) : [];
  return (
    <header className="rk-drawer-header">
      <div className="rk-drawer-topline">
        <span className="rk-drawer-kind" data-category={category}>
          <CategoryIcon category={category} />
          {kind}
        </span>
        <div className="rk-actions">
          {onPlayReplay ? (
            <Button size="sm" variant="primary" onClick={onPlayReplay}>
              <PlayIcon />
              {t('detail.replay.play')}
            </Button>
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            iconOnly
            aria-label={t('detail.close')}
            onClick={onClose}
          >
            <CloseIcon />
          </Button>
        </div>
      </div>
      {/* Focus lands here when a record opens, so the title is what is read first. */}
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="rk-drawer-title">
        {record ? (
          <>
            <span className="rk-visually-hidden">{`${kind}: `}</span>
            {title}
          </>
        ) : (
          kind
        )}
      </h2>
      {subtitle && subtitle !== title ? <p className="rk-drawer-subtitle">{subtitle}</p> : null}
      {record ? (
        <div className="rk-drawer-meta">
          <time dateTime={new Date(record.time).toISOString()} className="rk-drawer-time">
            {time.instant(record.time)}
          </time>
          {badges.length > 0 ? (
            <ul className="rk-drawer-badges" aria-label={t('detail.badges')}>
              {badges.map((badge) => (
                <li key={badge.id} className="rk-detail-badge" data-tone={badge.tone}>
                  {badge.text}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}
