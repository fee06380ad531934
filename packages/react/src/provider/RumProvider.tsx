import type { RumBackend } from '@rumkit/core';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import {
  createTranslator,
  en,
  INTL_LOCALE,
  type Locale,
  type Messages,
  zh,
} from '../i18n/index.js';
import { RumKitContext, type RumKitContextValue, type RumNavigation } from './context.js';
import { createKitStore } from './store.js';
import { KIT_CSS } from './styles.js';

export interface RumProviderProps {
  /** Where the kit's data comes from: `createHttpBackend(...)`, `createMemoryBackend(...)` (from `@rumkit/core/memory`) or your own. */
  backend: RumBackend;
  /**
   * The host's QueryClient, to share its cache and defaults. Default: a client of the kit's
   * own. The kit passes it to its hooks directly and never replaces the host's own
   * QueryClientProvider.
   */
  queryClient?: QueryClient;
  /** The language of every label. Default `'en'`. */
  locale?: Locale;
  /** Replacements for some of the kit's messages, in the chosen locale. Default none. */
  messages?: Partial<Messages>;
  /** What opening a dashboard, the explorer or a view means in the host. Default: those links are hidden. */
  navigation?: RumNavigation;
  /** The origin SDKs send events to, filled into snippets. Default: this page's origin. */
  intakeOrigin?: string;
  /** Where the web CDN snippets load the browser SDK from. Default: jsDelivr's copy on npm. */
  sdkUrl?: string;
  /** The time zone dates are shown in. Default: the browser's. */
  timeZone?: string;
  children?: ReactNode;
}

const CATALOGUES: Record<Locale, Messages> = { en, zh };

/**
 * A QueryClient with the kit's defaults (one retry, no refetch on focus): what RumProvider makes
 * when the host passes none. A host that starts a query before React renders (a deep link's
 * data, asked for while the app's code boots) makes it here and hands it to RumProvider.
 */
export function createKitQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: 0 },
    },
  });
}

/** Gives the kit's components their backend, QueryClient, locale and navigation. */
export function RumProvider({
  backend,
  queryClient,
  locale = 'en',
  messages,
  navigation,
  intakeOrigin,
  sdkUrl,
  timeZone,
  children,
}: RumProviderProps) {
  const [ownClient] = useState(() => (queryClient ? null : createKitQueryClient()));
  const [store] = useState(createKitStore);
  const client = queryClient ?? (ownClient as QueryClient);
  // What QueryClientProvider does: listen for focus and reconnection, so paused queries resume.
  // Mounting is counted, so a host client that its own provider mounts too is fine.
  useEffect(() => {
    client.mount();
    return () => client.unmount();
  }, [client]);

  const value = useMemo<RumKitContextValue>(() => {
    const t = createTranslator(locale, { ...CATALOGUES[locale], ...messages });
    const dateFormat = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    return {
      backend,
      queryClient: client,
      locale,
      t,
      navigation: navigation ?? {},
      intakeOrigin:
        intakeOrigin ??
        (typeof location === 'undefined' ? 'http://localhost:8080' : location.origin),
      sdkUrl,
      formatDateTime: (iso) => dateFormat.format(new Date(iso)),
      timeZone: timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      store,
    };
  }, [backend, client, locale, messages, navigation, intakeOrigin, sdkUrl, timeZone, store]);

  return (
    <RumKitContext.Provider value={value}>
      {/* React 19 hoists this into <head> once, however many providers there are. */}
      <style href="rumkit-kit" precedence="rumkit">
        {KIT_CSS}
      </style>
      {children}
    </RumKitContext.Provider>
  );
}
