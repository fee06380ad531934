import {
  type App,
  appDetailOptions,
  appKeys,
  BUILT_IN_VIEWS,
  type BuiltInView,
  builtInView,
  type FuzzyResult,
  fuzzyFilter,
  fuzzyMatch,
  PLATFORM_LABELS,
  writeAppToCache,
} from '@rumkit/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useRumKit } from '../../provider/context.js';
import type { ComponentState } from '../ApplicationList/useApplicationList.js';

export interface DashboardBinderOptions {
  /** The internal id of the Custom app whose bindings are edited. */
  appId: string;
  /** Called after each saved change, with the app as the server now has it. */
  onChange?: (app: App) => void;
}

/** A bound view, or an id the catalogue no longer knows (kept so it can be removed). */
export type BoundView = { id: string; view: BuiltInView | undefined };

/** The last change asked for, to announce it once saved. */
export type BindingChange = {
  kind: 'bind' | 'remove' | 'first';
  id: string;
  view: BuiltInView | undefined;
};

/** State, search and handlers of the DashboardBinder; the component only renders them. */
export function useDashboardBinder({ appId, onChange }: DashboardBinderOptions) {
  const { backend, queryClient, locale, navigation } = useRumKit();
  const query = useQuery(appDetailOptions(backend, appId), queryClient);
  const app = query.data;
  const bindings = app?.dashboard_bindings ?? [];

  const [search, setSearch] = useState('');
  const [lastChange, setLastChange] = useState<BindingChange | null>(null);

  const key = appKeys.detail(appId);
  const mutation = useMutation(
    {
      mutationFn: (next: string[]) =>
        backend.updateApp({ id: appId, patch: { dashboard_bindings: next } }),
      // One app's changes run one after another, each from the state the last one left.
      scope: { id: `rumkit-bindings-${appId}` },
      onMutate: async (next: string[]) => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData<App>(key);
        if (previous) queryClient.setQueryData<App>(key, { ...previous, dashboard_bindings: next });
        return { previous };
      },
      onError: (_error, _next, context) => {
        if (context?.previous) queryClient.setQueryData(key, context.previous);
      },
      onSuccess: (saved) => {
        writeAppToCache(queryClient, saved);
        onChange?.(saved);
      },
    },
    queryClient,
  );

  const change = useCallback(
    (next: string[], what: BindingChange) => {
      setLastChange(what);
      mutation.mutate(next);
    },
    [mutation],
  );

  const bound: BoundView[] = bindings.map((id) => ({ id, view: builtInView(id) }));
  const available = useMemo(
    () => BUILT_IN_VIEWS.filter((view) => !bindings.includes(view.id)),
    [bindings],
  );
  const other = locale === 'zh' ? 'en' : 'zh';
  const results: FuzzyResult<BuiltInView>[] = useMemo(
    () =>
      fuzzyFilter(available, search, (view) => [
        view.title[locale],
        view.title[other],
        view.id,
        PLATFORM_LABELS[view.platform][other],
      ]).map((result) => ({
        ...result,
        // Whatever text matched best, mark the letters of the shown title that match.
        ranges: fuzzyMatch(search, result.item.title[locale])?.ranges ?? [],
      })),
    [available, search, locale, other],
  );

  let state: ComponentState;
  if (query.isPending) state = query.fetchStatus === 'paused' ? 'idle' : 'loading';
  else if (query.isError) state = 'error';
  else if (bindings.length === 0) state = 'empty';
  else state = 'ready';

  const variables = app ? { app_id: app.app_id } : undefined;
  const { openView, viewHref } = navigation;

  return {
    state,
    app,
    isCustom: app?.type === 'custom',
    error: query.error,
    retry: () => void query.refetch(),
    bound,
    /** Views that can still be bound, best match first, with the matched ranges of the title. */
    results,
    availableCount: available.length,
    search,
    setSearch,
    bind: (view: BuiltInView) =>
      change([...bindings, view.id], { kind: 'bind', id: view.id, view }),
    remove: (id: string) =>
      change(
        bindings.filter((b) => b !== id),
        { kind: 'remove', id, view: builtInView(id) },
      ),
    makeFirst: (id: string) =>
      change([id, ...bindings.filter((b) => b !== id)], {
        kind: 'first',
        id,
        view: builtInView(id),
      }),
    saving: mutation.isPending,
    saveError: mutation.error,
    lastChange,
    canOpen: Boolean(openView || viewHref),
    openView: (view: BuiltInView) => (variables ? openView?.(view, variables) : undefined),
    viewHref: (view: BuiltInView) => (variables ? viewHref?.(view, variables) : undefined),
    hasOpenCallback: Boolean(openView),
  };
}
