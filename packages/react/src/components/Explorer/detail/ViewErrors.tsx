import type { EventRecord, ExplorerDetail } from '@rumkit/core';
import { CategoryIcon, StatePanel } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { useTimeFormats } from '../timeFormat.js';
import { recordTitle, text } from './labels.js';

// Errors sent without an id still need a key; the list's order is the API's and never changes.
const keyed = (errors: readonly EventRecord[]) =>
  errors.map((error, position) => ({ error, key: `${text(error.error_id)}:${position}` }));

/** The errors of a view, newest last, each opening its own detail. */
export function ViewErrors({
  errors,
  onOpen,
}: {
  errors: readonly EventRecord[];
  onOpen: (detail: ExplorerDetail) => void;
}) {
  const { t } = useRumKit();
  const time = useTimeFormats();
  if (errors.length === 0) return <StatePanel title={t('detail.viewErrors.empty')} />;
  return (
    <ol className="rk-view-errors" aria-label={t('detail.viewErrors.label')}>
      {keyed(errors).map(({ error, key }) => {
        const id = text(error.error_id);
        const content = (
          <>
            <span className="rk-timeline-time">{time.clock(error.time)}</span>
            <span className="rk-timeline-icon" data-category="error">
              <CategoryIcon category="error" />
            </span>
            <span className="rk-timeline-label">
              {recordTitle('error', error, t)}
              {error.error_source ? (
                <span className="rk-timeline-sub">{text(error.error_source)}</span>
              ) : null}
            </span>
          </>
        );
        return (
          <li key={key}>
            {id ? (
              <button
                type="button"
                className="rk-timeline-entry"
                data-category="error"
                onClick={() => onOpen({ category: 'error', id })}
              >
                {content}
              </button>
            ) : (
              <div className="rk-timeline-entry" data-category="error">
                {content}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
