import {
  type App,
  appListOptions,
  dashboardForApp,
  deleteAppMutation,
  removeAppFromCache,
} from '@rumkit/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useControllableState } from '../../hooks/useControllableState.js';
import { useKitUi } from '../../hooks/useKitUi.js';
import { useRumKit } from '../../provider/context.js';

export type ComponentState = 'idle' | 'loading' | 'empty' | 'error' | 'ready';

export interface ApplicationListOptions {
  /** The search text, when the host owns it. */
  search?: string;
  /** The starting search text when the list owns it. Default `''`. */
  defaultSearch?: string;
  /** Called with every change of the search text. */
  onSearchChange?: (search: string) => void;
  /** Called when an app has been deleted. */
  onDeleted?: (app: App) => void;
}

export type SortColumn = 'name' | 'created';
export interface Sort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

/** How one app shows in the list. */
export interface AppRow {
  app: App;
  typeLabel: string;
  created: string;
  isRecent: boolean;
  dashboard: {
    href?: string | undefined;
    onOpen?: (() => void) | undefined;
    /** Set when there is nothing to open: a Custom app with no bound view. */
    disabledReason?: string | undefined;
  } | null;
  explorer: { href?: string | undefined; onOpen?: (() => void) | undefined } | null;
}

/** State, data and handlers of the ApplicationList; the component only renders them. */
export function useApplicationList(options: ApplicationListOptions = {}) {
  const { backend, queryClient, t, navigation, formatDateTime, locale } = useRumKit();
  const query = useQuery(appListOptions(backend), queryClient);
  const recentAppId = useKitUi((s) => s.recentAppId);
  const [search, setSearch] = useControllableState({
    value: options.search,
    defaultValue: options.defaultSearch ?? '',
    onChange: options.onSearchChange,
  });
  const [sort, setSort] = useState<Sort>({ column: 'created', direction: 'descending' });

  const [deleting, setDeleting] = useState<App | null>(null);
  const { onDeleted } = options;
  const deletion = useMutation(
    {
      ...deleteAppMutation(backend),
      onSuccess: (_result, { id }) => removeAppFromCache(queryClient, id),
    },
    queryClient,
  );

  const apps = query.data;
  const rows = useMemo<AppRow[]>(() => {
    if (!apps) return [];
    const needle = search.trim().toLowerCase();
    const typeLabel = (app: App) => t(`appType.${app.type}` as const);
    const matching = needle
      ? apps.filter((app) =>
          [app.name, app.app_id, typeLabel(app), app.type].some((text) =>
            text.toLowerCase().includes(needle),
          ),
        )
      : apps;
    const collator = new Intl.Collator(locale === 'zh' ? 'zh-CN' : 'en', { numeric: true });
    const sign = sort.direction === 'ascending' ? 1 : -1;
    const sorted =
      sort.column === 'name'
        ? [...matching].sort((a, b) => sign * collator.compare(a.name, b.name))
        : sort.direction === 'descending'
          ? matching // the server lists newest first
          : [...matching].reverse();
    return sorted.map((app) => {
      const variables = { app_id: app.app_id };
      const view = dashboardForApp(app);
      const dashboardTarget = view ? { app, view, variables } : undefined;
      const { openDashboard, dashboardHref, openExplorer, explorerHref } = navigation;
      const canDashboard = Boolean(openDashboard || dashboardHref);
      const canExplore = Boolean(openExplorer || explorerHref);
      return {
        app,
        typeLabel: typeLabel(app),
        created: formatDateTime(app.created_at),
        isRecent: app.id === recentAppId,
        dashboard: !canDashboard
          ? null
          : dashboardTarget
            ? {
                href: dashboardHref?.(dashboardTarget),
                onOpen: openDashboard ? () => openDashboard(dashboardTarget) : undefined,
              }
            : { disabledReason: t('list.dashboardUnbound') },
        explorer: canExplore
          ? {
              href: explorerHref?.({ app, variables }),
              onOpen: openExplorer ? () => openExplorer({ app, variables }) : undefined,
            }
          : null,
      };
    });
  }, [apps, search, sort, t, locale, navigation, formatDateTime, recentAppId]);

  let state: ComponentState;
  if (query.isPending) state = query.fetchStatus === 'paused' ? 'idle' : 'loading';
  else if (query.isError && !apps) state = 'error';
  else if (rows.length === 0) state = 'empty';
  else state = 'ready';

  const toggleSort = useCallback((column: SortColumn) => {
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: column === 'name' ? 'ascending' : 'descending' },
    );
  }, []);

  const requestDelete = useCallback(
    (app: App) => {
      deletion.reset();
      setDeleting(app);
    },
    [deletion],
  );
  const cancelDelete = useCallback(() => {
    if (!deletion.isPending) setDeleting(null);
  }, [deletion.isPending]);
  const confirmDelete = useCallback(
    (then?: (app: App) => void) => {
      const app = deleting;
      if (!app) return;
      deletion.mutate(
        { id: app.id },
        {
          onSuccess: () => {
            setDeleting(null);
            then?.(app);
            onDeleted?.(app);
          },
        },
      );
    },
    [deleting, deletion, onDeleted],
  );

  return {
    state,
    /** Why the list is empty: nothing exists, or nothing matches the search. */
    emptyReason: (apps?.length ?? 0) === 0 ? ('none' as const) : ('search' as const),
    rows,
    total: apps?.length ?? 0,
    error: query.error,
    /** A refresh failed while older data is still shown. */
    refreshError: query.isError && apps ? query.error : null,
    retry: () => void query.refetch(),
    search,
    setSearch,
    sort,
    toggleSort,
    deleting,
    deleteError: deletion.error,
    deletePending: deletion.isPending,
    requestDelete,
    cancelDelete,
    confirmDelete,
  };
}
