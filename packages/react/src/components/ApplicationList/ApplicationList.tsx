import type { App } from '@rumkit/core';
import { useId, useRef } from 'react';
import {
  AppTypeIcon,
  Button,
  ChartIcon,
  ConfirmDialog,
  CopyButton,
  EditIcon,
  ErrorIcon,
  ErrorPanel,
  ExploreIcon,
  errorText,
  MenuButton,
  type MenuItem,
  MoreIcon,
  NavAction,
  PlusIcon,
  SearchIcon,
  SortIcon,
  StatePanel,
  TrashIcon,
  useAnnouncer,
  VisuallyHidden,
} from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';
import {
  type ApplicationListOptions,
  type AppRow,
  type Sort,
  type SortColumn,
  useApplicationList,
} from './useApplicationList.js';

export interface ApplicationListProps extends ApplicationListOptions {
  /** Shows a "Create app" button that calls this. Default: no button. */
  onCreate?: () => void;
  /** Adds "Edit" to each row's menu. Default: no such item. */
  onEdit?: (app: App) => void;
  /** Adds "Bind dashboards" to the menu of Custom apps. Default: no such item. */
  onBindDashboards?: (app: App) => void;
  /** Extra class names for the root element. */
  className?: string;
}

/**
 * The workspace's apps: type, name, app_id, creation time, links to each app's analysis
 * dashboard and explorer, and a menu to edit or delete (with confirmation). Searchable and
 * sortable; every state (loading, empty, error, ready, waiting for the network) is drawn.
 */
export function ApplicationList({
  onCreate,
  onEdit,
  onBindDashboards,
  className,
  ...options
}: ApplicationListProps) {
  const { t } = useRumKit();
  const list = useApplicationList(options);
  const titleId = useId();
  const countId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [announcer, announce] = useAnnouncer();

  const count =
    list.state === 'ready' || (list.state === 'empty' && list.emptyReason === 'search')
      ? list.search.trim()
        ? t.plural('list.matching', list.rows.length, { total: list.total })
        : t.plural('list.count', list.total)
      : null;

  return (
    <section
      className={`rk-root rk-applist${className ? ` ${className}` : ''}`}
      data-state={list.state}
      aria-labelledby={titleId}
    >
      <div className="rk-toolbar">
        <h2 id={titleId} className="rk-toolbar-title">
          {t('list.title')}
          {count ? (
            <span id={countId} className="rk-count">
              {count}
            </span>
          ) : null}
        </h2>
        <div className="rk-search">
          <SearchIcon />
          <input
            ref={searchRef}
            type="search"
            className="rk-input"
            aria-label={t('list.search')}
            placeholder={t('list.searchPlaceholder')}
            value={list.search}
            onChange={(event) => list.setSearch(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && list.search) {
                event.preventDefault();
                list.setSearch('');
              }
            }}
          />
        </div>
        {onCreate ? (
          <Button variant="primary" onClick={onCreate}>
            <PlusIcon />
            {t('list.create')}
          </Button>
        ) : null}
      </div>

      {list.refreshError ? (
        <div className="rk-alert" role="alert">
          <ErrorIcon />
          <span>{errorText(list.refreshError, t)}</span>
        </div>
      ) : null}

      {list.state === 'loading' ? <LoadingTable label={t('list.loading')} /> : null}
      {list.state === 'idle' ? <StatePanel title={t('common.waitingForNetwork')} /> : null}
      {list.state === 'error' ? (
        <ErrorPanel title={t('list.error.title')} error={list.error} t={t} onRetry={list.retry} />
      ) : null}
      {list.state === 'empty' && list.emptyReason === 'none' ? (
        <StatePanel
          title={t('list.empty.title')}
          actions={
            onCreate ? (
              <Button variant="primary" onClick={onCreate}>
                <PlusIcon />
                {t('list.create')}
              </Button>
            ) : undefined
          }
        >
          {t('list.empty.body')}
        </StatePanel>
      ) : null}
      {list.state === 'empty' && list.emptyReason === 'search' ? (
        <StatePanel
          title={t('list.noMatch.title', { query: list.search.trim() })}
          actions={
            <Button
              onClick={() => {
                list.setSearch('');
                searchRef.current?.focus();
              }}
            >
              {t('list.clearSearch')}
            </Button>
          }
        >
          {t('list.noMatch.body')}
        </StatePanel>
      ) : null}

      {list.state === 'ready' ? (
        <div className="rk-table-wrap">
          <table className="rk-table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <SortableHeader
                  column="name"
                  label={t('list.col.app')}
                  sort={list.sort}
                  onSort={list.toggleSort}
                />
                <th scope="col">{t('list.col.appId')}</th>
                <SortableHeader
                  column="created"
                  label={t('list.col.created')}
                  sort={list.sort}
                  onSort={list.toggleSort}
                />
                <th scope="col">{t('list.col.analysis')}</th>
                <th scope="col">
                  <VisuallyHidden>{t('list.col.actions')}</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <AppRowView key={row.app.id} row={row} menu={rowMenu(row.app)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <ConfirmDialog
        open={list.deleting !== null}
        title={t('delete.title', { name: list.deleting?.name ?? '' })}
        confirmLabel={t('delete.confirm')}
        pendingLabel={t('delete.pending')}
        cancelLabel={t('common.cancel')}
        pending={list.deletePending}
        error={
          list.deleteError ? t('delete.failed', { message: errorText(list.deleteError, t) }) : null
        }
        onCancel={list.cancelDelete}
        onConfirm={() =>
          list.confirmDelete((app) => {
            announce(t('list.deleted', { name: app.name }));
            // The row and its menu button are gone: put focus somewhere that still exists.
            searchRef.current?.focus();
          })
        }
      >
        <p>{t.nodes('delete.body', { appId: <code>{list.deleting?.app_id}</code> })}</p>
      </ConfirmDialog>
      {announcer}
    </section>
  );

  function rowMenu(app: App): MenuItem[] {
    const items: MenuItem[] = [];
    if (onEdit)
      items.push({
        id: 'edit',
        label: t('list.edit'),
        icon: <EditIcon />,
        onSelect: () => onEdit(app),
      });
    if (onBindDashboards && app.type === 'custom')
      items.push({
        id: 'bind',
        label: t('list.bind'),
        icon: <ChartIcon />,
        onSelect: () => onBindDashboards(app),
      });
    items.push({
      id: 'delete',
      label: t('list.delete'),
      icon: <TrashIcon />,
      tone: 'danger',
      separated: items.length > 0,
      onSelect: () => list.requestDelete(app),
    });
    return items;
  }
}

function SortableHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: SortColumn;
  label: string;
  sort: Sort;
  onSort: (column: SortColumn) => void;
}) {
  const direction = sort.column === column ? sort.direction : 'none';
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" className="rk-sort" onClick={() => onSort(column)}>
        {label}
        <SortIcon direction={direction} />
      </button>
    </th>
  );
}

function AppRowView({ row, menu }: { row: AppRow; menu: MenuItem[] }) {
  const { t } = useRumKit();
  const { app } = row;
  return (
    <tr data-recent={row.isRecent ? '' : undefined} data-app-id={app.app_id}>
      <td>
        <div className="rk-app-cell">
          <AppTypeIcon type={app.type} />
          <div>
            <div className="rk-app-name">
              {app.name}
              {row.isRecent ? <span className="rk-badge">{t('list.new')}</span> : null}
            </div>
            <div className="rk-app-type">{row.typeLabel}</div>
          </div>
        </div>
      </td>
      <td>
        <span className="rk-appid">
          <code title={app.app_id}>{app.app_id}</code>
          <CopyButton
            iconOnly
            text={app.app_id}
            labels={{
              copy: t('common.copy'),
              copied: t('common.copied'),
              failed: t('common.copyFailed'),
              label: t('common.copyLabel', { what: t('list.copyAppId', { appId: app.app_id }) }),
              announce: t('common.copiedAnnounce', { what: app.app_id }),
            }}
          />
        </span>
      </td>
      <td className="rk-nowrap">
        <time dateTime={app.created_at}>{row.created}</time>
      </td>
      <td>
        <div className="rk-links">
          {row.dashboard ? (
            <NavAction
              href={row.dashboard.href}
              onOpen={row.dashboard.onOpen}
              disabledReason={row.dashboard.disabledReason}
              label={t('list.dashboardLabel', { name: app.name })}
            >
              <ChartIcon />
              {t('list.dashboard')}
            </NavAction>
          ) : null}
          {row.explorer ? (
            <NavAction
              href={row.explorer.href}
              onOpen={row.explorer.onOpen}
              label={t('list.explorerLabel', { name: app.name })}
            >
              <ExploreIcon />
              {t('list.explorer')}
            </NavAction>
          ) : null}
        </div>
      </td>
      <td>
        <MenuButton label={t('list.menu', { name: app.name })} items={menu}>
          <MoreIcon />
        </MenuButton>
      </td>
    </tr>
  );
}

function LoadingTable({ label }: { label: string }) {
  return (
    <div className="rk-table-wrap" aria-busy="true">
      <p role="status" className="rk-visually-hidden">
        {label}
      </p>
      <table className="rk-table" aria-hidden="true">
        <tbody>
          {[0, 1, 2, 3, 4].map((i) => (
            <tr key={i}>
              <td>
                <div className="rk-app-cell">
                  <span className="rk-type-icon" />
                  <span className="rk-skeleton" style={{ width: 140 + ((i * 37) % 80) }} />
                </div>
              </td>
              <td>
                <span className="rk-skeleton" style={{ width: 180 }} />
              </td>
              <td>
                <span className="rk-skeleton" style={{ width: 110 }} />
              </td>
              <td>
                <span className="rk-skeleton" style={{ width: 130 }} />
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
