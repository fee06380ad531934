import type { ExplorerDetail, SessionDetail } from '@rumkit/core';
import { useId, useMemo, useState } from 'react';
import {
  CategoryIcon,
  StatePanel,
  ToggleGroup,
  VisuallyHidden,
  WarningIcon,
} from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { useTimeFormats } from '../timeFormat.js';
import { formatted, recordTitle, text } from './labels.js';
import { asRecord, asRecords } from './records.js';
import { formatOffset } from './time.js';
import { buildTimeline, detailedCount, type TimelineItem } from './timeline.js';

export interface SessionTimelineProps {
  detail: SessionDetail;
  /** Opens an entry's detail in the drawer. */
  onOpen: (detail: ExplorerDetail) => void;
}

const DURATION_FIELD = {
  view: 'loading_time',
  action: 'duration',
  resource: 'duration',
  long_task: 'duration',
  error: '',
} as const;
const ERROR_COUNT: Partial<Record<TimelineItem['category'], string>> = {
  view: 'view_error_count',
  action: 'action_error_count',
};

/**
 * A session's views, actions and errors in time order (resources and long tasks on request),
 * each view heading its own events. Times read absolute or from the session's start; a click
 * opens the entry's detail.
 */
export function SessionTimeline({ detail, onOpen }: SessionTimelineProps) {
  const { t } = useRumKit();
  const formats = useTimeFormats();
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [relative, setRelative] = useState(true);
  const [all, setAll] = useState(false);
  const toggleId = useId();
  const sections = useMemo(
    () => buildTimeline(asRecords(detail.events), { order, all }),
    [detail.events, order, all],
  );
  const hidden = detailedCount(asRecords(detail.events));
  const start = asRecord(detail.session).time;

  const time = (ms: number) => (relative ? formatOffset(ms - start) : formats.clock(ms));

  const entry = (item: TimelineItem, heading: boolean) => {
    const { category, record } = item;
    const label = recordTitle(category, record, t);
    const field = DURATION_FIELD[category];
    const duration = field ? formatted(field, record[field]) : '';
    const errorField = ERROR_COUNT[category];
    const errors = errorField ? Number(record[errorField] ?? 0) : 0;
    const content = (
      <>
        <span className="rk-timeline-time">{time(record.time)}</span>
        <span className="rk-timeline-icon" data-category={category}>
          <CategoryIcon category={category} />
        </span>
        <span className="rk-timeline-label">
          <VisuallyHidden>{`${t(`detail.category.${category}`)}: `}</VisuallyHidden>
          {label}
          {category === 'view' && record.view_url ? (
            <span className="rk-timeline-sub">{text(record.view_url)}</span>
          ) : null}
        </span>
        {duration ? <span className="rk-timeline-duration">{duration}</span> : null}
        {errors > 0 ? (
          <span className="rk-timeline-errors">
            <WarningIcon />
            {t.plural('detail.badge.errors', errors)}
          </span>
        ) : null}
      </>
    );
    const className = `rk-timeline-entry${heading ? ' rk-timeline-view' : ''}`;
    return item.id ? (
      <button
        type="button"
        className={className}
        data-category={category}
        onClick={() => onOpen({ category, id: item.id as string })}
      >
        {content}
      </button>
    ) : (
      // Without an id (older SDKs send none for resources, errors, long tasks) there is no
      // detail to open; the entry is still part of the story.
      <div className={className} data-category={category}>
        {content}
      </div>
    );
  };

  return (
    <div className="rk-timeline">
      <div className="rk-timeline-toolbar">
        <ToggleGroup
          label={t('detail.timeline.order')}
          className="rk-segmented"
          options={[
            { value: 'asc', label: t('detail.timeline.oldest') },
            { value: 'desc', label: t('detail.timeline.newest') },
          ]}
          value={order}
          onChange={setOrder}
        />
        <ToggleGroup
          label={t('detail.timeline.timeFormat')}
          className="rk-segmented"
          options={[
            { value: true, label: t('detail.timeline.relative') },
            { value: false, label: t('detail.timeline.absolute') },
          ]}
          value={relative}
          onChange={setRelative}
        />
        <label className="rk-check rk-timeline-all" htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            checked={all}
            onChange={(event) => setAll(event.target.checked)}
          />
          {t('detail.timeline.showAll', { count: hidden })}
        </label>
      </div>
      {detail.truncated ? (
        <p className="rk-callout rk-timeline-truncated">{t('detail.timeline.truncated')}</p>
      ) : null}
      {sections.length === 0 ? (
        <StatePanel title={t('detail.timeline.empty')} />
      ) : (
        <ol className="rk-timeline-sections" aria-label={t('detail.timeline.label')}>
          {sections.map((section) => (
            <li key={section.key} className="rk-timeline-section">
              {section.view ? (
                entry(section.view, true)
              ) : (
                <div className="rk-timeline-entry rk-timeline-view" data-category="view">
                  <span className="rk-timeline-label rk-muted">
                    {t('detail.timeline.unknownView')}
                  </span>
                </div>
              )}
              {section.items.length > 0 ? (
                <ol className="rk-timeline-items">
                  {section.items.map((item) => (
                    <li key={item.key}>{entry(item, false)}</li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
