import type { EventDetail, EventRecord, ExplorerCategory, ExplorerDetail } from '@rumkit/core';
import { useId } from 'react';
import { Button, CopyButton, ExploreIcon, LinkIcon, PlayIcon } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { FilterRequest } from '../types.js';
import { recordTitle, text } from './labels.js';
import { asRecord } from './records.js';

export interface SourceLinksProps {
  category: ExplorerCategory;
  detail: EventDetail;
  onOpen: (detail: ExplorerDetail) => void;
  onFilter: (filter: FilterRequest) => void;
  /** Plays the owning session's replay; absent when it has none. */
  onPlayReplay?: ((from: EventRecord) => void) | undefined;
}

const OWNERS = [
  { category: 'session', key: 'session_id', from: 'session' },
  { category: 'view', key: 'view_id', from: 'view' },
  { category: 'action', key: 'action_id', from: 'action' },
] as const;

/**
 * Where a record comes from (spec §1.6 "Source"): its session, view and action, each to open,
 * to filter the list by, to copy, and the session to play when it has a replay.
 */
export function SourceLinks({
  category,
  detail,
  onOpen,
  onFilter,
  onPlayReplay,
}: SourceLinksProps) {
  const { t } = useRumKit();
  const titleId = useId();
  const record = detail.event;
  const rows = OWNERS.flatMap((owner) => {
    const id = text(record[owner.key]);
    if (!id || owner.category === category) return [];
    const found = detail[owner.from];
    // The record carries its view's URL and path even when the view is past retention.
    const label = found
      ? recordTitle(owner.category, found, t)
      : owner.category === 'view'
        ? recordTitle('view', record, t)
        : '';
    return [{ ...owner, id, label: label || id }];
  });
  if (rows.length === 0) return null;

  return (
    <section className="rk-source" aria-labelledby={titleId}>
      <h3 id={titleId} className="rk-attrs-heading">
        {t('detail.source.title')}
      </h3>
      <ul className="rk-source-list">
        {rows.map((row) => {
          const kind = t(`detail.category.${row.category}`);
          return (
            <li key={row.key} className="rk-source-row" data-source={row.category}>
              <div className="rk-source-text">
                <span className="rk-source-kind">{kind}</span>
                <span className="rk-source-label">{row.label}</span>
                <code className="rk-source-id">{row.id}</code>
              </div>
              <div className="rk-actions rk-source-actions">
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('detail.source.openLabel', { kind, label: row.label })}
                  onClick={() => onOpen({ category: row.category, id: row.id })}
                >
                  <LinkIcon />
                  {t('detail.source.open')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('detail.source.filterLabel', { key: row.key })}
                  onClick={() => onFilter({ key: row.key, value: row.id })}
                >
                  <ExploreIcon />
                  {t('detail.source.filter')}
                </Button>
                <CopyButton
                  iconOnly
                  text={row.id}
                  labels={{
                    copy: t('common.copy'),
                    copied: t('common.copied'),
                    failed: t('common.copyFailed'),
                    label: t('detail.source.copyLabel', { key: row.key }),
                    announce: t('common.copiedAnnounce', { what: row.key }),
                  }}
                />
                {row.category === 'session' && onPlayReplay ? (
                  <Button size="sm" variant="ghost" onClick={() => onPlayReplay(asRecord(record))}>
                    <PlayIcon />
                    {t('detail.replay.play')}
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
