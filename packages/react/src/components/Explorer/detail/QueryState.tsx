import type { ReactNode } from 'react';
import { ErrorPanel, StatePanel } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { Loadable } from './useEventDrawer.js';

/**
 * What a part of the drawer shows until its data is there: loading text, the waiting-for-network
 * note, the not-found note (a record past retention), or the error with a retry. Ready: children.
 */
export function QueryState<T>({
  query,
  errorTitle,
  children,
}: {
  query: Loadable<T>;
  errorTitle: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useRumKit();
  switch (query.state) {
    case 'loading':
      return (
        <p role="status" className="rk-muted rk-detail-status">
          {t('detail.loading')}
        </p>
      );
    case 'idle':
      return <StatePanel title={t('common.waitingForNetwork')} />;
    case 'empty':
      return (
        <StatePanel title={t('detail.notFound.title')}>{t('detail.notFound.body')}</StatePanel>
      );
    case 'error':
      return <ErrorPanel title={errorTitle} error={query.error} t={t} onRetry={query.retry} />;
    default:
      return query.data === undefined ? null : children(query.data);
  }
}
