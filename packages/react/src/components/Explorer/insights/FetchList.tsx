import { type EventRecord, type ExplorerDetail, ID_FIELD } from '@rumkit/core';
import { useId, useMemo } from 'react';
import { CopyButton, LinkIcon, StatePanel } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { formatMs, numeric, statusTone, text, urlPath } from './format.js';

export interface FetchListProps {
  /** The view's resources; the list keeps its XHR and Fetch requests. */
  resources: readonly EventRecord[];
  onOpen: (detail: ExplorerDetail) => void;
  /** Where a trace id links to (the host's APM); without it the id is shown and copyable. */
  traceHref?: ((traceId: string, record: EventRecord) => string | undefined) | undefined;
}

const isApiCall = (record: EventRecord) => {
  const type = text(record.resource_type).toLowerCase();
  return type === 'xhr' || type === 'fetch';
};

/**
 * A view's Fetch/XHR tab (spec §1.6): each request's time from the first, method, path (the
 * whole URL on hover), status, duration and trace. The path opens the request; the trace opens
 * the host's APM when it gives a link, and is copyable otherwise.
 */
export function FetchList({ resources, onOpen, traceHref }: FetchListProps) {
  const { t } = useRumKit();
  const titleId = useId();
  const requests = useMemo(
    () => resources.filter(isApiCall).sort((a, b) => a.time - b.time),
    [resources],
  );
  const first = requests[0]?.time ?? 0;

  return (
    <section
      className="rk-root rk-fetch"
      data-state={requests.length === 0 ? 'empty' : 'ready'}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className="rk-insight-title">
        {t('insight.fetch.title')}{' '}
        <span className="rk-muted">{t.plural('insight.fetch.count', requests.length)}</span>
      </h3>
      {requests.length === 0 ? (
        <StatePanel title={t('insight.fetch.empty')} />
      ) : (
        <div className="rk-table-wrap rk-fetch-wrap">
          <table className="rk-table rk-fetch-table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('insight.fetch.time')}</th>
                <th scope="col">{t('insight.fetch.method')}</th>
                <th scope="col">{t('insight.fetch.url')}</th>
                <th scope="col">{t('insight.fetch.status')}</th>
                <th scope="col" className="rk-num">
                  {t('insight.fetch.duration')}
                </th>
                <th scope="col">{t('insight.fetch.trace')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((record, index) => {
                const id = text(record[ID_FIELD.resource]);
                const method = text(record.resource_method);
                const path = urlPath(record);
                const status = numeric(record.resource_status);
                const duration = numeric(record.duration);
                const traceId = text(record.trace_id);
                const href = traceId && traceHref ? traceHref(traceId, record) : undefined;
                const open = () => onOpen({ category: 'resource', id });
                return (
                  <tr
                    key={id || `${record.time}-${index}`}
                    data-status={statusTone(status)}
                    // A click anywhere on the row opens it; the path's button is the keyboard way.
                    onClick={id ? open : undefined}
                    data-openable={id ? '' : undefined}
                  >
                    <td className="rk-num rk-muted">+{formatMs(record.time - first)}</td>
                    <td>{method}</td>
                    <td className="rk-fetch-url" title={text(record.resource_url)}>
                      {id ? (
                        <button
                          type="button"
                          className="rk-link-button"
                          aria-label={t('insight.fetch.open', { method, url: path })}
                          onClick={(event) => {
                            event.stopPropagation();
                            open();
                          }}
                        >
                          {path}
                        </button>
                      ) : (
                        path
                      )}
                    </td>
                    <td>
                      <span className="rk-status" data-tone={statusTone(status)}>
                        {status === null || status === 0 ? t('insight.fetch.failed') : status}
                      </span>
                    </td>
                    <td className="rk-num">{duration === null ? '' : formatMs(duration / 1e6)}</td>
                    {/* biome-ignore lint/a11y/useKeyWithClickEvents: only stops the row's click; its contents are links and buttons */}
                    <td className="rk-fetch-trace" onClick={(event) => event.stopPropagation()}>
                      {traceId === '' ? (
                        <span className="rk-muted">{t('insight.fetch.noTrace')}</span>
                      ) : href ? (
                        <a
                          className="rk-link"
                          href={href}
                          target="_blank"
                          rel="noreferrer"
                          aria-label={t('insight.fetch.openTrace', { id: traceId })}
                          title={traceId}
                        >
                          <LinkIcon />
                          <code>{traceId}</code>
                        </a>
                      ) : (
                        <span className="rk-fetch-trace-id">
                          <code title={traceId}>{traceId}</code>
                          <CopyButton
                            iconOnly
                            text={traceId}
                            labels={{
                              copy: t('common.copy'),
                              copied: t('common.copied'),
                              failed: t('common.copyFailed'),
                              label: t('common.copyLabel', {
                                what: t('insight.fetch.traceId', { id: traceId }),
                              }),
                              announce: t('common.copiedAnnounce', {
                                what: t('insight.fetch.trace'),
                              }),
                            }}
                          />
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
