import { useSyncExternalStore } from 'react';

// The console routes through the URL's hash, so the server needs no routes of its own for it,
// links can be opened in a new tab, and the browser's back button walks through the screens.

export type Route =
  | { screen: 'apps' }
  | { screen: 'new' }
  | { screen: 'edit'; id: string; step: 'details' | 'integrate' }
  | { screen: 'dashboards'; id: string }
  | { screen: 'dashboard'; id: string; viewId: string; appId: string }
  | {
      screen: 'explorer';
      /** The app the explorer was opened from, if any (its internal id). */
      id: string | null;
      appId: string;
      /** The explorer's own state as URL parameters (explorerStateToParams). */
      params: URLSearchParams;
    }
  | {
      screen: 'replay';
      sessionId: string;
      appId: string;
      /** The moment to play from, ms since the epoch (the `t` parameter). */
      time: number | undefined;
    }
  | { screen: 'view'; viewId: string; appId: string }
  | { screen: 'not-found'; path: string };

export const href = {
  apps: () => '#/apps',
  newApp: () => '#/apps/new',
  edit: (id: string, step: 'details' | 'integrate' = 'details') =>
    `#/apps/${encodeURIComponent(id)}/${step === 'details' ? 'edit' : 'integrate'}`,
  dashboards: (id: string) => `#/apps/${encodeURIComponent(id)}/dashboards`,
  dashboard: (id: string, viewId: string, appId: string) =>
    `#/apps/${encodeURIComponent(id)}/dashboard/${encodeURIComponent(viewId)}?app_id=${encodeURIComponent(appId)}`,
  explorer: (id: string, appId: string) =>
    `#/apps/${encodeURIComponent(id)}/explorer?app_id=${encodeURIComponent(appId)}`,
  /** The explorer with its state in the URL, so every change is a step the back button undoes. */
  explorerState: (id: string | null, appId: string, params: URLSearchParams) => {
    const query = new URLSearchParams(params);
    if (appId) query.set('app_id', appId);
    const path = id ? `#/apps/${encodeURIComponent(id)}/explorer` : '#/explorer';
    return `${path}?${query.toString()}`;
  },
  /**
   * A session's replay at a moment: the explorer's play buttons open it, and the player keeps
   * `t` current (replacing the entry, so the back button still leads back to the explorer).
   */
  replay: (sessionId: string, appId: string, time?: number) => {
    const query = new URLSearchParams();
    if (appId) query.set('app_id', appId);
    if (time !== undefined) query.set('t', String(Math.round(time)));
    const search = query.toString();
    return `#/replay/${encodeURIComponent(sessionId)}${search ? `?${search}` : ''}`;
  },
  view: (viewId: string, appId: string) =>
    `#/views/${encodeURIComponent(viewId)}?app_id=${encodeURIComponent(appId)}`,
};

export function parseRoute(hash: string): Route {
  const [rawPath = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = rawPath.split('/').filter(Boolean).map(decodeURIComponent);
  const appId = params.get('app_id') ?? '';
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'apps')) return { screen: 'apps' };
  if (parts[0] === 'apps' && parts[1] === 'new' && parts.length === 2) return { screen: 'new' };
  if (parts[0] === 'apps' && parts.length >= 3) {
    const id = parts[1] as string;
    switch (parts[2]) {
      case 'edit':
        return { screen: 'edit', id, step: 'details' };
      case 'integrate':
        return { screen: 'edit', id, step: 'integrate' };
      case 'dashboards':
        return { screen: 'dashboards', id };
      case 'dashboard':
        if (parts[3]) return { screen: 'dashboard', id, viewId: parts[3], appId };
        break;
      case 'explorer':
        return { screen: 'explorer', id, appId, params };
    }
  }
  if (parts[0] === 'explorer' && parts.length === 1)
    return { screen: 'explorer', id: null, appId, params };
  if (parts[0] === 'views' && parts[1]) return { screen: 'view', viewId: parts[1], appId };
  if (parts[0] === 'replay' && parts[1] && parts.length === 2) {
    // A moment that is not a number opens the replay at its start.
    const raw = params.get('t');
    const time = raw ? Number(raw) : Number.NaN;
    return {
      screen: 'replay',
      sessionId: parts[1],
      appId,
      time: Number.isFinite(time) ? time : undefined,
    };
  }
  return { screen: 'not-found', path: rawPath };
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, () => window.location.hash));
}

export function navigate(to: string): void {
  window.location.hash = to.replace(/^#/, '');
}

/** Changes the address without a new history entry (and without a hashchange). */
export function replaceRoute(to: string): void {
  window.history.replaceState(window.history.state, '', to);
}
