import type { App, BuiltInView, RumBackend, ViewVariables } from '@rumkit/core';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Locale, Translator } from '../i18n/index.js';
import type { KitStore } from './store.js';

/** Where the host's "Analysis dashboard" link of an app goes. */
export interface DashboardTarget {
  app: App;
  view: BuiltInView;
  variables: ViewVariables;
}

/** Where the host's "Explorer" link of an app goes. */
export interface ExplorerTarget {
  app: App;
  variables: ViewVariables;
}

/**
 * What "open dashboard", "open explorer" and "open view" mean is the host's decision. Give a
 * callback, an href, or both: with an href the kit renders a real link (open in a new tab, copy
 * the address) and still calls the callback on a plain click; with neither, the link is not shown.
 */
export interface RumNavigation {
  openDashboard?: (target: DashboardTarget) => void;
  dashboardHref?: (target: DashboardTarget) => string | undefined;
  openExplorer?: (target: ExplorerTarget) => void;
  explorerHref?: (target: ExplorerTarget) => string | undefined;
  /** Opens a built-in view with its variables (the DashboardBinder's "Open"). */
  openView?: (view: BuiltInView, variables: ViewVariables) => void;
  viewHref?: (view: BuiltInView, variables: ViewVariables) => string | undefined;
}

export interface RumKitContextValue {
  backend: RumBackend;
  queryClient: QueryClient;
  locale: Locale;
  t: Translator;
  navigation: RumNavigation;
  /** The origin SDKs send events to, filled into the snippets. */
  intakeOrigin: string;
  /** Where the web CDN snippets load @rumkit/browser from; `undefined` for the default. */
  sdkUrl: string | undefined;
  formatDateTime: (iso: string) => string;
  /** The IANA time zone dates are shown and entered in (the provider's, or the browser's). */
  timeZone: string;
  store: KitStore;
}

export const RumKitContext = createContext<RumKitContextValue | null>(null);

/** The kit's context: backend, query client, locale, navigation. Only inside a RumProvider. */
export function useRumKit(): RumKitContextValue {
  const value = useContext(RumKitContext);
  if (value === null) {
    throw new Error(
      'rumkit components must be inside a <RumProvider backend={...}>: it gives them the backend, the locale and the navigation callbacks.',
    );
  }
  return value;
}
